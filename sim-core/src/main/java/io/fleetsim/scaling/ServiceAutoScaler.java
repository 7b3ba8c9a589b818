package io.fleetsim.scaling;

import io.fleetsim.scenario.model.ServiceAutoScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.ScheduledActionSpec;
import java.util.List;

/**
 * SKELETON (contract): Application Auto Scaling for one ECS service, in simulated time. Fed one datapoint per
 * metric per simulated minute; decides the service's desired count. Pure logic: no engine, no cluster.
 */
public final class ServiceAutoScaler {

    /** @param initialDesired the service's desired count at the start; clamped into [min, max] by the caller */
    public ServiceAutoScaler(ServiceAutoScalingSpec spec, int initialDesired) {
        throw new UnsupportedOperationException("skeleton");
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
        throw new UnsupportedOperationException("skeleton");
    }

    /** A scheduled action fires now: new min/max; returns the desired count clamped into them. */
    public int onScheduledAction(long nowNanos, ScheduledActionSpec action, int currentDesired) {
        throw new UnsupportedOperationException("skeleton");
    }

    public int minCapacity() {
        throw new UnsupportedOperationException("skeleton");
    }

    public int maxCapacity() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Every change decided so far, in time order. */
    public List<ScalingAction> actions() {
        throw new UnsupportedOperationException("skeleton");
    }
}
