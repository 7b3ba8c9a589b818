package io.fleetsim.experiment;

import io.fleetsim.billing.CostReport;
import io.fleetsim.billing.UsageRecord;
import io.fleetsim.metrics.ElasticResult;
import io.fleetsim.metrics.DeploymentSummary;
import io.fleetsim.metrics.MinuteSample;
import io.fleetsim.metrics.ResourceInfo;
import io.fleetsim.metrics.RunSummary;
import io.fleetsim.metrics.ServiceTrafficResult;
import io.fleetsim.scaling.ScalingTimeline;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything one run (one variant, one seed) produced: plain data, priced, ready for report writers.
 *
 * @param scenarioName      the scenario's name
 * @param variant           the variant's name
 * @param seed              master seed
 * @param fleetsimVersion   version of the simulator that produced it
 * @param catalogProvenance region, date and sources of the prices and instance data
 * @param start             wall-clock instant of simulated time 0
 * @param durationNanos     simulated time
 * @param usage             metered usage, sorted
 * @param cost              usage priced with the scenario's price book
 * @param projectionFactor  30 days / simulated duration: multiply costs by it for the 30-day projection
 * @param summary           whole-run figures
 * @param minutes           one sample per simulated minute
 * @param resources         inventory with ARNs
 * @param traffic           per service with traffic: latency, errors, per-minute datapoints, interval log; in
 *                          scenario order; empty when no service has traffic
 * @param scaling           per service with auto scaling: its desired count over time; in scenario order
 * @param elastic           cluster events (faults, managed scaling, deployments), and per service and EC2 capacity
 *                          provider how capacity followed load: task counts per minute, scaling lag, SLO minutes
 *                          by cause, tasks lost and replaced, cost above the floor
 * @param deployments       every deployment and rollback of every service, by service in scenario order, then in
 *                          start order; empty when the scenario has none
 */
public record RunResult(
        String scenarioName,
        String variant,
        long seed,
        String fleetsimVersion,
        String catalogProvenance,
        Instant start,
        long durationNanos,
        List<UsageRecord> usage,
        CostReport cost,
        BigDecimal projectionFactor,
        RunSummary summary,
        List<MinuteSample> minutes,
        List<ResourceInfo> resources,
        List<ServiceTrafficResult> traffic,
        List<ScalingTimeline> scaling,
        ElasticResult elastic,
        List<DeploymentSummary> deployments) {

    /** A result without elastic data (no events, no per-service capacity figures) and without deployments. */
    public RunResult(String scenarioName, String variant, long seed, String fleetsimVersion, String catalogProvenance,
            Instant start, long durationNanos, List<UsageRecord> usage, CostReport cost, BigDecimal projectionFactor,
            RunSummary summary, List<MinuteSample> minutes, List<ResourceInfo> resources,
            List<ServiceTrafficResult> traffic, List<ScalingTimeline> scaling) {
        this(scenarioName, variant, seed, fleetsimVersion, catalogProvenance, start, durationNanos, usage, cost,
                projectionFactor, summary, minutes, resources, traffic, scaling, ElasticResult.EMPTY, List.of());
    }

    public RunResult {
        java.util.Objects.requireNonNull(elastic, "elastic");
        usage = List.copyOf(usage);
        minutes = List.copyOf(minutes);
        resources = List.copyOf(resources);
        traffic = List.copyOf(traffic);
        scaling = List.copyOf(scaling);
        deployments = List.copyOf(deployments);
    }

    /** A result with elastic data and without deployments. */
    public RunResult(String scenarioName, String variant, long seed, String fleetsimVersion, String catalogProvenance,
            Instant start, long durationNanos, List<UsageRecord> usage, CostReport cost, BigDecimal projectionFactor,
            RunSummary summary, List<MinuteSample> minutes, List<ResourceInfo> resources,
            List<ServiceTrafficResult> traffic, List<ScalingTimeline> scaling, ElasticResult elastic) {
        this(scenarioName, variant, seed, fleetsimVersion, catalogProvenance, start, durationNanos, usage, cost,
                projectionFactor, summary, minutes, resources, traffic, scaling, elastic, List.of());
    }

    /** Requests completed by all services after warm-up. */
    public long requestsCompleted() {
        long n = 0;
        for (ServiceTrafficResult t : traffic) {
            n += t.summary().completed();
        }
        return n;
    }

    /**
     * Total cost per million completed requests, or {@code null} without requests. The whole run's cost over the
     * requests completed after warm-up: with a warm-up the figure is slightly pessimistic.
     */
    public BigDecimal costPerMillionRequests() {
        long n = requestsCompleted();
        return n == 0 ? null : cost.total().multiply(BigDecimal.valueOf(1_000_000))
                .divide(BigDecimal.valueOf(n), java.math.MathContext.DECIMAL128);
    }

    /** Total cost projected linearly to 30 days. */
    public BigDecimal projected30DayCost() {
        return cost.total().multiply(projectionFactor);
    }
}
