package io.fleetsim.scaling;

import java.util.List;

/**
 * The scaling history of one service over a run: its desired count at the start and every change after; or of one
 * EC2 capacity provider with managed scaling: its Auto Scaling group's desired capacity in instances.
 *
 * @param service        service name, or {@link #CAPACITY_PROVIDER_PREFIX} + {@code cluster/provider}
 * @param initialDesired desired count (or capacity) at time 0
 * @param actions        changes, in time order
 */
public record ScalingTimeline(String service, int initialDesired, List<ScalingAction> actions) {

    /** Names a capacity provider's timeline. */
    public static final String CAPACITY_PROVIDER_PREFIX = "capacity provider ";

    public ScalingTimeline {
        actions = List.copyOf(actions);
    }

    /** Whether this is a capacity provider's timeline of instances rather than a service's of tasks. */
    public boolean isCapacityProvider() {
        return service.startsWith(CAPACITY_PROVIDER_PREFIX);
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
