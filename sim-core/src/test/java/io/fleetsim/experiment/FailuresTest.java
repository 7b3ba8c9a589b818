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
import io.fleetsim.scenario.model.FaultsSpec.ZoneOutageSpec;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.StrategyItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures without notice: zone outages, instance failures, task crashes. */
class FailuresTest {

    private static final Catalog CATALOG = Catalog.forRegion("us-east-1").orElseThrow();

    /*
     * Three m6i.large in us-east-1a, b, c (2 awsvpc tasks each, registered at 27 s), 6 tasks. us-east-1a goes down
     * at 100 s for an hour: its instance fails, its 2 tasks are lost and relaunched, but the other two instances are
     * full, so they wait. The Auto Scaling group's replacement goes to the next zone that is up, us-east-1b
     * (running at 117 s, registered at 127 s), and takes them: after 127 s no task runs in us-east-1a.
     * EC2 billing: the failed instance 100 - 17 = 83 s; the other two 3600 - 17 = 3583 s each; the replacement
     * 3600 - 117 = 3483 s: 10,732 instance-seconds.
     */
    @Test
    void zoneOutage_reschedulesTasksIntoTheRemainingZones() {
        var td = TestScenarios.task("web", 512, 1024, 0, Architecture.X86_64);
        Scenario s = TestScenarios.withFaults(TestScenarios.scenario(3600 * S,
                TestScenarios.cluster(TestScenarios.ec2("m6i", "m6i.large", 3)),
                List.of(TestScenarios.service("web", 6, td, new StrategyItem("m6i", 0, 1))), List.of()),
                new FaultsSpec(0, 0, 0, 0, List.of(new ZoneOutageSpec("us-east-1a", 100 * S, 3600 * S))));
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        sim.simulator().runUntil(100 * S);
        assertThat(c.unplacedTasks()).isEqualTo(2);
        assertThat(c.instancesFailed()).isEqualTo(1);
        sim.simulator().runUntil(127 * S);
        assertThat(c.unplacedTasks()).isZero();
        List<ContainerInstance> launched = c.capacityProviders().get(0).launchedInstances();
        assertThat(launched).extracting(ContainerInstance::zone)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1b");
        assertThat(c.tasks()).filteredOn(t -> t.state() != TaskState.STOPPED).extracting(Task::zone)
                .doesNotContain("us-east-1a").hasSize(6);

        RunResult r = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        long seconds = r.usage().stream().filter(u -> u.type() == UsageType.EC2_INSTANCE_SECONDS)
                .mapToLong(UsageRecord::quantity).sum();
        assertThat(seconds).isEqualTo(83 + 3583 + 3583 + 3483);
        assertThat(r.summary().tasksFailed()).isEqualTo(2);
        assertThat(r.summary().instancesFailed()).isEqualTo(1);
    }

    /*
     * Fargate: 3 tasks spread over a, b, c. us-east-1b goes down at 100 s: its task is lost and its replacement goes
     * to the least loaded zone that is up, us-east-1a (a and c have one each; ties to the first listed).
     */
    @Test
    void zoneOutage_onFargate_movesTheLostTaskToAZoneThatIsUp() {
        var td = TestScenarios.task("api", 256, 512, 0, Architecture.X86_64);
        Scenario s = TestScenarios.withFaults(TestScenarios.scenario(600 * S,
                TestScenarios.cluster(TestScenarios.fargate("fargate")),
                List.of(TestScenarios.service("api", 3, td, new StrategyItem("fargate", 0, 1))), List.of()),
                new FaultsSpec(0, 0, 0, 0, List.of(new ZoneOutageSpec("us-east-1b", 100 * S, 300 * S))));
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        sim.simulator().runUntil(100 * S);
        assertThat(c.tasks()).hasSize(4);
        assertThat(c.tasks().get(1).state()).isEqualTo(TaskState.STOPPED);
        assertThat(c.tasks().get(3).zone()).isEqualTo("us-east-1a");
    }

    /*
     * Task crashes at 2 per task-hour on 2 tasks for 10 hours: about 40 crashes (each replacement restarts the
     * exposure); every one is replaced, so the service ends with its 2 tasks. Deterministic per seed.
     */
    @Test
    void taskCrashes_areReplaced_andDeterministicPerSeed() {
        var td = TestScenarios.task("api", 256, 512, 0, Architecture.X86_64);
        Scenario s = TestScenarios.withFaults(TestScenarios.scenario(10 * 3600 * S,
                TestScenarios.cluster(TestScenarios.fargate("fargate")),
                List.of(TestScenarios.service("api", 2, td, new StrategyItem("fargate", 0, 1))), List.of()),
                new FaultsSpec(0, 0, 0, 2.0, List.of()));
        RunResult a = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        RunResult b = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        // Poisson with mean about 40: 40 +- 4.5 sqrt(40) -> [12, 68].
        assertThat(a.summary().tasksFailed()).isBetween(12L, 68L);
        assertThat(b.summary().tasksFailed()).isEqualTo(a.summary().tasksFailed());
        assertThat(a.summary().workloads().get(0).tasksStarted()).isEqualTo(2 + a.summary().tasksFailed());
    }

    /* An instance failure stops billing at once (no 2-minute notice) and the group replaces the instance. */
    @Test
    void instanceFailure_isImmediate_andReplaced() {
        var td = TestScenarios.task("web", 512, 1024, 0, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(3600 * S, TestScenarios.cluster(TestScenarios.ec2("m6i", "m6i.large", 1)),
                List.of(TestScenarios.service("web", 2, td, new StrategyItem("m6i", 0, 1))), List.of());
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        sim.simulator().schedule(600 * S, () -> c.failInstance(c.capacityProviders().get(0).activeInstances().get(0)));
        RunResult r = sim.runAfterSetUp(ProgressListener.NONE);
        long seconds = r.usage().stream().filter(u -> u.type() == UsageType.EC2_INSTANCE_SECONDS)
                .mapToLong(UsageRecord::quantity).sum();
        // 600 - 17 = 583 s, then the replacement from 617 s: 3600 - 617 = 2983 s.
        assertThat(seconds).isEqualTo(583 + 2983);
        assertThat(r.summary().tasksFailed()).isEqualTo(2);
        assertThat(c.workloads().get(0).liveTasks()).isEqualTo(2);
    }
}
