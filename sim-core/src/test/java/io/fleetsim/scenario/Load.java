package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads test YAML against {@link FakeCatalog}, {@link FakePlacementRules} and {@link FakeTraceFormats}, as
 * {@code test.yaml}.
 */
final class Load {

    static final String FILE = "test.yaml";

    private Load() {
    }

    static ScenarioFile ok(String yaml) throws ScenarioException {
        return ok(yaml, Path.of(""));
    }

    /** With relative data file paths resolved against {@code folder}. */
    static ScenarioFile ok(String yaml, Path folder) throws ScenarioException {
        return ScenarioLoader.load(FILE, yaml, FakeCatalog.SOURCE, FakePlacementRules.INSTANCE,
                FakeTraceFormats.INSTANCE, folder);
    }

    /** A scenario file on disk, with the fakes. */
    static ScenarioFile ok(Path file) throws ScenarioException {
        return ScenarioLoader.load(file, FakeCatalog.SOURCE, FakePlacementRules.INSTANCE, FakeTraceFormats.INSTANCE);
    }

    /** The problems of a file that must not load. */
    static List<ScenarioProblem> problems(String yaml) {
        return problems(yaml, Path.of(""));
    }

    /** The problems of a file that must not load, data file paths resolved against {@code folder}. */
    static List<ScenarioProblem> problems(String yaml, Path folder) {
        ScenarioException[] caught = new ScenarioException[1];
        assertThatThrownBy(() -> {
            try {
                ok(yaml, folder);
            } catch (ScenarioException e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(ScenarioException.class);
        return caught[0].problems();
    }

    /** The one problem of a file that must have exactly one. */
    static ScenarioProblem only(String yaml) {
        return only(yaml, Path.of(""));
    }

    /** The one problem of a file (data files resolved against {@code folder}) that must have exactly one. */
    static ScenarioProblem only(String yaml, Path folder) {
        List<ScenarioProblem> problems = problems(yaml, folder);
        org.assertj.core.api.Assertions.assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    /** The problem is at {@code path}, {@code line}:{@code column} of {@link #FILE}, and says {@code phrase}. */
    static void assertProblem(ScenarioProblem p, String path, int line, int column, String phrase) {
        org.assertj.core.api.Assertions.assertThat(p.file()).isEqualTo(FILE);
        org.assertj.core.api.Assertions.assertThat(p.path()).isEqualTo(path);
        org.assertj.core.api.Assertions.assertThat(p.line()).isEqualTo(line);
        org.assertj.core.api.Assertions.assertThat(p.column()).isEqualTo(column);
        org.assertj.core.api.Assertions.assertThat(p.message()).contains(phrase);
    }
}
