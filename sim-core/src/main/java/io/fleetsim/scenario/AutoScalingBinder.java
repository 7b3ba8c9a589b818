package io.fleetsim.scenario;

import io.fleetsim.scenario.model.Schedule;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.Metric;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.ScheduledActionSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.TargetTrackingSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a service's {@code autoscaling}: the scalable target's range, target-tracking policies, step-scaling
 * policies ({@link StepScalingBinder}) and scheduled actions, into {@link ServiceAutoScalingSpec}.
 * docs/scenario-reference.md, section "autoscaling", is the user's reference.
 *
 * <p>Sources: platform-semantics.md section 5.5 (Application Auto Scaling on ECS services: cooldowns default
 * 300 s for ECS services, from the AWS CDK BaseTargetTrackingProps doc; the target-tracking alarms "3 datapoints
 * within 3 minutes" above the target and "15 datapoints within 15 minutes" below it; the scale-in alarm at 0.9 of
 * the target, observed, [UNVERIFIED]; service CPU utilisation = CPU used x 100 / (task CPU x tasks)). Application
 * Auto Scaling API: RegisterScalableTarget (MinCapacity, MaxCapacity), PutScheduledAction (ScheduledActionName,
 * ScalableTargetAction MinCapacity/MaxCapacity, either or both), TargetTrackingScalingPolicyConfiguration
 * (ScaleOutCooldown, ScaleInCooldown and StepScalingPolicyConfiguration Cooldown are integers of seconds).
 * CloudWatch PutMetricAlarm: "An alarm's total current evaluation period can be no longer than one day", so with
 * ECS's one-minute datapoints at most 1,440 of them.
 *
 * <p>Why the loader is stricter than the API in places: fleetsim sets CPU at task level (the task definition's
 * {@code cpu} is required), so service CPU utilisation never exceeds 100 % (section 5.5: only container-level CPU
 * lets it) and a CPU target above 100 could never be reached; it is rejected rather than left to scale in forever.
 * fleetsim's tasks use CPU only to serve requests and every request comes from the service's {@code traffic}, so
 * a scaling policy on a service without {@code traffic} would see an idle service and could only scale in: it is
 * rejected. Scheduled actions alone need no metric and are accepted without traffic.
 *
 * <p>Caveats: fleetsim does not model task memory use yet, so {@code ECSServiceAverageMemoryUtilization} is
 * rejected as not modelled. Scheduled actions are checked pairwise (any action may fire after any other), which
 * rejects a combination that only timing would keep apart; setting both bounds in such an action fixes it.
 */
final class AutoScalingBinder {

    static final List<String> KEYS = List.of("minCapacity", "maxCapacity", "targetTracking", "stepScaling",
            "scheduled");
    static final List<String> TARGET_KEYS = List.of("metric", "target", "scaleOutCooldown", "scaleInCooldown",
            "disableScaleIn", "alarms");
    static final List<String> ALARMS_KEYS = List.of("highDatapoints", "lowDatapoints", "lowThresholdRatio");
    static final List<String> SCHEDULED_KEYS = List.of("name", "schedule", "minCapacity", "maxCapacity");

    /** The metrics by their CloudWatch / Application Auto Scaling name, in enum order. */
    static final Map<String, Metric> METRICS = new LinkedHashMap<>();

    static {
        for (Metric m : Metric.values()) {
            METRICS.put(m.name(), m);
        }
    }

    /** ScaleOutCooldown, ScaleInCooldown and step Cooldown: 300 s for ECS services (section 5.5, AWS CDK doc). */
    static final long DEFAULT_COOLDOWN_NANOS = 300_000_000_000L;
    /** AlarmHigh: "metric > target for 3 datapoints within 3 minutes" (section 5.5, observed). */
    static final int DEFAULT_HIGH_DATAPOINTS = 3;
    /** AlarmLow: "metric < X for 15 datapoints within 15 minutes" (section 5.5; ECS docs also say 15). */
    static final int DEFAULT_LOW_DATAPOINTS = 15;
    /** AlarmLow's X / target: 0.9, observed for an ECS Fargate CPU target (section 5.5, [UNVERIFIED]). */
    static final double DEFAULT_LOW_THRESHOLD_RATIO = 0.9;
    /** CloudWatch PutMetricAlarm: evaluation period x 60 s at most one day. */
    static final int MAX_DATAPOINTS = 1440;
    /** Service CPU utilisation with task-level CPU cannot exceed 100 % (section 5.5). */
    static final double MAX_UTILIZATION = 100;

    private static final long SECOND = 1_000_000_000L;

    private final Reader r;
    private final Instant start;
    private final StepScalingBinder steps;

    AutoScalingBinder(Reader r, Instant start) {
        this.r = r;
        this.start = start;
        this.steps = new StepScalingBinder(r, this);
    }

    /** Where a policy's metric is written. */
    record MetricAt(YamlNode node, String path, Metric metric) {
    }

    /** Where the service's desired count is written, for the range check. */
    record Desired(YamlNode node, String path, Integer value) {
    }

    /**
     * The {@code autoscaling} section at {@code node}, or {@code null} after reporting its problems.
     *
     * @param hasTraffic whether the service has {@code traffic} (required by scaling policies)
     * @param desired    the service's desired count, which must lie within [minCapacity, maxCapacity]
     */
    ServiceAutoScalingSpec bind(YamlNode node, String path, boolean hasTraffic, Desired desired) {
        int before = r.problems().size(); // before the keys: a misspelled policy key is not also "no policy"
        Reader.Fields f = r.fields(node, path, KEYS, Map.of());
        if (f == null) {
            return null;
        }
        YamlNode minNode = f.required("minCapacity", "1");
        YamlNode maxNode = f.required("maxCapacity", "10");
        Integer min = minNode == null ? null : r.intValue(minNode, f.path("minCapacity"), 0, Integer.MAX_VALUE);
        Integer max = maxNode == null ? null : r.intValue(maxNode, f.path("maxCapacity"), 0, Integer.MAX_VALUE);
        if (min != null && max != null && max < min) {
            r.problems().at(maxNode, f.path("maxCapacity"), "maxCapacity " + max + " is below minCapacity " + min
                    + "; it must be at least minCapacity (Application Auto Scaling RegisterScalableTarget)");
        } else if (min != null && max != null && desired.value() != null
                && (desired.value() < min || desired.value() > max)) {
            r.problems().at(desired.node(), desired.path(), "desiredCount " + desired.value() + " is "
                    + (desired.value() < min ? "below" : "above") + " the autoscaling range: it must lie within "
                    + "minCapacity " + min + " and maxCapacity " + max + " (" + f.path() + ", line " + f.node().line()
                    + ")");
        }
        List<MetricAt> firstMetric = new ArrayList<>(1);
        List<TargetTrackingSpec> tracking = new ArrayList<>();
        List<YamlNode> trackingItems = f.items("targetTracking");
        for (int i = 0; i < trackingItems.size(); i++) {
            TargetTrackingSpec t = targetTracking(trackingItems.get(i), Reader.item(f.path("targetTracking"), i),
                    firstMetric);
            if (t != null) {
                tracking.add(t);
            }
        }
        List<StepScalingSpec> stepPolicies = new ArrayList<>();
        List<YamlNode> stepItems = f.items("stepScaling");
        for (int i = 0; i < stepItems.size(); i++) {
            StepScalingSpec s = steps.bind(stepItems.get(i), Reader.item(f.path("stepScaling"), i), firstMetric);
            if (s != null) {
                stepPolicies.add(s);
            }
        }
        List<ScheduledActionSpec> scheduled = scheduled(f, min, max);
        if (trackingItems.isEmpty() && stepItems.isEmpty() && f.items("scheduled").isEmpty()
                && r.problems().size() == before) {
            r.problems().at(node, path, "an autoscaling section without `targetTracking`, `stepScaling` or "
                    + "`scheduled` never changes the desired count; add a policy or a scheduled action, or remove "
                    + "`autoscaling`");
        }
        if (!hasTraffic && !firstMetric.isEmpty()) {
            requireTraffic(firstMetric.get(0), path);
        }
        if (r.problems().size() > before) {
            return null;
        }
        return new ServiceAutoScalingSpec(min, max, tracking, stepPolicies, scheduled);
    }

    private TargetTrackingSpec targetTracking(YamlNode node, String path, List<MetricAt> firstMetric) {
        Reader.Fields f = r.fields(node, path, TARGET_KEYS, Map.of());
        if (f == null) {
            return null;
        }
        int before = r.problems().size();
        Metric metric = metric(f, firstMetric);
        YamlNode tNode = f.required("target", "60");
        Double target = tNode == null ? null : r.number(tNode, f.path("target"));
        if (target != null && metric != null) {
            checkMetricValue(tNode, f.path("target"), "a target", metric, target, false);
        }
        long outCooldown = cooldown(f, "scaleOutCooldown");
        long inCooldown = cooldown(f, "scaleInCooldown");
        Boolean disableScaleIn = f.has("disableScaleIn")
                ? r.bool(f.get("disableScaleIn"), f.path("disableScaleIn")) : Boolean.FALSE;
        int high = DEFAULT_HIGH_DATAPOINTS;
        int low = DEFAULT_LOW_DATAPOINTS;
        double ratio = DEFAULT_LOW_THRESHOLD_RATIO;
        if (f.has("alarms")) {
            Reader.Fields a = r.fields(f.get("alarms"), f.path("alarms"), ALARMS_KEYS, Map.of());
            if (a != null) {
                high = datapoints(a, "highDatapoints", DEFAULT_HIGH_DATAPOINTS);
                low = datapoints(a, "lowDatapoints", DEFAULT_LOW_DATAPOINTS);
                ratio = lowThresholdRatio(a);
            }
        }
        if (r.problems().size() > before) {
            return null;
        }
        return new TargetTrackingSpec(metric, target, outCooldown, inCooldown, disableScaleIn, high, low, ratio);
    }

    /**
     * The policy's {@code metric}, or {@code null} after a problem; the first bound metric's node is kept in
     * {@code firstMetric} for the traffic check.
     */
    Metric metric(Reader.Fields f, List<MetricAt> firstMetric) {
        YamlNode node = f.required("metric", Metric.ECSServiceAverageCPUUtilization.name());
        Metric m = node == null ? null : r.choice(node, f.path("metric"), "metric", METRICS);
        if (m == Metric.ECSServiceAverageMemoryUtilization) {
            r.problems().at(node, f.path("metric"), "ECSServiceAverageMemoryUtilization is not modelled yet: "
                    + "fleetsim does not simulate task memory use; use ECSServiceAverageCPUUtilization or "
                    + "ALBRequestCountPerTarget");
            return null;
        }
        if (m != null && firstMetric.isEmpty()) {
            firstMetric.add(new MetricAt(node, f.path("metric"), m));
        }
        return m;
    }

    /**
     * Checks a target or an alarm threshold against what {@code metric} can take: utilisation is a percentage of
     * task-level CPU, at most 100; a request count per target has no upper bound.
     *
     * @param zeroAllowed a threshold may be 0, a target may not
     */
    void checkMetricValue(YamlNode node, String path, String what, Metric metric, double value, boolean zeroAllowed) {
        boolean utilization = metric != Metric.ALBRequestCountPerTarget;
        String unit = utilization ? " (percent of the tasks' CPU)" : " (requests per target per minute)";
        if (value < 0 || value == 0 && !zeroAllowed) {
            r.problems().at(node, path, what + " must be " + (zeroAllowed ? "at least 0" : "above 0") + unit
                    + ", found " + fmt(value));
        } else if (utilization && value > MAX_UTILIZATION) {
            r.problems().at(node, path, what + " for " + metric.name() + " must be at most 100" + unit + ", found "
                    + fmt(value) + ": fleetsim sets CPU at task level, so utilisation never exceeds 100 "
                    + "(platform-semantics.md section 5.5)");
        }
    }

    /** A cooldown: a duration of whole seconds, {@link #DEFAULT_COOLDOWN_NANOS} when absent. */
    long cooldown(Reader.Fields f, String key) {
        if (!f.has(key)) {
            return DEFAULT_COOLDOWN_NANOS;
        }
        YamlNode node = f.get(key);
        Long nanos = r.quantity(node, f.path(key), Reader.DURATION, Units::parseDuration);
        if (nanos == null) {
            return DEFAULT_COOLDOWN_NANOS;
        }
        if (nanos % SECOND != 0 || nanos / SECOND > Integer.MAX_VALUE) {
            r.problems().at(node, f.path(key), "a cooldown is a whole number of seconds up to 2147483647s "
                    + "(Application Auto Scaling takes an integer of seconds), found `" + Units.formatDuration(nanos)
                    + "`");
        }
        return nanos;
    }

    /** A count of one-minute datapoints, 1 to {@link #MAX_DATAPOINTS}; {@code defaultValue} when absent. */
    int datapoints(Reader.Fields f, String key, int defaultValue) {
        if (!f.has(key)) {
            return defaultValue;
        }
        Integer v = r.intValue(f.get(key), f.path(key), 1, MAX_DATAPOINTS);
        return v == null ? defaultValue : v;
    }

    private double lowThresholdRatio(Reader.Fields a) {
        if (!a.has("lowThresholdRatio")) {
            return DEFAULT_LOW_THRESHOLD_RATIO;
        }
        YamlNode node = a.get("lowThresholdRatio");
        BigDecimal v = r.quantity(node, a.path("lowThresholdRatio"), "a fraction such as `0.9` or `90%`",
                Units::parseFraction);
        if (v == null) {
            return DEFAULT_LOW_THRESHOLD_RATIO;
        }
        if (v.signum() == 0) {
            r.problems().at(node, a.path("lowThresholdRatio"), "lowThresholdRatio must be above 0 and at most 1 "
                    + "(the scale-in alarm sits at this fraction of the target), found 0");
        }
        return v.doubleValue();
    }

    /** Reported once, at the first policy's metric (the first target-tracking policy, else the first step). */
    private void requireTraffic(MetricAt first, String path) {
        String servicePath = path.substring(0, path.lastIndexOf('.'));
        String metric = first.metric().name();
        String why = metric.equals(Metric.ALBRequestCountPerTarget.name())
                ? "it counts the requests the load balancer routes to each task, and a service's requests come only "
                        + "from its `traffic`"
                : "fleetsim's tasks use CPU only to serve requests, so without `traffic` the metric stays at 0 and "
                        + "the policy could only scale in";
        r.problems().at(first.node(), first.path(), "a scaling policy on " + metric + " needs the service's `traffic`: "
                + why + "; add `traffic` to " + servicePath + " (only `scheduled` actions work without it)");
    }

    private List<ScheduledActionSpec> scheduled(Reader.Fields f, Integer min, Integer max) {
        List<ScheduledActionSpec> out = new ArrayList<>();
        List<YamlNode> items = f.items("scheduled");
        List<Reader.Fields> written = new ArrayList<>();
        Map<String, YamlNode> seen = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = Reader.item(f.path("scheduled"), i);
            Reader.Fields a = r.fields(items.get(i), path, SCHEDULED_KEYS, Map.of());
            if (a == null) {
                continue;
            }
            int before = r.problems().size();
            YamlNode nameNode = a.required("name", "business-hours");
            String name = nameNode == null ? null : r.nonBlank(nameNode, a.path("name"));
            if (name != null) {
                YamlNode first = seen.putIfAbsent(name, nameNode);
                if (first != null) {
                    r.problems().at(nameNode, a.path("name"), "duplicate scheduled action name `" + name
                            + "` (first defined at line " + first.line() + "); names must be unique");
                }
            }
            YamlNode sNode = a.required("schedule", "\"cron(0 8 ? * MON-FRI *)\"");
            String sText = sNode == null ? null : r.string(sNode, a.path("schedule"));
            Schedule schedule = null;
            if (sText != null && start != null) {
                try {
                    schedule = Schedules.parse(sText, start);
                } catch (IllegalArgumentException e) {
                    r.problems().at(sNode, a.path("schedule"), e.getMessage());
                }
            }
            Integer aMin = a.has("minCapacity")
                    ? r.intValue(a.get("minCapacity"), a.path("minCapacity"), 0, Integer.MAX_VALUE) : null;
            Integer aMax = a.has("maxCapacity")
                    ? r.intValue(a.get("maxCapacity"), a.path("maxCapacity"), 0, Integer.MAX_VALUE) : null;
            if (!a.has("minCapacity") && !a.has("maxCapacity")) {
                r.problems().at(a.node(), path, "a scheduled action sets `minCapacity`, `maxCapacity` or both "
                        + "(Application Auto Scaling PutScheduledAction), found neither");
            } else if (aMin != null && aMax != null && aMax < aMin) {
                r.problems().at(a.get("maxCapacity"), a.path("maxCapacity"), "maxCapacity " + aMax
                        + " is below this action's minCapacity " + aMin);
            }
            if (r.problems().size() == before && schedule != null) {
                out.add(new ScheduledActionSpec(name, schedule, aMin == null ? -1 : aMin, aMax == null ? -1 : aMax));
                written.add(a);
            }
        }
        if (min != null && max != null && out.size() == items.size()) {
            checkReachableRanges(written, out, min, max);
        }
        return out;
    }

    /**
     * An action that sets one bound keeps the other from whatever came before: the base range or any other
     * action. Every such pairing must leave min at most max.
     */
    private void checkReachableRanges(List<Reader.Fields> written, List<ScheduledActionSpec> actions, int min,
            int max) {
        for (int i = 0; i < actions.size(); i++) {
            ScheduledActionSpec a = actions.get(i);
            if (a.minCapacity() >= 0 && a.maxCapacity() >= 0) {
                continue;
            }
            boolean setsMin = a.minCapacity() >= 0;
            String key = setsMin ? "minCapacity" : "maxCapacity";
            String conflict = null;
            if (setsMin ? a.minCapacity() > max : a.maxCapacity() < min) {
                conflict = "the scalable target's " + (setsMin ? "maxCapacity " + max : "minCapacity " + min);
            }
            for (int j = 0; j < actions.size() && conflict == null; j++) {
                ScheduledActionSpec b = actions.get(j);
                if (setsMin && b.maxCapacity() >= 0 && a.minCapacity() > b.maxCapacity()) {
                    conflict = "maxCapacity " + b.maxCapacity() + " set by scheduled action `" + b.name() + "`";
                } else if (!setsMin && b.minCapacity() >= 0 && a.maxCapacity() < b.minCapacity()) {
                    conflict = "minCapacity " + b.minCapacity() + " set by scheduled action `" + b.name() + "`";
                }
            }
            if (conflict != null) {
                Reader.Fields item = written.get(i);
                int value = setsMin ? a.minCapacity() : a.maxCapacity();
                r.problems().at(item.get(key), item.path(key), key + " " + value + " would be "
                        + (setsMin ? "above " : "below ") + conflict + ", which this action keeps; set both "
                        + "`minCapacity` and `maxCapacity` in this action");
            }
        }
    }

    static String fmt(double v) {
        return v == StrictMath.rint(v) && StrictMath.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
