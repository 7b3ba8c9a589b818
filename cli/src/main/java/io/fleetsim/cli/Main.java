package io.fleetsim.cli;

import io.fleetsim.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code fleetsim} command (picocli, https://picocli.info): {@code run}, {@code validate}, {@code help}, and
 * {@code --help} / {@code --version} on every command. Main class of the shaded jar {@code cli/target/fleetsim.jar}.
 *
 * <p>Exit codes (DESIGN.md, "Interfaces users touch"): 0 ok; 2 bad input (a scenario with problems, a missing or
 * unreadable file, bad options); 1 anything else. Commands throw and {@link ErrorHandler}, installed as picocli's
 * execution and parameter exception handlers, turns each exception into its message and exit code, so a user
 * mistake never shows a stack trace and an internal error shows one only with {@code --debug}.
 *
 * <p>The handlers are installed by a model transformer, which picocli runs for every {@code CommandLine} built on
 * a {@code Main} (after the model is bound to it), so {@code new CommandLine(new Main())} in a test or in a program
 * embedding fleetsim behaves exactly like the shipped command.
 */
@Command(name = "fleetsim",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = Main.VersionProvider.class,
        modelTransformer = Main.InstallErrorHandler.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Simulates container platforms on AWS (ECS, Fargate, EC2) and reports cost and capacity.",
        subcommands = {RunCommand.class, ValidateCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:internal error (rerun with --debug for the stack trace)",
            "2:bad input: scenario problems, a missing or unreadable file, bad options"})
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Read by {@link ErrorHandler} from the parse result (it may be given after any subcommand). */
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an internal error, print the stack trace.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** {@code fleetsim} alone: the usage on stderr, exit 2 (a command is required). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** {@code --version}: the fleetsim version recorded in every report. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fleetsim " + Version.VERSION};
        }
    }

    /** Installs {@link ErrorHandler} on the {@code CommandLine} being built (see the class comment). */
    static final class InstallErrorHandler implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec commandSpec) {
            CommandLine commandLine = commandSpec.commandLine();
            ErrorHandler handler = new ErrorHandler();
            commandLine.setExecutionExceptionHandler(handler);
            commandLine.setParameterExceptionHandler(handler);
            return commandSpec;
        }
    }
}
