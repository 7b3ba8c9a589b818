package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.DeploymentSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentSectionTest {

    private static final long S = 1_000_000_000L;
    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/api:";

    private static ExperimentResult withDeployments(List<DeploymentSummary> deployments) {
        RunResult r = Fixtures.twoVariants().runs().get(0);
        return new ExperimentResult("quick", "q.yaml", List.of(new RunResult(r.scenarioName(), r.variant(), r.seed(),
                r.fleetsimVersion(), r.catalogProvenance(), r.start(), r.durationNanos(), r.usage(), r.cost(),
                r.projectionFactor(), r.summary(), r.minutes(), r.resources(), r.traffic(), r.scaling(), r.elastic(),
                deployments)));
    }

    /* A failed deployment 100 s -> 216 s (1m 56s) and its rollback that completed at once. */
    private static final List<DeploymentSummary> FAILED_AND_ROLLED_BACK = List.of(
            new DeploymentSummary("api", 1, false, ARN + "2", "api:v2", 100 * S, 216 * S, 12, 10, "FAILED"),
            new DeploymentSummary("api", 2, true, ARN + "1", "api:v1", 216 * S, 216 * S, 0, 0, "COMPLETED"),
            new DeploymentSummary("api", 3, false, ARN + "3", "api:v3", 300 * S, -1, 2, 0, "IN_PROGRESS"));

    @Test
    void summary_listsEachDeploymentWithTimesCountsAndOutcome() throws IOException {
        StringWriter out = new StringWriter();
        new MarkdownSummary().render(withDeployments(FAILED_AND_ROLLED_BACK), out);
        String variant = Fixtures.twoVariants().runs().get(0).variant();
        assertThat(out.toString()).contains("\n## Deployments\n")
                .contains("| " + variant + " | api | 1 | api:2 (api:v2) | 1m 40s | 3m 36s | 1m 56s | 12 | 10 | failed |\n")
                .contains("| " + variant + " | api | 2 | api:1 (api:v1), rollback | 3m 36s | 3m 36s | 0s | 0 | 0 | completed |\n")
                .contains("| " + variant + " | api | 3 | api:3 (api:v3) | 5m | - | - | 2 | 0 | in progress |\n");
    }

    @Test
    void reportJson_hasDeploymentsOnlyWhenThereAreAny() throws IOException {
        StringWriter out = new StringWriter();
        new JsonReport().render(withDeployments(FAILED_AND_ROLLED_BACK), out);
        JsonNode run = JsonMapper.builder().build().readTree(out.toString()).get("runs").get(0);
        JsonNode first = run.get("deployments").get(0);
        assertThat(first.get("startSeconds").asText()).isEqualTo("100");
        assertThat(first.get("endSeconds").asText()).isEqualTo("216");
        assertThat(first.get("durationSeconds").asText()).isEqualTo("116");
        assertThat(first.get("tasksLaunched").asInt()).isEqualTo(12);
        assertThat(first.get("tasksFailed").asInt()).isEqualTo(10);
        assertThat(first.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(run.get("deployments").get(1).get("rollback").asBoolean()).isTrue();
        assertThat(run.get("deployments").get(2).get("endSeconds").isNull()).isTrue();

        StringWriter plain = new StringWriter();
        new JsonReport().render(withDeployments(List.of()), plain);
        assertThat(plain.toString()).doesNotContain("\"deployments\"");
        StringWriter md = new StringWriter();
        new MarkdownSummary().render(withDeployments(List.of()), md);
        assertThat(md.toString()).doesNotContain("## Deployments");
    }
}
