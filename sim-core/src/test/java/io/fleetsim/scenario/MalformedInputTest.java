package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrong shapes anywhere give problems, never another exception (DESIGN.md principle 7: input is untrusted). */
class MalformedInputTest {

    private static final List<String> INPUTS = List.of(
            "- 1\n- 2\n",
            "just a string\n",
            "~\n",
            "name:\nduration:\nregion:\nclusters:\n",
            "name: x\nduration: 1h\nregion: us-east-1\nclusters: [1, [2], {}]\n",
            "name: x\nduration: 1h\nregion: us-east-1\nclusters: [{ name: c, capacityProviders: 5 }]\n",
            "name: x\nduration: 1h\nregion: us-east-1\nclusters: [{ name: c, capacityProviders: [~, 3, { type: EC2 }] }]\n",
            "name: x\nduration: 1h\nregion: us-east-1\nclusters: [{ name: c, capacityProviders: [{ name: e, type: EC2,"
                    + " instanceType: [1], maxSize: {} , minSize: 9, attributes: [1] }] }]\n",
            "name: x\nduration: 1h\nregion: [us-east-1]\nclusters: []\nservices: [~, 1, { taskDefinition: 3 }]\n",
            "name: x\nduration: 1h\nregion: us-east-1\nclusters: [{ name: c, capacityProviders: [{ name: f, type: "
                    + "FARGATE }] }]\nservices: [{ name: s, desiredCount: 1, capacityProviderStrategy: [1, { base: x }],"
                    + " taskDefinition: { cpu: [], memory: {}, image: [], networkMode: 5, stopTimeout: true } }]\n",
            "name: x\nduration: 1h\nregion: us-east-1\nclusters: [{ name: c, capacityProviders: [{ name: f, type: "
                    + "FARGATE }] }]\njobs: [{ name: j, schedule: [cron], taskDefinition: {}, placementStrategy: 7,"
                    + " placementConstraints: [{}] }]\n",
            "name: x\nduration: 1h\nregion: us-east-1\nclusters: []\nvariants: [1, { set: 3 }, { name: a, set: {"
                    + " \"\": 1, services..x: 2, clusters.0.name.x: 3 } }]\n",
            "name: x\nduration: 1h\nregion: us-east-1\ntimings: { fargateProvisioning: 5, ec2Boot: [] }\n"
                    + "pricing: { ec2SpotDiscount: yes }\nclusters: ~\n",
            "name: x\nstart: yesterday\nseed: 1.5\nduration: 99999999999999999999d\nregion: us-east-1\n",
            "a: [1, 2\n",
            "a: b\n---\nc: d\n",
            "? [a, b]\n: c\n");

    @Test
    void everyMalformedInput_givesProblemsWithLocations() {
        for (String yaml : INPUTS) {
            List<ScenarioProblem> problems = Load.problems(yaml);
            assertThat(problems).as(yaml).isNotEmpty();
            assertThat(problems).as(yaml).allSatisfy(p -> {
                assertThat(p.line()).isPositive();
                assertThat(p.column()).isPositive();
                assertThat(p.message()).isNotBlank();
            });
        }
    }

    @Test
    void rootList_isReportedAtTheRoot() {
        List<ScenarioProblem> problems = Load.problems("- 1\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$");
            assertThat(p.message()).startsWith("expected a map");
        });
    }
}
