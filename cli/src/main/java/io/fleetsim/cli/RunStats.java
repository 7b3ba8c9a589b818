package io.fleetsim.cli;

import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.ServiceTrafficResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * The line {@code fleetsim run} prints about its own speed: runs and threads, wall time, discrete events and
 * simulated requests and their rates, and the JVM's peak heap (the sum of the heap memory pools' peak usage since
 * start, {@link MemoryPoolMXBean#getPeakUsage()}). Wall-clock figures stay on the terminal, never in a report
 * (reports are deterministic).
 */
final class RunStats {

    private RunStats() {
    }

    static String line(ExperimentResult result, long wallNanos) {
        return line(result, wallNanos, 1);
    }

    static String line(ExperimentResult result, long wallNanos, int threads) {
        long events = 0;
        long requests = 0;
        for (RunResult run : result.runs()) {
            events += run.summary().eventsFired();
            for (ServiceTrafficResult t : run.traffic()) {
                requests += t.summary().arrivals();
            }
        }
        double seconds = Math.max(wallNanos, 1) / 1e9;
        int n = result.runs().size();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "simulated %d run%s on %d thread%s in %.2f s wall: %,d events (%.2f M events/s)", n,
                n == 1 ? "" : "s", threads, threads == 1 ? "" : "s", seconds, events, events / seconds / 1e6));
        if (requests > 0) {
            sb.append(String.format(Locale.ROOT, ", %,d requests (%.2f M requests/s)", requests,
                    requests / seconds / 1e6));
        }
        sb.append(String.format(Locale.ROOT, ", peak heap %.0f MiB", peakHeapBytes() / 1048576.0));
        return sb.toString();
    }

    /** Sum of the peak usage of the heap memory pools since the JVM started. */
    static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
