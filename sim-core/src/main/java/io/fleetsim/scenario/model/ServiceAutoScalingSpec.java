package io.fleetsim.scenario.model;

import java.util.List;

/**
 * Service auto scaling (Application Auto Scaling on {@code ecs:service:DesiredCount}, platform-semantics.md
 * section 5.5): a scalable target with min and max capacity, and any number of target-tracking and step policies
 * and scheduled actions.
 *
 * @param minCapacity   lower bound of the desired count
 * @param maxCapacity   upper bound of the desired count
 * @param targetTracking target-tracking policies (scale out if any says so, in only if all do)
 * @param stepScaling   step-scaling policies
 * @param scheduled     scheduled actions that change min and max capacity at cron times (UTC)
 */
public record ServiceAutoScalingSpec(
        int minCapacity,
        int maxCapacity,
        List<TargetTrackingSpec> targetTracking,
        List<StepScalingSpec> stepScaling,
        List<ScheduledActionSpec> scheduled) {

    public ServiceAutoScalingSpec {
        targetTracking = List.copyOf(targetTracking);
        stepScaling = List.copyOf(stepScaling);
        scheduled = List.copyOf(scheduled);
    }

    /** The metrics scaling policies can use: ECS's predefined metrics. */
    public enum Metric {
        /** Service CPUUtilization, average over the minute, percent. */
        ECSServiceAverageCPUUtilization,
        /** Service MemoryUtilization, average over the minute, percent. */
        ECSServiceAverageMemoryUtilization,
        /** ALB RequestCountPerTarget: requests routed in the minute over healthy targets. */
        ALBRequestCountPerTarget
    }

    /**
     * A target-tracking policy with the CloudWatch alarms Application Auto Scaling creates for it.
     *
     * @param metric              what is tracked
     * @param target              the target value
     * @param scaleOutCooldownNanos after a scale-out, further scale-out waits this long (default 300 s for ECS)
     * @param scaleInCooldownNanos  after a scale-in, further scale-in waits this long (default 300 s); a scale-out
     *                              during it proceeds and ends it
     * @param disableScaleIn      the policy never scales in
     * @param highDatapoints      the scale-out alarm fires after this many consecutive minutes above target (3)
     * @param lowDatapoints       the scale-in alarm fires after this many consecutive minutes below
     *                            {@code lowThresholdRatio x target} (15)
     * @param lowThresholdRatio   where the scale-in alarm sits relative to the target (0.9; observed, not documented)
     */
    public record TargetTrackingSpec(
            Metric metric,
            double target,
            long scaleOutCooldownNanos,
            long scaleInCooldownNanos,
            boolean disableScaleIn,
            int highDatapoints,
            int lowDatapoints,
            double lowThresholdRatio) {
    }

    /**
     * A step-scaling policy: an alarm on a metric, and the capacity change for each band of the breach.
     *
     * @param metric           the alarm's metric
     * @param threshold        the alarm's threshold
     * @param above            the alarm fires when the metric is above (true) or below (false) the threshold
     * @param datapoints       consecutive one-minute datapoints beyond the threshold that fire the alarm
     * @param adjustmentType   {@code ChangeInCapacity}, {@code PercentChangeInCapacity} or {@code ExactCapacity}
     * @param steps            bands of (metric - threshold) and their adjustments, sorted by lower bound
     * @param cooldownNanos    no further step action from this policy for this long (default 300 s)
     */
    public record StepScalingSpec(
            Metric metric,
            double threshold,
            boolean above,
            int datapoints,
            String adjustmentType,
            List<StepSpec> steps,
            long cooldownNanos) {

        public StepScalingSpec {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step of the breach d = metric - threshold (NaN bounds are open ends). As in the Application Auto Scaling
     * {@code StepAdjustment} API: for an alarm above the threshold a step applies when lower <= d < upper; for an
     * alarm below it, when lower < d <= upper.
     *
     * @param lower      lower bound of the breach, or NaN for minus infinity
     * @param upper      upper bound of the breach, or NaN for plus infinity
     * @param adjustment the change (tasks, percent, or the exact capacity)
     */
    public record StepSpec(double lower, double upper, int adjustment) {
    }

    /**
     * A scheduled action: at each firing of {@code schedule}, the scalable target's min and max become these (a
     * value of -1 leaves that bound unchanged); the desired count is clamped into the new range at once.
     */
    public record ScheduledActionSpec(String name, Schedule schedule, int minCapacity, int maxCapacity) {
    }
}
