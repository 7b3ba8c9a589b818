package io.fleetsim.metrics;

import io.fleetsim.scenario.model.SloSpec;
import io.fleetsim.traffic.RequestListener;

/**
 * SKELETON (contract): records a service's request outcomes into HdrHistograms: end-to-end latency and queueing
 * delay over the run after warm-up, and per simulated minute; counts errors; checks the SLO per minute; writes the
 * interval log. No allocation per request.
 */
public final class ServiceLatency implements RequestListener {

    public ServiceLatency(String service, long warmupNanos, SloSpec slo) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** A request arrived (counted per minute and, after warm-up, in the summary). */
    public void arrived(long nowNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public void completed(long arrivalNanos, long startNanos, long endNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public void rejected(long nowNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    @Override
    public void dropped(long nowNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * Closes the minute that ends at {@code minuteEndNanos}: its percentiles, SLO check and interval-log entry;
     * the CPU and target figures come from the caller (the simulation samples them from the tasks).
     */
    public ServiceMinute closeMinute(long minuteEndNanos, double cpuUtilization, double requestCountPerTarget,
            int healthyTargets) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The run after warm-up, ending at {@code endNanos}. */
    public LatencySummary summary(long endNanos) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The interval log so far (see {@link ServiceTrafficResult#intervalLog()}). */
    public String intervalLog() {
        throw new UnsupportedOperationException("skeleton");
    }
}
