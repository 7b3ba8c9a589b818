package io.fleetsim.metrics;

import io.fleetsim.scenario.model.SloSpec;

/**
 * A service's requests over the run after warm-up. Latencies in nanoseconds (HdrHistogram, 3 significant digits).
 *
 * @param service        service name
 * @param arrivals       requests that arrived after warm-up
 * @param completed      requests completed after warm-up
 * @param rejected       requests refused (503) after warm-up
 * @param dropped        in-flight requests lost to stopping tasks after warm-up
 * @param throughput     completed requests per second over the measured period
 * @param meanNanos      mean end-to-end latency
 * @param p50Nanos       end-to-end latency percentiles
 * @param p90Nanos       ...
 * @param p99Nanos       ...
 * @param p999Nanos      ...
 * @param maxNanos       ...
 * @param queueP50Nanos  queueing delay (arrival to first service) percentiles
 * @param queueP99Nanos  ...
 * @param queueMeanNanos mean queueing delay
 * @param slo            the SLO, or {@code null}
 * @param sloMinutes     minutes checked against the SLO (after warm-up)
 * @param sloViolations  minutes that broke it
 */
public record LatencySummary(
        String service,
        long arrivals,
        long completed,
        long rejected,
        long dropped,
        double throughput,
        double meanNanos,
        long p50Nanos,
        long p90Nanos,
        long p99Nanos,
        long p999Nanos,
        long maxNanos,
        long queueP50Nanos,
        long queueP99Nanos,
        double queueMeanNanos,
        SloSpec slo,
        long sloMinutes,
        long sloViolations) {

    /** Fraction of checked minutes that met the SLO; NaN without an SLO or checked minutes. */
    public double sloAttainment() {
        return slo == null || sloMinutes == 0 ? Double.NaN : 1.0 - (double) sloViolations / sloMinutes;
    }

    /** (rejected + dropped) / arrivals; 0 without arrivals. */
    public double errorRate() {
        return arrivals == 0 ? 0.0 : (double) (rejected + dropped) / arrivals;
    }
}
