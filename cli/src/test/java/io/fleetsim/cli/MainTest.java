package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command end to end, in-process. The tests that run or validate a real scenario need the simulation and the
 * scenario loader (and scenarios/quickstart.yaml in the jar); the others check the command's own behaviour.
 */
class MainTest {

    @TempDir
    Path dir;

    // --- end to end on the bundled quickstart (needs the integrated simulation) ---

    @Test
    void run_withoutScenario_runsTheBundledQuickstartAndWritesThreeReports() throws IOException {
        Path out = dir.resolve("out");
        Cli cli = Cli.execute("run", "--duration", "1d", "-o", out.toString());
        assertThat(cli.err()).isEmpty();
        assertThat(cli.exitCode()).isZero();
        assertThat(out.resolve("report.json")).isRegularFile();
        assertThat(out.resolve("summary.md")).isRegularFile();
        assertThat(out.resolve("timeseries.csv")).isRegularFile();
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("\n| Metric | fargate | fargate-spot | ec2-m6i | ec2-graviton |\n"
                        + "|---|---:|---:|---:|---:|\n");
        assertThat(cli.out())
                .startsWith("variant ")
                .contains("\nfargate-spot ")
                .contains("\nsimulated 4 runs on ")
                .containsPattern("\nrun CPU: fargate \\d+\\.\\d\\d s, fargate-spot \\d+\\.\\d\\d s, ec2-m6i \\d+\\.\\d\\d s, "
                        + "ec2-graviton \\d+\\.\\d\\d s; \\d+\\.\\d\\d s in the runs, \\d+\\.\\d\\d s in the JVM's other threads")
                .contains("wrote " + out.resolve("report.json") + "\n")
                .contains("wrote " + out.resolve("timeseries.csv") + "\n")
                .endsWith("wrote " + out.resolve("latency-ec2-graviton-web.hlog") + "\n");
        // One HdrHistogram interval log per variant of the service with traffic.
        assertThat(out.resolve("latency-fargate-web.hlog")).isRegularFile();
        assertThat(out.resolve("latency-ec2-m6i-web.hlog")).isRegularFile();
    }

    @Test
    void run_twiceGivesByteIdenticalReportJson() throws IOException {
        assertThat(Cli.execute("run", "--quiet", "--duration", "2h", "-o", dir.resolve("a").toString()).exitCode()).isZero();
        assertThat(Cli.execute("run", "--quiet", "--duration", "2h", "-o", dir.resolve("b").toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("b/report.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/report.json")));
    }

    /*
     * Two variants on two seeds each (quickstart seeds 42 and 43): four runs, named <variant>-seed<seed>, in variant
     * then seed order; one thread or two, every report file is byte for byte the same.
     */
    @Test
    void run_seedsOnOneOrTwoThreads_giveByteIdenticalReports() throws IOException {
        String[] common = {"run", "--quiet", "--duration", "1h", "--variant", "fargate", "--variant", "ec2-m6i",
            "--seeds", "2"};
        Path one = dir.resolve("t1");
        Path two = dir.resolve("t2");
        assertThat(Cli.execute(concat(common, "--threads", "1", "-o", one.toString())).exitCode()).isZero();
        assertThat(Cli.execute(concat(common, "--threads", "2", "-o", two.toString())).exitCode()).isZero();
        for (String file : new String[] {"report.json", "summary.md", "timeseries.csv",
            "latency-fargate-seed42-web.hlog", "latency-ec2-m6i-seed43-web.hlog"}) {
            assertThat(Files.readAllBytes(two.resolve(file))).as(file).isEqualTo(Files.readAllBytes(one.resolve(file)));
        }
        String summary = Files.readString(one.resolve("summary.md"));
        assertThat(summary)
                .contains("| Metric | fargate-seed42 | fargate-seed43 | ec2-m6i-seed42 | ec2-m6i-seed43 |")
                .contains("## Across seeds")
                .contains("\n| fargate | 2 | ");
        assertThat(Files.readString(one.resolve("report.json"))).contains("\"replicates\": \"ec2-m6i\"");
    }

    @Test
    void run_seedsOutOfRange_exits2() {
        Cli cli = Cli.execute("run", "--seeds", "0", "-o", dir.resolve("x").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--seeds must be between 1 and 1000, found 0");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void run_quietPrintsNothing() {
        Cli cli = Cli.execute("run", "--quiet", "--seed", "7", "--duration", "2h", "-o", dir.resolve("q").toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void run_variantAndDuration_runOnlyThatVariantForThatLong() throws IOException {
        Path out = dir.resolve("one");
        Cli cli = Cli.execute("run", "--quiet", "--variant", "ec2-m6i", "--duration", "90m", "-o", out.toString());
        assertThat(cli.exitCode()).isZero();
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("\n| Metric | ec2-m6i |\n").contains("duration 1h 30m");
        // 90 minutes: one row per simulated minute, plus the header.
        assertThat(Files.readAllLines(out.resolve("timeseries.csv"))).hasSize(91);
    }

    @Test
    void run_unknownVariant_exits2WithSuggestion() {
        Cli cli = Cli.execute("run", "--variant", "ec2-m6", "-o", dir.resolve("x").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("no variant `ec2-m6`").contains("did you mean `ec2-m6i`?");
    }

    @Test
    void run_badDuration_exits2() {
        Cli cli = Cli.execute("run", "--duration", "1 fortnight", "-o", dir.resolve("x").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--duration");
    }

    // The output "directory" is a regular file: the reports cannot be written; one line, exit 1, no stack trace.
    @Test
    void run_unwritableOutput_exits1WithOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "not a directory");
        Cli cli = Cli.execute("run", "--quiet", "--duration", "2h", "-o", file.toString());
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("fleetsim: cannot write reports to " + file + ": not a directory\n");
    }

    // "colour" is not a scenario key: a problem at its line (5) with file:line:col, no stack trace.
    @Test
    void validate_scenarioWithUnknownKey_exits2WithFileLineColumn() throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                name: broken
                seed: 1
                duration: 1h
                region: us-east-1
                colour: blue
                clusters:
                  - name: prod
                    capacityProviders:
                      - { name: fargate, type: FARGATE }
                services:
                  - name: api
                    cluster: prod
                    desiredCount: 1
                    capacityProviderStrategy: [{ capacityProvider: fargate, weight: 1 }]
                    taskDefinition: { cpu: 256, memory: 512 }
                """);
        Cli cli = Cli.execute("validate", broken.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).containsPattern(java.util.regex.Pattern.quote(broken.toString()) + ":5:\\d+: ")
                .contains("colour")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void validate_bundledQuickstartSource_isValid() throws IOException {
        Path copy = dir.resolve("quickstart.yaml");
        try (var in = getClass().getClassLoader().getResourceAsStream(ScenarioInput.QUICKSTART_RESOURCE)) {
            assertThat(in).as("scenarios/quickstart.yaml on the classpath").isNotNull();
            Files.copy(in, copy);
        }
        Cli cli = Cli.execute("validate", copy.toString());
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).isEqualTo("ok: 4 variants\n");
        assertThat(cli.exitCode()).isZero();
    }

    // --- the command's own behaviour (independent of the simulation) ---

    @Test
    void validate_missingFile_exits2WithOneLine() {
        Path missing = dir.resolve("nope.yaml");
        Cli cli = Cli.execute("validate", missing.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("fleetsim: cannot read scenario " + missing + ": no such file\n");
    }

    @Test
    void run_missingFile_exits2WithOneLineAndWritesNothing() {
        Path missing = dir.resolve("nope.yaml");
        Cli cli = Cli.execute("run", missing.toString(), "-o", dir.resolve("out").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("fleetsim: cannot read scenario " + missing + ": no such file\n");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void validate_directory_exits2() {
        Cli cli = Cli.execute("validate", dir.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("fleetsim: cannot read scenario " + dir
                + ": is a directory, expected a YAML file\n");
    }

    @Test
    void help_exits0AndListsTheCommands() {
        Cli cli = Cli.execute("--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("Usage: fleetsim ")
                .contains("\n  run ")
                .contains("\n  validate ")
                .contains("\nExit codes:\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void runHelp_exits0AndDescribesTheOptions() {
        Cli cli = Cli.execute("run", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("Usage: fleetsim run ").contains("--seed=N").contains("--output=DIR")
                .contains("--quiet");
    }

    @Test
    void version_printsTheFleetsimVersion() {
        Cli cli = Cli.execute("--version");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo("fleetsim " + Version.VERSION + "\n");
    }

    @Test
    void unknownOption_exits2WithSuggestionAndHelpPointer() {
        Cli cli = Cli.execute("run", "--sed", "3");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("fleetsim: Unknown option: '--sed'\n")
                .contains("--seed")
                .endsWith("Try 'fleetsim run --help' for more information.\n");
    }

    @Test
    void badOptionValue_exits2() {
        Cli cli = Cli.execute("run", "--seed", "many");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("'many'").contains("--seed");
    }

    @Test
    void noCommand_printsUsageOnStderrAndExits2() {
        Cli cli = Cli.execute();
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("Usage: fleetsim ");
    }

    @Test
    void anyCommandLineOnMain_hasTheErrorHandlerInstalled() {
        CommandLine commandLine = new CommandLine(new Main());
        assertThat(commandLine.getExecutionExceptionHandler()).isInstanceOf(ErrorHandler.class);
        assertThat(commandLine.getParameterExceptionHandler()).isInstanceOf(ErrorHandler.class);
    }

    @Test
    void debug_isRecognisedBeforeOrAfterTheSubcommand() {
        assertThat(ErrorHandler.debugRequested(new CommandLine(new Main()).parseArgs("--debug", "validate", "x")))
                .isTrue();
        assertThat(ErrorHandler.debugRequested(new CommandLine(new Main()).parseArgs("validate", "x", "--debug")))
                .isTrue();
        assertThat(ErrorHandler.debugRequested(new CommandLine(new Main()).parseArgs("validate", "x"))).isFalse();
    }
}
