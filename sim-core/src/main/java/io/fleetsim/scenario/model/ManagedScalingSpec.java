package io.fleetsim.scenario.model;

/**
 * ECS managed scaling of an EC2 Auto Scaling group capacity provider (cluster auto scaling), platform-semantics.md
 * section 5.6 (ECS API ManagedScaling, {@code cluster-auto-scaling.md}).
 *
 * @param targetCapacity               target for CapacityProviderReservation, 1-100; default 100
 * @param minimumScalingStepSize       fewest instances one scale-out launches, 1-10000; default 1
 * @param maximumScalingStepSize       most instances one scale-out launches, 1-10000; default 10000 (scale-in is
 *                                     not bounded by it, ECS API ManagedScaling)
 * @param instanceWarmupNanos          instanceWarmupPeriod, 0-10000 s; default 300 s: no scale-out while an instance
 *                                     launched less than this ago warms up
 * @param scaleOutDatapoints           consecutive one-minute datapoints above target before a scale-out; default 1
 *                                     (ASSUMPTION: AWS does not document the high alarm of the policy it creates)
 * @param scaleInDatapoints            consecutive datapoints below target before a scale-in; default 15 ("CloudWatch
 *                                     scale-in alarms require 15 data points (15 minutes)", cluster-auto-scaling.md)
 * @param managedTerminationProtection ECS keeps instances that run non-daemon tasks from being terminated on
 *                                     scale-in; default false (the API's DISABLED)
 * @param managedDraining              an instance chosen for scale-in is drained first: it takes no new tasks and
 *                                     its tasks are stopped (and replaced elsewhere) before it terminates; default
 *                                     true (the API's ENABLED)
 */
public record ManagedScalingSpec(
        int targetCapacity,
        int minimumScalingStepSize,
        int maximumScalingStepSize,
        long instanceWarmupNanos,
        int scaleOutDatapoints,
        int scaleInDatapoints,
        boolean managedTerminationProtection,
        boolean managedDraining) {

    public static final int DEFAULT_TARGET_CAPACITY = 100;
    public static final int DEFAULT_MINIMUM_STEP = 1;
    public static final int DEFAULT_MAXIMUM_STEP = 10_000;
    public static final long DEFAULT_WARMUP_NANOS = 300_000_000_000L;
    public static final int DEFAULT_SCALE_OUT_DATAPOINTS = 1;
    public static final int DEFAULT_SCALE_IN_DATAPOINTS = 15;

    /** Every default: what {@code managedScaling: {}} means. */
    public static ManagedScalingSpec defaults() {
        return new ManagedScalingSpec(DEFAULT_TARGET_CAPACITY, DEFAULT_MINIMUM_STEP, DEFAULT_MAXIMUM_STEP,
                DEFAULT_WARMUP_NANOS, DEFAULT_SCALE_OUT_DATAPOINTS, DEFAULT_SCALE_IN_DATAPOINTS, false, true);
    }
}
