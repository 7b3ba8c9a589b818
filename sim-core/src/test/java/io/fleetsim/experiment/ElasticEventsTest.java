package io.fleetsim.experiment;

import static io.fleetsim.experiment.TestScenarios.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.Catalog;
import io.fleetsim.cluster.ClusterEvent;
import io.fleetsim.cluster.EcsCluster;
import io.fleetsim.cluster.Task;
import io.fleetsim.metrics.ProviderElastic;
import io.fleetsim.metrics.ServiceElastic;
import io.fleetsim.metrics.ServiceTaskMinute;
import io.fleetsim.scenario.model.FaultsSpec;
import io.fleetsim.scenario.model.FaultsSpec.ZoneOutageSpec;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.StrategyItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault events in the run result, and the per-service and per-provider capacity figures around them. */
class ElasticEventsTest {

    private static final Catalog CATALOG = Catalog.forRegion("us-east-1").orElseThrow();
    private static final long MIN = 60 * S;

    /*
     * One m6i.large (us-east-1a, the first zone), service web with 2 tasks (no image to pull). Timings
     * (TestScenarios): boot 17 s, agent 10 s, ENI 5 s, container start 2 s: the tasks run from 34 s.
     * us-east-1a goes down at 590 s for 600 s: the instance fails (2 tasks lost), the group launches a replacement
     * in us-east-1b at 590 s: running at 607 s, registered at 617 s, tasks RUNNING at 617 + 5 + 2 = 624 s.
     * Events, in order: instance-failure and zone-down at 590 s, zone-up at 1190 s.
     * Minute 10 (600 s): desired 2, running 0, pending 2, 0 instances; minute 11: 2, 2, 0 and 1 instance.
     * Instance-seconds (590 - 17) + (3600 - 607) = 3566, all above the minimum 0: the extra cost is the cost.
     */
    @Test
    void zoneOutage_emitsInstanceFailureZoneDownAndZoneUp_andTasksAreReplaced() {
        var td = TestScenarios.task("web", 512, 1024, 0, Architecture.X86_64);
        Scenario s = TestScenarios.withFaults(TestScenarios.scenario(3600 * S,
                TestScenarios.cluster(TestScenarios.ec2("m6i", "m6i.large", 1)),
                List.of(TestScenarios.service("web", 2, td, new StrategyItem("m6i", 0, 1))), List.of()),
                new FaultsSpec(0, 0, 0, 0, List.of(new ZoneOutageSpec("us-east-1a", 590 * S, 600 * S))));
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        String instance = c.capacityProviders().get(0).launchedInstances().get(0).ec2InstanceId();
        RunResult r = sim.runAfterSetUp(ProgressListener.NONE);

        assertThat(r.elastic().events()).containsExactly(
                new ClusterEvent(590 * S, "prod", "instance-failure", instance, "instance of m6i in us-east-1a failed"
                        + " without notice: 2 tasks lost (service:web 2); replaced by the Auto Scaling group"),
                new ClusterEvent(590 * S, "prod", "zone-down", "us-east-1a", "zone outage: 1 instances failed, 2 tasks"
                        + " lost; launches and Fargate placements use the other zones"),
                new ClusterEvent(1190 * S, "prod", "zone-up", "us-east-1a", "zone back: launches and placements may"
                        + " use it again (nothing moves back)"));
        ServiceElastic web = r.elastic().services().get(0);
        assertThat(web.service()).isEqualTo("web");
        assertThat(web.floor()).isEqualTo(2);
        assertThat(web.floorSource()).isEqualTo("desiredCount");
        assertThat(web.tasksFailed()).isEqualTo(2);
        assertThat(web.tasksInterrupted()).isZero();
        assertThat(web.tasksReplaced()).isEqualTo(2);
        assertThat(web.minutes()).hasSize(60);
        assertThat(web.minutes().get(0)).isEqualTo(new ServiceTaskMinute(MIN, 2, 2, 0));
        assertThat(web.minutes().get(9)).isEqualTo(new ServiceTaskMinute(10 * MIN, 2, 0, 2));
        assertThat(web.minutes().get(10)).isEqualTo(new ServiceTaskMinute(11 * MIN, 2, 2, 0));
        assertThat(web.extraTaskHours()).isZero();
        assertThat(web.extraCost()).isZero();
        assertThat(web.scaleOuts()).isEmpty();
        assertThat(web.slo()).isNull();

        ProviderElastic m6i = r.elastic().providers().get(0);
        assertThat(m6i.name()).isEqualTo("prod/m6i");
        assertThat(m6i.instances().get(9)).isZero();
        assertThat(m6i.instances().get(10)).isEqualTo(1);
        assertThat(m6i.instanceHours()).isCloseTo(3566 / 3600.0, within(1e-12));
        assertThat(m6i.extraInstanceHours()).isEqualTo(m6i.instanceHours());
        assertThat(m6i.cost()).isEqualByComparingTo(r.cost().byOwner().get("capacity-provider:prod/m6i"));
        assertThat(m6i.extraCost()).isEqualByComparingTo(m6i.cost());
        // The existing figures see the same run: 2 tasks failed, 1 instance failed.
        assertThat(r.summary().tasksFailed()).isEqualTo(2);
        assertThat(r.summary().instancesFailed()).isEqualTo(1);
    }

    /* A scripted crash of a running Fargate task at 300 s: one task-crash event naming its service and zone. */
    @Test
    void taskCrash_emitsOneEventWithItsServiceStateAndZone() {
        var td = TestScenarios.task("api", 256, 512, 0, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(600 * S, TestScenarios.cluster(TestScenarios.fargate("fargate")),
                List.of(TestScenarios.service("api", 2, td, new StrategyItem("fargate", 0, 1))), List.of());
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        Task[] crashed = new Task[1];
        sim.simulator().schedule(300 * S, () -> {
            crashed[0] = c.tasks().get(0);
            c.crashTask(crashed[0]);
        });
        RunResult r = sim.runAfterSetUp(ProgressListener.NONE);
        assertThat(r.elastic().events()).containsExactly(new ClusterEvent(300 * S, "prod", "task-crash",
                crashed[0].id(), "service:api task (RUNNING) on fargate in " + crashed[0].zone()
                        + " crashed; the service scheduler replaces it"));
        assertThat(crashed[0].lostToFault()).isTrue();
        assertThat(r.elastic().services().get(0).tasksReplaced()).isEqualTo(1);
        assertThat(r.elastic().providers()).isEmpty();
    }
}
