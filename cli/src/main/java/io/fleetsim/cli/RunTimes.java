package io.fleetsim.cli;

import io.fleetsim.experiment.ProgressListener;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the CPU time of {@code fleetsim run} went: each run's thread CPU time (every run is single-threaded) and
 * the JVM's CPU time besides (the JIT compilers, the garbage collector, start-up), printed on the terminal after
 * the result table. The split explains parallel speed-ups: runs on N threads cannot finish faster than (run CPU +
 * JVM CPU) / N, and on a one-thread run the JVM's own work uses the idle cores for free
 * (benchmarks/README.md, "Parallel runs").
 *
 * <p>Passes progress through to the terminal's {@link ProgressListener}. Thread-safe: runs finish on pool threads.
 */
final class RunTimes implements ProgressListener {

    /** Up to this many runs are listed one by one; more are summarised as a range. */
    static final int LISTED = 8;

    /** One finished run: its name, wall-clock and thread CPU nanoseconds ({@code -1} if not measurable). */
    record RunTime(String variant, long wallNanos, long cpuNanos) {
    }

    private final ProgressListener terminal;
    private final Map<String, RunTime> finished = new ConcurrentHashMap<>();
    private final long processCpuStart;

    RunTimes(ProgressListener terminal) {
        this.terminal = terminal;
        this.processCpuStart = processCpuNanos();
    }

    @Override
    public void progress(String variant, long simNanos, long durationNanos) {
        terminal.progress(variant, simNanos, durationNanos);
    }

    @Override
    public void finished(String variant, long wallNanos, long cpuNanos) {
        finished.put(variant, new RunTime(variant, wallNanos, cpuNanos));
    }

    /** The CPU line for the runs finished so far, in {@code order}; empty if CPU time cannot be measured. */
    String line(List<String> order) {
        List<RunTime> runs = new ArrayList<>();
        for (String name : order) {
            RunTime t = finished.get(name);
            if (t != null) {
                runs.add(t);
            }
        }
        long process = processCpuNanos();
        return line(runs, process < 0 || processCpuStart < 0 ? -1 : process - processCpuStart);
    }

    /**
     * {@code run CPU: a 1.50 s, b 2.25 s; 3.75 s in the runs, 0.80 s in the JVM's other threads (JIT compiler,
     * GC)}; with more than {@value #LISTED} runs the list becomes {@code 12 runs of 1.10 to 2.40 s (median
     * 1.80 s)}. {@code processCpuNanos} is the whole JVM's CPU time over the same span, {@code -1} if unknown.
     */
    static String line(List<RunTime> runs, long processCpuNanos) {
        long total = 0;
        for (RunTime r : runs) {
            if (r.cpuNanos() < 0) {
                return "";
            }
            total += r.cpuNanos();
        }
        if (runs.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("run CPU: ");
        if (runs.size() <= LISTED) {
            for (int i = 0; i < runs.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(runs.get(i).variant()).append(' ').append(seconds(runs.get(i).cpuNanos()));
            }
        } else {
            List<RunTime> sorted = new ArrayList<>(runs);
            sorted.sort(Comparator.comparingLong(RunTime::cpuNanos));
            int n = sorted.size();
            long median = n % 2 == 1 ? sorted.get(n / 2).cpuNanos()
                    : (sorted.get(n / 2 - 1).cpuNanos() + sorted.get(n / 2).cpuNanos()) / 2;
            sb.append(n).append(" runs of ").append(seconds(sorted.get(0).cpuNanos()).replace(" s", ""))
                    .append(" to ").append(seconds(sorted.get(n - 1).cpuNanos()))
                    .append(" (median ").append(seconds(median)).append(')');
        }
        sb.append("; ").append(seconds(total)).append(" in the runs");
        if (processCpuNanos >= 0) {
            sb.append(", ").append(seconds(Math.max(0, processCpuNanos - total)))
                    .append(" in the JVM's other threads (JIT compiler, GC)");
        }
        return sb.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** The JVM's CPU time so far, or -1 where the platform bean does not offer it. */
    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
