package io.fleetsim.scaling;

import io.fleetsim.scenario.model.ServiceAutoScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.Metric;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.ScheduledActionSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.TargetTrackingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Application Auto Scaling for one ECS service ({@code ecs:service:DesiredCount}), in simulated time: target
 * tracking, step scaling and scheduled min/max changes (platform-semantics.md section 5.5; ECS
 * {@code service-auto-scaling.md}, {@code service-autoscaling-targettracking.md}, Application Auto Scaling API
 * {@code TargetTrackingScalingPolicyConfiguration}, {@code StepScalingPolicyConfiguration}). Fed one datapoint per
 * metric per simulated minute (ECS publishes in 1-minute periods, section 5.5); decides the desired count. Pure
 * logic: no engine, no cluster.
 *
 * <p>Each minute, in order:
 * <ol>
 *   <li>A desired count outside [min, max] (set by someone else) is clamped, source {@code bounds}.</li>
 *   <li>Every policy's alarm takes the minute's datapoint ({@link ConsecutiveAlarm}: N consecutive breaching
 *       datapoints; missing data neither counts nor resets). A policy does nothing on a minute without data
 *       ("no scaling on insufficient data", section 5.5).</li>
 *   <li>Scale-out: every target-tracking policy whose high alarm is in ALARM and every step policy whose result
 *       is above the current count "wants out"; those not in their scale-out cooldown propose, and the largest
 *       proposal wins ("scale out if any policy says so", section 5.5). A scale-out ends every scale-in cooldown
 *       ("a scale-out during a scale-in cooldown proceeds immediately and ends that cooldown", section 5.5) and
 *       starts the scale-out cooldown of each policy that proposed.</li>
 *   <li>Scale-in, only if no policy wants out (even one blocked by its cooldown) and no deployment is in progress
 *       ("scale-in is turned off during deployments; scale-out continues", section 5.5). Candidates: the largest
 *       target-tracking proposal if <em>every</em> target-tracking policy votes in ("scale in only if all do",
 *       section 5.5; a policy with {@code disableScaleIn}, without data, not in low ALARM or in its scale-in
 *       cooldown does not vote in, so it blocks target-tracking scale-in), and each firing step policy whose
 *       result is below the current count and is not in its scale-in cooldown. The largest candidate, the most
 *       conservative, wins: a fleetsim choice, AWS does not document how step and target-tracking policies
 *       combine. It starts the scale-in cooldown of each policy that voted in.</li>
 *   <li>Every result is clamped into [min, max]; a clamp that leaves the count unchanged is no action and starts
 *       no cooldown.</li>
 * </ol>
 * Scheduled actions set min and max and clamp the desired count at once, source {@code scheduled:<name>}.
 *
 * <p>Caveats: AWS lets a policy scale out again during its scale-out cooldown when the new proposal exceeds the
 * capacity the cooldown-starting scale-out already added ({@code StepScalingPolicyConfiguration.Cooldown},
 * {@code TargetTrackingScalingPolicyConfiguration.ScaleOutCooldown}); here a scale-out cooldown blocks that policy's
 * scale-out outright. The scale-in step is the proportional value (see {@link TargetTrackingPolicy}); AWS does not
 * document its step. Alarm evaluation is instantaneous at the minute's end (CloudWatch evaluates a little later).
 * The low-alarm ratio 0.9 is [secondary, observed, UNVERIFIED] (section 5.5).
 */
public final class ServiceAutoScaler {

    private static final int METRICS = Metric.values().length;

    private final TargetTrackingPolicy[] targetTracking;
    private final StepScalingPolicy[] stepScaling;
    private final List<ScalingAction> actions = new ArrayList<>();
    private int min;
    private int max;
    private long lastNanos = Long.MIN_VALUE;

    /** @param initialDesired the service's desired count at the start; clamped into [min, max] by the caller */
    public ServiceAutoScaler(ServiceAutoScalingSpec spec, int initialDesired) {
        Objects.requireNonNull(spec, "spec");
        if (spec.minCapacity() < 0 || spec.maxCapacity() < spec.minCapacity()) {
            throw new IllegalArgumentException("autoScaling: expected 0 <= minCapacity <= maxCapacity, found min "
                    + spec.minCapacity() + ", max " + spec.maxCapacity());
        }
        if (initialDesired < spec.minCapacity() || initialDesired > spec.maxCapacity()) {
            throw new IllegalArgumentException("autoScaling: expected the initial desired count in ["
                    + spec.minCapacity() + ", " + spec.maxCapacity() + "], found " + initialDesired);
        }
        this.min = spec.minCapacity();
        this.max = spec.maxCapacity();
        List<TargetTrackingSpec> tts = spec.targetTracking();
        this.targetTracking = new TargetTrackingPolicy[tts.size()];
        for (int i = 0; i < tts.size(); i++) {
            targetTracking[i] = new TargetTrackingPolicy(checked(tts.get(i), "autoScaling.targetTracking[" + i + "]"));
        }
        List<StepScalingSpec> sss = spec.stepScaling();
        this.stepScaling = new StepScalingPolicy[sss.size()];
        for (int i = 0; i < sss.size(); i++) {
            String where = "autoScaling.stepScaling[" + i + "]";
            StepScalingSpec s = checked(sss.get(i), where);
            stepScaling[i] = new StepScalingPolicy(s, adjustmentType(s, where));
        }
    }

    /**
     * One minute closed. {@code datapoints[m.ordinal()]} is the minute's value of each
     * {@link ServiceAutoScalingSpec.Metric}, NaN when there is no data (no running task): alarms neither advance
     * nor reset on missing data, and no policy acts on it.
     *
     * @param deploymentInProgress scale-in is suspended during deployments (scale-out continues)
     * @return the desired count after this minute (equal to {@code currentDesired} when nothing changes)
     */
    public int onMinute(long minuteEndNanos, int currentDesired, double[] datapoints, boolean deploymentInProgress) {
        advanceTo(minuteEndNanos);
        if (datapoints == null || datapoints.length != METRICS) {
            throw new IllegalArgumentException("expected one datapoint per metric " + Arrays.toString(Metric.values())
                    + ", found " + (datapoints == null ? "null" : datapoints.length + " datapoints"));
        }
        int current = checkedDesired(currentDesired);
        if (current < min || current > max) {
            int clamped = clamp(current);
            record(minuteEndNanos, current, clamped, "bounds", "desired count " + current + " outside [min " + min
                    + ", max " + max + "]: clamped to " + clamped);
            current = clamped;
        }
        for (TargetTrackingPolicy p : targetTracking) {
            p.observe(datapoints[p.metricIndex], minuteEndNanos);
        }
        for (StepScalingPolicy p : stepScaling) {
            p.observe(datapoints[p.metricIndex], minuteEndNanos);
        }

        // Scale out if any policy says so: the largest proposal of the policies not cooling down.
        boolean wantsOut = false;
        int outTo = current;
        Policy outWinner = null;
        for (TargetTrackingPolicy p : targetTracking) {
            if (p.wantsOut()) {
                wantsOut = true;
                if (p.outAllowed(minuteEndNanos) && p.outDesired(current) > outTo) {
                    outTo = p.outDesired(current);
                    outWinner = p;
                }
            }
        }
        for (StepScalingPolicy p : stepScaling) {
            if (p.firing() && p.desired(current) > current) {
                wantsOut = true;
                if (minuteEndNanos >= p.outAllowedAt && p.desired(current) > outTo) {
                    outTo = p.desired(current);
                    outWinner = p;
                }
            }
        }
        if (outWinner != null) {
            return scaleOut(minuteEndNanos, current, outTo, outWinner);
        }
        if (wantsOut || deploymentInProgress) {
            return current;
        }
        return scaleIn(minuteEndNanos, current);
    }

    private int scaleOut(long now, int current, int proposed, Policy winner) {
        int to = Math.min(proposed, max);
        if (to <= current) {
            return current; // already at max: no action, no cooldown
        }
        String capped = to < proposed ? ", capped at max " + max : "";
        actions.add(new ScalingAction(now, current, to, winner.source(), winner.reason(current) + capped,
                winner.breachStartNanos()));
        for (TargetTrackingPolicy p : targetTracking) {
            if (p.wantsOut() && p.outAllowed(now)) {
                p.outAllowedAt = now + p.spec.scaleOutCooldownNanos();
            }
            p.inAllowedAt = Long.MIN_VALUE;
        }
        for (StepScalingPolicy p : stepScaling) {
            if (p.firing() && now >= p.outAllowedAt && p.desired(current) > current) {
                p.outAllowedAt = now + p.spec.cooldownNanos();
            }
            p.inAllowedAt = Long.MIN_VALUE;
        }
        return to;
    }

    private int scaleIn(long now, int current) {
        int inTo = -1;
        Policy winner = null;
        boolean allTargetTrackingIn = targetTracking.length > 0;
        for (TargetTrackingPolicy p : targetTracking) {
            allTargetTrackingIn &= p.votesIn(now);
        }
        if (allTargetTrackingIn) {
            for (TargetTrackingPolicy p : targetTracking) {
                if (p.inDesired(current) > inTo) {
                    inTo = p.inDesired(current);
                    winner = p;
                }
            }
        }
        for (StepScalingPolicy p : stepScaling) {
            if (stepVotesIn(p, now, current) && p.desired(current) > inTo) {
                inTo = p.desired(current);
                winner = p;
            }
        }
        if (winner == null || inTo >= current) {
            return current;
        }
        int to = Math.max(inTo, min);
        if (to >= current) {
            return current; // already at min
        }
        String agreed = allTargetTrackingIn && targetTracking.length > 1
                ? " (all " + targetTracking.length + " target-tracking policies vote in)" : "";
        record(now, current, to, winner.source(), winner.reason(current) + agreed
                + (to > inTo ? ", raised to min " + min : ""));
        if (allTargetTrackingIn) {
            for (TargetTrackingPolicy p : targetTracking) {
                p.inAllowedAt = now + p.spec.scaleInCooldownNanos();
            }
        }
        for (StepScalingPolicy p : stepScaling) {
            if (stepVotesIn(p, now, current)) {
                p.inAllowedAt = now + p.spec.cooldownNanos();
            }
        }
        return to;
    }

    private static boolean stepVotesIn(StepScalingPolicy p, long now, int current) {
        return p.firing() && now >= p.inAllowedAt && p.desired(current) < current;
    }

    /** A scheduled action fires now: new min/max; returns the desired count clamped into them. */
    public int onScheduledAction(long nowNanos, ScheduledActionSpec action, int currentDesired) {
        Objects.requireNonNull(action, "action");
        advanceTo(nowNanos);
        int current = checkedDesired(currentDesired);
        String where = "scheduled action '" + action.name() + "'";
        int newMin = action.minCapacity() == -1 ? min : action.minCapacity();
        int newMax = action.maxCapacity() == -1 ? max : action.maxCapacity();
        if (newMin < 0 || newMax < 0) {
            throw new IllegalArgumentException(where + ": expected minCapacity and maxCapacity >= 0 or -1 (unchanged),"
                    + " found " + action.minCapacity() + " and " + action.maxCapacity());
        }
        if (newMin > newMax) {
            throw new IllegalArgumentException(where + ": expected min <= max, found min " + newMin + " > max "
                    + newMax);
        }
        int oldMin = min;
        int oldMax = max;
        min = newMin;
        max = newMax;
        int to = clamp(current);
        if (to != current) {
            String schedule = action.schedule() == null ? "" : " (" + action.schedule().expression() + ")";
            record(nowNanos, current, to, "scheduled:" + action.name(), where + schedule + " set min " + oldMin
                    + " -> " + min + ", max " + oldMax + " -> " + max + ": desired " + current
                    + (to > current ? " raised to the new min " : " lowered to the new max ") + to);
        }
        return to;
    }

    public int minCapacity() {
        return min;
    }

    public int maxCapacity() {
        return max;
    }

    /** Every change decided so far, in time order. */
    public List<ScalingAction> actions() {
        return Collections.unmodifiableList(actions);
    }

    private void record(long now, int from, int to, String source, String reason) {
        actions.add(new ScalingAction(now, from, to, source, reason));
    }

    private int clamp(int desired) {
        return Math.max(min, Math.min(max, desired));
    }

    private void advanceTo(long nanos) {
        if (nanos < lastNanos) {
            throw new IllegalArgumentException("expected time at or after " + lastNanos + " ns, found " + nanos
                    + " ns");
        }
        lastNanos = nanos;
    }

    private static int checkedDesired(int desired) {
        if (desired < 0) {
            throw new IllegalArgumentException("expected a desired count >= 0, found " + desired);
        }
        return desired;
    }

    private static TargetTrackingSpec checked(TargetTrackingSpec s, String where) {
        Objects.requireNonNull(s, where);
        if (s.metric() == null) {
            throw new IllegalArgumentException(where + ".metric: expected one of " + Arrays.toString(Metric.values())
                    + ", found null");
        }
        if (!(s.target() > 0) || Double.isInfinite(s.target())) {
            throw new IllegalArgumentException(where + ".target: expected a finite value > 0, found " + s.target());
        }
        if (s.scaleOutCooldownNanos() < 0 || s.scaleInCooldownNanos() < 0) {
            throw new IllegalArgumentException(where + ": expected cooldowns >= 0, found scale-out "
                    + s.scaleOutCooldownNanos() + " ns, scale-in " + s.scaleInCooldownNanos() + " ns");
        }
        if (s.highDatapoints() < 1 || s.lowDatapoints() < 1) {
            throw new IllegalArgumentException(where + ": expected highDatapoints and lowDatapoints >= 1, found "
                    + s.highDatapoints() + " and " + s.lowDatapoints());
        }
        if (!(s.lowThresholdRatio() > 0 && s.lowThresholdRatio() <= 1)) {
            throw new IllegalArgumentException(where + ".lowThresholdRatio: expected a value in (0, 1], found "
                    + s.lowThresholdRatio());
        }
        return s;
    }

    private static StepScalingSpec checked(StepScalingSpec s, String where) {
        Objects.requireNonNull(s, where);
        if (s.metric() == null) {
            throw new IllegalArgumentException(where + ".metric: expected one of " + Arrays.toString(Metric.values())
                    + ", found null");
        }
        if (!Double.isFinite(s.threshold())) {
            throw new IllegalArgumentException(where + ".threshold: expected a finite value, found " + s.threshold());
        }
        if (s.datapoints() < 1) {
            throw new IllegalArgumentException(where + ".datapoints: expected >= 1, found " + s.datapoints());
        }
        if (s.cooldownNanos() < 0) {
            throw new IllegalArgumentException(where + ".cooldown: expected >= 0, found " + s.cooldownNanos() + " ns");
        }
        StepScalingPolicy.checkSteps(s.steps(), where);
        return s;
    }

    private static StepScalingPolicy.AdjustmentType adjustmentType(StepScalingSpec s, String where) {
        for (StepScalingPolicy.AdjustmentType t : StepScalingPolicy.AdjustmentType.values()) {
            if (t.name().equals(s.adjustmentType())) {
                if (t == StepScalingPolicy.AdjustmentType.ExactCapacity) {
                    for (int i = 0; i < s.steps().size(); i++) {
                        if (s.steps().get(i).adjustment() < 0) {
                            throw new IllegalArgumentException(where + ".steps[" + i + "].adjustment: expected an"
                                    + " ExactCapacity >= 0, found " + s.steps().get(i).adjustment());
                        }
                    }
                }
                return t;
            }
        }
        throw new IllegalArgumentException(where + ".adjustmentType: expected one of "
                + Arrays.toString(StepScalingPolicy.AdjustmentType.values()) + ", found " + s.adjustmentType());
    }
}
