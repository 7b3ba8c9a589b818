package io.fleetsim.reports;

import io.fleetsim.billing.CostLine;
import io.fleetsim.billing.UsageType;
import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.LatencySummary;
import io.fleetsim.metrics.RunSummary;
import io.fleetsim.metrics.ServiceTrafficResult;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * summary.md: the variants of a scenario side by side, for people and for review diffs (GitHub-flavoured
 * Markdown).
 *
 * <p>Layout: a title with the scenario name; one line with seed, simulated duration, catalog provenance and fleetsim
 * version (a value that differs between runs is listed once per distinct value, in run order); a comparison table
 * with one column per variant (total cost, cost per usage type present in any variant, 30-day projection, task and
 * instance hours, mean reservation, peak instances, tasks pending at end, cost per owner present in any variant);
 * the cheapest variant by 30-day projection (the first of equals); when any run has traffic, a "Latency" section
 * with one table per service (columns = variants) and a cost per million requests row in the comparison table;
 * per variant, its cost lines; the model's assumptions ({@link ModelNotes}).
 *
 * <p>Latencies are in milliseconds rounded HALF_UP to microseconds (3 decimals), which is finer than the
 * histograms' 3 significant digits above 1 ms; error rates in percent to 3 decimals (SLOs are often 0.1%); cost per
 * million requests in USD to 4 decimals (a fraction of a cent per million is common). A variant without traffic for
 * a service shows {@code n/a} for it.
 *
 * <p>Money is shown rounded HALF_UP to cents ({@code $1,234.56}); the exact amounts are in report.json. A cost type
 * or owner a variant does not have shows as {@code $0.00} for it. Names from the scenario are escaped
 * ({@link Text#markdown}) so that a {@code |} cannot break the table.
 */
final class MarkdownSummary implements ReportRenderer {

    private static final String NOT_AVAILABLE = "n/a";

    @Override
    public void render(ExperimentResult result, Writer out) throws IOException {
        List<RunResult> runs = result.runs();
        out.write("# fleetsim: " + Text.markdown(result.scenarioName()) + "\n\n");
        out.write(provenanceLine(result) + "\n\n");
        comparisonTable(runs, out);
        if (runs.size() > 1) {
            RunResult cheapest = cheapest(runs);
            out.write("\nCheapest variant by 30-day projection: **" + Text.markdown(cheapest.variant()) + "** ("
                    + Text.money(cheapest.projected30DayCost()) + ").\n");
        }
        if (result.hasReplicates()) {
            SeedsSection.write(result, out);
        }
        if (TrafficServices.any(runs)) {
            latency(runs, out);
        }
        if (ScalingSection.any(runs)) {
            ScalingSection.write(runs, out);
        }
        if (ElasticSection.any(runs)) {
            ElasticSection.write(runs, out);
        }
        if (DeploymentSection.any(runs)) {
            DeploymentSection.write(runs, out);
        }
        for (RunResult run : runs) {
            out.write("\n## Cost lines: " + Text.markdown(run.variant()) + "\n\n");
            costLines(run, out);
        }
        out.write("\n## Assumptions\n\n");
        for (String note : ModelNotes.NOTES) {
            out.write("- " + note + "\n");
        }
        out.write("\n## Catalog sources\n\n");
        out.write(distinct(runs, r -> Text.markdown(r.catalogProvenance())) + "\n");
    }

    /** The catalog's name and date without its list of sources, which gets a section of its own. */
    private static String catalogLabel(String provenance) {
        int sources = provenance.indexOf(" (sources:");
        return sources < 0 ? provenance : provenance.substring(0, sources);
    }

    private static String provenanceLine(ExperimentResult result) {
        List<RunResult> runs = result.runs();
        return "Seed " + distinct(runs, r -> Long.toString(r.seed()))
                + " · duration " + distinct(runs, r -> Text.duration(r.durationNanos()))
                + " · catalog: " + distinct(runs, r -> Text.markdown(catalogLabel(r.catalogProvenance())))
                + " · fleetsim " + distinct(runs, r -> Text.markdown(r.fleetsimVersion()))
                + " · source: " + Text.markdown(result.source());
    }

    /** The header row and rule of a table with one column per variant. */
    private static void header(List<RunResult> runs, Writer out) throws IOException {
        List<String> header = new ArrayList<>(runs.size());
        for (RunResult run : runs) {
            header.add(Text.markdown(run.variant()));
        }
        row(out, "Metric", header);
        StringBuilder rule = new StringBuilder("|---|");
        for (int i = 0; i < runs.size(); i++) {
            rule.append("---:|");
        }
        out.write(rule.append('\n').toString());
    }

    private static void comparisonTable(List<RunResult> runs, Writer out) throws IOException {
        header(runs, out);

        List<SortedMap<UsageType, BigDecimal>> byType = new ArrayList<>(runs.size());
        List<SortedMap<String, BigDecimal>> byOwner = new ArrayList<>(runs.size());
        SortedSet<UsageType> types = new TreeSet<>();
        SortedSet<String> owners = new TreeSet<>();
        for (RunResult run : runs) {
            SortedMap<UsageType, BigDecimal> t = CostBreakdown.byType(run.cost());
            SortedMap<String, BigDecimal> o = CostBreakdown.byOwner(run.cost());
            byType.add(t);
            byOwner.add(o);
            types.addAll(t.keySet());
            owners.addAll(o.keySet());
        }

        row(out, "Total cost (USD)", cells(runs, r -> Text.money(r.cost().total())));
        for (UsageType type : types) {
            row(out, "Cost of " + Text.label(type), moneyOf(byType, type));
        }
        row(out, "30-day projection (USD)", cells(runs, r -> Text.money(r.projected30DayCost())));
        if (TrafficServices.any(runs)) {
            row(out, "Cost per million requests (USD)", cells(runs, r -> perMillion(r.costPerMillionRequests())));
        }
        row(out, "Task-hours", cells(runs, r -> hours(r.summary().taskHours())));
        row(out, "Instance-hours", cells(runs, r -> hours(r.summary().instanceHours())));
        row(out, "Mean CPU reservation", cells(runs, r -> percent(r.summary().meanCpuReservation())));
        row(out, "Mean memory reservation", cells(runs, r -> percent(r.summary().meanMemoryReservation())));
        row(out, "Peak instances", cells(runs, r -> Integer.toString(r.summary().peakInstances())));
        row(out, "Tasks pending at end (unplaced)", cells(runs, r -> pending(r.summary())));
        if (runs.stream().anyMatch(r -> r.summary().tasksInterrupted() + r.summary().instancesInterrupted() > 0)) {
            row(out, "Spot interruptions (tasks / instances)", cells(runs, r -> r.summary().tasksInterrupted()
                    + " / " + r.summary().instancesInterrupted()));
        }
        if (runs.stream().anyMatch(r -> r.summary().tasksFailed() + r.summary().instancesFailed() > 0)) {
            row(out, "Failures (tasks / instances)", cells(runs, r -> r.summary().tasksFailed()
                    + " / " + r.summary().instancesFailed()));
        }
        for (String owner : owners) {
            row(out, "Cost of " + Text.markdown(owner), moneyOf(byOwner, owner));
        }
    }

    private static void latency(List<RunResult> runs, Writer out) throws IOException {
        out.write("\n## Latency\n\n");
        out.write("Arrivals are open-loop: each request's latency is measured from its scheduled arrival, so it "
                + "includes all queueing and has no coordinated omission. Figures are after warm-up; percentiles are "
                + "HdrHistogram's (3 significant digits, the highest value of the percentile's bucket). SLO minutes "
                + "are the minutes after warm-up that saw requests; a minute violates the SLO when its latency "
                + "percentile or its error rate exceeds the bound.\n");
        if (ElasticSection.any(runs)) {
            out.write("\nSLO minutes lost: a violated minute that overlaps a fault window (from a fault that stopped "
                    + "one of the service's tasks to the moment it again had its desired count RUNNING) is lost to "
                    + "faults; else one that overlaps a scaling-lag window (from the start of the first minute above "
                    + "target that led to a scale-out to the moment its new desired count was RUNNING) is lost to "
                    + "scaling lag; the rest are other. Faults take precedence.\n");
        }
        for (String service : TrafficServices.names(runs)) {
            List<LatencySummary> s = new ArrayList<>(runs.size());
            for (RunResult run : runs) {
                ServiceTrafficResult t = TrafficServices.find(run, service);
                s.add(t == null ? null : t.summary());
            }
            out.write("\n### Service: " + Text.markdown(service) + "\n\n");
            header(runs, out);
            row(out, "Requests completed", latencyCells(s, l -> Text.fixed(BigDecimal.valueOf(l.completed()), 0)));
            row(out, "Throughput (req/s)", latencyCells(s, l -> Text.fixed(l.throughput(), 2)));
            row(out, "Error rate", latencyCells(s, l -> errorRate(l)));
            row(out, "p50 (ms)", latencyCells(s, l -> Text.ms(l.p50Nanos())));
            row(out, "p90 (ms)", latencyCells(s, l -> Text.ms(l.p90Nanos())));
            row(out, "p99 (ms)", latencyCells(s, l -> Text.ms(l.p99Nanos())));
            row(out, "p99.9 (ms)", latencyCells(s, l -> Text.ms(l.p999Nanos())));
            row(out, "Max (ms)", latencyCells(s, l -> Text.ms(l.maxNanos())));
            row(out, "Mean (ms)", latencyCells(s, l -> Text.ms(l.meanNanos())));
            row(out, "Mean queueing delay (ms)", latencyCells(s, l -> Text.ms(l.queueMeanNanos())));
            row(out, "SLO", latencyCells(s, l -> l.slo() == null ? "none" : Text.markdown(Text.slo(l.slo()))));
            row(out, "SLO attainment", latencyCells(s, l -> percent(l.sloAttainment() * 100)));
            row(out, "Minutes in SLO violation", latencyCells(s,
                    l -> l.slo() == null ? NOT_AVAILABLE : l.sloViolations() + " of " + l.sloMinutes()));
            if (ElasticSection.any(runs)) {
                row(out, "SLO minutes lost to faults / scaling lag / other", cells(runs,
                        r -> ElasticSection.sloLoss(r, service)));
            }
        }
    }

    /** (rejected + dropped) / arrivals in percent, 3 decimals HALF_UP, exact from the integers. */
    private static String errorRate(LatencySummary l) {
        BigDecimal p = Text.percent(l.rejected() + l.dropped(), l.arrivals(), 3, java.math.RoundingMode.HALF_UP);
        return (p == null ? "0.000" : p.toPlainString()) + "%";
    }

    private static String perMillion(BigDecimal usd) {
        return usd == null ? NOT_AVAILABLE : "$" + Text.fixed(usd, 4);
    }

    private static List<String> latencyCells(List<LatencySummary> summaries, Function<LatencySummary, String> cell) {
        List<String> cells = new ArrayList<>(summaries.size());
        for (LatencySummary s : summaries) {
            cells.add(s == null ? NOT_AVAILABLE : cell.apply(s));
        }
        return cells;
    }

    private static void costLines(RunResult run, Writer out) throws IOException {
        List<CostLine> lines = run.cost().lines();
        if (lines.isEmpty()) {
            out.write("No billable usage.\n");
            return;
        }
        out.write("| Usage type | Key | Owner | Amount | Unit price (USD) | Cost (USD) |\n");
        out.write("|---|---|---|---:|---:|---:|\n");
        for (CostLine line : lines) {
            out.write("| " + Text.label(line.usage().type())
                    + " | " + Text.markdown(line.usage().key())
                    + " | " + Text.markdown(line.usage().owner())
                    + " | " + Text.amount(line.amount()) + " " + Text.markdown(line.unit())
                    + " | $" + Text.price(line.unitPrice())
                    + " | " + Text.money(line.cost()) + " |\n");
        }
    }

    /** The first run with the lowest 30-day projection. */
    private static RunResult cheapest(List<RunResult> runs) {
        RunResult best = runs.get(0);
        for (RunResult run : runs) {
            if (run.projected30DayCost().compareTo(best.projected30DayCost()) < 0) {
                best = run;
            }
        }
        return best;
    }

    private static <K> List<String> moneyOf(List<? extends Map<K, BigDecimal>> perRun, K key) {
        List<String> cells = new ArrayList<>(perRun.size());
        for (Map<K, BigDecimal> sums : perRun) {
            cells.add(Text.money(sums.getOrDefault(key, BigDecimal.ZERO)));
        }
        return cells;
    }

    private static List<String> cells(List<RunResult> runs, Function<RunResult, String> cell) {
        List<String> cells = new ArrayList<>(runs.size());
        for (RunResult run : runs) {
            cells.add(cell.apply(run));
        }
        return cells;
    }

    private static void row(Writer out, String label, List<String> cells) throws IOException {
        StringBuilder sb = new StringBuilder("| ").append(label).append(" |");
        for (String cell : cells) {
            sb.append(' ').append(cell).append(" |");
        }
        out.write(sb.append('\n').toString());
    }

    private static String hours(double hours) {
        return Double.isFinite(hours) ? Text.fixed(hours, 2) : NOT_AVAILABLE;
    }

    private static String percent(double percent) {
        return Double.isFinite(percent) ? Text.fixed(percent, 2) + "%" : NOT_AVAILABLE;
    }

    private static String pending(RunSummary s) {
        return s.tasksPendingAtEnd() + " (" + s.tasksUnplacedAtEnd() + ")";
    }

    /** The distinct values of {@code f} over the runs, in run order, comma-separated. */
    private static String distinct(List<RunResult> runs, Function<RunResult, String> f) {
        Set<String> values = new LinkedHashSet<>();
        for (RunResult run : runs) {
            values.add(f.apply(run));
        }
        return String.join(", ", values);
    }
}
