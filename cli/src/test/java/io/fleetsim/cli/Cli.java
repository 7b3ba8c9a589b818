package io.fleetsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the fleetsim command in-process, capturing exit code, stdout and stderr. */
record Cli(int exitCode, String out, String err) {

    static Cli execute(String... args) {
        return execute(new CommandLine(new Main()), args);
    }

    static Cli execute(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Cli(exitCode, out.toString(), err.toString());
    }
}
