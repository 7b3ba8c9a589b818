package io.fleetsim.metrics;

/**
 * One scale-out of service auto scaling decided by a policy's alarm, and how long its capacity took.
 *
 * @param loadChangeNanos end of the first minute of the run of breaching datapoints behind it (the load change, as
 *                        early as a one-minute datapoint shows it)
 * @param decisionNanos   when the desired count was raised
 * @param capacityNanos   the first instant at or after the decision with {@code to} tasks RUNNING; -1 if never
 *                        within the run
 * @param from            desired count before
 * @param to              desired count after
 */
public record ScaleOutLag(long loadChangeNanos, long decisionNanos, long capacityNanos, int from, int to) {

    public boolean reached() {
        return capacityNanos >= 0;
    }

    public long loadToDecisionNanos() {
        return decisionNanos - loadChangeNanos;
    }

    /** -1 when the capacity was never reached. */
    public long decisionToCapacityNanos() {
        return reached() ? capacityNanos - decisionNanos : -1;
    }

    /** -1 when the capacity was never reached. */
    public long loadToCapacityNanos() {
        return reached() ? capacityNanos - loadChangeNanos : -1;
    }
}
