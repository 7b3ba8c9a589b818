package io.fleetsim.scaling;

import io.fleetsim.scenario.model.ServiceAutoScalingSpec.TargetTrackingSpec;

/**
 * One target-tracking policy's state: its two CloudWatch alarms, this minute's datapoint and its cooldowns
 * (platform-semantics.md section 5.5; ECS {@code service-autoscaling-targettracking.md}).
 *
 * <p>Proposals, for a service at {@code current} tasks with metric value {@code v} and target {@code t}:
 * <ul>
 *   <li>out (high alarm in ALARM): {@code max(current + 1, ceil(current x v / t))}. Target tracking "scales out
 *       proportionally to the metric as fast as it can"; the proportional count is the one that brings the
 *       average back to the target if load spreads evenly; at least one task is added while the alarm is in
 *       ALARM, since v > t.</li>
 *   <li>in (low alarm in ALARM, {@code v < lowThresholdRatio x t}): {@code ceil(current x v / t)}, the smallest
 *       count that keeps the average at or below the target. AWS says it "scales in more gradually" without
 *       giving a step; here the gradualness comes from the alarm (15 of 15 minutes below 0.9 x target,
 *       [secondary, observed]) and the scale-in cooldown, not from a cap on the step. This is a fleetsim choice.</li>
 * </ul>
 * The ratio is rounded up with an absolute slack of {@value #EPSILON}, so that a ratio that is mathematically an
 * integer but lands a rounding error above it (6 x 70 / 70) does not add a task.
 */
final class TargetTrackingPolicy extends Policy {

    /** Slack for the ceiling of {@code current x v / t}; far below one task for any realistic count. */
    static final double EPSILON = 1e-9;

    final TargetTrackingSpec spec;
    final int metricIndex;
    final ConsecutiveAlarm high;
    final ConsecutiveAlarm low;
    final double lowThreshold;
    private final String source;

    /** This minute's datapoint, NaN when missing. */
    double value = Double.NaN;
    /** Scale-out by this policy is allowed at or after this time. */
    long outAllowedAt = Long.MIN_VALUE;
    /** Scale-in by this policy is allowed at or after this time. */
    long inAllowedAt = Long.MIN_VALUE;

    TargetTrackingPolicy(TargetTrackingSpec spec) {
        this.spec = spec;
        this.metricIndex = spec.metric().ordinal();
        this.high = new ConsecutiveAlarm(spec.highDatapoints());
        this.low = new ConsecutiveAlarm(spec.lowDatapoints());
        this.lowThreshold = spec.lowThresholdRatio() * spec.target();
        this.source = "target-tracking:" + spec.metric().name();
    }

    void observe(double v, long minuteEndNanos) {
        value = v;
        high.observe(v, v > spec.target(), minuteEndNanos);
        low.observe(v, v < lowThreshold);
    }

    /** The high alarm is in ALARM and this minute has data (cooldown not considered). */
    boolean wantsOut() {
        return !Double.isNaN(value) && high.inAlarm();
    }

    @Override
    long breachStartNanos() {
        return high.runStartNanos();
    }

    boolean outAllowed(long now) {
        return now >= outAllowedAt;
    }

    int outDesired(int current) {
        return Math.max(current + 1, proportional(current));
    }

    /** Votes to scale in this minute: data, the low alarm in ALARM, scale-in enabled and not cooling down. */
    boolean votesIn(long now) {
        return !Double.isNaN(value) && !spec.disableScaleIn() && low.inAlarm() && now >= inAllowedAt;
    }

    int inDesired(int current) {
        return proportional(current);
    }

    private int proportional(int current) {
        double ratio = current * value / spec.target();
        return (int) Math.min(StrictMath.ceil(ratio - EPSILON), Integer.MAX_VALUE);
    }

    @Override
    String source() {
        return source;
    }

    @Override
    String reason(int current) {
        double ratio = current * value / spec.target();
        if (high.inAlarm()) {
            int proportional = proportional(current);
            return spec.metric().name() + " " + twoDecimals(value) + " > target " + spec.target() + " for "
                    + high.datapoints() + " datapoints: " + current + " x " + twoDecimals(value) + " / " + spec.target()
                    + " = " + twoDecimals(ratio) + " -> " + proportional
                    + (proportional <= current ? ", at least +1 -> " + (current + 1) : "");
        }
        return spec.metric().name() + " " + twoDecimals(value) + " < " + twoDecimals(lowThreshold) + " (" + spec.lowThresholdRatio()
                + " x target " + spec.target() + ") for " + low.datapoints() + " datapoints: " + current + " x "
                + twoDecimals(value) + " / " + spec.target() + " = " + twoDecimals(ratio) + " -> " + proportional(current);
    }
}
