package io.fleetsim.experiment;

import static io.fleetsim.experiment.TestScenarios.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.cloud.Catalog;
import io.fleetsim.cluster.EcsCluster;
import io.fleetsim.cluster.Task;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.ShapesSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs whose tasks arrive over the run with CPU, memory and lifetime sampled from a pod trace (jobs[].shapes). */
class SampledShapesJobTest {

    private static final Catalog CATALOG = Catalog.forRegion("us-east-1").orElseThrow();

    /**
     * An excerpt in the Alibaba 2023 pod-list layout. With a task definition of 4 vCPU (4096 units) and 8 GiB:
     * p0: ceil(3152 x 1024 / 1000) = ceil(3227.648) = 3228 units, 5600 MiB, 600 - 0 = 600 s: admitted;
     * p1: ceil(102.4) = 103, raised to ECS's minimum 128; 512 MiB; 70 - 10 = 60 s: admitted;
     * p2: 2048 units, 4096 MiB, 100 s, one GPU: admitted only with gpu: ignore;
     * p3: 12288 units > 4096: left out; p4: lifetime 50 - 50 = 0 s: left out.
     */
    static final String EXCERPT = """
            name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
            p0,3152,5600,0,0,,LS,Running,0,600,0
            p1,100,512,0,0,,LS,Running,10,70,10
            p2,2000,4096,1,460,,LS,Running,0,100,0
            p3,12000,16384,0,0,,LS,Running,0,100,0
            p4,1000,2048,0,0,,LS,Running,50,50,50
            """;

    static String scenario(Path trace, String gpu, String process, int count) {
        return """
                name: pods
                duration: 1h
                region: us-east-1
                clusters:
                  - name: batch
                    capacityProviders:
                      - { name: m5, type: EC2, instanceType: m5.xlarge, maxSize: 1, desiredCapacity: 1 }
                jobs:
                  - name: pods
                    count: %d
                    arrivals: { process: %s }
                    shapes: { trace: "alibaba-pods:%s", gpu: %s }
                    taskDefinition: { cpu: 4 vCPU, memory: 8GiB, networkMode: bridge, image: { repository: pods, size: 100MiB } }
                """.formatted(count, process, trace.toAbsolutePath(), gpu);
    }

    private static Scenario load(String yaml) throws Exception {
        return ScenarioLoader.load("pods.yaml", yaml).variants().get(0);
    }

    @Test
    void shapes_mapMillicoresToCpuUnitsAndLeaveOutWhatTheTaskDefinitionCannotHold(@TempDir Path dir) throws Exception {
        Path trace = Files.writeString(dir.resolve("pods.csv"), EXCERPT);
        ShapesSpec exclude = load(scenario(trace, "exclude", "constant", 4)).jobs().get(0).shapes();
        assertThat(exclude.podsRead()).isEqualTo(5);
        assertThat(exclude.cpuUnits()).containsExactly(3228, 128);
        assertThat(exclude.memoryMiB()).containsExactly(5600, 512);
        assertThat(exclude.lifetimeNanos()).containsExactly(600 * S, 60 * S);
        ShapesSpec ignore = load(scenario(trace, "ignore", "constant", 4)).jobs().get(0).shapes();
        assertThat(ignore.cpuUnits()).containsExactly(3228, 128, 2048);
        assertThat(ignore.memoryMiB()).containsExactly(5600, 512, 4096);
        assertThat(ignore.lifetimeNanos()).containsExactly(600 * S, 60 * S, 100 * S);
    }

    /**
     * A trace of p0 alone (3228 units, 5600 MiB, 600 s), so every draw is p0; constant arrivals of 4 tasks in 1 h: at k x 3600 / 4 = 0, 900, 1800, 2700 s. The
     * m5.xlarge boots in 17 s and registers 10 s later: the first task waits until 27 s, is placed (bridge: no ENI),
     * pulls 100 MiB at 100 MiB/s (1 s) and starts in 2 s: RUNNING at 30 s, exits after p0's 600 s at 630 s. Later
     * tasks find the image cached; the agent's default pull behaviour still checks the registry (1 s), then the
     * container starts in 2 s: RUNNING 3 s after arrival (903, 1803, 2703 s), stopped 600 s later.
     */
    @Test
    void constantArrivals_runEachTaskForItsPodsLifetime(@TempDir Path dir) throws Exception {
        Path trace = Files.writeString(dir.resolve("pods.csv"), EXCERPT.lines().limit(2)
                .reduce("", (a, b) -> a + b + "\n"));
        Simulation sim = new Simulation(load(scenario(trace, "exclude", "constant", 4)), CATALOG);
        RunResult r = sim.run(ProgressListener.NONE);
        EcsCluster c = sim.clusters().get(0);
        assertThat(c.tasks()).extracting(Task::createdAt).containsExactly(0L, 900 * S, 1800 * S, 2700 * S);
        assertThat(c.tasks()).extracting(Task::runningAt).containsExactly(30 * S, 903 * S, 1803 * S, 2703 * S);
        assertThat(c.tasks()).extracting(Task::stoppedAt).containsExactly(630 * S, 1503 * S, 2403 * S, 3303 * S);
        // 4 tasks x 600 s RUNNING = 2400 s; waits to RUNNING 30 + 3 + 3 + 3 = 39 s; unplaced 0 to 27 s.
        assertThat(r.summary().workloads().get(0).taskSeconds()).isEqualTo(2400.0);
        assertThat(r.summary().workloads().get(0).waitSeconds()).isEqualTo(39.0);
        assertThat(r.summary().workloads().get(0).unplacedSeconds()).isEqualTo(27.0);
    }

    /** Poisson arrivals: exactly count tasks, in increasing time within the run, the same on the same seed. */
    @Test
    void poissonArrivals_launchExactlyCountTasksInOrderWithinTheRun(@TempDir Path dir) throws Exception {
        Path trace = Files.writeString(dir.resolve("pods.csv"), EXCERPT);
        Scenario s = load(scenario(trace, "ignore", "poisson", 50));
        Simulation a = new Simulation(s, CATALOG);
        a.run(ProgressListener.NONE);
        Simulation b = new Simulation(s, CATALOG);
        b.run(ProgressListener.NONE);
        var tasks = a.clusters().get(0).tasks();
        assertThat(tasks).hasSize(50);
        assertThat(tasks).extracting(Task::createdAt).isSorted().allMatch(t -> t >= 0 && t < 3600 * S);
        assertThat(tasks).extracting(Task::createdAt)
                .containsExactlyElementsOf(b.clusters().get(0).tasks().stream().map(Task::createdAt).toList());
    }
}
