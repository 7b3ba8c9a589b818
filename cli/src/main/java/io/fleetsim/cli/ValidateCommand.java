package io.fleetsim.cli;

import io.fleetsim.scenario.ScenarioFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fleetsim validate SCENARIO}: loads and validates a scenario file without running it. Prints
 * {@code ok: N variants}, or every problem as {@code file:line:col: path: message} and exits 2.
 */
@Command(name = "validate",
        description = "Load and validate a scenario file without running it.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenario;

    @Override
    public Integer call() throws Exception {
        ScenarioFile file = ScenarioInput.load(scenario);
        int n = file.variants().size();
        spec.commandLine().getOut().println("ok: " + n + (n == 1 ? " variant" : " variants"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
