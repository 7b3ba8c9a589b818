package io.fleetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.cloud.Catalog;
import io.fleetsim.experiment.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.scenario.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Managed scaling's N and M are kept as counters while instances launch, register, take and release tasks, drain,
 * fail and terminate; they must equal a scan of the instances at every minute of a run that does all of that:
 * service auto scaling under a daily profile, managed scaling with and without termination protection, EC2 Spot
 * interruptions, instance failures, task crashes and a zone outage.
 */
class ManagedCountsTest {

    private static final String YAML = """
            name: counts
            seed: 9
            duration: 2d
            region: us-east-1
            clusters:
              - name: prod
                capacityProviders:
                  - name: od
                    type: EC2
                    instanceType: m6i.large
                    minSize: 1
                    maxSize: 30
                    desiredCapacity: 2
                    managedScaling: { targetCapacity: 90, instanceWarmupPeriod: 60s, managedTerminationProtection: PROTECT }
                  - name: spot
                    type: EC2
                    instanceType: m6i.large
                    purchaseOption: spot
                    minSize: 0
                    maxSize: 30
                    desiredCapacity: 3
                    managedScaling: { targetCapacity: 100, managedDraining: DRAIN }
            services:
              - name: api
                desiredCount: 6
                capacityProviderStrategy: [{ capacityProvider: od, base: 2, weight: 1 }, { capacityProvider: spot, weight: 3 }]
                placementStrategy: [{ type: binpack, field: memory }]
                taskDefinition: { cpu: 512, memory: 1GiB, image: { repository: api, size: 100MiB } }
                traffic:
                  arrivals: { process: poisson, rate: 40/s, profile: { daily: { peakToMean: 2.0, peakAt: "12:00" } } }
                  work: { distribution: exponential, mean: 40ms }
                autoscaling:
                  minCapacity: 2
                  maxCapacity: 40
                  targetTracking: [{ metric: ECSServiceAverageCPUUtilization, target: 50 }]
            faults:
              spotInterruptions: { ec2: 50%/day }
              instanceFailures: { mtbf: 2d }
              taskCrashes: { mtbf: 1d }
              zoneOutages: [{ zone: us-east-1b, start: 20h, duration: 3h }]
            """;

    @Test
    void countersEqualAScanAtEveryMinute_underScalingAndFaults() throws Exception {
        for (String variant : new String[] {"true/true", "false/false"}) {
            String[] v = variant.split("/");
            Scenario s = ScenarioLoader.load("counts.yaml", YAML.replace("PROTECT", v[0]).replace("DRAIN", v[1]))
                    .variants().get(0);
            Simulation sim = new Simulation(s, Catalog.forRegion("us-east-1").orElseThrow());
            sim.setUp();
            EcsCluster c = sim.clusters().get(0);
            int launched = 0;
            for (long minute = 1; minute <= 2 * 24 * 60; minute++) {
                sim.advanceTo(minute * 60_000_000_000L);
                assertThat(c.managedCountsMatchScan()).as("%s at minute %d", variant, minute).isTrue();
            }
            for (CapacityProvider p : c.capacityProviders()) {
                launched += p.launchedInstances().size();
            }
            // The run did move instances: more were launched than the groups started with (2 + 3).
            assertThat(launched).as(variant).isGreaterThan(5);
            assertThat(c.instancesFailed() + c.instancesInterrupted()).as(variant).isPositive();
        }
    }
}
