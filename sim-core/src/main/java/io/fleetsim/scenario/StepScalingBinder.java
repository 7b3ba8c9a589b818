package io.fleetsim.scenario;

import io.fleetsim.scenario.AutoScalingBinder.MetricAt;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.Metric;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds one item of a service's {@code autoscaling.stepScaling}: the CloudWatch alarm, the adjustment type and the
 * step bands, into {@link StepScalingSpec} with its steps sorted by lower bound.
 *
 * <p>The band rules are Application Auto Scaling's (API StepAdjustment): "The ranges of your step adjustments
 * can't overlap or have a gap. At most, one step adjustment can have a null lower bound. If one step adjustment
 * has a negative lower bound, then there must be a step adjustment with a null lower bound. At most, one step
 * adjustment can have a null upper bound. If one step adjustment has a positive upper bound, then there must be a
 * step adjustment with a null upper bound. The upper and lower bound can't be null in the same step adjustment."
 * Bounds are relative to the alarm threshold (a band applies when lower &lt;= metric - threshold &lt; upper). An
 * {@code above} alarm fires only with metric - threshold &gt;= 0, so a band wholly below 0 would never apply and is
 * rejected (and mirrored for {@code below}). {@code ExactCapacity} adjustments are capacities (at least 0);
 * a {@code PercentChangeInCapacity} below -100 would ask for fewer than 0 tasks.
 *
 * <p>CloudWatch PutMetricAlarm has no default number of evaluation periods (it is required), so
 * {@code alarm.datapoints} is required here too; the cooldown defaults to 300 s, Application Auto Scaling's default
 * for ECS services (StepScalingPolicyConfiguration Cooldown; platform-semantics.md section 5.5).
 */
final class StepScalingBinder {

    static final List<String> KEYS = List.of("metric", "alarm", "adjustmentType", "steps", "cooldown");
    static final List<String> ALARM_KEYS = List.of("threshold", "comparison", "datapoints");
    static final List<String> STEP_KEYS = List.of("lower", "upper", "adjustment");
    /** Application Auto Scaling AdjustmentType values. */
    static final List<String> ADJUSTMENT_TYPES = List.of("ChangeInCapacity", "PercentChangeInCapacity",
            "ExactCapacity");
    /** The alarm's direction: above (GreaterThan...Threshold) or below (LessThan...Threshold). */
    static final Map<String, Boolean> COMPARISONS = new LinkedHashMap<>();

    static {
        COMPARISONS.put("above", Boolean.TRUE);
        COMPARISONS.put("below", Boolean.FALSE);
    }

    private final Reader r;
    private final AutoScalingBinder shared;

    StepScalingBinder(Reader r, AutoScalingBinder shared) {
        this.r = r;
        this.shared = shared;
    }

    /** A written step: its index in the file and its node, for locating band problems. */
    private record Written(int index, YamlNode node, StepSpec step) {
    }

    StepScalingSpec bind(YamlNode node, String path, List<MetricAt> firstMetric) {
        Reader.Fields f = r.fields(node, path, KEYS, Map.of());
        if (f == null) {
            return null;
        }
        int before = r.problems().size();
        Metric metric = shared.metric(f, firstMetric);
        Double threshold = null;
        Boolean above = null;
        int datapoints = 1;
        YamlNode alarmNode = f.required("alarm", "{ threshold: 85, comparison: above, datapoints: 2 }");
        Reader.Fields a = alarmNode == null ? null : r.fields(alarmNode, f.path("alarm"), ALARM_KEYS, Map.of());
        if (a != null) {
            YamlNode tNode = a.required("threshold", "85");
            threshold = tNode == null ? null : r.number(tNode, a.path("threshold"));
            if (threshold != null && metric != null) {
                shared.checkMetricValue(tNode, a.path("threshold"), "a threshold", metric, threshold, true);
            }
            YamlNode cNode = a.required("comparison", "above");
            above = cNode == null ? null : r.choice(cNode, a.path("comparison"), "comparison", COMPARISONS);
            if (a.required("datapoints", "2") != null) {
                datapoints = shared.datapoints(a, "datapoints", 1);
            }
        }
        YamlNode typeNode = f.required("adjustmentType", "ChangeInCapacity");
        String type = null;
        if (typeNode != null) {
            Map<String, String> types = new LinkedHashMap<>();
            ADJUSTMENT_TYPES.forEach(t -> types.put(t, t));
            type = r.choice(typeNode, f.path("adjustmentType"), "adjustment type", types);
        }
        List<Written> steps = new ArrayList<>();
        YamlNode stepsNode = f.required("steps", "[{ lower: 0, adjustment: 1 }]");
        List<YamlNode> items = stepsNode == null ? List.of() : r.items(stepsNode, f.path("steps"));
        if (stepsNode instanceof YamlNode.ListNode && items.isEmpty()) {
            r.problems().at(stepsNode, f.path("steps"), "a step-scaling policy needs at least one step, e.g. "
                    + "`[{ lower: 0, adjustment: 1 }]`");
        }
        for (int i = 0; i < items.size(); i++) {
            StepSpec s = step(items.get(i), Reader.item(f.path("steps"), i), type);
            if (s != null) {
                steps.add(new Written(i, items.get(i), s));
            }
        }
        long cooldown = shared.cooldown(f, "cooldown");
        if (r.problems().size() > before) {
            return null;
        }
        List<StepSpec> sorted = bands(steps, f.path("steps"), above, stepsNode);
        if (r.problems().size() > before) {
            return null;
        }
        return new StepScalingSpec(metric, threshold, above, datapoints, type, sorted, cooldown);
    }

    private StepSpec step(YamlNode node, String path, String type) {
        Reader.Fields s = r.fields(node, path, STEP_KEYS, Map.of());
        if (s == null) {
            return null;
        }
        int before = r.problems().size();
        Double lower = s.has("lower") ? r.number(s.get("lower"), s.path("lower")) : Double.valueOf(Double.NaN);
        Double upper = s.has("upper") ? r.number(s.get("upper"), s.path("upper")) : Double.valueOf(Double.NaN);
        YamlNode adjNode = s.required("adjustment", "1");
        Integer adjustment = null;
        if (adjNode != null) {
            int min = "ExactCapacity".equals(type) ? 0
                    : "PercentChangeInCapacity".equals(type) ? -100 : Integer.MIN_VALUE;
            adjustment = r.intValue(adjNode, s.path("adjustment"), Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (adjustment != null && adjustment < min) {
                r.problems().at(adjNode, s.path("adjustment"), "with adjustmentType " + type + " an adjustment "
                        + (min == 0 ? "is the new capacity, at least 0" : "is at least -100 (percent of the tasks)")
                        + ", found " + adjustment);
            }
        }
        if (lower != null && upper != null && lower.isNaN() && upper.isNaN()) {
            r.problems().at(node, path, "a step needs `lower`, `upper` or both (AWS StepAdjustment: the upper and "
                    + "lower bound can't both be null); leave out one bound for an open end");
        } else if (lower != null && upper != null && lower >= upper) {
            r.problems().at(s.get("upper"), s.path("upper"), "upper " + AutoScalingBinder.fmt(upper)
                    + " must be above lower " + AutoScalingBinder.fmt(lower));
        }
        return r.problems().size() > before ? null : new StepSpec(lower, upper, adjustment);
    }

    /** The steps sorted by lower bound (open first), after checking they form one contiguous range. */
    private List<StepSpec> bands(List<Written> steps, String path, boolean above, YamlNode stepsNode) {
        List<Written> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparingDouble((Written w) -> lowerOrMinusInfinity(w.step()))
                .thenComparingInt(Written::index));
        Written openLower = null;
        Written openUpper = null;
        for (Written w : sorted) {
            String wPath = Reader.item(path, w.index());
            if (Double.isNaN(w.step().lower())) {
                if (openLower != null) {
                    r.problems().at(w.node(), wPath, "at most one step may leave out `lower`; step "
                            + openLower.index() + " already does (AWS StepAdjustment)");
                }
                openLower = openLower == null ? w : openLower;
            }
            if (Double.isNaN(w.step().upper())) {
                if (openUpper != null) {
                    r.problems().at(w.node(), wPath, "at most one step may leave out `upper`; step "
                            + openUpper.index() + " already does (AWS StepAdjustment)");
                }
                openUpper = openUpper == null ? w : openUpper;
            }
            if (above && !Double.isNaN(w.step().upper()) && w.step().upper() <= 0) {
                r.problems().at(w.node(), wPath, "this step never applies: an `above` alarm fires only when the "
                        + "metric is at or above the threshold (metric - threshold >= 0), and its upper bound is "
                        + AutoScalingBinder.fmt(w.step().upper()));
            } else if (!above && !Double.isNaN(w.step().lower()) && w.step().lower() >= 0) {
                r.problems().at(w.node(), wPath, "this step never applies: a `below` alarm fires only when the "
                        + "metric is below the threshold (metric - threshold < 0), and its lower bound is "
                        + AutoScalingBinder.fmt(w.step().lower()));
            }
        }
        for (int i = 1; i < sorted.size(); i++) {
            Written prev = sorted.get(i - 1);
            Written next = sorted.get(i);
            double prevUpper = Double.isNaN(prev.step().upper()) ? Double.POSITIVE_INFINITY : prev.step().upper();
            double nextLower = lowerOrMinusInfinity(next.step());
            if (prevUpper == Double.POSITIVE_INFINITY && Double.isNaN(next.step().upper())
                    || nextLower == Double.NEGATIVE_INFINITY) {
                continue; // two open ends: reported above
            }
            String nPath = Reader.item(path, next.index());
            if (prevUpper > nextLower) {
                r.problems().at(next.node(), nPath, "this step's range " + range(next.step()) + " overlaps step "
                        + prev.index() + "'s range " + range(prev.step()) + "; step ranges must not overlap "
                        + "(AWS StepAdjustment)");
            } else if (prevUpper < nextLower) {
                r.problems().at(next.node(), nPath, "gap between step " + prev.index() + " (ends at "
                        + AutoScalingBinder.fmt(prevUpper) + ") and this step (starts at "
                        + AutoScalingBinder.fmt(nextLower) + "); step ranges must meet with no gap "
                        + "(AWS StepAdjustment)");
            }
        }
        if (!sorted.isEmpty() && above && openUpper == null) {
            Written last = sorted.get(sorted.size() - 1);
            r.problems().at(last.node(), Reader.item(path, last.index()), "the highest step of an `above` alarm "
                    + "must leave out `upper` so that a larger breach still scales (AWS StepAdjustment: a positive "
                    + "upper bound needs a step with no upper bound)");
        } else if (!sorted.isEmpty() && !above && openLower == null) {
            Written first = sorted.get(0);
            r.problems().at(first.node(), Reader.item(path, first.index()), "the lowest step of a `below` alarm "
                    + "must leave out `lower` so that a larger breach still scales (AWS StepAdjustment: a negative "
                    + "lower bound needs a step with no lower bound)");
        }
        List<StepSpec> out = new ArrayList<>(sorted.size());
        for (Written w : sorted) {
            out.add(w.step());
        }
        return out;
    }

    private static double lowerOrMinusInfinity(StepSpec s) {
        return Double.isNaN(s.lower()) ? Double.NEGATIVE_INFINITY : s.lower();
    }

    /** {@code [0, 10)}, {@code [10, +inf)}: the breach range of a step as it applies. */
    private static String range(StepSpec s) {
        return "[" + (Double.isNaN(s.lower()) ? "-inf" : AutoScalingBinder.fmt(s.lower())) + ", "
                + (Double.isNaN(s.upper()) ? "+inf" : AutoScalingBinder.fmt(s.upper())) + ")";
    }
}
