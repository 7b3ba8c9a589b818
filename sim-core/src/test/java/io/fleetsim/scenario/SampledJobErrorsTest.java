package io.fleetsim.scenario;

import static io.fleetsim.scenario.Load.assertProblem;
import static io.fleetsim.scenario.Load.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in a job with sampled shapes, and in the top-level {@code sampling}: exact line, column and path. */
class SampledJobErrorsTest {

    static final String CSV = "name,cpu_milli,memory_mib,num_gpu,creation_time,deletion_time\np0,1000,1024,0,0,60\n";

    /** Lines 1-13; the shapes map is on line 11, its value at column 13. */
    static String base(String extra, String provider) {
        return """
                name: t
                duration: 1d
                region: us-east-1
                clusters:
                  - name: c
                    capacityProviders: [%s]
                jobs:
                  - name: pods
                    count: 10
                    arrivals: { process: poisson }
                    shapes: { trace: "alibaba-pods:pods.csv", gpu: exclude }
                    taskDefinition: { cpu: 1024, memory: 2GiB, image: { repository: pods, size: 1MiB } }
                %s""".formatted(provider, extra);
    }

    static final String EC2 = "{ name: m6i, type: EC2, instanceType: m6i.large, maxSize: 1 }";

    @Test
    void validJob_loads(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pods.csv"), CSV);
        var job = Load.ok(base("", EC2), dir).variants().get(0).jobs().get(0);
        assertThat(job.arrivals()).isEqualTo("poisson");
        assertThat(job.shapes().cpuUnits()).containsExactly(1024);
        assertThat(job.schedule()).isNull();
    }

    // "    duration: 1h" inserted as line 13: value at column 15.
    @Test
    void durationWithShapes_isRejected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pods.csv"), CSV);
        assertProblem(only(base("    duration: 1h\n", EC2), dir), "jobs[0].duration", 13, 15,
                "`duration` does not apply here");
    }

    // line 11 "    shapes: { trace: ..." : the trace value starts at column 22.
    @Test
    void unknownShapesFormat_suggestsTheNearMiss(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pods.csv"), CSV);
        String yaml = base("", EC2).replace("alibaba-pods:", "alibaba-pod:");
        assertProblem(only(yaml, dir), "jobs[0].shapes.trace", 11, 22, "did you mean `alibaba-pods`?");
    }

    @Test
    void badRowInTheTrace_isReportedWithItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pods.csv"), CSV + "p1,lots,1024,0,0,60\n");
        assertProblem(only(base("", EC2), dir), "jobs[0].shapes.trace", 11, 22,
                "line 3: cpu_milli must be a whole number >= 0, found `lots`");
    }

    @Test
    void shapesOnFargate_isRejected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pods.csv"), CSV);
        assertProblem(only(base("", "{ name: f, type: FARGATE }"), dir), "jobs[0].shapes", 11, 13,
                "sampled shapes need EC2 capacity providers");
    }

    @Test
    void noAdmittedPod_isRejected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pods.csv"), CSV.replace("p0,1000,1024,0", "p0,1000,1024,1"));
        assertProblem(only(base("", EC2), dir), "jobs[0].shapes.trace", 11, 22, "no pod of the 1");
    }

    // "sampling: 90s" inserted as line 3: value at column 11.
    @Test
    void samplingNotWholeMinutes_isRejected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pods.csv"), CSV);
        String yaml = base("", EC2).replace("region: us-east-1\n", "sampling: 90s\nregion: us-east-1\n");
        assertProblem(only(yaml, dir), "sampling", 3, 11, "must be a whole number of minutes");
    }

    @Test
    void samplingHourly_setsThePeriod(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pods.csv"), CSV);
        String yaml = base("", EC2).replace("region: us-east-1\n", "sampling: 1h\nregion: us-east-1\n");
        assertThat(Load.ok(yaml, dir).variants().get(0).samplingNanos()).isEqualTo(3_600_000_000_000L);
    }
}
