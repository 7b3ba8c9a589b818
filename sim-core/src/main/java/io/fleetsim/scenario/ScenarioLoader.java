package io.fleetsim.scenario;

import java.nio.file.Path;

/** SKELETON (contract): YAML scenario file to validated, immutable scenarios. */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    /** Reads and validates a file; every problem is reported at once, each with path and line:column. */
    public static ScenarioFile load(Path file) throws ScenarioException {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Same, from text; {@code sourceName} is used in messages (e.g. a classpath resource name). */
    public static ScenarioFile load(String sourceName, String yaml) throws ScenarioException {
        throw new UnsupportedOperationException("skeleton");
    }
}
