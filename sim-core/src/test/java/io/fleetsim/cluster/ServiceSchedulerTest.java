package io.fleetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.Catalog;
import io.fleetsim.cloud.PurchaseOption;
import io.fleetsim.engine.Simulator;
import io.fleetsim.scenario.model.ArrivalSpec;
import io.fleetsim.scenario.model.CapacityProviderSpec;
import io.fleetsim.scenario.model.CapacityProviderSpec.CapacityProviderType;
import io.fleetsim.scenario.model.ClusterSpec;
import io.fleetsim.scenario.model.DeploymentConfigurationSpec;
import io.fleetsim.scenario.model.DeploymentSpec;
import io.fleetsim.scenario.model.DistributionSpec;
import io.fleetsim.scenario.model.ImageSpec;
import io.fleetsim.scenario.model.LoadBalancerSpec;
import io.fleetsim.scenario.model.PlacementStrategySpec;
import io.fleetsim.scenario.model.ServiceSpec;
import io.fleetsim.scenario.model.ServingSpec;
import io.fleetsim.scenario.model.StrategyItem;
import io.fleetsim.scenario.model.TaskDefinitionSpec;
import io.fleetsim.scenario.model.TaskDefinitionSpec.NetworkMode;
import io.fleetsim.scenario.model.TimingSpec;
import io.fleetsim.scenario.model.TrafficSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The REPLICA service scheduler (platform-semantics.md sections 5.2 and 5.4): rolling updates, the circuit breaker,
 * the restart throttle and scale-in by placement strategy, on one cluster driven event by event.
 *
 * <p>Latencies (round numbers so that times can be worked out by hand): Fargate ENI exactly 10 s, pull 40 MiB/s per
 * vCPU, container start 2 s; EC2 boot 17 s, agent registration 10 s, pull 100 MiB/s. A 0.25-vCPU Fargate task with
 * a 40 MiB image pulls for 40 / (40 x 0.25) = 4 s: launched at L it is RUNNING at L + 16 s. Stop timeout 30 s; no
 * load balancer unless said, so a stopped task is STOPPED 30 s after it is told to stop.
 */
class ServiceSchedulerTest {

    private static final Catalog CATALOG = Catalog.forRegion("us-east-1").orElseThrow();
    private static final long S = 1_000_000_000L;
    private static final long MIB = 1024L * 1024;
    private static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

    private static TimingSpec timings(long throttleBase) {
        return new TimingSpec(10 * S, 10 * S, 5 * S, 40 * MIB, 100 * MIB, 2 * S, 17 * S, 10 * S, 17 * S, 10 * S, throttleBase);
    }

    /** Records every cluster event. */
    private static final class Events implements ClusterListener {
        final List<ClusterEvent> events = new ArrayList<>();

        @Override
        public void clusterEvent(ClusterEvent event) {
            events.add(event);
        }

        List<String> kinds() {
            return events.stream().map(ClusterEvent::kind).toList();
        }

        List<Long> times(String kind) {
            return events.stream().filter(e -> e.kind().equals(kind)).map(ClusterEvent::timeNanos).toList();
        }
    }

    private final Events events = new Events();
    private Simulator sim;

    private EcsCluster cluster(TimingSpec timings, CapacityProviderSpec provider) {
        sim = new Simulator(42);
        EcsCluster c = new EcsCluster(new ClusterSpec("prod", ClusterSpec.Orchestrator.ECS, ZONES, false,
                List.of(provider)), sim, CATALOG, new Arns("us-east-1", Arns.DEFAULT_ACCOUNT,
                        sim.random().stream("ids")), timings, events);
        c.start();
        return c;
    }

    private static CapacityProviderSpec fargate() {
        return new CapacityProviderSpec("fargate", CapacityProviderType.FARGATE, null, null, 0, 0, 0, Map.of());
    }

    private static CapacityProviderSpec ec2(int instances) {
        return new CapacityProviderSpec("m6i", CapacityProviderType.EC2, "m6i.large", PurchaseOption.ON_DEMAND, 0,
                100, instances, Map.of());
    }

    private static final TaskDefinitionSpec API = new TaskDefinitionSpec("api", 256, 512,
            new ImageSpec("api", "v1", 40 * MIB), NetworkMode.AWSVPC, 20, Architecture.X86_64, 30 * S);
    private static final ImageSpec V2 = new ImageSpec("api", "v2", 40 * MIB);

    private static ServiceSpec fargateService(int desired, DeploymentConfigurationSpec config,
            DeploymentSpec... deployments) {
        return new ServiceSpec("api", "prod", desired, List.of(new StrategyItem("fargate", 0, 1)), API,
                List.of(new PlacementStrategySpec("spread", "attribute:ecs.availability-zone")), List.of(), null,
                null, null, config, List.of(deployments));
    }

    private static List<Task> ofRevision(EcsCluster c, String arnSuffix) {
        return c.tasks().stream().filter(t -> t.taskDefinitionArn().endsWith(arnSuffix)).toList();
    }

    // ---------------------------------------------------------------- bounds, thresholds, throttle schedule

    /*
     * lower = ceil(desired x min / 100), upper = floor(desired x max / 100) (section 5.4):
     * desired 3, min 50 -> ceil(1.5) = 2; max 150 -> floor(4.5) = 4. desired 5, min 100 -> 5; max 200 -> 10.
     * desired 7, min 0 -> 0; max 110 -> floor(7.7) = 7.
     */
    @Test
    void bounds_roundLowerUpAndUpperDown() {
        var c = new DeploymentConfigurationSpec(50, 150, false, false);
        assertThat(c.lowerBound(3)).isEqualTo(2);
        assertThat(c.upperBound(3)).isEqualTo(4);
        assertThat(DeploymentConfigurationSpec.DEFAULT.lowerBound(5)).isEqualTo(5);
        assertThat(DeploymentConfigurationSpec.DEFAULT.upperBound(5)).isEqualTo(10);
        var d = new DeploymentConfigurationSpec(0, 110, false, false);
        assertThat(d.lowerBound(7)).isZero();
        assertThat(d.upperBound(7)).isEqualTo(7);
    }

    /* clamp(ceil(0.5 x desired), 10, 200): 4 -> ceil(2) = 2 -> 10; 30 -> 15; 1000 -> 500 -> 200; 21 -> 11. */
    @Test
    void circuitBreakerThreshold_isHalfTheDesiredCountClampedTo10And200() {
        assertThat(DeploymentConfigurationSpec.circuitBreakerThreshold(4)).isEqualTo(10);
        assertThat(DeploymentConfigurationSpec.circuitBreakerThreshold(30)).isEqualTo(15);
        assertThat(DeploymentConfigurationSpec.circuitBreakerThreshold(1000)).isEqualTo(200);
        assertThat(DeploymentConfigurationSpec.circuitBreakerThreshold(21)).isEqualTo(11);
    }

    /* No delay after the 1st failure, then base 30 s doubling: 30 s, 60 s, 120 s, 240 s, 480 s, 960 s -> 900 s cap. */
    @Test
    void restartDelay_isNoneThenDoublingFromTheBaseCappedAt15Minutes() {
        long[] expected = {0, 0, 30 * S, 60 * S, 120 * S, 240 * S, 480 * S, 900 * S, 900 * S};
        for (int n = 1; n <= 8; n++) {
            assertThat(EcsCluster.restartDelayNanos(n, 30 * S)).as("failure %d", n).isEqualTo(expected[n]);
        }
        assertThat(EcsCluster.restartDelayNanos(40, 30 * S)).isEqualTo(900 * S);
    }

    // ---------------------------------------------------------------- rolling updates

    /*
     * desired 5, min 100, max 200: lower 5, upper 10. Old tasks RUNNING at 16 s. Deployment at 100 s: no old task may
     * stop (5 - 1 < 5), 5 + 5 = 10 <= 10, so all 5 new tasks launch at once; RUNNING at 116 s. Each one that becomes
     * RUNNING lifts the healthy count to 6 and lets one old task stop: 5 old tasks stopping at 116 s, STOPPED at
     * 116 + 30 = 146 s, when the deployment completes (46 s).
     */
    @Test
    void defaultBounds_launchAllNewTasksAtOnce_thenStopOldAsNewOnesRun() {
        EcsCluster c = cluster(timings(30 * S), fargate());
        Workload w = c.addService(fargateService(5, DeploymentConfigurationSpec.DEFAULT,
                new DeploymentSpec(100 * S, V2, false)));
        sim.runUntil(100 * S);
        assertThat(w.deploymentInProgress()).isTrue();
        assertThat(c.tasks()).hasSize(10);
        assertThat(w.liveTasks()).isEqualTo(10);
        sim.runUntil(200 * S);
        List<Task> old = ofRevision(c, "api:1");
        List<Task> fresh = ofRevision(c, "api:2");
        assertThat(fresh).hasSize(5).extracting(Task::createdAt).containsOnly(100 * S);
        assertThat(fresh).extracting(Task::runningAt).containsOnly(116 * S);
        assertThat(old).hasSize(5).extracting(Task::stoppedAt).containsOnly(146 * S);
        Deployment d = w.deployments().get(0);
        assertThat(d.outcome()).isEqualTo(Deployment.Outcome.COMPLETED);
        assertThat(d.startNanos()).isEqualTo(100 * S);
        assertThat(d.endNanos()).isEqualTo(146 * S);
        assertThat(d.tasksLaunched()).isEqualTo(5);
        assertThat(w.deploymentInProgress()).isFalse();
        assertThat(events.kinds()).containsExactly("deployment-started", "deployment-completed");
        assertThat(events.events.get(0).reason()).contains("desired 5, at least 5 healthy = ceil(5 x 100%), "
                + "at most 10 tasks = floor(5 x 200%)");
        assertThat(events.times("deployment-completed")).containsExactly(146 * S);
    }

    /*
     * desired 3, min 50, max 150: lower 2, upper 4. Old A, B, C RUNNING.
     *  100 s: stop one old (3 healthy - 1 = 2 >= 2), launch one new N1 (3 live + 1 = 4 = upper).
     *  116 s: N1 RUNNING: healthy C? no: healthy = B, C, N1 = 3 -> stop a second old (STOPPED at 146 s).
     *  130 s: the first old STOPPED: 3 live -> launch N2 (RUNNING 146 s).
     *  146 s: the second old STOPPED (its stop event was queued at 116 s, before N2's start at 144 s) -> launch N3
     *         (RUNNING 162 s); then N2 RUNNING: healthy = old, N1, N2 = 3 -> stop the last old (STOPPED 176 s).
     *  162 s: N3 RUNNING; 176 s: the last old STOPPED: 3 new healthy, no old left -> completed after 76 s.
     */
    @Test
    void halfMinimumAndOneAndAHalfMaximum_rollOneTaskAtATime() {
        EcsCluster c = cluster(timings(30 * S), fargate());
        Workload w = c.addService(fargateService(3, new DeploymentConfigurationSpec(50, 150, false, false),
                new DeploymentSpec(100 * S, V2, false)));
        sim.runUntil(300 * S);
        List<Task> fresh = ofRevision(c, "api:2");
        assertThat(fresh).extracting(Task::createdAt).containsExactly(100 * S, 130 * S, 146 * S);
        assertThat(fresh).extracting(Task::runningAt).containsExactly(116 * S, 146 * S, 162 * S);
        assertThat(ofRevision(c, "api:1")).extracting(Task::stoppedAt)
                .containsExactlyInAnyOrder(130 * S, 146 * S, 176 * S);
        Deployment d = w.deployments().get(0);
        assertThat(d.endNanos()).isEqualTo(176 * S);
        assertThat(d.tasksLaunched()).isEqualTo(3);
        assertThat(d.outcome()).isEqualTo(Deployment.Outcome.COMPLETED);
    }

    /*
     * Scale-out during a deployment launches the new revision: desired 5 with the defaults, deployment at 100 s (5 new
     * tasks, 10 live). At 105 s desired 7: upper floor(7 x 2) = 14, 5 new live < 7 -> 2 more new tasks at once.
     * lower = ceil(7 x 1) = 7. At 116 s the first 5 new tasks run one after the other: healthy 6, 7 (no old task may
     * stop: 7 - 1 < 7), then 8 three times, each letting one old task stop -> 3 old STOPPED at 146 s. At 121 s the
     * last 2 new tasks run: healthy 8 twice -> the other 2 old STOPPED at 151 s, when the deployment completes.
     */
    @Test
    void scaleOutDuringADeployment_launchesTheNewRevision() {
        EcsCluster c = cluster(timings(30 * S), fargate());
        Workload w = c.addService(fargateService(5, DeploymentConfigurationSpec.DEFAULT,
                new DeploymentSpec(100 * S, V2, false)));
        sim.runUntil(105 * S);
        c.setDesiredCount(w, 7);
        assertThat(ofRevision(c, "api:2")).extracting(Task::createdAt).containsExactly(100 * S, 100 * S, 100 * S,
                100 * S, 100 * S, 105 * S, 105 * S);
        sim.runUntil(300 * S);
        assertThat(ofRevision(c, "api:1")).extracting(Task::stoppedAt).containsExactlyInAnyOrder(146 * S, 146 * S,
                146 * S, 151 * S, 151 * S);
        assertThat(w.deployments().get(0).endNanos()).isEqualTo(151 * S);
        assertThat(w.deployments().get(0).tasksLaunched()).isEqualTo(7);
    }

    /*
     * A failing release with the circuit breaker and rollback; desired 4 -> threshold clamp(ceil(2), 10, 200) = 10;
     * lower 4, upper 8; throttle base 1 s (delays 0, 1, 2, 4, 8, 16, 32, 64, 128 s after failures 1..9).
     *  100 s: F1..F4 launched (4 old + 4 = 8); they fail when their containers start, 116 s.
     *  116 s: F1 fails (1st, no delay) -> F5 launched; F2, F3, F4 fail (2nd-4th): next launch not before 116 + 4 = 120 s.
     *  120 s: F6, F7, F8 launched (4 old + F5 + 3 = 8).  132 s: F5 fails (5th, 8 s) -> 140 s.
     *  136 s: F6, F7, F8 fail (6th-8th: 16, 32, 64 s) -> 200 s.  200 s: F9..F12 launched.
     *  216 s: F9 fails (9th); F10 fails (10th = threshold): FAILED after 116 s; rollback to revision 1, whose 4 tasks
     *         are healthy: it completes at 216 s once F11 and F12 (already stopping) have STOPPED.
     * The old tasks never stop: with lower = desired none may.
     */
    @Test
    void failingDeployment_tripsTheCircuitBreakerAtTenFailures_andRollsBack() {
        EcsCluster c = cluster(timings(S), fargate());
        Workload w = c.addService(fargateService(4, new DeploymentConfigurationSpec(100, 200, true, true),
                new DeploymentSpec(100 * S, V2, true)));
        sim.runUntil(400 * S);
        List<Task> failed = ofRevision(c, "api:2");
        assertThat(failed).extracting(Task::createdAt).containsExactly(100 * S, 100 * S, 100 * S, 100 * S,
                116 * S, 120 * S, 120 * S, 120 * S, 200 * S, 200 * S, 200 * S, 200 * S);
        assertThat(failed).extracting(Task::runningAt).containsOnly(-1L);
        assertThat(ofRevision(c, "api:1")).hasSize(4).extracting(Task::state).containsOnly(TaskState.RUNNING);
        assertThat(w.deployments()).hasSize(2);
        Deployment d = w.deployments().get(0);
        assertThat(d.outcome()).isEqualTo(Deployment.Outcome.FAILED);
        assertThat(d.endNanos()).isEqualTo(216 * S);
        assertThat(d.tasksLaunched()).isEqualTo(12);
        assertThat(d.tasksFailed()).isEqualTo(10);
        Deployment rollback = w.deployments().get(1);
        assertThat(rollback.isRollback()).isTrue();
        assertThat(rollback.taskDefinitionArn()).endsWith("api:1");
        assertThat(rollback.outcome()).isEqualTo(Deployment.Outcome.COMPLETED);
        assertThat(rollback.startNanos()).isEqualTo(216 * S);
        assertThat(rollback.endNanos()).isEqualTo(216 * S);
        assertThat(rollback.tasksLaunched()).isZero();
        assertThat(events.times("restart-throttled")).containsExactly(116 * S, 116 * S, 116 * S, 132 * S,
                136 * S, 136 * S, 136 * S, 216 * S, 216 * S);
        assertThat(events.kinds()).endsWith("deployment-failed", "rollback-started", "deployment-completed");
        assertThat(events.events.stream().filter(e -> e.kind().equals("deployment-failed")).findFirst()
                .orElseThrow().reason()).contains("10 of 12 new tasks failed before becoming healthy, threshold 10");
        assertThat(w.primaryTaskDefinitionArn()).endsWith("api:1");
    }

    /*
     * Without the circuit breaker a failing deployment never completes: the service keeps retrying under the
     * throttle, so the deployment (and the suspension of scale-in) lasts to the end; the old tasks keep running.
     */
    @Test
    void failingDeploymentWithoutCircuitBreaker_staysInProgress() {
        EcsCluster c = cluster(timings(30 * S), fargate());
        Workload w = c.addService(fargateService(2, DeploymentConfigurationSpec.DEFAULT,
                new DeploymentSpec(100 * S, V2, true)));
        sim.runUntil(3600 * S);
        assertThat(w.deploymentInProgress()).isTrue();
        assertThat(w.deployments().get(0).outcome()).isEqualTo(Deployment.Outcome.IN_PROGRESS);
        assertThat(ofRevision(c, "api:1")).extracting(Task::state).containsOnly(TaskState.RUNNING);
        // The throttle caps the delay at 15 minutes: at most a few launches in the hour, never a storm.
        assertThat(w.deployments().get(0).tasksLaunched()).isLessThan(20);
    }

    // ---------------------------------------------------------------- restart throttle

    /*
     * desired 1 behind a load balancer with a 60 s health-check grace period; crashes scripted.
     *  T1 RUNNING 16 s, crashes at 20 s (not healthy: 1st failure, no delay) -> T2 launched at 20 s, RUNNING 36 s.
     *  T2 crashes at 40 s (2nd failure: 30 s) -> T3 launched at 70 s, RUNNING 86 s.
     *  T3 crashes at 90 s (3rd: 60 s) -> T4 launched at 150 s, RUNNING 166 s, healthy at 226 s.
     *  T4 crashes at 300 s, healthy: not a failure -> T5 launched at once, RUNNING 316 s.
     *  T5 crashes at 320 s: a task became healthy since the last failure, so this is the 1st again -> T6 at 320 s.
     */
    @Test
    void crashesBeforeHealthy_delayReplacementsIncreasingly_andAHealthyTaskResetsTheCount() {
        EcsCluster c = cluster(timings(30 * S), fargate());
        TrafficSpec traffic = new TrafficSpec(new ArrivalSpec("poisson", 1.0, null, null),
                new DistributionSpec("exponential", 10_000_000L, 0, 0, List.of()), null, new ServingSpec("fcfs", 0, 0),
                new LoadBalancerSpec("round_robin", 300 * S, 60 * S));
        Workload w = c.addService(new ServiceSpec("api", "prod", 1, List.of(new StrategyItem("fargate", 0, 1)), API,
                List.of(new PlacementStrategySpec("spread", "attribute:ecs.availability-zone")), List.of(), traffic,
                null, null));
        for (long at : new long[] {20, 40, 90, 300, 320}) {
            sim.schedule(at * S, () -> c.crashTask(c.tasks().get(c.tasks().size() - 1)));
        }
        sim.runUntil(400 * S);
        assertThat(c.tasks()).extracting(Task::createdAt).containsExactly(0L, 20 * S, 70 * S, 150 * S, 300 * S,
                320 * S);
        // The five scripted crashes are task-crash events; two of them throttle the replacement.
        assertThat(events.kinds()).containsExactly("task-crash", "task-crash", "restart-throttled", "task-crash",
                "restart-throttled", "task-crash", "task-crash");
        assertThat(events.times("restart-throttled")).containsExactly(40 * S, 90 * S);
        assertThat(events.events.get(4).reason()).startsWith("3 consecutive tasks failed before becoming healthy")
                .contains("next launch in 1m");
        assertThat(w.liveTasks()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- scale-in by placement strategy

    private static final TaskDefinitionSpec BRIDGE = new TaskDefinitionSpec("web", 256, 1024,
            new ImageSpec("web", "v1", 100 * MIB), NetworkMode.BRIDGE, 20, Architecture.X86_64, 30 * S);

    private static ServiceSpec ec2Service(String name, int desired, TaskDefinitionSpec td,
            PlacementStrategySpec... strategies) {
        return new ServiceSpec(name, "prod", desired, List.of(new StrategyItem("m6i", 0, 1)), td,
                List.of(strategies), List.of(), null, null, null);
    }

    private static String instanceOf(Task t) {
        return t.instance().instanceId();
    }

    /*
     * Two m6i.large (7985 MiB registered), registered at 27 s in zones a then b. A filler task of 4096 MiB goes to
     * the first instance (3889 MiB left). api, binpack(memory), 2 tasks of 2048 MiB: A1 on the first instance (the
     * least memory left that fits: 1841 left), A2 no longer fits there and goes to the second (5937 left).
     * Scale-in to 1: binpack stops the task whose instance will have the most memory available after it stops:
     * the second instance, 5937 + 2048 = 7985 against 1841 + 2048 = 3889: A2. (The default balancing rule would
     * stop A1: zones a and b tie at one task, ties to the zone listed first.)
     */
    @Test
    void binpack_scaleInStopsTaskOnInstanceLeftWithMostFree() {
        EcsCluster c = cluster(timings(30 * S), ec2(2));
        TaskDefinitionSpec filler = new TaskDefinitionSpec("filler", 256, 4096, new ImageSpec("web", "v1", 100 * MIB),
                NetworkMode.BRIDGE, 20, Architecture.X86_64, 30 * S);
        TaskDefinitionSpec big = new TaskDefinitionSpec("api", 256, 2048, new ImageSpec("web", "v1", 100 * MIB),
                NetworkMode.BRIDGE, 20, Architecture.X86_64, 30 * S);
        c.addService(ec2Service("filler", 1, filler, new PlacementStrategySpec("spread", "instanceId")));
        Workload api = c.addService(ec2Service("api", 2, big, new PlacementStrategySpec("binpack", "memory")));
        sim.runUntil(60 * S);
        List<ContainerInstance> instances = c.capacityProviders().get(0).activeInstances();
        Task a1 = c.tasks().get(1);
        Task a2 = c.tasks().get(2);
        assertThat(instanceOf(a1)).isEqualTo(instances.get(0).instanceId());
        assertThat(instanceOf(a2)).isEqualTo(instances.get(1).instanceId());
        assertThat(instances).extracting(ContainerInstance::remainingMemoryMiB).containsExactly(1841, 5937);
        c.setDesiredCount(api, 1);
        assertThat(a2.state()).isEqualTo(TaskState.STOPPING);
        assertThat(a1.state()).isEqualTo(TaskState.RUNNING);
    }

    /*
     * Three m6i.large in zones a, b, c, registered at 27 s; web created at 28 s with 3 tasks, one per instance
     * (RUNNING at 28 + 1 s pull + 2 s = 31 s).
     * At 60 s desired 5: A4 goes to the first instance (all tie at 1, first in the list) and A5 to the second (the
     * first now has 2). Zones a and b hold 2 tasks each, instances 1 and 2 hold 2 each.
     * spread(instanceId) alone: instances 1 and 2 tie at 2 -> the newest task on them, A5 (zone b).
     * The default spread(zone) then spread(instanceId): zones a and b tie -> zone a first -> instance 1 -> A4.
     */
    @Test
    void spreadInstanceId_scaleInStopsNewestTaskOnBusiestInstances_whereZoneSpreadStopsByZoneOrder() {
        for (boolean zoneFirst : new boolean[] {false, true}) {
            events.events.clear();
            EcsCluster c = cluster(timings(30 * S), ec2(3));
            PlacementStrategySpec byInstance = new PlacementStrategySpec("spread", "instanceId");
            PlacementStrategySpec byZone = new PlacementStrategySpec("spread", "attribute:ecs.availability-zone");
            // Created once all three instances are registered (27 s), so that the first three tasks spread.
            sim.runUntil(28 * S);
            Workload web = c.addService(zoneFirst ? ec2Service("web", 3, BRIDGE, byZone, byInstance)
                    : ec2Service("web", 3, BRIDGE, byInstance));
            sim.runUntil(60 * S);
            c.setDesiredCount(web, 5);
            List<ContainerInstance> instances = c.capacityProviders().get(0).activeInstances();
            Task a4 = c.tasks().get(3);
            Task a5 = c.tasks().get(4);
            assertThat(instanceOf(a4)).isEqualTo(instances.get(0).instanceId());
            assertThat(instanceOf(a5)).isEqualTo(instances.get(1).instanceId());
            sim.runUntil(100 * S);
            assertThat(c.tasksIn(TaskState.RUNNING)).isEqualTo(5);
            c.setDesiredCount(web, 4);
            Task expected = zoneFirst ? a4 : a5;
            Task other = zoneFirst ? a5 : a4;
            assertThat(expected.state()).as("zone spread first: %s", zoneFirst).isEqualTo(TaskState.STOPPING);
            assertThat(other.state()).isEqualTo(TaskState.RUNNING);
        }
    }
}
