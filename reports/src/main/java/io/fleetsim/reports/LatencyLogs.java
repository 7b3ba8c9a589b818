package io.fleetsim.reports;

import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.ServiceTrafficResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The HdrHistogram interval logs of a result: one file per run and service with traffic,
 * {@code latency-<variant>-<service>.hlog}, holding the run's {@link ServiceTrafficResult#intervalLog()} (one
 * interval per simulated minute, values in nanoseconds) after two comment lines that say which scenario, variant,
 * seed and service it is and when the run started. The format is HdrHistogram's text log, which its
 * {@code HistogramLogReader} and {@code HistogramLogProcessor} read (github.com/HdrHistogram/HdrHistogram); the
 * reader skips lines starting with {@code #} other than its own tags.
 *
 * <p>Names from the scenario are reduced to {@code [A-Za-z0-9._-]} (any other character becomes {@code _}), so a
 * name can neither leave the output directory nor make a hidden file (every name starts with {@code latency-}).
 * Two runs or services that reduce to the same name (variants {@code a b} and {@code a_b}, or one variant run on
 * several seeds) get {@code -2}, {@code -3} ... before {@code .hlog}, in run and service order; the header comment
 * still names the original variant and service.
 *
 * <p>Caveats: a very long variant or service name can exceed the file system's 255-byte name limit, and the write
 * then fails with the file system's error.
 */
final class LatencyLogs {

    static final String PREFIX = "latency-";
    static final String SUFFIX = ".hlog";

    private LatencyLogs() {
    }

    /** The log files of {@code result}, in run order and, within a run, in traffic (scenario) order. */
    static List<AtomicFiles.Output> outputs(ExperimentResult result) {
        List<List<String>> names = fileNames(result);
        List<AtomicFiles.Output> outputs = new ArrayList<>();
        for (int r = 0; r < result.runs().size(); r++) {
            RunResult run = result.runs().get(r);
            for (int t = 0; t < run.traffic().size(); t++) {
                ServiceTrafficResult traffic = run.traffic().get(t);
                outputs.add(new AtomicFiles.Output(names.get(r).get(t), out -> {
                    out.write("#fleetsim " + comment(run.fleetsimVersion()) + ", scenario "
                            + comment(result.scenarioName()) + ", variant " + comment(run.variant()) + ", seed "
                            + run.seed() + ", service " + comment(traffic.service()) + "\n");
                    out.write("#run start " + run.start() + "; interval timestamps are seconds since the run start\n");
                    out.write(traffic.intervalLog());
                }));
            }
        }
        return List.copyOf(outputs);
    }

    /** The file name of each run's each traffic result, aligned with {@code result.runs()} and their traffic. */
    static List<List<String>> fileNames(ExperimentResult result) {
        Set<String> used = new HashSet<>(); // membership only, never iterated
        List<List<String>> names = new ArrayList<>(result.runs().size());
        for (RunResult run : result.runs()) {
            List<String> runNames = new ArrayList<>(run.traffic().size());
            for (ServiceTrafficResult traffic : run.traffic()) {
                String base = PREFIX + safe(run.variant()) + "-" + safe(traffic.service());
                String name = base + SUFFIX;
                for (int n = 2; !used.add(name); n++) {
                    name = base + "-" + n + SUFFIX;
                }
                runNames.add(name);
            }
            names.add(List.copyOf(runNames));
        }
        return List.copyOf(names);
    }

    /** {@code name} with every character outside {@code [A-Za-z0-9._-]} replaced by {@code _}. */
    static String safe(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    /** Text for a one-line log comment: control characters and non-ASCII become {@code ?} (the log is ASCII). */
    private static String comment(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c > 0x7e ? '?' : c);
        }
        return sb.toString();
    }
}
