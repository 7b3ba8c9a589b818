package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.experiment.ExperimentResult;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {

    private static String render(ExperimentResult result) throws IOException {
        StringWriter out = new StringWriter();
        new MarkdownSummary().render(result, out);
        return out.toString();
    }

    @Test
    void render_startsWithTitleAndProvenanceLine() throws IOException {
        assertThat(render(Fixtures.twoVariants())).startsWith("# fleetsim: quick\n\n"
                + "Seed 42 · duration 3m · catalog: us-east-1, prices 2026-07-20 (test catalog) · fleetsim 0.1.0"
                + " · source: scenarios/quick.yaml\n\n");
    }

    // Worked figures in Fixtures. Per type: fargate vCPU 0.2024 -> $0.20, memory 0.04445 -> $0.04;
    // ec2 instances 0.192 + 0.0144 = 0.2064 -> $0.21. Per owner: service:api 0.2024 + 0.04445 = 0.24685 -> $0.25;
    // m6i 0.192 -> $0.19; m6i-spot 0.0144 -> $0.01. Types and owners a variant lacks show $0.00.
    // Mean reservation: fargate has no instances (NaN) -> n/a; ec2 95.5 -> 95.50%, 48.896 -> 48.90%.
    @Test
    void render_comparesVariantsSideBySide() throws IOException {
        assertThat(render(Fixtures.twoVariants())).contains(""
                + "| Metric | fargate | ec2 |\n"
                + "|---|---:|---:|\n"
                + "| Total cost (USD) | $0.25 | $0.21 |\n"
                + "| Cost of EC2 instances | $0.00 | $0.21 |\n"
                + "| Cost of Fargate vCPU | $0.20 | $0.00 |\n"
                + "| Cost of Fargate memory | $0.04 | $0.00 |\n"
                + "| Cost of ECR storage | $0.00 | $0.00 |\n"
                + "| 30-day projection (USD) | $3,554.66 | $2,972.18 |\n"
                + "| Task-hours | 5.00 | 4.50 |\n"
                + "| Instance-hours | 0.00 | 1.25 |\n"
                + "| Mean CPU reservation | n/a | 95.50% |\n"
                + "| Mean memory reservation | n/a | 48.90% |\n"
                + "| Peak instances | 0 | 25 |\n"
                + "| Tasks pending at end (unplaced) | 0 (0) | 2 (1) |\n"
                + "| Cost of capacity-provider:prod/m6i | $0.00 | $0.19 |\n"
                + "| Cost of capacity-provider:prod/m6i-spot | $0.00 | $0.01 |\n"
                + "| Cost of ecr | $0.00 | $0.00 |\n"
                + "| Cost of service:api | $0.25 | $0.00 |\n"
                + "\n"
                + "Cheapest variant by 30-day projection: **ec2** ($2,972.18).\n");
    }

    @Test
    void render_listsEachVariantsCostLines() throws IOException {
        assertThat(render(Fixtures.twoVariants())).contains(""
                + "## Cost lines: ec2\n"
                + "\n"
                + "| Usage type | Key | Owner | Amount | Unit price (USD) | Cost (USD) |\n"
                + "|---|---|---|---:|---:|---:|\n"
                + "| EC2 instances | m6i.xlarge/on-demand | capacity-provider:prod/m6i | 1 instance-hours | $0.192"
                + " | $0.19 |\n"
                + "| EC2 instances | m6i.xlarge/spot | capacity-provider:prod/m6i-spot | 0.25 instance-hours"
                + " | $0.0576 | $0.01 |\n"
                + "| ECR storage | api | ecr | 0.0000169542 GB-months | $0.10 | $0.00 |\n");
    }

    // Same 30-day projection ($3,554.66) for both: the first in variant order wins.
    @Test
    void render_breaksCheapestTiesByVariantOrder() throws IOException {
        ExperimentResult tie = new ExperimentResult("quick", "q.yaml",
                List.of(Fixtures.fargate("first"), Fixtures.fargate("second")));
        assertThat(render(tie)).contains("Cheapest variant by 30-day projection: **first** ($3,554.66).\n");
    }

    @Test
    void render_omitsCheapestLineForASingleVariant() throws IOException {
        ExperimentResult single = new ExperimentResult("quick", "q.yaml", List.of(Fixtures.ec2("ec2")));
        assertThat(render(single)).doesNotContain("Cheapest").contains("| Metric | ec2 |\n|---|---:|\n");
    }

    @Test
    void render_escapesPipesAndBackticksInNamesFromTheScenario() throws IOException {
        ExperimentResult result = new ExperimentResult("web|api", "a|b.yaml",
                List.of(Fixtures.fargate("spot|`x`"), Fixtures.ec2("ec2")));
        String md = render(result);
        assertThat(md).startsWith("# fleetsim: web\\|api\n")
                .contains("· source: a\\|b.yaml\n")
                .contains("| Metric | spot\\|\\`x\\` | ec2 |\n")
                .contains("## Cost lines: spot\\|\\`x\\`\n");
    }

    @Test
    void render_statesTheAssumptions() throws IOException {
        assertThat(render(Fixtures.twoVariants()))
                .contains("\n## Assumptions\n\n- Costs are metered usage quantities")
                .contains("\n- 30-day projection is linear extrapolation of the simulated period")
                .contains("the mean is over minutes with at least one instance.\n\n## Catalog sources\n");
    }

    @Test
    void render_saysSoWhenAVariantHasNoBillableUsage() throws IOException {
        ExperimentResult result = new ExperimentResult("quick", "q.yaml",
                List.of(Fixtures.run("idle", List.of(), "0", Fixtures.ec2("x").summary(), List.of())));
        assertThat(render(result)).contains("## Cost lines: idle\n\nNo billable usage.\n")
                .contains("| Total cost (USD) | $0.00 |\n| 30-day projection (USD) | $0.00 |\n");
    }

    @Test
    void render_leavesLatencyAndCostPerRequestOutWithoutTraffic() throws IOException {
        assertThat(render(Fixtures.twoVariants())).doesNotContain("## Latency").doesNotContain("per million");
    }

    // Cost per million requests: fargate 0.246851695421 x 10^6 / (990 api + 10 web) = 246.851695421 -> $246.8517;
    // ec2 0.206401695421 x 10^6 / 1000 = 206.401695421 -> $206.4017 (4 decimals, HALF_UP).
    @Test
    void render_addsCostPerMillionRequestsToTheComparison() throws IOException {
        assertThat(render(Fixtures.withTraffic())).contains(""
                + "| 30-day projection (USD) | $3,554.66 | $2,972.18 |\n"
                + "| Cost per million requests (USD) | $246.8517 | $206.4017 |\n"
                + "| Task-hours | 5.00 | 4.50 |\n");
    }

    // Fixtures.withTraffic, api. Throughput 990 / 120 s = 8.25; 1000 / 120 s = 8.333... -> 8.33.
    // Error rate (8 + 2) / 1000 = 1.000%. Latencies: ns / 10^6 rounded HALF_UP to 3 decimals:
    // 10,002,431 -> 10.002; 250,085,375 -> 250.085; 500,170,751 -> 500.171; 1,000,341,503 -> 1,000.342;
    // mean 12,500,000.5 -> 12.500; queue mean 250,000 -> 0.250. SLO attainment 1 - 1/2 = 50.00%, 0/2 -> 100.00%.
    @Test
    void render_comparesEachServicesLatencyAcrossVariants() throws IOException {
        assertThat(render(Fixtures.withTraffic())).contains(""
                + "Cheapest variant by 30-day projection: **ec2** ($2,972.18).\n"
                + "\n"
                + "## Latency\n"
                + "\n"
                + "Arrivals are open-loop: each request's latency is measured from its scheduled arrival, so it "
                + "includes all queueing and has no coordinated omission.")
                .contains(""
                + "### Service: api\n"
                + "\n"
                + "| Metric | fargate | ec2 |\n"
                + "|---|---:|---:|\n"
                + "| Requests completed | 990 | 1,000 |\n"
                + "| Throughput (req/s) | 8.25 | 8.33 |\n"
                + "| Error rate | 1.000% | 0.000% |\n"
                + "| p50 (ms) | 10.002 | 8.001 |\n"
                + "| p90 (ms) | 20.005 | 9.998 |\n"
                + "| p99 (ms) | 250.085 | 15.008 |\n"
                + "| p99.9 (ms) | 500.171 | 20.005 |\n"
                + "| Max (ms) | 1,000.342 | 20.005 |\n"
                + "| Mean (ms) | 12.500 | 8.000 |\n"
                + "| Mean queueing delay (ms) | 0.250 | 0.050 |\n"
                + "| SLO | p99 <= 250 ms, errors <= 0.1% | p99 <= 250 ms, errors <= 0.1% |\n"
                + "| SLO attainment | 50.00% | 100.00% |\n"
                + "| Minutes in SLO violation | 1 of 2 | 0 of 2 |\n"
                + "\n"
                + "### Service: web\n");
    }

    // web runs only on fargate, without an SLO: ec2 shows n/a throughout; fargate's SLO rows say none / n/a.
    @Test
    void render_showsNotAvailableForAVariantWithoutTheService() throws IOException {
        assertThat(render(Fixtures.withTraffic()))
                .contains("| Requests completed | 10 | n/a |\n")
                .contains("| Throughput (req/s) | 0.08 | n/a |\n")
                .contains("| SLO | none | n/a |\n"
                        + "| SLO attainment | n/a | n/a |\n"
                        + "| Minutes in SLO violation | n/a | n/a |\n"
                        + "\n## Cost lines: fargate\n");
    }
}
