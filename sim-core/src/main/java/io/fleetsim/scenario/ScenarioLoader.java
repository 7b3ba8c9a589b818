package io.fleetsim.scenario;

import io.fleetsim.scenario.model.Scenario;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a YAML scenario file into validated, immutable {@link Scenario}s, one per variant
 * (docs/scenario-reference.md is the language reference).
 *
 * <p>Pipeline: {@link YamlReader} builds a tree that keeps line:column; {@link VariantOverrides} derives each
 * variant's tree from the base; {@link ScenarioBinder} (with {@link ClusterBinder}, {@link WorkloadBinder},
 * {@link TaskDefinitionBinder}) binds and validates each variant against the region's catalog and the placement
 * registry; a service's traffic and SLO go through {@link TrafficBinder}, {@link DistributionBinder} and
 * {@link SloBinder}, which read the trace and samples files a scenario names (relative paths against the scenario
 * file's folder, {@link Inputs}). Every problem is collected before anything is thrown, so a user sees all mistakes at once, each as
 * {@code file:line:column: path: message} (DESIGN.md principle 7).
 *
 * <p>Variants are validated separately, so a mistake in the base would be found once per variant. The loader
 * reports a problem found in every variant once, as it is; a problem found in only some variants (an override's
 * own mistake, or a base value that conflicts with an override) is reported once with the prefix
 * {@code variant NAME:} (or {@code variants A, B:}). Problems are sorted by line and column.
 *
 * <p>Caveats: a variant whose {@code set} path matches nothing is not bound at all (its path error is reported);
 * the remaining variants decide which problems are "in every variant".
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    /** Reads and validates a file; every problem is reported at once, each with path and line:column. */
    public static ScenarioFile load(Path file) throws ScenarioException {
        return load(file, CatalogView.Source.bundled(), PlacementRules.registry(), TraceFormats.registry());
    }

    /** {@link #load(Path)} with other collaborators (tests use fakes); data files resolve against its folder. */
    static ScenarioFile load(Path file, CatalogView.Source catalogs, PlacementRules placement, TraceFormats traces)
            throws ScenarioException {
        String source = file.toString();
        String text;
        try {
            // A strict decoder: a Latin-1 file must not turn into replacement characters silently.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw single(source, "no such file");
        } catch (CharacterCodingException e) {
            throw single(source, "the file is not valid UTF-8 text");
        } catch (IOException e) {
            throw single(source, "cannot read the file: " + e);
        }
        return load(source, text, catalogs, placement, traces, Inputs.folderOf(file));
    }

    /**
     * Same, from text; {@code sourceName} is used in messages (e.g. a classpath resource name). Relative paths of
     * data files (traces, samples) are resolved against the current directory.
     */
    public static ScenarioFile load(String sourceName, String yaml) throws ScenarioException {
        return load(sourceName, yaml, CatalogView.Source.bundled(), PlacementRules.registry());
    }

    /** The loader with another catalog and placement registry (tests use hand-written fakes). */
    static ScenarioFile load(String sourceName, String yaml, CatalogView.Source catalogs, PlacementRules placement)
            throws ScenarioException {
        return load(sourceName, yaml, catalogs, placement, TraceFormats.registry(), Path.of(""));
    }

    /**
     * The loader with every collaborator given: tests use fakes for the catalog, the placement registry and the
     * trace formats.
     *
     * @param folder the folder relative data file paths in the scenario are resolved against
     */
    static ScenarioFile load(String sourceName, String yaml, CatalogView.Source catalogs, PlacementRules placement,
            TraceFormats traces, Path folder) throws ScenarioException {
        Problems global = new Problems(sourceName);
        YamlNode root = YamlReader.read(yaml, global);
        if (root == null) {
            throw new ScenarioException(global.list());
        }
        List<VariantOverrides.Variant> variants = VariantOverrides.declared(root, global);
        List<Scenario> scenarios = new ArrayList<>();
        Map<ScenarioProblem, Set<String>> found = new LinkedHashMap<>();
        int bound = 0;
        for (VariantOverrides.Variant v : variants) {
            YamlNode tree = VariantOverrides.apply(root, v, global);
            if (tree == null) {
                continue;
            }
            bound++;
            Problems problems = new Problems(sourceName);
            Scenario s = ScenarioBinder.bind(tree, v.name(), catalogs, placement, traces, folder, problems);
            if (s != null) {
                scenarios.add(s);
            }
            for (ScenarioProblem p : problems.list()) {
                found.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(v.name());
            }
        }
        List<ScenarioProblem> all = new ArrayList<>(global.list());
        for (Map.Entry<ScenarioProblem, Set<String>> e : found.entrySet()) {
            ScenarioProblem p = e.getKey();
            Set<String> in = e.getValue();
            if (in.size() == bound) {
                all.add(p);
            } else {
                String prefix = (in.size() == 1 ? "variant " : "variants ") + String.join(", ", in) + ": ";
                all.add(new ScenarioProblem(p.file(), p.path(), p.line(), p.column(), prefix + p.message()));
            }
        }
        if (!all.isEmpty()) {
            all.sort(Comparator.comparingInt(ScenarioProblem::line).thenComparingInt(ScenarioProblem::column));
            throw new ScenarioException(all);
        }
        return new ScenarioFile(sourceName, scenarios);
    }

    private static ScenarioException single(String source, String message) {
        return new ScenarioException(List.of(new ScenarioProblem(source, "$", 0, 0, message)));
    }
}
