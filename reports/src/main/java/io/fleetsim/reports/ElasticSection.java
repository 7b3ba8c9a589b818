package io.fleetsim.reports;

import io.fleetsim.cluster.ClusterEvent;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.LagStats;
import io.fleetsim.metrics.ProviderElastic;
import io.fleetsim.metrics.ServiceElastic;
import io.fleetsim.metrics.SloLoss;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The "Capacity and faults" section of summary.md, and what the other reports share with it: per variant, each
 * service's scale-outs with their lag (load change, decision, capacity RUNNING), tasks lost and replaced, task-hours
 * above its floor and their cost; each EC2 capacity provider's instance-hours above its Auto Scaling group's minimum
 * and their cost; and the events timeline (faults, managed scaling, deployment steps), bounded at
 * {@value #MAX_EVENTS} rows with the counts by kind and the number not shown (report.json lists them all).
 *
 * <p>Only for results with something elastic: a run with service auto scaling or any cluster event
 * ({@link #any}); other results keep the reports they had.
 */
final class ElasticSection {

    static final int MAX_EVENTS = 50;
    private static final String NOT_AVAILABLE = "n/a";

    private ElasticSection() {
    }

    /** The run has service auto scaling or cluster events. */
    static boolean has(RunResult run) {
        return !run.scaling().isEmpty() || !run.elastic().events().isEmpty();
    }

    static boolean any(List<RunResult> runs) {
        return runs.stream().anyMatch(ElasticSection::has);
    }

    /** Service names with elastic data in any run, in order of first appearance. */
    static List<String> services(List<RunResult> runs) {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> r.elastic().services().forEach(s -> names.add(s.service())));
        return List.copyOf(names);
    }

    /** EC2 capacity providers ({@code <cluster>/<provider>}) in any run, in order of first appearance. */
    static List<String> providers(List<RunResult> runs) {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> r.elastic().providers().forEach(p -> names.add(p.name())));
        return List.copyOf(names);
    }

    static ServiceElastic service(RunResult run, String name) {
        for (ServiceElastic s : run.elastic().services()) {
            if (s.service().equals(name)) {
                return s;
            }
        }
        return null;
    }

    static ProviderElastic provider(RunResult run, String name) {
        for (ProviderElastic p : run.elastic().providers()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The SLO minutes of a service by cause, "faults / scaling lag / other", or n/a. */
    static String sloLoss(RunResult run, String service) {
        ServiceElastic s = service(run, service);
        SloLoss l = s == null ? null : s.slo();
        return l == null ? NOT_AVAILABLE : l.faults() + " / " + l.scalingLag() + " / " + l.other();
    }

    static void write(List<RunResult> runs, Writer out) throws IOException {
        out.write("\n## Capacity and faults\n\n");
        out.write("Scaling lag: a scale-out's load change is the end of the first minute above target of the alarm "
                + "that triggered it (the load rose during that minute), its decision the moment auto scaling raised "
                + "the desired count, its capacity the first moment that many tasks were RUNNING; medians and "
                + "maxima over the scale-outs (decision and load change to capacity over those that reached it). "
                + "Extra capacity: task-hours RUNNING above the service's floor (auto scaling minCapacity, or its "
                + "desiredCount without auto scaling) and instance-hours above the Auto Scaling group's minimum, "
                + "priced as the service's or capacity provider's cost x that share of its task- or "
                + "instance-hours. Replaced: tasks launched in place of tasks that stopped. Times are from the "
                + "scenario start.\n");
        for (RunResult run : runs) {
            out.write("\n### " + Text.markdown(run.variant()) + "\n\n");
            out.write("| Service | Scale-outs (capacity reached) | Load change -> decision (median / max)"
                    + " | Decision -> capacity (median / max) | Load change -> capacity (median / max)"
                    + " | Tasks interrupted / failed / replaced | Task-hours above floor | Cost above floor (USD) |\n");
            out.write("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (ServiceElastic s : run.elastic().services()) {
                LagStats l = s.lag();
                out.write("| " + Text.markdown(s.service()) + " (floor " + s.floor() + ", " + s.floorSource() + ") | "
                        + l.scaleOuts() + " (" + l.reached() + ") | "
                        + lag(l.medianLoadToDecisionNanos(), l.maxLoadToDecisionNanos()) + " | "
                        + lag(l.medianDecisionToCapacityNanos(), l.maxDecisionToCapacityNanos()) + " | "
                        + lag(l.medianLoadToCapacityNanos(), l.maxLoadToCapacityNanos()) + " | "
                        + s.tasksInterrupted() + " / " + s.tasksFailed() + " / " + s.tasksReplaced() + " | "
                        + Text.fixed(s.extraTaskHours(), 2) + " of " + Text.fixed(s.taskHours(), 2) + " | "
                        + Text.money(s.extraCost()) + " of " + Text.money(s.cost()) + " |\n");
            }
            if (!run.elastic().providers().isEmpty()) {
                out.write("\n| Capacity provider | Minimum | Instance-hours above minimum | Cost above minimum (USD) |\n");
                out.write("|---|---:|---:|---:|\n");
                for (ProviderElastic p : run.elastic().providers()) {
                    out.write("| " + Text.markdown(p.name()) + " | " + p.minSize() + " | "
                            + Text.fixed(p.extraInstanceHours(), 2) + " of " + Text.fixed(p.instanceHours(), 2) + " | "
                            + Text.money(p.extraCost()) + " of " + Text.money(p.cost()) + " |\n");
                }
            }
            events(run.elastic().events(), out);
        }
    }

    private static void events(List<ClusterEvent> events, Writer out) throws IOException {
        if (events.isEmpty()) {
            out.write("\nNo cluster events (faults, managed scaling, deployments).\n");
            return;
        }
        Map<String, Integer> byKind = new TreeMap<>();
        events.forEach(e -> byKind.merge(e.kind(), 1, Integer::sum));
        List<String> counts = new ArrayList<>();
        byKind.forEach((kind, n) -> counts.add(Text.markdown(kind) + " " + n));
        out.write("\n" + events.size() + " cluster event" + (events.size() == 1 ? "" : "s") + ": "
                + String.join(", ", counts) + ".\n");
        out.write("\n| Time | Cluster | Kind | Subject | Reason |\n|---|---|---|---|---|\n");
        for (int i = 0; i < events.size() && i < MAX_EVENTS; i++) {
            ClusterEvent e = events.get(i);
            out.write("| " + Text.time(e.timeNanos()) + " | " + Text.markdown(e.cluster()) + " | "
                    + Text.markdown(e.kind()) + " | " + Text.markdown(e.subject()) + " | "
                    + Text.markdown(e.reason()) + " |\n");
        }
        if (events.size() > MAX_EVENTS) {
            out.write("\nThe first " + MAX_EVENTS + " events are shown; " + (events.size() - MAX_EVENTS)
                    + " more are not shown here: report.json lists all " + events.size() + ".\n");
        }
    }

    private static String lag(long median, long max) {
        return median < 0 ? NOT_AVAILABLE : Text.time(median) + " / " + Text.time(max);
    }
}
