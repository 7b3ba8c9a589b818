package io.fleetsim.scenario.model;

import java.util.List;

/**
 * One runnable scenario: the base scenario, or one variant of it with its overrides applied.
 *
 * @param name         scenario name (from the file)
 * @param description  free text, may be empty
 * @param variant      variant name; {@code "default"} when the file declares no variants
 * @param seed         master seed of all random streams
 * @param start        wall-clock instant of simulated time 0 (default 2024-01-01T00:00:00Z, a Monday); gives
 *                     cron schedules and reports a calendar
 * @param durationNanos simulated time to run
 * @param warmupNanos  metrics before this time are not counted (issue 3 uses it for latency)
 * @param region       AWS region code, e.g. {@code us-east-1}
 * @param pricing      price-book adjustments
 * @param timings      lifecycle latencies
 * @param clusters     clusters, in file order
 * @param services     REPLICA services, in file order
 * @param jobs         scheduled batch jobs, in file order
 * @param faults       faults to inject; {@link FaultsSpec#NONE} for none
 * @param samplingNanos period of the time series and of the control loops (service auto scaling, managed
 *                     scaling); one minute unless the scenario sets {@code sampling}
 */
public record Scenario(
        String name,
        String description,
        String variant,
        long seed,
        java.time.Instant start,
        long durationNanos,
        long warmupNanos,
        String region,
        PricingSpec pricing,
        TimingSpec timings,
        List<ClusterSpec> clusters,
        List<ServiceSpec> services,
        List<JobSpec> jobs,
        FaultsSpec faults,
        long samplingNanos) {

    /** The default {@code sampling}: one minute, CloudWatch's period for ECS metrics (platform-semantics.md 5.5). */
    public static final long DEFAULT_SAMPLING_NANOS = 60_000_000_000L;

    /** A scenario sampled every minute (the default {@code sampling}). */
    public Scenario(String name, String description, String variant, long seed, java.time.Instant start,
            long durationNanos, long warmupNanos, String region, PricingSpec pricing, TimingSpec timings,
            List<ClusterSpec> clusters, List<ServiceSpec> services, List<JobSpec> jobs, FaultsSpec faults) {
        this(name, description, variant, seed, start, durationNanos, warmupNanos, region, pricing, timings, clusters,
                services, jobs, faults, DEFAULT_SAMPLING_NANOS);
    }

    public Scenario {
        clusters = List.copyOf(clusters);
        services = List.copyOf(services);
        jobs = List.copyOf(jobs);
    }

    public ClusterSpec cluster(String clusterName) {
        for (ClusterSpec c : clusters) {
            if (c.name().equals(clusterName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no cluster named " + clusterName);
    }

    /**
     * A copy that runs for {@code newDuration} instead (the CLI's {@code --duration}); the warm-up is kept if it is
     * shorter, else cut to 0.
     */
    public Scenario withDuration(long newDuration) {
        if (newDuration <= 0) {
            throw new IllegalArgumentException("duration must be positive");
        }
        return new Scenario(name, description, variant, seed, start, newDuration,
                warmupNanos < newDuration ? warmupNanos : 0L, region, pricing, timings, clusters, services, jobs, faults, samplingNanos);
    }

    /** A copy with another seed (the CLI's {@code --seed}). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, variant, newSeed, start, durationNanos, warmupNanos, region, pricing, timings,
                clusters, services, jobs, faults, samplingNanos);
    }

    /** A copy under another variant name (a replication on another seed). */
    public Scenario withVariant(String newVariant) {
        return new Scenario(name, description, newVariant, seed, start, durationNanos, warmupNanos, region, pricing,
                timings, clusters, services, jobs, faults, samplingNanos);
    }
}
