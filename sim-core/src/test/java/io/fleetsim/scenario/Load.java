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
}
