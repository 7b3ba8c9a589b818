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
 */
public record ScalingAction(long timeNanos, int from, int to, String source, String reason) {
}
