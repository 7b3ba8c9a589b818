package io.fleetsim.experiment;

import static io.fleetsim.experiment.TestScenarios.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.Catalog;
import io.fleetsim.cluster.EcsCluster;
import io.fleetsim.cluster.Task;
import io.fleetsim.metrics.LatencySummary;
import io.fleetsim.metrics.ServiceMinute;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.StrategyItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests through the whole stack: ECS lifecycle, load balancer targets, serving, latency metrics. */
class TrafficSimulationTest {

    private static final Catalog CATALOG = Catalog.forRegion("us-east-1").orElseThrow();
    private static final long MS = 1_000_000L;

    /*
     * One Fargate task of 1 vCPU behind the load balancer, Poisson 50/s, exponential work of mean 10 ms: M/M/1 with
     * lambda = 50, mu = 100, rho = 0.5. Mean response time 1 / (mu - lambda) = 20 ms. Two hours after a 10-minute
     * warm-up is about 360,000 requests: the standard error of the mean is about 20 ms x sqrt((1 + rho) / (1 - rho)
     * / n) ~ 0.06 ms, so 3% (0.6 ms) is a 10-sigma bound that still catches a wrong speed or a lost queue.
     * Service CPUUtilization per minute is rho = 50%.
     */
    @Test
    void oneTaskService_isAnMM1Queue() {
        var td = TestScenarios.task("api", 1024, 2048, 0, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(130 * 60 * S, 10 * 60 * S,
                TestScenarios.cluster(TestScenarios.fargate("fargate")),
                List.of(TestScenarios.serviceWithTraffic("api", 1, td, 50.0, 10 * MS, 0L,
                        new StrategyItem("fargate", 0, 1))), List.of());
        RunResult r = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        LatencySummary api = r.traffic().get(0).summary();
        assertThat(api.meanNanos()).isCloseTo(20 * MS, within(0.6 * MS));
        assertThat(api.throughput()).isCloseTo(50.0, within(0.5));
        assertThat(api.rejected()).isZero();
        // Little's law per minute is the queue's business; here the minute figures must add up to the summary.
        long completedAfterWarmup = r.traffic().get(0).minutes().stream().skip(10)
                .mapToLong(ServiceMinute::completed).sum();
        assertThat(completedAfterWarmup).isEqualTo(api.completed());
        double meanUtilization = r.traffic().get(0).minutes().stream().skip(10)
                .mapToDouble(ServiceMinute::cpuUtilization).average().orElseThrow();
        assertThat(meanUtilization).isCloseTo(50.0, within(1.5));
    }

    /*
     * Requests before any task is RUNNING are rejected (no healthy target): Fargate ENI 10 s + pull 0 + start 2 s,
     * then a 30 s health-check grace period: the task takes traffic from 42 s. At 100/s about 4,200 arrivals in
     * [0, 42 s) are rejected, none after (the task is far from full).
     */
    @Test
    void requestsBeforeTheFirstHealthyTarget_areRejected() {
        var td = TestScenarios.task("api", 1024, 2048, 0, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(10 * 60 * S, TestScenarios.cluster(TestScenarios.fargate("fargate")),
                List.of(TestScenarios.serviceWithTraffic("api", 1, td, 100.0, 1 * MS, 30 * S,
                        new StrategyItem("fargate", 0, 1))), List.of());
        RunResult r = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        LatencySummary api = r.traffic().get(0).summary();
        // Poisson count in 42 s at 100/s: 4200 +- 4.5 sqrt(4200) ~ 4200 +- 292.
        assertThat(api.rejected()).isBetween(3908L, 4492L);
        assertThat(r.traffic().get(0).minutes().get(0).healthyTargets()).isEqualTo(1);
        assertThat(r.traffic().get(0).minutes().get(1).errors()).isZero();
        assertThat(api.dropped()).isZero();
    }

    /*
     * Stopping a task behind the load balancer deregisters it: it takes no new requests, finishes what it holds and
     * stops when empty (well before the 300 s deregistration delay); its replacement joins the target group once
     * RUNNING. Two tasks, one stopped at 5 minutes.
     */
    @Test
    void stoppedTask_drainsThenStops_andItsReplacementTakesTraffic() {
        var td = TestScenarios.task("api", 1024, 2048, 0, Architecture.X86_64);
        Scenario s = TestScenarios.scenario(20 * 60 * S, TestScenarios.cluster(TestScenarios.fargate("fargate")),
                List.of(TestScenarios.serviceWithTraffic("api", 2, td, 100.0, 5 * MS, 0L,
                        new StrategyItem("fargate", 0, 1))), List.of());
        Simulation sim = new Simulation(s, CATALOG);
        sim.setUp();
        EcsCluster c = sim.clusters().get(0);
        sim.simulator().runUntil(5 * 60 * S);
        Task victim = c.tasks().get(0);
        c.stopTask(victim, 0L);
        sim.simulator().runUntil(5 * 60 * S + 1 * S);
        assertThat(victim.stoppedAt()).isBetween(5 * 60 * S, 5 * 60 * S + 1 * S);
        sim.simulator().runUntil(20 * 60 * S);
        assertThat(c.tasks()).hasSize(3);
        assertThat(c.workloads().get(0).liveTasks()).isEqualTo(2);
    }

    /*
     * Target tracking on CPU at 50%: one 1 vCPU task under Poisson 80/s of 10 ms work runs at 80% CPU. The high
     * alarm needs 3 datapoints above 50: minutes 1, 2, 3 (the task is RUNNING from 12 s, and CPUUtilization is
     * CPU used over CPU reserved by targets, so minute 1 is 80% too). At 3:00 desired = ceil(1 x 80 / 50) = 2.
     * With 2 tasks each runs at 40%, below 45 (0.9 x 50): after 15 low minutes the proportional scale-in is
     * ceil(2 x 40 / 50) = 2, no change. So exactly one action in 40 minutes, and 2 tasks at the end.
     */
    @Test
    void targetTrackingOnCpu_scalesOutAfterThreeHighMinutes() {
        var td = TestScenarios.task("api", 1024, 2048, 0, Architecture.X86_64);
        var base = TestScenarios.serviceWithTraffic("api", 1, td, 80.0, 10 * MS, 0L,
                new StrategyItem("fargate", 0, 1));
        var scaling = new io.fleetsim.scenario.model.ServiceAutoScalingSpec(1, 10, List.of(
                new io.fleetsim.scenario.model.ServiceAutoScalingSpec.TargetTrackingSpec(
                        io.fleetsim.scenario.model.ServiceAutoScalingSpec.Metric.ECSServiceAverageCPUUtilization, 50.0,
                        300 * S, 300 * S, false, 3, 15, 0.9)), List.of(), List.of());
        var service = new io.fleetsim.scenario.model.ServiceSpec(base.name(), base.cluster(), base.desiredCount(),
                base.capacityProviderStrategy(), base.taskDefinition(), base.placementStrategy(),
                base.placementConstraints(), base.traffic(), base.slo(), scaling);
        Scenario s = TestScenarios.scenario(40 * 60 * S, TestScenarios.cluster(TestScenarios.fargate("fargate")),
                List.of(service), List.of());
        RunResult r = new Simulation(s, CATALOG).run(ProgressListener.NONE);
        var timeline = r.scaling().get(0);
        assertThat(timeline.actions()).hasSize(1);
        assertThat(timeline.actions().get(0).timeNanos()).isEqualTo(3 * 60 * S);
        assertThat(timeline.actions().get(0).from()).isEqualTo(1);
        assertThat(timeline.actions().get(0).to()).isEqualTo(2);
        assertThat(r.traffic().get(0).minutes().get(39).healthyTargets()).isEqualTo(2);
        assertThat(r.summary().workloads().get(0).tasksRunningAtEnd()).isEqualTo(2);
    }

    /*
     * Scale-in is suspended during a deployment (platform-semantics.md section 5.5). Four 1-vCPU Fargate tasks at
     * 1 request/s of 10 ms work: CPU about 0.25%, far below the scale-in alarm (0.9 x 50 = 45) from the first minute
     * (tasks RUNNING at 12 s: ENI 10 s, an empty image, start 2 s). Without a deployment the 15th low datapoint
     * scales in at 15:00. With a failing deployment at 60 s and no circuit breaker the deployment never ends, so the
     * service never scales in; its four old tasks keep running.
     */
    @Test
    void scaleIn_isSuspendedWhileADeploymentIsInProgress() {
        var td = TestScenarios.task("api", 1024, 2048, 0, Architecture.X86_64);
        var base = TestScenarios.serviceWithTraffic("api", 4, td, 1.0, 10 * MS, 0L,
                new StrategyItem("fargate", 0, 1));
        var scaling = new io.fleetsim.scenario.model.ServiceAutoScalingSpec(1, 10, List.of(
                new io.fleetsim.scenario.model.ServiceAutoScalingSpec.TargetTrackingSpec(
                        io.fleetsim.scenario.model.ServiceAutoScalingSpec.Metric.ECSServiceAverageCPUUtilization, 50.0,
                        300 * S, 300 * S, false, 3, 15, 0.9)), List.of(), List.of());
        for (boolean deploying : new boolean[] {false, true}) {
            var deployments = deploying ? List.of(new io.fleetsim.scenario.model.DeploymentSpec(60 * S,
                    new io.fleetsim.scenario.model.ImageSpec("api", "v2", 0), true)) : List.<io.fleetsim.scenario.model.DeploymentSpec>of();
            var service = new io.fleetsim.scenario.model.ServiceSpec(base.name(), base.cluster(), base.desiredCount(),
                    base.capacityProviderStrategy(), base.taskDefinition(), base.placementStrategy(),
                    base.placementConstraints(), base.traffic(), base.slo(), scaling,
                    io.fleetsim.scenario.model.DeploymentConfigurationSpec.DEFAULT, deployments);
            Scenario s = TestScenarios.scenario(30 * 60 * S, TestScenarios.cluster(TestScenarios.fargate("fargate")),
                    List.of(service), List.of());
            RunResult r = new Simulation(s, CATALOG).run(ProgressListener.NONE);
            var actions = r.scaling().get(0).actions();
            if (deploying) {
                assertThat(actions).isEmpty();
                assertThat(r.deployments()).hasSize(1);
                assertThat(r.deployments().get(0).outcome()).isEqualTo("IN_PROGRESS");
                assertThat(r.deployments().get(0).endNanos()).isEqualTo(-1L);
            } else {
                assertThat(actions).isNotEmpty();
                assertThat(actions.get(0).timeNanos()).isEqualTo(15 * 60 * S);
                assertThat(actions.get(0).from()).isEqualTo(4);
                assertThat(actions.get(0).to()).isLessThan(4);
                assertThat(r.deployments()).isEmpty();
            }
        }
    }
}
