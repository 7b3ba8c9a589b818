package io.fleetsim.cli;

import io.fleetsim.scenario.ScenarioException;
import io.fleetsim.scenario.ScenarioFile;
import io.fleetsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ExitCode;

/** Where the commands get scenarios: a file the user names, or the quickstart bundled in the jar. */
final class ScenarioInput {

    /** Classpath resource of the bundled quickstart (cli/pom.xml copies {@code scenarios/} into the jar). */
    static final String QUICKSTART_RESOURCE = "scenarios/quickstart.yaml";

    /** Name the bundled quickstart has in problems and reports. */
    static final String QUICKSTART_SOURCE = "bundled:" + QUICKSTART_RESOURCE;

    private ScenarioInput() {
    }

    /**
     * Loads and validates a scenario file. A missing, unreadable or non-regular file is a {@link CommandFailure}
     * (exit 2) with a one-line message, checked before the loader sees it.
     */
    static ScenarioFile load(Path file) throws ScenarioException, CommandFailure {
        if (!Files.exists(file)) {
            throw new CommandFailure("cannot read scenario " + file + ": no such file", ExitCode.USAGE);
        }
        if (Files.isDirectory(file)) {
            throw new CommandFailure("cannot read scenario " + file + ": is a directory, expected a YAML file",
                    ExitCode.USAGE);
        }
        if (!Files.isReadable(file)) {
            throw new CommandFailure("cannot read scenario " + file + ": permission denied", ExitCode.USAGE);
        }
        return ScenarioLoader.load(file);
    }

    /** Loads the bundled quickstart; its absence is a packaging bug (an internal error). */
    static ScenarioFile quickstart() throws ScenarioException, IOException {
        try (InputStream in = ScenarioInput.class.getClassLoader().getResourceAsStream(QUICKSTART_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled scenario " + QUICKSTART_RESOURCE
                        + " is not on the classpath; the fleetsim jar was built without scenarios/");
            }
            return ScenarioLoader.load(QUICKSTART_SOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
