package io.fleetsim.cli;

/**
 * A command cannot go on for a reason the user can act on (a missing file, an unwritable directory): the
 * one-line message is printed without a stack trace and the command exits with {@link #exitCode()}.
 */
final class CommandFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
