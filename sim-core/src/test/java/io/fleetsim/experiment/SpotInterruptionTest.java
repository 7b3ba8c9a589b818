package io.fleetsim.experiment;

import static io.fleetsim.experiment.TestScenarios.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.billing.UsageRecord;
import io.fleetsim.billing.UsageType;
import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.Catalog;
import io.fleetsim.cluster.ContainerInstance;
import io.fleetsim.cluster.EcsCluster;
import io.fleetsim.cluster.Task;
import io.fleetsim.cluster.TaskState;
import io.fleetsim.scenario.model.FaultsSpec;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.StrategyItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spot interruptions: notice, draining, replacement, billing (platform-semantics.md sections 1.4 and 2.5). */
class SpotInterruptionTest {

    private static final Catalog CATALOG = Catalog.forRegion("us-east-1").orElseThrow();

    /*
     * One m6i.large Spot instance (running at 17 s, registered at 27 s) with 2 service tasks. Notice at 100 s: the
     * instance drains and its tasks stop after their 30 s stopTimeout (130 s); the service relaunches them, but
     * there is no instance to take them until the Auto Scaling group's replacement: launched when the first is
     * reclaimed at 100 + 120 = 220 s, running at 237 s, registered at 247 s. EC2 billing: 220 - 17 = 203 s for the
     * first instance, 3600 - 237 = 3363 s for the second: 3566 instance-seconds.
     */
    @Test
    void ec2SpotNotice_drainsTheInstance_replacesItsTasksAndStopsItsBillingAtTermination() {
        var td = TestScenarios.task("web", 512, 1024, 0, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(3600 * S, TestScenarios.cluster(TestScenarios.ec2Spot("spot", "m6i.large", 1)),
                List.of(TestScenarios.service("web", 2, td, new StrategyItem("spot", 0, 1))), List.of());
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        sim.simulator().runUntil(100 * S);
        ContainerInstance first = c.capacityProviders().get(0).activeInstances().get(0);
        c.interruptInstance(first, 120 * S);
        assertThat(first.state()).isEqualTo(ContainerInstance.State.DRAINING);
        assertThat(c.tasksIn(TaskState.STOPPING)).isEqualTo(2);
        sim.simulator().runUntil(130 * S);
        assertThat(c.tasksIn(TaskState.STOPPED)).isEqualTo(2);
        assertThat(c.unplacedTasks()).isEqualTo(2);
        sim.simulator().runUntil(247 * S);
        assertThat(first.state()).isEqualTo(ContainerInstance.State.TERMINATED);
        assertThat(c.unplacedTasks()).isZero();
        assertThat(c.capacityProviders().get(0).launchedInstances()).hasSize(2);
        sim.simulator().runUntil(3600 * S);

        RunResult r = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        assertThat(r.summary().instancesInterrupted()).isZero(); // the rate is 0: only the scripted run above had one
        Simulation scripted = new Simulation(s, CATALOG);
        scripted.setUp();
        EcsCluster sc = scripted.clusters().get(0);
        scripted.simulator().schedule(100 * S,
                () -> sc.interruptInstance(sc.capacityProviders().get(0).activeInstances().get(0), 120 * S));
        RunResult interrupted = scripted.runAfterSetUp(ProgressListener.NONE);
        long seconds = interrupted.usage().stream().filter(u -> u.type() == UsageType.EC2_INSTANCE_SECONDS)
                .mapToLong(UsageRecord::quantity).sum();
        assertThat(seconds).isEqualTo(203 + 3363);
        assertThat(interrupted.summary().instancesInterrupted()).isEqualTo(1);
        assertThat(interrupted.summary().tasksInterrupted()).isEqualTo(2);
    }

    /*
     * A Fargate Spot task interrupted at 100 s stops after its 30 s stopTimeout and is replaced on Fargate Spot at
     * 130 s (no on-demand fallback: the strategy has only Fargate Spot).
     */
    @Test
    void fargateSpotTask_stopsAfterStopTimeout_andIsReplacedOnFargateSpot() {
        var td = TestScenarios.task("api", 256, 512, 0, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(600 * S, TestScenarios.cluster(TestScenarios.fargateSpot("spot"),
                        TestScenarios.fargate("fargate")),
                List.of(TestScenarios.service("api", 1, td, new StrategyItem("spot", 0, 1))), List.of());
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        sim.simulator().runUntil(100 * S);
        Task victim = c.tasks().get(0);
        c.interruptTask(victim);
        sim.simulator().runUntil(130 * S);
        assertThat(victim.stoppedAt()).isEqualTo(130 * S);
        assertThat(c.tasks()).hasSize(2);
        assertThat(c.tasks().get(1).provider().name()).isEqualTo("spot");
        assertThat(c.tasks().get(1).createdAt()).isEqualTo(130 * S);
        assertThat(c.workloads().get(0).tasksInterrupted()).isEqualTo(1);
    }

    /*
     * Interruptions at a rate: 1 per task-hour over 20 hours of one Fargate Spot task is about 20 interruptions
     * (Poisson; each costs a task about 2 minutes of downtime, so the exposure is slightly under 20 h): within
     * 20 +- 4.5 sqrt(20) = [0, 40] and at least 1. The fault stream is its own: adding traffic to the service
     * (which draws arrivals and work from other streams) leaves the interruption count unchanged.
     */
    @Test
    void fargateSpotInterruptions_followTheirRate_andTheirStreamIsIndependentOfTraffic() {
        var td = TestScenarios.task("api", 1024, 2048, 0, Architecture.X86_64);
        var cluster = TestScenarios.cluster(TestScenarios.fargateSpot("spot"));
        FaultsSpec faults = new FaultsSpec(1.0, 0.0);
        Scenario quiet = TestScenarios.withFaults(TestScenarios.scenario(20 * 3600 * S, cluster,
                List.of(TestScenarios.service("api", 1, td, new StrategyItem("spot", 0, 1))), List.of()), faults);
        Scenario busy = TestScenarios.withFaults(TestScenarios.scenario(20 * 3600 * S, cluster,
                List.of(TestScenarios.serviceWithTraffic("api", 1, td, 20.0, 5_000_000L, 0L,
                        new StrategyItem("spot", 0, 1))), List.of()), faults);
        RunResult a = new Simulation(quiet, CATALOG).run(ProgressListener.NONE);
        RunResult b = new Simulation(busy, CATALOG).run(ProgressListener.NONE);
        assertThat(a.summary().tasksInterrupted()).isBetween(1L, 40L);
        assertThat(b.summary().tasksInterrupted()).isEqualTo(a.summary().tasksInterrupted());
        assertThat(new Simulation(quiet, CATALOG).run(ProgressListener.NONE).summary().tasksInterrupted())
                .isEqualTo(a.summary().tasksInterrupted());
        // Requests in flight when a task is killed at the end of its stopTimeout are dropped and counted; at 20/s of
        // 5 ms work a 1 vCPU task is empty most of the time, so drops are rare but the service keeps serving.
        assertThat(b.traffic().get(0).summary().completed()).isGreaterThan(1_300_000L);
    }

    /*
     * EC2 Spot notices at 0.5 per instance-hour on 3 instances for 10 hours: about 15 notices (each instance is
     * exposed while running; replacements are exposed too). Every notice is followed by a replacement, so the
     * group ends with 3 instances running and the service with its 6 tasks.
     */
    @Test
    void ec2SpotInterruptions_atARate_areReplacedInstanceForInstance() {
        var td = TestScenarios.task("web", 512, 1024, 0, Architecture.X86_64);
        Scenario s = TestScenarios.withFaults(TestScenarios.scenario(10 * 3600 * S,
                TestScenarios.cluster(TestScenarios.ec2Spot("spot", "m6i.large", 3)),
                List.of(TestScenarios.service("web", 6, td, new StrategyItem("spot", 0, 1))), List.of()),
                new FaultsSpec(0.0, 0.5));
        Simulation sim = new Simulation(s, CATALOG);
        RunResult r = sim.run(ProgressListener.NONE);
        EcsCluster c = sim.clusters().get(0);
        long notices = r.summary().instancesInterrupted();
        // Poisson with mean about 15: 15 +- 4.5 sqrt(15) -> [1, 33].
        assertThat(notices).isBetween(1L, 33L);
        assertThat(c.capacityProviders().get(0).launchedInstances()).hasSize((int) (3 + notices));
        assertThat(c.instancesRunning()).isEqualTo(3);
        assertThat(r.summary().tasksInterrupted()).isGreaterThanOrEqualTo(notices);
        assertThat(c.workloads().get(0).liveTasks()).isEqualTo(6);
    }
}
