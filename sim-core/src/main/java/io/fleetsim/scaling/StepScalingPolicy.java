package io.fleetsim.scaling;

import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepSpec;
import java.util.List;

/**
 * One step-scaling policy's state: its alarm, this minute's datapoint and its cooldowns (Application Auto Scaling
 * API {@code StepScalingPolicyConfiguration} and {@code StepAdjustment}; platform-semantics.md section 5.5).
 *
 * <p>When the alarm is in ALARM, the step whose band contains the breach {@code d = metric - threshold} gives the
 * new capacity. Band ends follow the {@code StepAdjustment} API doc: for an alarm above the threshold the lower
 * bound is inclusive and the upper exclusive ({@code lower <= d < upper}); for an alarm below it the lower bound is
 * exclusive and the upper inclusive ({@code lower < d <= upper}). NaN bounds are open ends. A breach no band
 * contains changes nothing.
 *
 * <p>Adjustment types ({@code StepScalingPolicyConfiguration.AdjustmentType}):
 * <ul>
 *   <li>{@code ChangeInCapacity}: {@code current + n}.</li>
 *   <li>{@code PercentChangeInCapacity}: {@code current + delta}, {@code delta = current x n / 100} rounded toward
 *       zero, but at least 1 in magnitude when it is not zero (the Auto Scaling user guides, "Scaling adjustment
 *       types": "values greater than 1 are rounded down ... between 0 and 1 are rounded to 1 ... between 0 and -1
 *       are rounded to -1 ... less than -1 are rounded up"; this is the behaviour with no
 *       {@code MinAdjustmentMagnitude}). [UNVERIFIED: quoted from the user guide, not listed in
 *       platform-semantics.md.] Computed in integers, so it is exact.</li>
 *   <li>{@code ExactCapacity}: {@code n}.</li>
 * </ul>
 * Whether an action is a scale-out or a scale-in is decided by its result: above or below the current count.
 *
 * <p>Caveats: no {@code MinAdjustmentMagnitude} and no {@code MetricAggregationType} (datapoints are the
 * simulation's one-minute averages). The alarm compares strictly ({@code >} or {@code <} the threshold).
 */
final class StepScalingPolicy extends Policy {

    /** The adjustment types of {@code StepScalingPolicyConfiguration}. */
    enum AdjustmentType { ChangeInCapacity, PercentChangeInCapacity, ExactCapacity }

    final StepScalingSpec spec;
    final AdjustmentType type;
    final int metricIndex;
    final ConsecutiveAlarm alarm;
    private final StepSpec[] steps;
    private final String source;

    double value = Double.NaN;
    /** Scale-out by this policy is allowed at or after this time. */
    long outAllowedAt = Long.MIN_VALUE;
    /** Scale-in by this policy is allowed at or after this time. */
    long inAllowedAt = Long.MIN_VALUE;

    StepScalingPolicy(StepScalingSpec spec, AdjustmentType type) {
        this.spec = spec;
        this.type = type;
        this.metricIndex = spec.metric().ordinal();
        this.alarm = new ConsecutiveAlarm(spec.datapoints());
        this.steps = spec.steps().toArray(new StepSpec[0]);
        this.source = "step:" + spec.metric().name();
    }

    void observe(double v, long minuteEndNanos) {
        value = v;
        alarm.observe(v, spec.above() ? v > spec.threshold() : v < spec.threshold(), minuteEndNanos);
    }

    @Override
    long breachStartNanos() {
        return alarm.runStartNanos();
    }

    /** The alarm is in ALARM and this minute has data. */
    boolean firing() {
        return !Double.isNaN(value) && alarm.inAlarm();
    }

    /** The capacity this policy asks for while firing: {@code current} when no band contains the breach. */
    int desired(int current) {
        StepSpec step = step();
        return step == null ? current : apply(step.adjustment(), current);
    }

    private StepSpec step() {
        double breach = value - spec.threshold();
        for (StepSpec s : steps) {
            boolean aboveLower = Double.isNaN(s.lower()) || (spec.above() ? breach >= s.lower() : breach > s.lower());
            boolean belowUpper = Double.isNaN(s.upper()) || (spec.above() ? breach < s.upper() : breach <= s.upper());
            if (aboveLower && belowUpper) {
                return s;
            }
        }
        return null;
    }

    private int apply(int n, int current) {
        long result = switch (type) {
            case ChangeInCapacity -> (long) current + n;
            case PercentChangeInCapacity -> (long) current + percentDelta(current, n);
            case ExactCapacity -> n;
        };
        return (int) Math.max(0, Math.min(result, Integer.MAX_VALUE));
    }

    /** {@code current x n / 100} truncated toward zero, at least 1 in magnitude unless exactly zero. */
    static long percentDelta(int current, int n) {
        long hundredths = (long) current * n;
        long delta = hundredths / 100; // Java division truncates toward zero
        return delta == 0 && hundredths != 0 ? Long.signum(hundredths) : delta;
    }

    @Override
    String source() {
        return source;
    }

    @Override
    String reason(int current) {
        StepSpec step = step();
        String head = spec.metric().name() + " " + twoDecimals(value) + (spec.above() ? " > " : " < ") + "threshold "
                + spec.threshold() + " for " + alarm.datapoints() + " datapoints: breach " + twoDecimals(value - spec.threshold());
        if (step == null) {
            return head + " in no step";
        }
        String band = spec.above()
                ? "[" + bound(step.lower(), "-inf") + ", " + bound(step.upper(), "+inf") + ")"
                : "(" + bound(step.lower(), "-inf") + ", " + bound(step.upper(), "+inf") + "]";
        int n = step.adjustment();
        String rule = switch (type) {
            case ChangeInCapacity -> "ChangeInCapacity " + signed(n);
            case PercentChangeInCapacity -> "PercentChangeInCapacity " + signed(n) + "%: " + current + " x " + n
                    + " / 100 = " + twoDecimals(current * n / 100.0) + " -> " + signed(percentDelta(current, n));
            case ExactCapacity -> "ExactCapacity " + n;
        };
        return head + " in " + band + ": " + rule + ": " + current + " -> " + desired(current);
    }

    private static String bound(double b, String open) {
        return Double.isNaN(b) ? open : Double.toString(b);
    }

    private static String signed(long n) {
        return n >= 0 ? "+" + n : Long.toString(n);
    }

    /** Checks the bands: each non-empty, in order, contiguous (the API: "can't overlap or have a gap"). */
    static void checkSteps(List<StepSpec> steps, String where) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException(where + ": expected at least one step, found none");
        }
        for (int i = 0; i < steps.size(); i++) {
            StepSpec s = steps.get(i);
            if (!Double.isNaN(s.lower()) && !Double.isNaN(s.upper()) && !(s.upper() > s.lower())) {
                throw new IllegalArgumentException(where + ".steps[" + i + "]: expected upper > lower, found lower "
                        + s.lower() + ", upper " + s.upper());
            }
            if (Double.isNaN(s.lower()) && i > 0) {
                throw new IllegalArgumentException(where + ".steps[" + i + "]: only the first step may have an open"
                        + " lower bound");
            }
            if (Double.isNaN(s.upper()) && i < steps.size() - 1) {
                throw new IllegalArgumentException(where + ".steps[" + i + "]: only the last step may have an open"
                        + " upper bound");
            }
            if (i > 0 && Double.compare(steps.get(i - 1).upper(), s.lower()) != 0) {
                throw new IllegalArgumentException(where + ".steps[" + i + "]: expected lower bound "
                        + steps.get(i - 1).upper() + " (the previous step's upper bound: steps can't overlap or"
                        + " have a gap), found " + s.lower());
            }
        }
    }
}
