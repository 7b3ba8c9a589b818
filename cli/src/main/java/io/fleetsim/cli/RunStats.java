package io.fleetsim.cli;

import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.ServiceTrafficResult;
import java.util.Locale;

/**
 * The line {@code fleetsim run} prints about its own speed: wall time, discrete events and simulated requests, and
 * their rates. Wall-clock figures stay on the terminal, never in a report (reports are deterministic).
 */
final class RunStats {

    private RunStats() {
    }

    static String line(ExperimentResult result, long wallNanos) {
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
                "simulated %d variant%s in %.2f s wall: %,d events (%.2f M events/s)", n, n == 1 ? "" : "s", seconds,
                events, events / seconds / 1e6));
        if (requests > 0) {
            sb.append(String.format(Locale.ROOT, ", %,d requests (%.2f M requests/s)", requests,
                    requests / seconds / 1e6));
        }
        return sb.toString();
    }
}
