package io.fleetsim.metrics;

/**
 * One service in one simulated minute (a CloudWatch-style datapoint; ECS publishes 1-minute metrics,
 * platform-semantics.md section 5.5). Latencies are in nanoseconds; 0 when the minute completed no request.
 *
 * @param timeNanos          end of the minute
 * @param arrivals           requests that arrived in the minute
 * @param completed          requests completed in the minute
 * @param errors             requests rejected (503) or dropped in the minute
 * @param p50Nanos           end-to-end latency percentiles of the requests completed in the minute
 * @param p90Nanos           ...
 * @param p99Nanos           ...
 * @param p999Nanos          ...
 * @param maxNanos           ...
 * @param cpuUtilization     service CPUUtilization, percent: CPU used by its tasks over the CPU they reserve
 * @param requestCountPerTarget ALBRequestCountPerTarget: requests routed in the minute over healthy targets
 * @param healthyTargets     healthy targets at the end of the minute
 * @param sloViolated        the minute broke the service's SLO (false without an SLO or during warm-up)
 */
public record ServiceMinute(
        long timeNanos,
        long arrivals,
        long completed,
        long errors,
        long p50Nanos,
        long p90Nanos,
        long p99Nanos,
        long p999Nanos,
        long maxNanos,
        double cpuUtilization,
        double requestCountPerTarget,
        int healthyTargets,
        boolean sloViolated) {
}
