package io.fleetsim.experiment;

import static io.fleetsim.experiment.TestScenarios.MIB;
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
import io.fleetsim.scenario.model.ClusterSpec;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.StrategyItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static final Catalog CATALOG = Catalog.forRegion("us-east-1").orElseThrow();

    private static long quantity(RunResult r, UsageType type, String owner) {
        return r.usage().stream().filter(u -> u.type() == type && u.owner().equals(owner))
                .mapToLong(UsageRecord::quantity).sum();
    }

    /*
     * Two Fargate tasks of 0.25 vCPU / 512 MiB with a 40 MiB image, for one hour.
     * ENI 10 s -> pull starts at 10 s (billing starts) -> pull 40 MiB at 40 MiB/s/vCPU x 0.25 vCPU = 4 s -> start 2 s
     * -> RUNNING at 16 s. Billed 3600 - 10 = 3590 s each:
     * vCPU: 2 x 256 x 3590 = 1,838,080 unit-seconds; memory 2 x 512 x 3590 = 3,676,160 MiB-seconds.
     * Cost = 2 x 3590 x (0.25 x 0.000011244 + 0.5 x 0.000001235) = 7180 x 0.0000034285 = $0.02461663.
     */
    @Test
    void fargateTasks_billedFromPullStartToEnd() {
        var td = TestScenarios.task("api", 256, 512, 40 * MIB, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(3600 * S, TestScenarios.cluster(TestScenarios.fargate("fargate")),
                List.of(TestScenarios.service("api", 2, td, new StrategyItem("fargate", 0, 1))), List.of());
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        sim.simulator().runUntil(10 * S - 1);
        assertThat(c.tasksIn(TaskState.PROVISIONING)).isEqualTo(2);
        sim.simulator().runUntil(16 * S - 1);
        assertThat(c.tasksIn(TaskState.PENDING)).isEqualTo(2);
        sim.simulator().runUntil(16 * S);
        assertThat(c.tasksIn(TaskState.RUNNING)).isEqualTo(2);
        assertThat(c.tasks()).extracting(Task::pullStartedAt).containsOnly(10 * S);
        // Fargate spreads a service across zones: two tasks, two different zones (the first two listed).
        assertThat(c.tasks()).extracting(Task::zone).containsExactly("us-east-1a", "us-east-1b");

        RunResult r = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        assertThat(quantity(r, UsageType.FARGATE_VCPU, "service:api")).isEqualTo(1_838_080L);
        assertThat(quantity(r, UsageType.FARGATE_MEMORY, "service:api")).isEqualTo(3_676_160L);
        assertThat(r.cost().byOwner().get("service:api")).isEqualByComparingTo("0.02461663");
        assertThat(r.summary().taskHours()).isEqualTo(2 * (3600 - 16) / 3600.0);
        assertThat(r.minutes()).hasSize(60);
        assertThat(r.minutes().get(59).tasksRunning()).isEqualTo(2);
    }

    /*
     * Three m6i.large (2 vCPU = 2048 units, 7985 MiB registered, 2 awsvpc tasks without trunking), seven tasks of
     * 512 units / 1024 MiB spread by zone. Instances run at 17 s, register at 27 s: six tasks are placed then, two per
     * instance (the ENI limit, not CPU, is binding); the seventh fits nowhere and stays PROVISIONING, counted.
     * EC2 cost: 3 instances x (3600 - 17) s x $0.096 / 3600 = $0.28664.
     */
    @Test
    void ec2Service_placesTwoAwsvpcTasksPerInstance_andCountsTheTaskThatFitsNowhere() {
        var td = TestScenarios.task("web", 512, 1024, 100 * MIB, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(3600 * S,
                TestScenarios.cluster(TestScenarios.ec2("m6i", "m6i.large", 3)),
                List.of(TestScenarios.service("web", 7, td, new StrategyItem("m6i", 0, 1))), List.of());
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        sim.simulator().runUntil(27 * S - 1);
        assertThat(c.unplacedTasks()).isEqualTo(7);
        sim.simulator().runUntil(27 * S);
        assertThat(c.unplacedTasks()).isEqualTo(1);
        List<ContainerInstance> instances = c.capacityProviders().get(0).activeInstances();
        assertThat(instances).extracting(ContainerInstance::zone)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(instances).extracting(ContainerInstance::runningTasksCount).containsExactly(2, 2, 2);
        assertThat(instances).extracting(ContainerInstance::remainingEniSlots).containsExactly(0, 0, 0);
        assertThat(instances).extracting(ContainerInstance::remainingMemoryMiB).containsExactly(5937, 5937, 5937);
        // ENI 5 s + pull 100 MiB at 100 MiB/s 1 s + start 2 s: RUNNING at 35 s.
        sim.simulator().runUntil(35 * S);
        assertThat(c.tasksIn(TaskState.RUNNING)).isEqualTo(6);

        RunResult r = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        assertThat(quantity(r, UsageType.EC2_INSTANCE_SECONDS, "capacity-provider:prod/m6i")).isEqualTo(3 * 3583L);
        assertThat(r.cost().byOwner().get("capacity-provider:prod/m6i")).isEqualByComparingTo("0.28664");
        assertThat(r.summary().tasksPendingAtEnd()).isEqualTo(1);
        assertThat(r.summary().tasksUnplacedAtEnd()).isEqualTo(1);
        assertThat(r.summary().peakInstances()).isEqualTo(3);
        // CPU reservation once placed: 6 x 512 / (3 x 2048) = 50%; memory 6 x 1024 / (3 x 7985) = 25.6418%.
        assertThat(r.minutes().get(10).cpuReservationPercent()).isEqualTo(50.0);
        assertThat(r.minutes().get(10).memoryReservationPercent()).isEqualTo(6 * 1024 * 100.0 / (3 * 7985));
    }

    /*
     * An image already pulled by an instance is not pulled again (ECS agent cache, platform-semantics.md 4):
     * one m6i.large, a job firing at 100 s and at 1000 s, one task each, 10 s long, image 500 MiB (5 s at 100 MiB/s).
     * First task: ENI 5 s, pull 5 s, start 2 s -> RUNNING at 112 s. Second: ENI 5 s, then under the agent's
     * default pull behaviour a registry check (1 s) instead of the pull, start 2 s -> 1008 s; under prefer-cached
     * (or once) no check at all -> 1007 s.
     */
    @Test
    void ec2ImageCache_secondTaskSkipsThePull_defaultBehaviourStillChecksTheRegistry() {
        assertThat(cachedRun(ClusterSpec.ImagePullBehavior.DEFAULT)).extracting(Task::runningAt)
                .containsExactly(112 * S, 1008 * S);
        assertThat(cachedRun(ClusterSpec.ImagePullBehavior.ALWAYS)).extracting(Task::runningAt)
                .containsExactly(112 * S, 1008 * S);
        List<Task> preferCached = cachedRun(ClusterSpec.ImagePullBehavior.PREFER_CACHED);
        assertThat(preferCached).extracting(Task::runningAt).containsExactly(112 * S, 1007 * S);
        assertThat(preferCached).extracting(Task::stoppedAt).containsExactly(122 * S, 1017 * S);
        assertThat(preferCached).extracting(Task::state).containsOnly(TaskState.STOPPED);
        assertThat(cachedRun(ClusterSpec.ImagePullBehavior.ONCE)).extracting(Task::runningAt)
                .containsExactly(112 * S, 1007 * S);
    }

    private static List<Task> cachedRun(ClusterSpec.ImagePullBehavior behavior) {
        var td = TestScenarios.task("etl", 1024, 2048, 500 * MIB, Architecture.X86_64);
        ClusterSpec base = TestScenarios.cluster(TestScenarios.ec2("m6i", "m6i.large", 1));
        ClusterSpec cluster = new ClusterSpec(base.name(), base.orchestrator(), base.zones(), base.awsvpcTrunking(),
                base.capacityProviders(), behavior);
        Scenario s = TestScenarios.scenario(3600 * S, cluster, List.of(), List.of(TestScenarios.job("etl",
                TestScenarios.at(100 * S, 1000 * S), 1, 10 * S, td, new StrategyItem("m6i", 0, 1))));
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        sim.simulator().runUntil(3600 * S);
        return sim.clusters().get(0).tasks();
    }

    /*
     * Capacity provider strategy, base 2 + weights 1:4 (platform-semantics.md 5.6), 12 tasks:
     * the base gives fargate 2; the remaining 10 split 1:4 -> fargate 2 more, fargate-spot 8.
     */
    @Test
    void capacityProviderStrategy_baseThenWeights() {
        var td = TestScenarios.task("api", 256, 512, 0, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(60 * S, TestScenarios.cluster(TestScenarios.fargate("fargate"),
                        TestScenarios.fargateSpot("spot")),
                List.of(TestScenarios.service("api", 12, td, new StrategyItem("fargate", 2, 1),
                        new StrategyItem("spot", 0, 4))), List.of());
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        List<Task> tasks = sim.clusters().get(0).tasks();
        assertThat(tasks.stream().filter(t -> t.provider().name().equals("fargate")).count()).isEqualTo(4);
        assertThat(tasks.stream().filter(t -> t.provider().name().equals("spot")).count()).isEqualTo(8);
    }

    /* The REPLICA scheduler replaces a stopped task (platform-semantics.md 5.4). */
    @Test
    void service_replacesAStoppedTask() {
        var td = TestScenarios.task("api", 256, 512, 0, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(3600 * S, TestScenarios.cluster(TestScenarios.fargate("fargate")),
                List.of(TestScenarios.service("api", 3, td, new StrategyItem("fargate", 0, 1))), List.of());
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        sim.simulator().runUntil(100 * S);
        Task victim = c.tasks().get(1);
        c.stopTask(victim, 30 * S);
        assertThat(victim.state()).isEqualTo(TaskState.STOPPING);
        sim.simulator().runUntil(130 * S);
        assertThat(victim.state()).isEqualTo(TaskState.STOPPED);
        assertThat(c.tasks()).hasSize(4);
        Task replacement = c.tasks().get(3);
        assertThat(replacement.createdAt()).isEqualTo(130 * S);
        // The replacement goes to the zone that lost a task.
        assertThat(replacement.zone()).isEqualTo(victim.zone());
        assertThat(c.workloads().get(0).liveTasks()).isEqualTo(3);
    }

    /*
     * A job of 3 Fargate tasks of 1 vCPU / 2 GiB with 30 GiB of ephemeral storage, 30 s long, firing once:
     * ENI 10 s, pull of an empty image 0 s, start 2 s, run 30 s: billed 32 s -> rounded to the 1-minute minimum.
     * Ephemeral: (30 - 20) GiB x 60 s x 3 = 1800 GiB-seconds.
     */
    @Test
    void fargateJob_shortTasksPayTheOneMinuteMinimum() {
        var base = TestScenarios.task("batch", 1024, 2048, 0, Architecture.X86_64);
        var td = new io.fleetsim.scenario.model.TaskDefinitionSpec(base.family(), base.cpuUnits(), base.memoryMiB(),
                base.image(), base.networkMode(), 30, base.cpuArchitecture(), base.stopTimeoutNanos());
        Scenario s = TestScenarios.scenario(600 * S, TestScenarios.cluster(TestScenarios.fargate("fargate")),
                List.of(), List.of(TestScenarios.job("batch", TestScenarios.at(0), 3, 30 * S, td,
                        new StrategyItem("fargate", 0, 1))));
        RunResult r = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        assertThat(quantity(r, UsageType.FARGATE_VCPU, "job:batch")).isEqualTo(3 * 1024 * 60L);
        assertThat(quantity(r, UsageType.FARGATE_EPHEMERAL_STORAGE, "job:batch")).isEqualTo(1800L);
        assertThat(r.summary().workloads().get(0).tasksStopped()).isEqualTo(3);
    }

    /* Fargate provisioning drawn from 10..45 s (platform-semantics.md 1.6): equal per seed, different across seeds. */
    @Test
    void sameScenarioAndSeed_giveEqualResults() {
        var td = TestScenarios.task("web", 512, 1024, 100 * MIB, Architecture.X86_64);
        Scenario fixed = TestScenarios.scenario(6 * 3600 * S,
                TestScenarios.cluster(TestScenarios.ec2("m6i", "m6i.large", 2), TestScenarios.fargate("fargate")),
                List.of(TestScenarios.service("web", 3, td, new StrategyItem("m6i", 0, 1)),
                        TestScenarios.service("api", 4, td, new StrategyItem("fargate", 0, 1))), List.of());
        var t = TestScenarios.TIMINGS;
        Scenario s = new Scenario(fixed.name(), fixed.description(), fixed.variant(), fixed.seed(), fixed.start(),
                fixed.durationNanos(), fixed.warmupNanos(), fixed.region(), fixed.pricing(),
                new io.fleetsim.scenario.model.TimingSpec(10 * S, 45 * S, t.ec2EniAttachNanos(),
                        t.fargatePullBytesPerSecondPerVcpu(), t.ec2PullBytesPerSecond(), t.containerStartNanos(),
                        t.ec2BootNanos(), t.ec2AgentRegistrationNanos()),
                fixed.clusters(), fixed.services(), fixed.jobs(), fixed.faults());
        RunResult a = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        RunResult b = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        assertThat(a).isEqualTo(b);
        RunResult other = new Simulation(s.withSeed(43), CATALOG).run(ProgressListener.NONE);
        assertThat(other.cost().total()).isNotEqualByComparingTo(a.cost().total());
    }

    /*
     * UpdateService semantics: 4 Fargate tasks; desired 2 at 100 s stops two (STOPPING for their 30 s stop timeout);
     * desired 4 again at 110 s launches two at once, because STOPPING tasks do not count; when the two stop at 130 s
     * nothing more is launched: 6 tasks were ever launched and 4 are live.
     */
    @Test
    void setDesiredCount_stoppingTasksDoNotCountTowardsTheDesiredCount() {
        var td = TestScenarios.task("api", 256, 512, 0, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(600 * S, TestScenarios.cluster(TestScenarios.fargate("fargate")),
                List.of(TestScenarios.service("api", 4, td, new StrategyItem("fargate", 0, 1))), List.of());
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        var api = c.workloads().get(0);
        sim.simulator().runUntil(100 * S);
        c.setDesiredCount(api, 2);
        assertThat(c.tasksIn(TaskState.STOPPING)).isEqualTo(2);
        sim.simulator().runUntil(110 * S);
        c.setDesiredCount(api, 4);
        assertThat(c.tasks()).hasSize(6);
        sim.simulator().runUntil(131 * S);
        assertThat(c.tasksIn(TaskState.STOPPED)).isEqualTo(2);
        assertThat(c.tasks()).hasSize(6);
        assertThat(api.liveTasks()).isEqualTo(4);
    }
}
