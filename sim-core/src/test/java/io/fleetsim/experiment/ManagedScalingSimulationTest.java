package io.fleetsim.experiment;

import static io.fleetsim.experiment.TestScenarios.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.billing.UsageRecord;
import io.fleetsim.billing.UsageType;
import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.Catalog;
import io.fleetsim.cloud.PurchaseOption;
import io.fleetsim.cluster.CapacityProvider;
import io.fleetsim.cluster.ContainerInstance;
import io.fleetsim.cluster.EcsCluster;
import io.fleetsim.cluster.TaskState;
import io.fleetsim.scenario.model.CapacityProviderSpec;
import io.fleetsim.scenario.model.CapacityProviderSpec.CapacityProviderType;
import io.fleetsim.scenario.model.ManagedScalingSpec;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.StrategyItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ECS managed scaling of an Auto Scaling group end to end, with TestScenarios' round-number latencies. */
class ManagedScalingSimulationTest {

    private static final Catalog CATALOG = Catalog.forRegion("us-east-1").orElseThrow();

    private static CapacityProviderSpec managed(int desired, boolean protection) {
        return new CapacityProviderSpec("m6i", CapacityProviderType.EC2, "m6i.large", PurchaseOption.ON_DEMAND, 0, 10,
                desired, Map.of(), new ManagedScalingSpec(100, 1, 10_000, 300 * S, 1, 15, protection, true));
    }

    private static Scenario scenario(long duration, CapacityProviderSpec provider, int tasks) {
        var td = TestScenarios.task("web", 512, 1024, 0, Architecture.X86_64);
        return TestScenarios.scenario(duration, TestScenarios.cluster(provider),
                List.of(TestScenarios.service("web", tasks, td, new StrategyItem("m6i", 0, 1))), List.of());
    }

    private static long instanceSeconds(RunResult r) {
        return r.usage().stream().filter(u -> u.type() == UsageType.EC2_INSTANCE_SECONDS)
                .mapToLong(UsageRecord::quantity).sum();
    }

    /*
     * An empty group (0 instances) and a service of 3 awsvpc tasks; an m6i.large takes 2 (its ENI limit), so M = 2
     * instances are needed and N = 0: CPR 200. At the first datapoint (60 s) ECS launches 2. They run at 77 s and
     * register at 87 s, in launch order: the first takes 2 tasks, the second 1; ENI 5 s, no image, start 2 s:
     * all RUNNING at 94 s. Then M = N = 2, CPR 100: nothing more. EC2 billing: 2 x (600 - 77) = 1046 s.
     */
    @Test
    void scaleOutFromZero_launchesTwoInstancesThatTakeThePendingTasks() {
        Scenario s = scenario(600 * S, managed(0, false), 3);
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        CapacityProvider p = c.capacityProviders().get(0);
        sim.simulator().runUntil(59 * S);
        assertThat(c.unplacedTasks()).isEqualTo(3);
        assertThat(p.launchedInstances()).isEmpty();

        RunResult r = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        assertThat(instanceSeconds(r)).isEqualTo(1046);

        Simulation stepped = new Simulation(s, CATALOG);
        stepped.setUp();
        stepped.advanceTo(60 * S);
        EcsCluster c2 = stepped.clusters().get(0);
        CapacityProvider p2 = c2.capacityProviders().get(0);
        assertThat(p2.desiredCapacity()).isEqualTo(2);
        assertThat(p2.launchedInstances()).extracting(ContainerInstance::zone)
                .containsExactly("us-east-1a", "us-east-1b");
        assertThat(p2.managedActions()).singleElement().satisfies(a -> {
            assertThat(a.timeNanos()).isEqualTo(60 * S);
            assertThat(a.from()).isZero();
            assertThat(a.to()).isEqualTo(2);
            assertThat(a.reason()).contains("from no instances ECS launches 2");
        });
        stepped.advanceTo(94 * S - 1);
        assertThat(c2.tasksIn(TaskState.RUNNING)).isZero();
        stepped.advanceTo(94 * S);
        assertThat(c2.tasksIn(TaskState.RUNNING)).isEqualTo(3);
        stepped.advanceTo(600 * S);
        assertThat(p2.managedActions()).hasSize(1);
    }

    /*
     * 4 instances (a, b, c, a) register at 27 s; the 2 tasks both go to the first (spread by zone over the one
     * instance registered at that moment, 2 ENI slots). M = 1, N = 4: CPR 25 from minute 1. With managed
     * termination protection only the 3 empty instances may go: at minute 15 (900 s) the group scales in to
     * ceil(1 x 100 / 100) = 1 and terminates them. EC2 billing over 1200 s: 3 x (900 - 17) + (1200 - 17) = 3832 s.
     */
    @Test
    void scaleIn_afterFifteenMinutes_terminatesOnlyEmptyInstancesUnderProtection() {
        Scenario s = scenario(1200 * S, managed(4, true), 2);
        RunResult r = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        assertThat(instanceSeconds(r)).isEqualTo(3 * 883 + 1183);
        assertThat(r.summary().workloads().get(0).tasksStopped()).isZero();

        Simulation stepped = new Simulation(s, CATALOG);
        stepped.setUp();
        stepped.advanceTo(900 * S);
        CapacityProvider p = stepped.clusters().get(0).capacityProviders().get(0);
        assertThat(p.desiredCapacity()).isEqualTo(1);
        assertThat(p.managedActions()).singleElement().satisfies(a -> {
            assertThat(a.timeNanos()).isEqualTo(900 * S);
            assertThat(a.from()).isEqualTo(4);
            assertThat(a.to()).isEqualTo(1);
            assertThat(a.reason()).contains("25.0 < 100 for 15 minutes");
        });
        assertThat(p.launchedInstances()).extracting(ContainerInstance::state).containsExactly(
                ContainerInstance.State.ACTIVE, ContainerInstance.State.TERMINATED,
                ContainerInstance.State.TERMINATED, ContainerInstance.State.TERMINATED);
    }

    /*
     * As above without managed termination protection: at 900 s the group still scales in to 1, but any instance
     * may go. The Auto Scaling group takes the zone with the most instances first (us-east-1a: the first and the
     * fourth) and picks one of them at random, then b and c. If the first (with both tasks) is picked, it drains:
     * its tasks stop after their 30 s stopTimeout and are replaced on the instance left. Either way, once it settles,
     * 3 instances are terminated and the one left runs both tasks.
     */
    @Test
    void scaleIn_withoutProtection_drainsAndKeepsTheServiceWhole() {
        Scenario s = scenario(1500 * S, managed(4, false), 2);
        Simulation stepped = new Simulation(s, CATALOG);
        stepped.setUp();
        stepped.advanceTo(1500 * S);
        EcsCluster c = stepped.clusters().get(0);
        CapacityProvider p = c.capacityProviders().get(0);
        assertThat(p.desiredCapacity()).isEqualTo(1);
        assertThat(p.launchedInstances()).filteredOn(i -> i.state() == ContainerInstance.State.TERMINATED)
                .hasSize(3);
        assertThat(c.tasksIn(TaskState.RUNNING)).isEqualTo(2);
        assertThat(p.launchedInstances()).filteredOn(i -> i.state() == ContainerInstance.State.ACTIVE)
                .singleElement().satisfies(i -> assertThat(i.runningTasksCount()).isEqualTo(2));
    }

    /*
     * Boot and registration as ranges: 20 instances launched at 0 s with boot uniform in [6 s, 21 s] and
     * registration in [5 s, 25 s] run between 6 and 21 s, register between 11 and 46 s, and do not all take the same
     * time (a fixed time would give 20 equal values).
     */
    @Test
    void bootAndRegistrationRanges_drawEachLaunchWithinTheBounds() {
        Scenario base = scenario(120 * S, TestScenarios.ec2("m6i", "m6i.large", 20), 1);
        var t = base.timings();
        var timings = new io.fleetsim.scenario.model.TimingSpec(t.fargateProvisioningMinNanos(),
                t.fargateProvisioningMaxNanos(), t.ec2EniAttachNanos(), t.fargatePullBytesPerSecondPerVcpu(),
                t.ec2PullBytesPerSecond(), t.containerStartNanos(), 6 * S, 5 * S, 21 * S, 25 * S,
                t.restartThrottleBaseNanos());
        Scenario s = new Scenario(base.name(), base.description(), base.variant(), base.seed(), base.start(),
                base.durationNanos(), base.warmupNanos(), base.region(), base.pricing(), timings, base.clusters(),
                base.services(), base.jobs(), base.faults());
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        sim.advanceTo(120 * S);
        List<ContainerInstance> launched = sim.clusters().get(0).capacityProviders().get(0).launchedInstances();
        assertThat(launched).hasSize(20).allSatisfy(i -> {
            assertThat(i.runningSinceNanos()).isBetween(6 * S, 21 * S);
            assertThat(i.registeredAtNanos() - i.runningSinceNanos()).isBetween(5 * S, 25 * S);
        });
        assertThat(launched.stream().mapToLong(ContainerInstance::runningSinceNanos).distinct().count())
                .isGreaterThan(1);
    }
}
