package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.scenario.ScenarioException;
import io.fleetsim.scenario.ScenarioProblem;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The mapping from exceptions to messages and exit codes, on a stand-in command that throws what it is given. */
class ErrorHandlerTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {

        @Option(names = "--debug")
        boolean debug;

        private final Exception toThrow;

        Boom(Exception toThrow) {
            this.toThrow = toThrow;
        }

        @Override
        public Integer call() throws Exception {
            throw toThrow;
        }
    }

    private static Cli run(Exception toThrow, String... args) {
        CommandLine commandLine = new CommandLine(new Boom(toThrow));
        ErrorHandler handler = new ErrorHandler();
        commandLine.setExecutionExceptionHandler(handler);
        commandLine.setParameterExceptionHandler(handler);
        return Cli.execute(commandLine, args);
    }

    @Test
    void scenarioException_printsEveryProblemAsFileLineColumnAndExits2() {
        ScenarioException ex = new ScenarioException(List.of(
                new ScenarioProblem("web.yaml", "services[0].desiredCont", 12, 5,
                        "unknown key; did you mean `desiredCount`?"),
                new ScenarioProblem("web.yaml", "duration", 3, 11, "expected a duration like 7d, found `forever`")));
        Cli cli = run(ex);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo(""
                + "web.yaml:12:5: services[0].desiredCont: unknown key; did you mean `desiredCount`?\n"
                + "web.yaml:3:11: duration: expected a duration like 7d, found `forever`\n");
    }

    @Test
    void commandFailure_printsItsMessageAndExitsWithItsCode() {
        Cli cli = run(new CommandFailure("cannot write reports to out/x: disk full", 1));
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("fleetsim: cannot write reports to out/x: disk full\n");
    }

    @Test
    void missingFileInsideTheLoader_exits2WithOneLine() {
        Cli cli = run(new UncheckedIOException(new NoSuchFileException("traces/azure.csv")));
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("fleetsim: cannot read traces/azure.csv: no such file\n");
    }

    @Test
    void explain_namesTheFailingFileUnlessItIsTheSubject() {
        java.nio.file.Path out = java.nio.file.Path.of("/out/x");
        assertThat(ErrorHandler.explain(new java.nio.file.AccessDeniedException("/out/x"), out))
                .isEqualTo("permission denied");
        assertThat(ErrorHandler.explain(new java.nio.file.NotDirectoryException("/out/x"), out))
                .isEqualTo("not a directory");
        assertThat(ErrorHandler.explain(new java.nio.file.AccessDeniedException("/out"), out))
                .isEqualTo("/out: permission denied");
        assertThat(ErrorHandler.explain(
                new java.nio.file.FileSystemException("/out/x/a", null, "Read-only file system"), out))
                .isEqualTo("/out/x/a: Read-only file system");
        assertThat(ErrorHandler.explain(new java.io.IOException("No space left on device"), out))
                .isEqualTo("No space left on device");
    }

    @Test
    void unexpectedException_isAnInternalErrorOnOneLineWithAHint() {
        Cli cli = run(new IllegalStateException("queue corrupted\nsecond line"));
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo(""
                + "internal error: java.lang.IllegalStateException: queue corrupted ...\n"
                + "rerun with --debug to print the stack trace\n");
    }

    @Test
    void unexpectedException_withDebug_printsTheStackTrace() {
        Cli cli = run(new IllegalStateException("queue corrupted"), "--debug");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("internal error: java.lang.IllegalStateException: queue corrupted\n"
                        + "java.lang.IllegalStateException: queue corrupted\n")
                .contains("\tat io.fleetsim.cli.ErrorHandlerTest")
                .doesNotContain("rerun with");
    }
}
