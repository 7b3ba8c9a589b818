package io.fleetsim.scaling;

/**
 * A CloudWatch metric alarm of the shape Application Auto Scaling creates: "N datapoints within N minutes" on
 * one-minute datapoints (M = N), with the default {@code treatMissingData: missing}.
 *
 * <p>The alarm is in ALARM once the last {@code datapoints} non-missing datapoints all breach, i.e. after that many
 * consecutive breaching minutes; a non-breaching datapoint resets the run. A missing datapoint (NaN: no running
 * task) neither counts nor resets: with {@code missing} "the alarm does not consider missing data points when
 * evaluating whether to change state" (CloudWatch {@code PutMetricAlarm} TreatMissingData and "Configuring how
 * CloudWatch alarms treat missing data"). Alarm shapes: platform-semantics.md section 5.5 [secondary, observed].
 *
 * <p>Caveats: CloudWatch moves a {@code missing} alarm to INSUFFICIENT_DATA when every datapoint of its evaluation
 * range is missing, and its look-back for older datapoints is bounded; here a run of breaches survives any gap of
 * missing minutes. The callers never act on a missing minute, so the difference only shows when data returns.
 */
final class ConsecutiveAlarm {

    private final int datapoints;
    private int breaching;
    /** End of the first minute of the current run of breaching datapoints; -1 when not breaching. */
    private long runStartNanos = -1;

    ConsecutiveAlarm(int datapoints) {
        this.datapoints = datapoints;
    }

    /** Adds one minute's datapoint; NaN is missing and changes nothing. */
    void observe(double value, boolean breach) {
        observe(value, breach, -1);
    }

    /** As {@link #observe(double, boolean)}, noting {@code minuteEndNanos} when it starts a run of breaches. */
    void observe(double value, boolean breach, long minuteEndNanos) {
        if (Double.isNaN(value)) {
            return;
        }
        if (!breach) {
            runStartNanos = -1;
        } else if (breaching == 0) {
            runStartNanos = minuteEndNanos;
        }
        // Saturates at the alarm's datapoints: further breaches keep it in ALARM and cannot overflow.
        breaching = breach ? Math.min(breaching + 1, datapoints) : 0;
    }

    boolean inAlarm() {
        return breaching >= datapoints;
    }

    /** Consecutive breaching datapoints so far, at most {@link #datapoints()}. */
    int breaching() {
        return breaching;
    }

    /**
     * The end of the first minute of the current run of breaching datapoints (the load change that put the alarm in
     * ALARM, as early as a one-minute datapoint can show it), or -1 when the last datapoint did not breach.
     */
    long runStartNanos() {
        return runStartNanos;
    }

    int datapoints() {
        return datapoints;
    }
}
