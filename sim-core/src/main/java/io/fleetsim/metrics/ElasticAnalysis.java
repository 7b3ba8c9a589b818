package io.fleetsim.metrics;

import io.fleetsim.scaling.ScalingAction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure functions from a run's step series and per-minute datapoints to the figures of {@link ServiceElastic}.
 *
 * <p>Windows, for the attribution of SLO minutes (a minute is the interval (end - 1 min, end] of its datapoint;
 * it falls in a window [a, b) when they overlap: end > a and end - 1 min < b):
 * <ul>
 *   <li>scaling lag: from the start of the first minute above target that led to a scale-out (its load change
 *   minus one minute: that minute already carried the load) to the moment the new desired count was RUNNING, or
 *   the end of the run if never;</li>
 *   <li>fault: from a fault that stopped one of the service's tasks to the first moment the service again had
 *   its desired count RUNNING (or the end of the run).</li>
 * </ul>
 * A violated minute in both kinds of window counts as lost to faults (fault precedence).
 */
public final class ElasticAnalysis {

    /** One minute: the period of the datapoints (platform-semantics.md section 5.5). */
    public static final long MINUTE_NANOS = 60_000_000_000L;
    private static final BigInteger NANOS_PER_HOUR = BigInteger.valueOf(3_600_000_000_000L);

    private ElasticAnalysis() {
    }

    /**
     * The scale-outs decided by an alarm (actions with {@code to > from} and a load change), each with the first
     * instant at or after its decision when {@code running} reached its new desired count.
     */
    public static List<ScaleOutLag> scaleOutLags(List<ScalingAction> actions, StepSeries running) {
        List<ScaleOutLag> out = new ArrayList<>();
        for (ScalingAction a : actions) {
            if (a.to() > a.from() && a.loadChangeNanos() >= 0) {
                out.add(new ScaleOutLag(a.loadChangeNanos(), a.timeNanos(), running.firstAtLeast(a.timeNanos(), a.to()),
                        a.from(), a.to()));
            }
        }
        return out;
    }

    /** The scaling-lag windows [load change - 1 min, capacity or {@link Long#MAX_VALUE}) of the scale-outs. */
    public static List<long[]> lagWindows(List<ScaleOutLag> lags) {
        List<long[]> out = new ArrayList<>();
        for (ScaleOutLag l : lags) {
            out.add(new long[] {l.loadChangeNanos() - MINUTE_NANOS, l.reached() ? l.capacityNanos() : Long.MAX_VALUE});
        }
        return out;
    }

    /**
     * The fault windows: from each fault hit to the first instant at or after it when the shortfall (desired count
     * minus RUNNING tasks) is 0 or less, or {@link Long#MAX_VALUE} if never.
     */
    public static List<long[]> faultWindows(List<Long> hits, StepSeries shortfall) {
        List<long[]> out = new ArrayList<>();
        for (long hit : hits) {
            long back = shortfall.firstAtMost(hit, 0);
            out.add(new long[] {hit, back < 0 ? Long.MAX_VALUE : back});
        }
        return out;
    }

    /** The violated minutes of {@code minutes} by cause (class comment); empty windows cover nothing. */
    public static SloLoss sloLoss(List<ServiceMinute> minutes, List<long[]> lagWindows, List<long[]> faultWindows) {
        long violated = 0;
        long faults = 0;
        long lag = 0;
        for (ServiceMinute m : minutes) {
            if (!m.sloViolated()) {
                continue;
            }
            violated++;
            if (overlaps(m.timeNanos(), faultWindows)) {
                faults++;
            } else if (overlaps(m.timeNanos(), lagWindows)) {
                lag++;
            }
        }
        return new SloLoss(violated, faults, lag, violated - faults - lag);
    }

    private static boolean overlaps(long minuteEnd, List<long[]> windows) {
        for (long[] w : windows) {
            if (w[1] > w[0] && minuteEnd > w[0] && minuteEnd - MINUTE_NANOS < w[1]) {
                return true;
            }
        }
        return false;
    }

    /** {@code cost x part / whole}, exact to 34 digits; 0 when {@code whole} is 0. */
    public static BigDecimal share(BigDecimal cost, BigInteger part, BigInteger whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return cost.multiply(new BigDecimal(part)).divide(new BigDecimal(whole), MathContext.DECIMAL128);
    }

    /** Count x nanoseconds as hours. */
    public static double hours(BigInteger countNanos) {
        return new BigDecimal(countNanos).divide(new BigDecimal(NANOS_PER_HOUR), MathContext.DECIMAL64).doubleValue();
    }
}
