package io.fleetsim.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetsim.Version;
import io.fleetsim.billing.CostLine;
import io.fleetsim.billing.CostReport;
import io.fleetsim.billing.UsageRecord;
import io.fleetsim.billing.UsageType;
import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.cluster.ClusterEvent;
import io.fleetsim.metrics.LagStats;
import io.fleetsim.metrics.DeploymentSummary;
import io.fleetsim.metrics.MinuteSample;
import io.fleetsim.metrics.ProviderElastic;
import io.fleetsim.metrics.ScaleOutLag;
import io.fleetsim.metrics.ServiceElastic;
import io.fleetsim.metrics.SloLoss;
import io.fleetsim.metrics.ResourceInfo;
import io.fleetsim.metrics.LatencySummary;
import io.fleetsim.metrics.RunSummary;
import io.fleetsim.metrics.ServiceMinute;
import io.fleetsim.metrics.ServiceTrafficResult;
import io.fleetsim.scaling.ScalingAction;
import io.fleetsim.scaling.ScalingTimeline;
import io.fleetsim.metrics.WorkloadSummary;
import io.fleetsim.scenario.model.SloSpec;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * report.json, the canonical report: every figure of every run, exact, in a fixed key order.
 *
 * <p>Built as a Jackson tree of insertion-ordered {@link ObjectNode}s, so the same result gives the same bytes
 * (DESIGN.md principle 2). Money and other {@link BigDecimal}s are JSON strings holding the exact plain decimal
 * ({@code "0.00041142"}), so no JSON reader turns them into binary floating point; totals also come rounded to
 * cents HALF_UP. Doubles are rounded HALF_EVEN to {@value Text#CANONICAL_SCALE} decimals from their exact binary
 * value and NaN is {@code null} ({@link Text#canonical}), so the output does not depend on how a JDK prints a
 * double. Pretty-printed with two-space indents, {@code "key": value} and {@code \n} line endings whatever the
 * platform, with a trailing newline.
 *
 * <p>The per-minute series is an object of column arrays, each on one line
 * ({@code "tasksRunning": [ 40, 100, 100 ]}), not an object per minute. The columns are streamed from the run's
 * samples while the tree is written (a {@link JsonSerializable} inside a POJO node), so a month of minutes is never
 * held as millions of JSON nodes.
 *
 * <p>Each run ends with its {@code traffic}: per service with traffic, its summary after warm-up (latencies both
 * in exact milliseconds, {@code p99Ms}, and in nanoseconds, {@code p99Nanos}; means, doubles, rounded as above),
 * its SLO with the minutes checked and violated, the name of its HdrHistogram interval log file
 * ({@link LatencyLogs}) and its per-minute series as column arrays ({@link ServiceMinuteColumn}); then
 * {@code costPerMillionRequests}, the run's total cost over its completed requests times 10^6, exact
 * ({@code null} without requests).
 */
final class JsonReport implements ReportRenderer {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** Multi-line objects and arrays, {@code "key": value}, two-space indents, {@code \n} whatever the platform. */
    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(SEPARATORS)
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER));

    @Override
    public void render(ExperimentResult result, Writer out) throws IOException {
        WRITER.writeValue(out, tree(result));
        out.write('\n');
    }

    /** The whole report as a tree (series columns are lazy, see the class comment). */
    static ObjectNode tree(ExperimentResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("fleetsimVersion", Version.VERSION);
        root.put("scenario", result.scenarioName());
        root.put("source", result.source());
        ArrayNode notes = root.putArray("notes");
        ModelNotes.NOTES.forEach(notes::add);
        ArrayNode runs = root.putArray("runs");
        List<List<String>> logs = LatencyLogs.fileNames(result);
        for (int i = 0; i < result.runs().size(); i++) {
            ObjectNode runNode = run(result.runs().get(i), logs.get(i));
            if (result.hasReplicates()) {
                // Which variant this run replicates on another seed (fleetsim run --seeds N).
                runNode.put("replicates", result.baseVariants().get(i));
            }
            runs.add(runNode);
        }
        return root;
    }

    private static ObjectNode run(RunResult run, List<String> logFiles) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("variant", run.variant());
        node.put("seed", run.seed());
        node.put("fleetsimVersion", run.fleetsimVersion());
        node.put("catalogProvenance", run.catalogProvenance());
        node.put("start", run.start().toString());
        node.put("duration", Duration.ofNanos(run.durationNanos()).toString());
        node.put("durationSeconds", BigDecimal.valueOf(run.durationNanos(), 9).stripTrailingZeros());
        ArrayNode usage = node.putArray("usage");
        for (UsageRecord r : run.usage()) {
            usage.add(usage(r));
        }
        node.set("cost", cost(run));
        node.set("summary", summary(run.summary()));
        ArrayNode workloads = node.putArray("workloads");
        for (WorkloadSummary w : run.summary().workloads()) {
            workloads.add(workload(w));
        }
        ArrayNode resources = node.putArray("resources");
        for (ResourceInfo r : run.resources()) {
            ObjectNode res = resources.addObject();
            res.put("kind", r.kind());
            res.put("name", r.name());
            res.put("arn", r.arn());
            res.put("detail", r.detail());
        }
        node.set("series", series(run.minutes()));
        ArrayNode traffic = node.putArray("traffic");
        for (int i = 0; i < run.traffic().size(); i++) {
            ServiceTrafficResult t = run.traffic().get(i);
            TimeseriesCsv.checkAligned(run, t);
            traffic.add(traffic(t, logFiles.get(i)));
        }
        ArrayNode scaling = node.putArray("scaling");
        for (ScalingTimeline t : run.scaling()) {
            ObjectNode service = scaling.addObject();
            service.put("service", t.service());
            service.put("initialDesired", t.initialDesired());
            ArrayNode actions = service.putArray("actions");
            for (ScalingAction a : t.actions()) {
                ObjectNode action = actions.addObject();
                action.put("timeSeconds", Text.exact(java.math.BigDecimal.valueOf(a.timeNanos(), 9)));
                action.put("from", a.from());
                action.put("to", a.to());
                action.put("source", a.source());
                action.put("reason", a.reason());
            }
        }
        if (ElasticSection.has(run)) {
            elastic(node, run);
        }
        if (!run.deployments().isEmpty()) {
            ArrayNode deployments = node.putArray("deployments");
            for (DeploymentSummary d : run.deployments()) {
                ObjectNode dep = deployments.addObject();
                dep.put("service", d.service());
                dep.put("number", d.number());
                dep.put("rollback", d.rollback());
                dep.put("taskDefinitionArn", d.taskDefinitionArn());
                dep.put("image", d.image());
                dep.put("startSeconds", Text.exact(BigDecimal.valueOf(d.startNanos(), 9)));
                if (d.endNanos() < 0) {
                    dep.putNull("endSeconds");
                    dep.putNull("durationSeconds");
                } else {
                    dep.put("endSeconds", Text.exact(BigDecimal.valueOf(d.endNanos(), 9)));
                    dep.put("durationSeconds", Text.exact(BigDecimal.valueOf(d.durationNanos(), 9)));
                }
                dep.put("tasksLaunched", d.tasksLaunched());
                dep.put("tasksFailed", d.tasksFailed());
                dep.put("outcome", d.outcome());
            }
        }
        BigDecimal perMillion = run.costPerMillionRequests();
        if (perMillion == null) {
            node.putNull("costPerMillionRequests");
        } else {
            node.put("costPerMillionRequests", Text.exact(perMillion));
        }
        return node;
    }

    /**
     * {@code events}: every cluster event; {@code elastic}: per service its floor, lost and replaced tasks, each
     * scale-out with its lag, the lag statistics, SLO minutes by cause, task-hours above the floor and their cost,
     * and its desired, running and pending tasks per minute; per EC2 capacity provider the same for instances.
     * Times and lags in exact seconds; a lag without values or a capacity never reached is {@code null}.
     */
    private static void elastic(ObjectNode node, RunResult run) {
        ArrayNode events = node.putArray("events");
        for (ClusterEvent e : run.elastic().events()) {
            ObjectNode o = events.addObject();
            o.put("timeSeconds", seconds(e.timeNanos()));
            o.put("cluster", e.cluster());
            o.put("kind", e.kind());
            o.put("subject", e.subject());
            o.put("reason", e.reason());
        }
        ObjectNode elastic = node.putObject("elastic");
        ArrayNode services = elastic.putArray("services");
        for (ServiceElastic s : run.elastic().services()) {
            ObjectNode o = services.addObject();
            o.put("service", s.service());
            o.put("floor", s.floor());
            o.put("floorSource", s.floorSource());
            o.put("tasksInterrupted", s.tasksInterrupted());
            o.put("tasksFailed", s.tasksFailed());
            o.put("tasksReplaced", s.tasksReplaced());
            ArrayNode outs = o.putArray("scaleOuts");
            for (ScaleOutLag l : s.scaleOuts()) {
                ObjectNode a = outs.addObject();
                a.put("loadChangeSeconds", seconds(l.loadChangeNanos()));
                a.put("decisionSeconds", seconds(l.decisionNanos()));
                optionalSeconds(a, "capacitySeconds", l.capacityNanos());
                a.put("from", l.from());
                a.put("to", l.to());
            }
            LagStats l = s.lag();
            ObjectNode lag = o.putObject("lag");
            lag.put("scaleOuts", l.scaleOuts());
            lag.put("reached", l.reached());
            optionalSeconds(lag, "medianLoadToDecisionSeconds", l.medianLoadToDecisionNanos());
            optionalSeconds(lag, "maxLoadToDecisionSeconds", l.maxLoadToDecisionNanos());
            optionalSeconds(lag, "medianDecisionToCapacitySeconds", l.medianDecisionToCapacityNanos());
            optionalSeconds(lag, "maxDecisionToCapacitySeconds", l.maxDecisionToCapacityNanos());
            optionalSeconds(lag, "medianLoadToCapacitySeconds", l.medianLoadToCapacityNanos());
            optionalSeconds(lag, "maxLoadToCapacitySeconds", l.maxLoadToCapacityNanos());
            SloLoss slo = s.slo();
            if (slo == null) {
                o.putNull("sloMinutesLost");
            } else {
                ObjectNode lost = o.putObject("sloMinutesLost");
                lost.put("violated", slo.violated());
                lost.put("faults", slo.faults());
                lost.put("scalingLag", slo.scalingLag());
                lost.put("other", slo.other());
            }
            o.set("taskHours", number(s.taskHours()));
            o.set("extraTaskHours", number(s.extraTaskHours()));
            o.put("cost", Text.exact(s.cost()));
            o.put("extraCost", Text.exact(s.extraCost()));
            ObjectNode series = o.putObject("series");
            series.putPOJO("desired", new Column<>(s.minutes(), (g, m) -> g.writeNumber(m.desired())));
            series.putPOJO("running", new Column<>(s.minutes(), (g, m) -> g.writeNumber(m.running())));
            series.putPOJO("pending", new Column<>(s.minutes(), (g, m) -> g.writeNumber(m.pending())));
        }
        ArrayNode providers = elastic.putArray("providers");
        for (ProviderElastic p : run.elastic().providers()) {
            ObjectNode o = providers.addObject();
            o.put("cluster", p.cluster());
            o.put("capacityProvider", p.provider());
            o.put("minSize", p.minSize());
            o.set("instanceHours", number(p.instanceHours()));
            o.set("extraInstanceHours", number(p.extraInstanceHours()));
            o.put("cost", Text.exact(p.cost()));
            o.put("extraCost", Text.exact(p.extraCost()));
            o.putObject("series").putPOJO("instances", new Column<>(p.instances(), (g, n) -> g.writeNumber(n)));
        }
    }

    private static String seconds(long nanos) {
        return Text.exact(BigDecimal.valueOf(nanos, 9));
    }

    private static void optionalSeconds(ObjectNode node, String name, long nanos) {
        if (nanos < 0) {
            node.putNull(name);
        } else {
            node.put(name, seconds(nanos));
        }
    }

    private static ObjectNode traffic(ServiceTrafficResult t, String logFile) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("service", t.service());
        node.put("intervalLog", logFile);
        LatencySummary s = t.summary();
        ObjectNode summary = node.putObject("summary");
        summary.put("arrivals", s.arrivals());
        summary.put("completed", s.completed());
        summary.put("rejected", s.rejected());
        summary.put("dropped", s.dropped());
        summary.set("errorRate", number(s.errorRate()));
        summary.set("throughputPerSecond", number(s.throughput()));
        meanLatency(summary, "mean", s.meanNanos());
        latency(summary, "p50", s.p50Nanos());
        latency(summary, "p90", s.p90Nanos());
        latency(summary, "p99", s.p99Nanos());
        latency(summary, "p999", s.p999Nanos());
        latency(summary, "max", s.maxNanos());
        latency(summary, "queueP50", s.queueP50Nanos());
        latency(summary, "queueP99", s.queueP99Nanos());
        meanLatency(summary, "queueMean", s.queueMeanNanos());
        SloSpec slo = s.slo();
        if (slo == null) {
            node.putNull("slo");
        } else {
            ObjectNode o = node.putObject("slo");
            o.put("text", Text.slo(slo));
            o.set("latencyPercentile", number(slo.latencyPercentile()));
            latency(o, "latencyBound", slo.latencyBoundNanos());
            o.set("errorRate", number(slo.errorRate()));
            o.put("minutesChecked", s.sloMinutes());
            o.put("minutesViolated", s.sloViolations());
            o.set("attainment", number(s.sloAttainment()));
        }
        List<ServiceMinute> minutes = t.minutes();
        ObjectNode series = node.putObject("series");
        series.putPOJO("minute", new Column<>(minutes,
                (g, m) -> g.writeNumber(MinuteColumn.minuteNumber(m.timeNanos()))));
        series.putPOJO("timeNanos", new Column<>(minutes, (g, m) -> g.writeNumber(m.timeNanos())));
        for (ServiceMinuteColumn column : ServiceMinuteColumn.ALL) {
            series.putPOJO(column.jsonName(), new Column<>(minutes, column::json));
        }
        return node;
    }

    /** {@code <name>Ms} (exact milliseconds) and {@code <name>Nanos}. */
    private static void latency(ObjectNode node, String name, long nanos) {
        node.put(name + "Ms", Text.millis(nanos));
        node.put(name + "Nanos", nanos);
    }

    /**
     * A mean: {@code <name>Ms} and {@code <name>Nanos}, each the double's exact value rounded as doubles are (class
     * comment); the milliseconds are scaled exactly, not divided in binary.
     */
    private static void meanLatency(ObjectNode node, String name, double nanos) {
        node.set(name + "Ms", Double.isFinite(nanos)
                ? MAPPER.getNodeFactory().numberNode(new BigDecimal(nanos).movePointLeft(6)
                        .setScale(Text.CANONICAL_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros())
                : MAPPER.getNodeFactory().nullNode());
        node.set(name + "Nanos", number(nanos));
    }

    private static ObjectNode usage(UsageRecord r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", r.type().name());
        node.put("key", r.key());
        node.put("owner", r.owner());
        node.put("quantity", r.quantity());
        node.put("resources", r.resources());
        return node;
    }

    private static ObjectNode cost(RunResult run) {
        CostReport cost = run.cost();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("total", Text.exact(cost.total()));
        node.put("totalCents", cents(cost.total()));
        node.put("projectionFactor", Text.exact(run.projectionFactor()));
        BigDecimal projected = run.projected30DayCost();
        node.put("projected30Days", Text.exact(projected));
        node.put("projected30DaysCents", cents(projected));
        ObjectNode byType = node.putObject("byType");
        for (Map.Entry<UsageType, BigDecimal> e : CostBreakdown.byType(cost).entrySet()) {
            byType.put(e.getKey().name(), Text.exact(e.getValue()));
        }
        ObjectNode byOwner = node.putObject("byOwner");
        for (Map.Entry<String, BigDecimal> e : CostBreakdown.byOwner(cost).entrySet()) {
            byOwner.put(e.getKey(), Text.exact(e.getValue()));
        }
        ArrayNode lines = node.putArray("lines");
        for (CostLine line : cost.lines()) {
            ObjectNode l = usage(line.usage());
            l.put("unit", line.unit());
            l.put("amount", Text.exact(line.amount()));
            l.put("unitPrice", Text.exact(line.unitPrice()));
            l.put("cost", Text.exact(line.cost()));
            lines.add(l);
        }
        return node;
    }

    private static ObjectNode summary(RunSummary s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("taskHours", number(s.taskHours()));
        node.set("instanceHours", number(s.instanceHours()));
        node.set("meanCpuReservationPercent", number(s.meanCpuReservation()));
        node.set("meanMemoryReservationPercent", number(s.meanMemoryReservation()));
        node.put("peakInstances", s.peakInstances());
        node.put("tasksPendingAtEnd", s.tasksPendingAtEnd());
        node.put("tasksUnplacedAtEnd", s.tasksUnplacedAtEnd());
        node.put("maxUnplaced", s.maxUnplaced());
        node.put("tasksInterrupted", s.tasksInterrupted());
        node.put("instancesInterrupted", s.instancesInterrupted());
        node.put("tasksFailed", s.tasksFailed());
        node.put("instancesFailed", s.instancesFailed());
        node.put("eventsFired", s.eventsFired());
        return node;
    }

    private static ObjectNode workload(WorkloadSummary w) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("owner", w.owner());
        node.put("arn", w.arn());
        node.put("capacityProviders", w.capacityProviders());
        node.put("desiredCount", w.desiredCount());
        node.put("tasksStarted", w.tasksStarted());
        node.put("tasksStopped", w.tasksStopped());
        node.put("tasksRunningAtEnd", w.tasksRunningAtEnd());
        node.put("tasksPendingAtEnd", w.tasksPendingAtEnd());
        node.put("tasksUnplacedAtEnd", w.tasksUnplacedAtEnd());
        node.set("taskSeconds", number(w.taskSeconds()));
        node.set("waitSeconds", number(w.waitSeconds()));
        node.set("unplacedSeconds", number(w.unplacedSeconds()));
        return node;
    }

    private static ObjectNode series(List<MinuteSample> minutes) {
        ObjectNode node = MAPPER.createObjectNode();
        node.putPOJO("minute", new Column<>(minutes,
                (g, m) -> g.writeNumber(MinuteColumn.minuteNumber(m.timeNanos()))));
        node.putPOJO("timeNanos", new Column<>(minutes, (g, m) -> g.writeNumber(m.timeNanos())));
        for (MinuteColumn column : MinuteColumn.ALL) {
            node.putPOJO(column.jsonName(), new Column<>(minutes, column::json));
        }
        return node;
    }

    private static JsonNode number(double value) {
        BigDecimal canonical = Text.canonical(value);
        return canonical == null ? MAPPER.getNodeFactory().nullNode() : MAPPER.getNodeFactory().numberNode(canonical);
    }

    private static String cents(BigDecimal usd) {
        return usd.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Writes one value of a sample. */
    @FunctionalInterface
    private interface Cell<T> {
        void write(JsonGenerator g, T m) throws IOException;
    }

    /** One series column, written as a JSON array straight from the samples when the tree is serialized. */
    private static final class Column<T> extends JsonSerializable.Base {

        private final List<T> minutes;
        private final Cell<T> cell;

        Column(List<T> minutes, Cell<T> cell) {
            this.minutes = minutes;
            this.cell = cell;
        }

        @Override
        public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            // A column is written on one line ("tasksRunning": [ 40, 100, 100 ]): the generator's printer is
            // swapped for one with Jackson's inline array indenter while the array is written. The inline printer
            // keeps no nesting state for arrays, so the outer printer's indentation continues unchanged after it.
            PrettyPrinter outer = g.getPrettyPrinter();
            if (outer != null) {
                g.setPrettyPrinter(new DefaultPrettyPrinter(SEPARATORS));
            }
            try {
                g.writeStartArray(minutes, minutes.size());
                for (T m : minutes) {
                    cell.write(g, m);
                }
                g.writeEndArray();
            } finally {
                if (outer != null) {
                    g.setPrettyPrinter(outer);
                }
            }
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
                throws IOException {
            serialize(g, provider); // never polymorphic: the mapper has no default typing
        }
    }
}
