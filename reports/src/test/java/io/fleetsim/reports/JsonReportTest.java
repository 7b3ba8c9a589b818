package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fleetsim.Version;
import io.fleetsim.experiment.ExperimentResult;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private static final JsonMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static String render(ExperimentResult result) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReport().render(result, out);
        return out.toString();
    }

    private static JsonNode parse(ExperimentResult result) throws IOException {
        return READER.readTree(render(result));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void render_recordsVersionScenarioSourceAndNotesFirst() throws IOException {
        JsonNode root = parse(Fixtures.twoVariants());
        assertThat(fieldNames(root)).containsExactly("fleetsimVersion", "scenario", "source", "notes", "runs");
        assertThat(root.get("fleetsimVersion").asText()).isEqualTo(Version.VERSION);
        assertThat(root.get("scenario").asText()).isEqualTo("quick");
        assertThat(root.get("source").asText()).isEqualTo("scenarios/quick.yaml");
        assertThat(root.get("notes")).hasSize(ModelNotes.NOTES.size());
        assertThat(root.get("notes").get(1).asText())
                .startsWith("30-day projection is linear extrapolation of the simulated period");
        assertThat(root.get("runs")).hasSize(2);
    }

    @Test
    void render_describesEachRun() throws IOException {
        JsonNode run = parse(Fixtures.twoVariants()).get("runs").get(1);
        assertThat(fieldNames(run)).containsExactly("variant", "seed", "fleetsimVersion", "catalogProvenance",
                "start", "duration", "durationSeconds", "usage", "cost", "summary", "workloads", "resources",
                "series", "traffic", "scaling", "costPerMillionRequests");
        assertThat(run.get("variant").asText()).isEqualTo("ec2");
        assertThat(run.get("seed").asLong()).isEqualTo(42);
        assertThat(run.get("catalogProvenance").asText()).isEqualTo(Fixtures.PROVENANCE);
        assertThat(run.get("start").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(run.get("duration").asText()).isEqualTo("PT3M");
        assertThat(run.get("durationSeconds").asLong()).isEqualTo(180);
        assertThat(run.get("usage").get(1).get("key").asText()).isEqualTo("m6i.xlarge/spot");
        assertThat(run.get("usage").get(1).get("quantity").asLong()).isEqualTo(900);
        assertThat(run.get("resources").get(1).get("arn").asText()).isEqualTo(Fixtures.SERVICE_ARN);
        assertThat(run.get("workloads").get(0).get("capacityProviders").asText()).isEqualTo("m6i,m6i-spot");
    }

    // ec2 total 0.192 + 0.0144 + 0.000001695421 = 0.206401695421 -> 0.21 (HALF_UP);
    // x 14400 = 2972.1844140624 -> 2972.18. By type: EC2 0.192 + 0.0144 = 0.2064.
    @Test
    void render_writesMoneyAsExactDecimalStrings() throws IOException {
        JsonNode cost = parse(Fixtures.twoVariants()).get("runs").get(1).get("cost");
        assertThat(cost.get("total").isTextual()).isTrue();
        assertThat(cost.get("total").asText()).isEqualTo("0.206401695421");
        assertThat(cost.get("totalCents").asText()).isEqualTo("0.21");
        assertThat(cost.get("projectionFactor").asText()).isEqualTo("14400");
        assertThat(cost.get("projected30Days").asText()).isEqualTo("2972.1844140624");
        assertThat(cost.get("projected30DaysCents").asText()).isEqualTo("2972.18");
        assertThat(fieldNames(cost.get("byType"))).containsExactly("EC2_INSTANCE_SECONDS", "ECR_STORAGE");
        assertThat(cost.get("byType").get("EC2_INSTANCE_SECONDS").asText()).isEqualTo("0.2064");
        assertThat(fieldNames(cost.get("byOwner")))
                .containsExactly("capacity-provider:prod/m6i", "capacity-provider:prod/m6i-spot", "ecr");
        assertThat(cost.get("byOwner").get("capacity-provider:prod/m6i-spot").asText()).isEqualTo("0.0144");
        JsonNode spot = cost.get("lines").get(1);
        assertThat(spot.get("unit").asText()).isEqualTo("instance-hours");
        assertThat(spot.get("amount").asText()).isEqualTo("0.25");
        assertThat(spot.get("unitPrice").asText()).isEqualTo("0.0576");
        assertThat(spot.get("cost").asText()).isEqualTo("0.0144");
        assertThat(cost.get("lines").get(2).get("cost").asText()).isEqualTo("0.000001695421");
    }

    // fargate registers no instance: mean reservation NaN -> null. ec2: 48.896 (binary 48.8959999...) -> 48.896.
    @Test
    void render_roundsDoublesAndWritesNaNAsNull() throws IOException {
        JsonNode runs = parse(Fixtures.twoVariants()).get("runs");
        JsonNode fargate = runs.get(0).get("summary");
        assertThat(fargate.get("meanCpuReservationPercent").isNull()).isTrue();
        assertThat(fargate.get("taskHours").decimalValue()).isEqualByComparingTo("5");
        JsonNode ec2 = runs.get(1).get("summary");
        assertThat(ec2.get("meanMemoryReservationPercent").decimalValue()).isEqualTo(new BigDecimal("48.896"));
        assertThat(ec2.get("meanCpuReservationPercent").decimalValue()).isEqualTo(new BigDecimal("95.5"));
        assertThat(ec2.get("eventsFired").asLong()).isEqualTo(2345);
        assertThat(runs.get(1).get("workloads").get(0).get("waitSeconds").decimalValue())
                .isEqualTo(new BigDecimal("3000.25"));
    }

    // ec2 memory reservation per minute: 143,360 / 320,000 = 44.8%, 204,800 / 400,000 = 51.2%,
    // 202,752 / 400,000 = 50.688%
    @Test
    void render_writesTheSeriesAsColumnArrays() throws IOException {
        JsonNode series = parse(Fixtures.twoVariants()).get("runs").get(1).get("series");
        assertThat(fieldNames(series)).containsExactly("minute", "timeNanos", "tasksProvisioning", "tasksPending",
                "tasksRunning", "tasksStopping", "tasksUnplaced", "instances", "cpuRegistered", "cpuReserved",
                "cpuReservationPercent", "memoryRegistered", "memoryReserved", "memoryReservationPercent",
                "fargateTasks", "accruedCostUsd");
        assertThat(series.get("minute").toString()).isEqualTo("[1,2,3]");
        assertThat(series.get("timeNanos").toString()).isEqualTo("[60000000000,120000000000,180000000000]");
        assertThat(series.get("tasksRunning").toString()).isEqualTo("[60,100,98]");
        assertThat(series.get("memoryReservationPercent").toString()).isEqualTo("[44.8,51.2,50.688]");
        assertThat(series.get("accruedCostUsd").toString()).isEqualTo("[\"0.06\",\"0.13\",\"0.206401695421\"]");
        JsonNode fargate = parse(Fixtures.twoVariants()).get("runs").get(0).get("series");
        assertThat(fargate.get("cpuReservationPercent").toString()).isEqualTo("[null,null,null]");
    }

    @Test
    void render_isPrettyWithUnixLineEndingsOneLinePerColumnAndATrailingNewline() throws IOException {
        String json = render(Fixtures.twoVariants());
        assertThat(json).startsWith("{\n  \"fleetsimVersion\": \"0.1.0\",\n  \"scenario\": \"quick\",\n")
                .doesNotContain("\r")
                .contains("\n        \"tasksRunning\": [ 40, 100, 100 ],\n")
                .contains("\"meanCpuReservationPercent\": null,")
                .endsWith("\n    }\n  ]\n}\n");
    }

    @Test
    void render_writesAnEmptyTrafficArrayAndNoCostPerRequestWithoutTraffic() throws IOException {
        JsonNode run = parse(Fixtures.twoVariants()).get("runs").get(0);
        assertThat(run.get("traffic").toString()).isEqualTo("[]");
        assertThat(run.get("costPerMillionRequests").isNull()).isTrue();
    }

    // Fixtures.withTraffic, fargate api: latencies in exact ms (nanos / 10^6) and nanos; mean 12,500,000.5 ns is
    // 12.5000005 ms -> 6 decimals HALF_EVEN -> 12.5; error rate (8 + 2) / 1000 = 0.01; queue mean 250,000 ns =
    // 0.25 ms. Cost per million: 0.246851695421 x 10^6 / (990 + 10 requests of api and web) = 246.851695421.
    @Test
    void render_writesEachServicesLatencySummaryInMillisecondsAndNanoseconds() throws IOException {
        JsonNode run = parse(Fixtures.withTraffic()).get("runs").get(0);
        assertThat(run.get("costPerMillionRequests").asText()).isEqualTo("246.851695421");
        JsonNode api = run.get("traffic").get(0);
        assertThat(fieldNames(api)).containsExactly("service", "intervalLog", "summary", "slo", "series");
        assertThat(api.get("service").asText()).isEqualTo("api");
        assertThat(api.get("intervalLog").asText()).isEqualTo("latency-fargate-api.hlog");
        JsonNode s = api.get("summary");
        assertThat(fieldNames(s)).containsExactly("arrivals", "completed", "rejected", "dropped", "errorRate",
                "throughputPerSecond", "meanMs", "meanNanos", "p50Ms", "p50Nanos", "p90Ms", "p90Nanos", "p99Ms",
                "p99Nanos", "p999Ms", "p999Nanos", "maxMs", "maxNanos", "queueP50Ms", "queueP50Nanos", "queueP99Ms",
                "queueP99Nanos", "queueMeanMs", "queueMeanNanos");
        assertThat(s.get("completed").asLong()).isEqualTo(990);
        assertThat(s.get("errorRate").decimalValue()).isEqualTo(new BigDecimal("0.01"));
        assertThat(s.get("throughputPerSecond").decimalValue()).isEqualTo(new BigDecimal("8.25"));
        assertThat(s.get("meanMs").decimalValue()).isEqualTo(new BigDecimal("12.5"));
        assertThat(s.get("meanNanos").decimalValue()).isEqualTo(new BigDecimal("12500000.5"));
        assertThat(s.get("p99Ms").decimalValue()).isEqualTo(new BigDecimal("250.085375"));
        assertThat(s.get("p99Nanos").asLong()).isEqualTo(250_085_375L);
        assertThat(s.get("maxMs").decimalValue()).isEqualTo(new BigDecimal("1000.341503"));
        assertThat(s.get("queueMeanMs").decimalValue()).isEqualTo(new BigDecimal("0.25"));
    }

    // SLO p99 <= 250 ms, errors <= 0.1%; 2 minutes checked, 1 violated -> attainment 0.5. web has no SLO.
    @Test
    void render_writesTheSloWithItsMinutes() throws IOException {
        JsonNode traffic = parse(Fixtures.withTraffic()).get("runs").get(0).get("traffic");
        JsonNode slo = traffic.get(0).get("slo");
        assertThat(slo.get("text").asText()).isEqualTo("p99 <= 250 ms, errors <= 0.1%");
        assertThat(slo.get("latencyPercentile").decimalValue()).isEqualByComparingTo("99");
        assertThat(slo.get("latencyBoundMs").decimalValue()).isEqualByComparingTo("250");
        assertThat(slo.get("latencyBoundNanos").asLong()).isEqualTo(250_000_000L);
        assertThat(slo.get("errorRate").decimalValue()).isEqualTo(new BigDecimal("0.001"));
        assertThat(slo.get("minutesChecked").asLong()).isEqualTo(2);
        assertThat(slo.get("minutesViolated").asLong()).isEqualTo(1);
        assertThat(slo.get("attainment").decimalValue()).isEqualTo(new BigDecimal("0.5"));
        assertThat(traffic.get(1).get("slo").isNull()).isTrue();
    }

    // Minute 1 completed nothing: latencies null, CPU and requests per target NaN -> null.
    // 62.125 is exact in binary; 4.9 is 4.9000000000000003552... -> 4.9 at 6 decimals.
    @Test
    void render_writesEachServicesMinutesAsColumnArrays() throws IOException {
        JsonNode series = parse(Fixtures.withTraffic()).get("runs").get(0).get("traffic").get(0).get("series");
        assertThat(fieldNames(series)).containsExactly("minute", "timeNanos", "arrivals", "completed", "errors",
                "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs", "cpuUtilizationPercent", "requestCountPerTarget",
                "healthyTargets", "sloViolated");
        assertThat(series.get("minute").toString()).isEqualTo("[1,2,3]");
        assertThat(series.get("completed").toString()).isEqualTo("[0,500,490]");
        assertThat(series.get("p99Ms").toString()).isEqualTo("[null,100.007935,300.023807]");
        assertThat(series.get("cpuUtilizationPercent").toString()).isEqualTo("[null,50.25,62.125]");
        assertThat(series.get("requestCountPerTarget").toString()).isEqualTo("[null,5,4.9]");
        assertThat(series.get("sloViolated").toString()).isEqualTo("[false,false,true]");
        assertThat(render(Fixtures.withTraffic())).contains("\n            \"errors\": [ 0, 0, 10 ],\n");
    }

    @Test
    void render_givesIdenticalTextForEqualInput() throws IOException {
        assertThat(render(Fixtures.twoVariants())).isEqualTo(render(Fixtures.twoVariants()));
    }
}
