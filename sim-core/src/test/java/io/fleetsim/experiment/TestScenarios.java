package io.fleetsim.experiment;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.PurchaseOption;
import io.fleetsim.scenario.model.CapacityProviderSpec;
import io.fleetsim.scenario.model.CapacityProviderSpec.CapacityProviderType;
import io.fleetsim.scenario.model.ClusterSpec;
import io.fleetsim.scenario.model.ImageSpec;
import io.fleetsim.scenario.model.JobSpec;
import io.fleetsim.scenario.model.PlacementStrategySpec;
import io.fleetsim.scenario.model.PricingSpec;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.Schedule;
import io.fleetsim.scenario.model.ServiceSpec;
import io.fleetsim.scenario.model.StrategyItem;
import io.fleetsim.scenario.model.TaskDefinitionSpec;
import io.fleetsim.scenario.model.TaskDefinitionSpec.NetworkMode;
import io.fleetsim.scenario.model.TimingSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Scenarios built in code with round-number latencies, so expected values can be worked out by hand. */
final class TestScenarios {

    static final long S = 1_000_000_000L;
    static final long MIB = 1024L * 1024;

    /**
     * Fargate ENI 10 s exactly; EC2 ENI 5 s; Fargate pull 40 MiB/s per vCPU; EC2 pull 100 MiB/s; container start 2 s;
     * EC2 boot 17 s; agent registration 10 s.
     */
    static final TimingSpec TIMINGS = new TimingSpec(10 * S, 10 * S, 5 * S, 40 * MIB, 100 * MIB, 2 * S, 17 * S,
            10 * S);

    static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

    private TestScenarios() {
    }

    static CapacityProviderSpec fargate(String name) {
        return new CapacityProviderSpec(name, CapacityProviderType.FARGATE, null, null, 0, 0, 0, Map.of());
    }

    static CapacityProviderSpec fargateSpot(String name) {
        return new CapacityProviderSpec(name, CapacityProviderType.FARGATE_SPOT, null, null, 0, 0, 0, Map.of());
    }

    static CapacityProviderSpec ec2(String name, String type, int desired) {
        return new CapacityProviderSpec(name, CapacityProviderType.EC2, type, PurchaseOption.ON_DEMAND, 0, 100,
                desired, Map.of());
    }

    static CapacityProviderSpec ec2Spot(String name, String type, int desired) {
        return new CapacityProviderSpec(name, CapacityProviderType.EC2, type, PurchaseOption.SPOT, 0, 100,
                desired, Map.of());
    }

    /** The same scenario with faults. */
    static Scenario withFaults(Scenario s, io.fleetsim.scenario.model.FaultsSpec faults) {
        return new Scenario(s.name(), s.description(), s.variant(), s.seed(), s.start(), s.durationNanos(),
                s.warmupNanos(), s.region(), s.pricing(), s.timings(), s.clusters(), s.services(), s.jobs(), faults);
    }

    static ClusterSpec cluster(CapacityProviderSpec... providers) {
        return new ClusterSpec("prod", ClusterSpec.Orchestrator.ECS, ZONES, false, List.of(providers));
    }

    static TaskDefinitionSpec task(String family, int cpu, int memoryMiB, long imageBytes, Architecture arch) {
        return new TaskDefinitionSpec(family, cpu, memoryMiB, new ImageSpec(family, "latest", imageBytes),
                NetworkMode.AWSVPC, 20, arch, 30 * S);
    }

    static ServiceSpec service(String name, int desired, TaskDefinitionSpec td, StrategyItem... strategy) {
        return new ServiceSpec(name, "prod", desired, List.of(strategy), td,
                List.of(new PlacementStrategySpec("spread", "attribute:ecs.availability-zone")), List.of(), null, null, null);
    }

    /** A service with Poisson traffic at {@code ratePerSecond}, exponential work, FCFS, round robin. */
    static ServiceSpec serviceWithTraffic(String name, int desired, TaskDefinitionSpec td, double ratePerSecond,
            long meanWorkNanos, long healthCheckGraceNanos, StrategyItem... strategy) {
        var traffic = new io.fleetsim.scenario.model.TrafficSpec(
                new io.fleetsim.scenario.model.ArrivalSpec("poisson", ratePerSecond, null, null),
                new io.fleetsim.scenario.model.DistributionSpec("exponential", meanWorkNanos, 0, 0, List.of()), null,
                new io.fleetsim.scenario.model.ServingSpec("fcfs", 0, 0),
                new io.fleetsim.scenario.model.LoadBalancerSpec("round_robin", 300 * S, healthCheckGraceNanos));
        return new ServiceSpec(name, "prod", desired, List.of(strategy), td,
                List.of(new PlacementStrategySpec("spread", "attribute:ecs.availability-zone")), List.of(), traffic,
                null, null);
    }

    static JobSpec job(String name, Schedule schedule, int count, long durationNanos, TaskDefinitionSpec td,
            StrategyItem... strategy) {
        return new JobSpec(name, "prod", schedule, count, durationNanos, List.of(strategy), td,
                List.of(new PlacementStrategySpec("random", null)), List.of());
    }

    static Scenario scenario(long durationNanos, ClusterSpec cluster, List<ServiceSpec> services, List<JobSpec> jobs) {
        return scenario(durationNanos, 0L, cluster, services, jobs);
    }

    static Scenario scenario(long durationNanos, long warmupNanos, ClusterSpec cluster, List<ServiceSpec> services,
            List<JobSpec> jobs) {
        return new Scenario("test", "", "default", 42L, Instant.parse("2024-01-01T00:00:00Z"), durationNanos,
                warmupNanos,
                "us-east-1", new PricingSpec(new BigDecimal("0.70"), new BigDecimal("0.60")), TIMINGS,
                List.of(cluster), services, jobs, io.fleetsim.scenario.model.FaultsSpec.NONE);
    }

    /** Fires at the given simulated times. */
    static Schedule at(long... times) {
        return new Schedule() {
            @Override
            public String expression() {
                return "test";
            }

            @Override
            public long nextAtOrAfter(long simNanos) {
                for (long t : times) {
                    if (t >= simNanos) {
                        return t;
                    }
                }
                return Long.MAX_VALUE;
            }
        };
    }
}
