package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

/** Loads test YAML against {@link FakeCatalog} and {@link FakePlacementRules}, as {@code test.yaml}. */
final class Load {

    static final String FILE = "test.yaml";

    private Load() {
    }

    static ScenarioFile ok(String yaml) throws ScenarioException {
        return ScenarioLoader.load(FILE, yaml, FakeCatalog.SOURCE, FakePlacementRules.INSTANCE);
    }

    /** The problems of a file that must not load. */
    static List<ScenarioProblem> problems(String yaml) {
        ScenarioException[] caught = new ScenarioException[1];
        assertThatThrownBy(() -> {
            try {
                ok(yaml);
            } catch (ScenarioException e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(ScenarioException.class);
        return caught[0].problems();
    }
}
