package io.fleetsim.scaling;

import java.util.List;

/**
 * The scaling history of one service over a run: its desired count at the start and every change after.
 *
 * @param service        service name
 * @param initialDesired desired count at time 0
 * @param actions        changes, in time order
 */
public record ScalingTimeline(String service, int initialDesired, List<ScalingAction> actions) {

    public ScalingTimeline {
        actions = List.copyOf(actions);
    }

    /** The desired count in force at {@code timeNanos} (after the actions at or before it). */
    public int desiredAt(long timeNanos) {
        int desired = initialDesired;
        for (ScalingAction a : actions) {
            if (a.timeNanos() > timeNanos) {
                break;
            }
            desired = a.to();
        }
        return desired;
    }
}
