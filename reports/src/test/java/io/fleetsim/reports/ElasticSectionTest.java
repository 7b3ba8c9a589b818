package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsim.cluster.ClusterEvent;
import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.ElasticResult;
import io.fleetsim.metrics.LagStats;
import io.fleetsim.metrics.ProviderElastic;
import io.fleetsim.metrics.ScaleOutLag;
import io.fleetsim.metrics.ServiceElastic;
import io.fleetsim.metrics.ServiceTaskMinute;
import io.fleetsim.metrics.SloLoss;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElasticSectionTest {

    private static final long S = 1_000_000_000L;
    private static final long MIN = 60 * S;

    private static RunResult withElastic(RunResult r, List<ClusterEvent> events) {
        // api: floor 2 (minCapacity); one scale-out: load change 10m, decision 12m, capacity 12m 45s.
        List<ScaleOutLag> lags = List.of(new ScaleOutLag(10 * MIN, 12 * MIN, 12 * MIN + 45 * S, 2, 3));
        ServiceElastic api = new ServiceElastic("api", 2, "minCapacity",
                List.of(new ServiceTaskMinute(MIN, 2, 1, 1), new ServiceTaskMinute(2 * MIN, 3, 2, 1),
                        new ServiceTaskMinute(3 * MIN, 3, 3, 0)),
                lags, LagStats.of(lags), 1, 2, 3, new SloLoss(5, 2, 1, 2), 3.0, 1.0, new BigDecimal("1.50"),
                new BigDecimal("0.5"));
        ProviderElastic m6i = new ProviderElastic("prod", "m6i", 1, List.of(1, 2, 2), 2.5, 1.5,
                new BigDecimal("0.24"), new BigDecimal("0.144"));
        return new RunResult(r.scenarioName(), r.variant(), r.seed(), r.fleetsimVersion(), r.catalogProvenance(),
                r.start(), r.durationNanos(), r.usage(), r.cost(), r.projectionFactor(), r.summary(), r.minutes(),
                r.resources(), r.traffic(), r.scaling(), new ElasticResult(events, List.of(api), List.of(m6i)));
    }

    private static List<ClusterEvent> crashes(int n) {
        List<ClusterEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new ClusterEvent((i + 1) * S, "prod", "task-crash", "t" + i, "service:api task crashed"));
        }
        events.add(new ClusterEvent((n + 1) * S, "prod", "zone-down", "us-east-1a", "zone outage: 1 instances"));
        return events;
    }

    private static ExperimentResult result(List<ClusterEvent> events) {
        return new ExperimentResult("quick", "q.yaml", List.of(withElastic(Fixtures.fargate("f"), events)));
    }

    private static String render(ReportRenderer renderer, ExperimentResult result) throws IOException {
        StringWriter out = new StringWriter();
        renderer.render(result, out);
        return out.toString();
    }

    /* Lag 2m / 45s / 2m 45s (one scale-out: median = max); 1.00 of 3.00 task-hours above the floor, $0.50 of $1.50. */
    @Test
    void summary_showsLagLostTasksExtraCostAndEvents() throws IOException {
        String md = render(new MarkdownSummary(), result(crashes(2)));
        assertThat(md).contains("\n## Capacity and faults\n")
                .contains("| api (floor 2, minCapacity) | 1 (1) | 2m / 2m | 45s / 45s | 2m 45s / 2m 45s | 1 / 2 / 3"
                        + " | 1.00 of 3.00 | $0.50 of $1.50 |\n")
                .contains("| prod/m6i | 1 | 1.50 of 2.50 | $0.14 of $0.24 |\n")
                .contains("\n3 cluster events: task-crash 2, zone-down 1.\n")
                .contains("| 1s | prod | task-crash | t0 | service:api task crashed |\n")
                .contains("| 3s | prod | zone-down | us-east-1a | zone outage: 1 instances |\n")
                .doesNotContain("not shown");
    }

    /* 60 crashes and a zone-down: 61 events, the first 50 shown, 11 not, counted by kind. */
    @Test
    void summary_boundsTheEventsTableAndSaysHowManyAreNotShown() throws IOException {
        String md = render(new MarkdownSummary(), result(crashes(60)));
        assertThat(md).contains("\n61 cluster events: task-crash 60, zone-down 1.\n")
                .contains("| 50s | prod | task-crash | t49 |")
                .doesNotContain("| t50 |")
                .contains("\nThe first 50 events are shown; 11 more are not shown here: report.json lists all 61.\n");
        JsonNode run = new ObjectMapper().readTree(render(new JsonReport(), result(crashes(60)))).get("runs").get(0);
        assertThat(run.get("events")).hasSize(61);
        assertThat(run.get("events").get(60).get("kind").asText()).isEqualTo("zone-down");
        assertThat(run.get("events").get(60).get("timeSeconds").asText()).isEqualTo("61");
    }

    @Test
    void json_listsScaleOutsLagStatisticsSloMinutesAndTaskSeries() throws IOException {
        JsonNode run = new ObjectMapper().readTree(render(new JsonReport(), result(crashes(1)))).get("runs").get(0);
        JsonNode api = run.get("elastic").get("services").get(0);
        assertThat(api.get("scaleOuts").get(0).get("loadChangeSeconds").asText()).isEqualTo("600");
        assertThat(api.get("scaleOuts").get(0).get("capacitySeconds").asText()).isEqualTo("765");
        assertThat(api.get("lag").get("medianDecisionToCapacitySeconds").asText()).isEqualTo("45");
        assertThat(api.get("lag").get("maxLoadToCapacitySeconds").asText()).isEqualTo("165");
        assertThat(api.get("sloMinutesLost").toString()).isEqualTo(
                "{\"violated\":5,\"faults\":2,\"scalingLag\":1,\"other\":2}");
        assertThat(api.get("tasksReplaced").asLong()).isEqualTo(3);
        assertThat(api.get("extraCost").asText()).isEqualTo("0.5");
        assertThat(api.get("series").get("running").toString()).isEqualTo("[1,2,3]");
        JsonNode m6i = run.get("elastic").get("providers").get(0);
        assertThat(m6i.get("extraCost").asText()).isEqualTo("0.144");
        assertThat(m6i.get("series").get("instances").toString()).isEqualTo("[1,2,2]");
    }

    @Test
    void csv_addsTaskCountsPerServiceAndInstancesPerProvider() throws IOException {
        String[] lines = render(new TimeseriesCsv(), result(crashes(1))).split("\n");
        assertThat(lines[0]).endsWith(",api.desired,api.running,api.pending,prod/m6i.instances");
        assertThat(lines[1]).endsWith(",2,1,1,1");
        assertThat(lines[3]).endsWith(",3,3,0,2");
    }

    /* The latency table of api gets the SLO minutes by cause: faults 2, scaling lag 1, other 2 (n/a for ec2). */
    @Test
    void latency_showsSloMinutesLostByCause() throws IOException {
        ExperimentResult traffic = Fixtures.withTraffic();
        List<RunResult> runs = new ArrayList<>(traffic.runs());
        runs.set(0, withElastic(runs.get(0), crashes(1)));
        String md = render(new MarkdownSummary(), new ExperimentResult("quick", "q.yaml", runs));
        assertThat(md).contains("| SLO minutes lost to faults / scaling lag / other | 2 / 1 / 2 | n/a |\n")
                .contains("Faults take precedence.");
    }

    /* Without auto scaling or events, no report changes: no section, no JSON keys, no CSV columns. */
    @Test
    void reports_withoutScalingOrEvents_haveNoElasticOutput() throws IOException {
        ExperimentResult plain = result(List.of());
        assertThat(render(new MarkdownSummary(), plain)).doesNotContain("Capacity and faults")
                .doesNotContain("SLO minutes lost");
        assertThat(render(new JsonReport(), plain)).doesNotContain("\"elastic\"").doesNotContain("\"events\"");
        assertThat(render(new TimeseriesCsv(), plain)).doesNotContain("api.desired");
    }
}
