package io.fleetsim.cli;

import io.fleetsim.scenario.ScenarioException;
import io.fleetsim.scenario.ScenarioProblem;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what a command throws into a message on stderr and an exit code (DESIGN.md principle 7: no stack trace
 * for a user mistake):
 * <ul>
 *   <li>{@link ScenarioException}: every problem on its own line as {@code file:line:col: path: message} (the form
 *       editors and terminals link), exit 2;</li>
 *   <li>{@link CommandFailure}: its one-line message, its exit code;</li>
 *   <li>a file-system error reading input ({@link FileSystemException}, also inside an
 *       {@link UncheckedIOException}), e.g. a trace the scenario names is missing: one line, exit 2;</li>
 *   <li>anything else is a bug: {@code internal error: ...} and a hint to rerun with {@code --debug}, which prints
 *       the stack trace; exit 1;</li>
 *   <li>bad options (picocli's {@link ParameterException}): the error, picocli's "did you mean" suggestions and a
 *       pointer to {@code --help}, exit 2.</li>
 * </ul>
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    static final String DEBUG_OPTION = "--debug";

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult fullParseResult) {
        PrintWriter err = commandLine.getErr();
        try {
            if (ex instanceof ScenarioException scenario) {
                if (scenario.problems().isEmpty()) {
                    err.println("fleetsim: invalid scenario: " + firstLine(scenario.getMessage()));
                }
                for (ScenarioProblem problem : scenario.problems()) {
                    err.println(problem);
                }
                return ExitCode.USAGE;
            }
            if (ex instanceof CommandFailure failure) {
                err.println("fleetsim: " + failure.getMessage());
                return failure.exitCode();
            }
            FileSystemException fileProblem = fileSystemCause(ex);
            if (fileProblem != null) {
                err.println("fleetsim: cannot read " + fileProblem.getFile() + ": " + reason(fileProblem));
                return ExitCode.USAGE;
            }
            err.println("internal error: " + describe(ex));
            if (debugRequested(fullParseResult)) {
                ex.printStackTrace(err);
            } else {
                err.println("rerun with " + DEBUG_OPTION + " to print the stack trace");
            }
            return ExitCode.SOFTWARE;
        } finally {
            err.flush();
        }
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("fleetsim: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        CommandLine.IExitCodeExceptionMapper mapper = commandLine.getExitCodeExceptionMapper();
        return mapper != null ? mapper.getExitCode(ex) : commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Whether {@code --debug} was given to the command or any of its subcommands. */
    static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }

    private static FileSystemException fileSystemCause(Throwable ex) {
        if (ex instanceof FileSystemException fs) {
            return fs;
        }
        if (ex instanceof UncheckedIOException unchecked && unchecked.getCause() instanceof FileSystemException fs) {
            return fs;
        }
        return null;
    }

    /** {@code NoSuchFileException} -> "no such file"; otherwise the file system's reason. */
    private static String reason(FileSystemException ex) {
        if (ex instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (ex instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (ex instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        return ex.getReason() != null ? ex.getReason() : ex.getClass().getSimpleName();
    }

    /**
     * An I/O failure in a few words for a one-line message about {@code subject}: {@code permission denied},
     * {@code out/x/.report.json.1.tmp: permission denied}, {@code No space left on device}. The failing file is
     * named unless it is {@code subject} itself.
     */
    static String explain(java.io.IOException ex, java.nio.file.Path subject) {
        if (ex instanceof FileSystemException fs) {
            boolean other = fs.getFile() != null && !fs.getFile().equals(subject.toString());
            return other ? fs.getFile() + ": " + reason(fs) : reason(fs);
        }
        return ex.getMessage() != null ? firstLine(ex.getMessage()) : ex.getClass().getSimpleName();
    }

    /** The exception's class and message ({@link Throwable#toString()}), first line only. */
    private static String describe(Throwable ex) {
        return firstLine(ex.toString());
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }
}
