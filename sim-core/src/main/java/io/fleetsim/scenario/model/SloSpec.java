package io.fleetsim.scenario.model;

/**
 * A service-level objective, checked per simulated minute after warm-up.
 *
 * @param latencyPercentile  e.g. 99.0 for p99; 0 when the SLO has no latency bound
 * @param latencyBoundNanos  the bound that percentile must stay at or under
 * @param errorRate          the highest acceptable fraction of requests rejected or dropped (0.001 = 0.1%); 1 when
 *                           the SLO has no error bound
 */
public record SloSpec(double latencyPercentile, long latencyBoundNanos, double errorRate) {
}
