package io.fleetsim.scaling;

/**
 * One change of a service's desired count, for the scaling timeline.
 *
 * @param timeNanos when it was decided
 * @param from      desired count before
 * @param to        desired count after
 * @param source    what decided: {@code target-tracking:<metric>}, {@code step:<metric>}, {@code scheduled:<name>},
 *                  {@code bounds}
 * @param reason    why, in words with the numbers: e.g. "CPUUtilization 92.1 > 60.0 for 3 minutes: 6 x 92.1 / 60.0
 *                  = 9.21 -> 10"
 * @param loadChangeNanos for a scale-out decided by a policy's alarm: the end of the first minute of the run of
 *                  breaching datapoints that put the alarm in ALARM (the load change, as early as a one-minute
 *                  datapoint shows it); -1 for every other action (scale-ins, scheduled actions, bounds)
 */
public record ScalingAction(long timeNanos, int from, int to, String source, String reason, long loadChangeNanos) {

    /** An action without a load change (a scale-in, a scheduled action, a clamp into bounds). */
    public ScalingAction(long timeNanos, int from, int to, String source, String reason) {
        this(timeNanos, from, to, source, reason, -1);
    }
}
