package io.fleetsim.cli;

import io.fleetsim.experiment.Experiment;
import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.reports.ReportWriter;
import io.fleetsim.reports.ResultTable;
import io.fleetsim.scenario.ScenarioFile;
import io.fleetsim.scenario.Units;
import io.fleetsim.text.NearMiss;
import io.fleetsim.scenario.model.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fleetsim run [SCENARIO] [-o DIR] [--seed N] [--seeds N] [--threads N] [--quiet]}: simulates every variant of a scenario (the bundled
 * quickstart when none is given), writes report.json, summary.md and timeseries.csv, and prints a short result table
 * and the paths written.
 */
@Command(name = "run",
        description = {"Simulate every variant of a scenario and write the reports:",
            "report.json, summary.md, timeseries.csv. Without SCENARIO, runs the bundled quickstart."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario YAML file (default: the bundled quickstart).")
    Path scenario;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Directory for the reports (default: out/<scenario-name>).")
    Path output;

    @Option(names = "--seed", paramLabel = "N",
            description = "Master seed for every variant, instead of the scenario's.")
    Long seed;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Simulate this long instead of the scenario's duration, e.g. 1d or 6h.")
    String duration;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "Run only this variant (repeatable; default: all, in file order).")
    List<String> onlyVariants;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Run every variant on N seeds (its seed and the N-1 after it) and report the spread "
                    + "across them (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--threads", paramLabel = "N",
            description = "Run at most N simulations at a time (default: one per core). Results do not depend on it.")
    Integer threads;

    @Option(names = {"-q", "--quiet"},
            description = "Print nothing but errors (no progress, no result table).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        ScenarioFile file = scenario == null ? ScenarioInput.quickstart() : ScenarioInput.load(scenario);
        if (seed != null) {
            file = withSeed(file, seed);
        }
        if (duration != null) {
            file = withDuration(file, duration);
        }
        if (onlyVariants != null) {
            file = selectVariants(file, onlyVariants);
        }
        if (seeds < 1 || seeds > 1000) {
            throw new CommandFailure("--seeds must be between 1 and 1000, found " + seeds, ExitCode.USAGE);
        }
        if (threads != null && threads < 1) {
            throw new CommandFailure("--threads must be at least 1, found " + threads, ExitCode.USAGE);
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        ExperimentResult result;
        boolean showProgress = !quiet && System.console() != null;
        long wallStart = System.nanoTime();
        List<String> runNames = new ArrayList<>();
        for (Scenario run : Experiment.expand(file, seeds)) {
            runNames.add(run.variant());
        }
        RunTimes times;
        try (TerminalProgress progress = TerminalProgress.start(runNames, err, showProgress)) {
            times = new RunTimes(progress);
            result = Experiment.run(file, seeds, threadCount, times);
        }
        String cpuLine = times.line(runNames);
        long wallNanos = System.nanoTime() - wallStart;

        Path outDir = output != null ? output : defaultOutputDir(result.scenarioName());
        ReportWriter writer = new ReportWriter();
        List<Path> written;
        try {
            written = writer.write(result, outDir);
        } catch (IOException e) {
            throw new CommandFailure("cannot write reports to " + outDir + ": " + ErrorHandler.explain(e, outDir),
                    ExitCode.SOFTWARE);
        }
        if (!quiet) {
            out.print(ResultTable.render(result));
            out.println();
            out.println(RunStats.line(result, wallNanos, Math.min(threadCount, result.runs().size())));
            if (!cpuLine.isEmpty()) {
                out.println(cpuLine);
            }
            for (Path path : written) {
                out.println("wrote " + path);
            }
            out.flush();
        }
        return ExitCode.OK;
    }

    /**
     * {@code out/<name>} with the scenario name reduced to a safe directory name: characters other than letters,
     * digits, {@code .}, {@code _} and {@code -} become {@code -}, leading dots are dropped (no {@code ..}, no
     * hidden directory), and an empty result becomes {@code scenario}. The name comes from an untrusted file and
     * must not steer the output elsewhere (DESIGN.md principle 7).
     */
    static Path defaultOutputDir(String scenarioName) {
        StringBuilder sb = new StringBuilder(scenarioName.length());
        for (int i = 0; i < scenarioName.length(); i++) {
            char c = scenarioName.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            sb.append(safe ? c : '-');
        }
        int start = 0;
        while (start < sb.length() && sb.charAt(start) == '.') {
            start++;
        }
        String name = sb.substring(start);
        return Path.of("out", name.isEmpty() ? "scenario" : name);
    }

    private static ScenarioFile withSeed(ScenarioFile file, long newSeed) {
        List<Scenario> variants = new ArrayList<>(file.variants().size());
        for (Scenario variant : file.variants()) {
            variants.add(variant.withSeed(newSeed));
        }
        return new ScenarioFile(file.source(), variants);
    }

    private static ScenarioFile withDuration(ScenarioFile file, String text) throws CommandFailure {
        long nanos;
        try {
            nanos = Units.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("--duration: " + e.getMessage(), ExitCode.USAGE);
        }
        if (nanos <= 0) {
            throw new CommandFailure("--duration must be positive, found " + text, ExitCode.USAGE);
        }
        List<Scenario> variants = new ArrayList<>(file.variants().size());
        for (Scenario variant : file.variants()) {
            variants.add(variant.withDuration(nanos));
        }
        return new ScenarioFile(file.source(), variants);
    }

    private static ScenarioFile selectVariants(ScenarioFile file, List<String> names) throws CommandFailure {
        List<String> known = variantNames(file);
        List<Scenario> selected = new ArrayList<>();
        for (String name : names) {
            int i = known.indexOf(name);
            if (i < 0) {
                throw new CommandFailure("--variant: no variant `" + name + "` in " + file.source()
                        + NearMiss.hint(name, known) + " variants: " + String.join(", ", known), ExitCode.USAGE);
            }
            if (!selected.contains(file.variants().get(i))) {
                selected.add(file.variants().get(i));
            }
        }
        return new ScenarioFile(file.source(), selected);
    }

    private static List<String> variantNames(ScenarioFile file) {
        List<String> names = new ArrayList<>(file.variants().size());
        for (Scenario variant : file.variants()) {
            names.add(variant.variant());
        }
        return names;
    }
}
