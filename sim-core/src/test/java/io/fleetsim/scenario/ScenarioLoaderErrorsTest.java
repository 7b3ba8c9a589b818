package io.fleetsim.scenario;

import static io.fleetsim.scenario.Load.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of user mistake: each asserts the exact YAML path, line and column, and a key phrase of the
 * message. Columns are 1-based; the comment above each test counts them.
 */
class ScenarioLoaderErrorsTest {

    /** A valid scenario; tests replace one line. Lines 1-16. */
    static final String BASE = """
            name: t
            duration: 1h
            region: us-east-1
            clusters:
              - name: prod
                capacityProviders:
                  - { name: fargate, type: FARGATE }
                  - { name: m6i, type: EC2, instanceType: m6i.large, maxSize: 4 }
            services:
              - name: api
                desiredCount: 2
                capacityProviderStrategy: [{ capacityProvider: fargate }]
                taskDefinition:
                  cpu: 512
                  memory: 1GiB
                  image: { repository: api, size: 250MiB }
            """;

    static String replace(String line, String with) {
        assertThat(BASE).contains(line);
        return BASE.replace(line, with);
    }

    private static ScenarioProblem only(List<ScenarioProblem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void base_isValid() throws Exception {
        assertThat(Load.ok(BASE).variants()).hasSize(1);
    }

    // Line 3 "  region: us-east-1" is indented under a scalar; SnakeYAML stops at the ':' in column 9.
    @Test
    void yamlSyntaxError_isAProblemAtTheMark() {
        ScenarioProblem p = only(Load.problems("name: t\nduration: 1h\n  region: us-east-1\n"));
        assertProblem(p, "$", 3, 9, "YAML syntax error: mapping values are not allowed here");
    }

    // "    desiredcount: 2": the key starts at column 5.
    @Test
    void unknownKey_suggestsTheNearMissAndListsKnownKeys() {
        List<ScenarioProblem> problems = Load.problems(replace("    desiredCount: 2", "    desiredcount: 2"));
        assertThat(problems).hasSize(2);
        // The required key is then missing: reported at the service map (line 10, column 5, its first key),
        // which sorts first.
        assertProblem(problems.get(0), "services[0].desiredCount", 10, 5, "missing required key `desiredCount`");
        assertProblem(problems.get(1), "services[0].desiredcount", 11, 5,
                "unknown key `desiredcount` in services[0]; did you mean `desiredCount`? known keys: name, cluster, "
                        + "desiredCount,");
    }

    // "    desiredCount: six": 4 + "desiredCount: ".length() (14) = 18, value at column 19.
    @Test
    void wrongType_stringWhereIntegerExpected() {
        ScenarioProblem p = only(Load.problems(replace("    desiredCount: 2", "    desiredCount: six")));
        assertProblem(p, "services[0].desiredCount", 11, 19, "expected an integer, found the string \"six\"");
    }

    // "duration: 1 hour": value at column 11.
    @Test
    void badDurationUnit_namesTheAcceptedUnits() {
        ScenarioProblem p = only(Load.problems(replace("duration: 1h", "duration: 1 hour")));
        assertProblem(p, "duration", 2, 11, "unknown duration unit `hour` in `1 hour`; did you mean `h`?");
    }

    // "      cpu: 100m": 6 + "cpu: " (5) = 11, value at column 12; 100m = 102.4 CPU units.
    @Test
    void badCpuValue_fractionalUnits() {
        ScenarioProblem p = only(Load.problems(replace("      cpu: 512", "      cpu: 100m")));
        assertProblem(p, "services[0].taskDefinition.cpu", 14, 12, "`100m` is 102.4 CPU units");
    }

    // "      memory: 1536": 6 + "memory: " (8) = 14, value at column 15. 512 CPU allows 1024..4096 MiB.
    @Test
    void invalidFargateSize_listsTheValidMemoryForThatCpu() {
        ScenarioProblem p = only(Load.problems(replace("      memory: 1GiB", "      memory: 1536")));
        assertProblem(p, "services[0].taskDefinition.memory", 15, 15,
                "invalid Fargate size 512 CPU / 1536 MiB on Fargate (capacity provider fargate): 512 CPU units "
                        + "allows 1024..4096 MiB in 1024 MiB steps");
    }

    // 384 units is no Fargate CPU size; the message lists the valid ones.
    @Test
    void invalidFargateCpu_listsTheValidCpuSizes() {
        ScenarioProblem p = only(Load.problems(replace("      cpu: 512", "      cpu: 384")));
        assertProblem(p, "services[0].taskDefinition.cpu", 14, 12,
                "Fargate has no task size with 384 CPU units on Fargate (capacity provider fargate); valid CPU "
                        + "sizes: 256, 512, 1024, 2048, 4096, 8192, 16384");
    }

    @Test
    void negativeDesiredCount_isRejected() {
        ScenarioProblem p = only(Load.problems(replace("    desiredCount: 2", "    desiredCount: -1")));
        assertProblem(p, "services[0].desiredCount", 11, 19, "must be at least 0, found -1");
    }

    // "      - { name: m6i, type: EC2, instanceType: m6i.larg, maxSize: 4 }": 6 spaces, "- " (8), "{ " (10),
    // "name: m6i, " (21), "type: EC2, " (32), "instanceType: " (46): value at column 47.
    @Test
    void unknownInstanceType_suggestsTheNearMiss() {
        ScenarioProblem p = only(Load.problems(replace("instanceType: m6i.large", "instanceType: m6i.larg")));
        assertProblem(p, "clusters[0].capacityProviders[1].instanceType", 8, 47,
                "unknown instance type `m6i.larg`; did you mean `m6i.large`? instance types in the catalog: "
                        + "m5.4xlarge, m6g.large, m6i.large");
    }

    // "region: us-east-7": value at column 9. Nothing else cascades from the missing catalog.
    @Test
    void unknownRegion_suggestsAndListsRegions() {
        ScenarioProblem p = only(Load.problems(replace("region: us-east-1", "region: us-east-7")));
        assertProblem(p, "region", 3, 9, "unknown region `us-east-7`; did you mean `us-east-1`? regions in the "
                + "bundled catalog: eu-west-1, us-east-1");
    }

    // On m6i (fake catalog: m6i.large registers 7987 MiB) a 9000 MiB task does not fit; value at column 15.
    @Test
    void taskLargerThanItsInstanceType_namesBothNumbers() {
        String yaml = replace("[{ capacityProvider: fargate }]", "[{ capacityProvider: m6i }]")
                .replace("      memory: 1GiB", "      memory: 9000");
        ScenarioProblem p = only(Load.problems(yaml));
        assertProblem(p, "services[0].taskDefinition.memory", 15, 15,
                "task needs 9000 MiB but m6i.large (capacity provider m6i) registers 7987 MiB for tasks");
    }

    // 4 CPU units more than m6i.large's 2 vCPU x 1024 = 2048.
    @Test
    void taskCpuAboveInstanceCpu_namesBothNumbers() {
        String yaml = replace("[{ capacityProvider: fargate }]", "[{ capacityProvider: m6i }]")
                .replace("      cpu: 512", "      cpu: 4 vCPU");
        ScenarioProblem p = only(Load.problems(yaml));
        assertProblem(p, "services[0].taskDefinition.cpu", 14, 12,
                "task needs 4096 CPU units but m6i.large (capacity provider m6i) registers 2048 (2 vCPU x 1024)");
    }

    // "    capacityProviderStrategy: [{ capacityProvider: fargat }]": 4 + 26 = 30, "[{ " -> 33,
    // "capacityProvider: " (18) -> 51: value at column 52.
    @Test
    void unknownCapacityProviderInStrategy_suggestsFromTheCluster() {
        ScenarioProblem p = only(Load.problems(replace("capacityProvider: fargate }", "capacityProvider: fargat }")));
        assertProblem(p, "services[0].capacityProviderStrategy[0].capacityProvider", 12, 52,
                "unknown capacity provider `fargat` in cluster prod; did you mean `fargate`? its capacity "
                        + "providers: fargate, m6i");
    }

    // The second service "api" starts at line 17; its name value at column 11 ("  - name: ").
    @Test
    void duplicateServiceNames_pointAtTheSecond() {
        String yaml = BASE + """
                  - name: api
                    desiredCount: 1
                    capacityProviderStrategy: [{ capacityProvider: fargate }]
                    taskDefinition: { cpu: 256, memory: 512, image: { repository: api, size: 1GiB } }
                """;
        ScenarioProblem p = only(Load.problems(yaml));
        assertProblem(p, "services[1].name", 17, 11, "duplicate service name `api` (first defined at line 10)");
    }

    // Provider names repeat inside the cluster: line 8 is the second "fargate", at its map (column 9).
    @Test
    void duplicateProviderNames_inOneCluster() {
        ScenarioProblem p = only(Load.problems(replace(
                "      - { name: m6i, type: EC2, instanceType: m6i.large, maxSize: 4 }",
                "      - { name: fargate, type: FARGATE_SPOT }")));
        assertProblem(p, "clusters[0].capacityProviders[1].name", 8, 9,
                "duplicate capacity provider name `fargate` in cluster prod");
    }

    // "    set: { services.apx.desiredCount: 4 }": the key starts at column 12 (4 + "set: { ".length()).
    @Test
    void variantPathMatchingNothing_namesVariantPathAndNearMiss() {
        String yaml = BASE + """
                variants:
                  - name: bigger
                    set: { services.apx.desiredCount: 4 }
                """;
        ScenarioProblem p = only(Load.problems(yaml));
        assertProblem(p, "variants[0].set.\"services.apx.desiredCount\"", 19, 12,
                "variant bigger: path `services.apx.desiredCount` matches nothing: no item named `apx` in "
                        + "`services`; did you mean `api`? items: api");
    }

    // Line 21 "      services.api.capacityProviderStrategy: [{ capacityProvider: m6j }]": 6 + 39 = 45,
    // "[{ " -> 48, "capacityProvider: " -> 66: value at column 67. Only variant ec2 has it, so it is prefixed.
    @Test
    void errorInsideAVariantOverride_pointsAtTheVariantsLine() {
        String yaml = BASE + """
                variants:
                  - name: ok
                  - name: ec2
                    set:
                      services.api.capacityProviderStrategy: [{ capacityProvider: m6j }]
                """;
        ScenarioProblem p = only(Load.problems(yaml));
        assertProblem(p, "services[0].capacityProviderStrategy[0].capacityProvider", 21, 67,
                "variant ec2: unknown capacity provider `m6j` in cluster prod; did you mean `m6i`?");
    }

    // Base task 2048 CPU / 8 GiB is a valid Fargate size, but variant ec2 moves it to m6i.large (7987 MiB): the
    // problem is at the base's memory line (15, column 15) and names the variant.
    @Test
    void baseValueConflictingWithAnOverride_isPrefixedWithTheVariant() {
        String yaml = replace("      cpu: 512", "      cpu: 2048").replace("      memory: 1GiB", "      memory: 8GiB") + """
                variants:
                  - name: fargate
                  - name: ec2
                    set: { services.api.capacityProviderStrategy: [{ capacityProvider: m6i }] }
                """;
        ScenarioProblem p = only(Load.problems(yaml));
        assertProblem(p, "services[0].taskDefinition.memory", 15, 15,
                "variant ec2: task needs 8192 MiB but m6i.large (capacity provider m6i) registers 7987 MiB");
    }

    // A mistake in the base is found in every variant but reported once, without a prefix.
    @Test
    void baseProblemInEveryVariant_isReportedOnce() {
        String yaml = replace("    desiredCount: 2", "    desiredCount: -1") + """
                variants:
                  - name: a
                  - name: b
                    set: { services.api.taskDefinition.cpu: 1024, services.api.taskDefinition.memory: 2GiB }
                """;
        ScenarioProblem p = only(Load.problems(yaml));
        assertProblem(p, "services[0].desiredCount", 11, 19, "must be at least 0, found -1");
        assertThat(p.message()).doesNotContain("variant");
    }

    // Three independent mistakes come back together, sorted by line.
    @Test
    void multipleProblems_areReportedTogetherInLineOrder() {
        String yaml = replace("region: us-east-1", "region: us-east-7")
                .replace("    desiredCount: 2", "    desiredCount: -1")
                .replace("      cpu: 512", "      cpu: 100m");
        ScenarioException e = null;
        try {
            Load.ok(yaml);
        } catch (ScenarioException caught) {
            e = caught;
        }
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(ScenarioProblem::path)
                .containsExactly("region", "services[0].desiredCount", "services[0].taskDefinition.cpu");
        assertThat(e.getMessage().split("\n")).hasSize(3);
        assertThat(e.getMessage()).startsWith("test.yaml:3:9: region: unknown region `us-east-7`");
    }
}
