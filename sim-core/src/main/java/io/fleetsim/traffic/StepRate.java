package io.fleetsim.traffic;

import io.fleetsim.scenario.model.ArrivalSpec.StepSpec;
import java.util.List;

/**
 * A piecewise-constant base rate: {@code ratePerSecond} until the first step, then the rate of the last step at or
 * before t (the {@code base(t)} of {@link io.fleetsim.scenario.model.ArrivalSpec.ProfileSpec}). Without steps it
 * is a constant rate.
 *
 * <p>Lookup is a binary search over a primitive array of step times: O(log steps), no allocation.
 */
final class StepRate implements RateProfile {

    /** times[0] = Long.MIN_VALUE carries the initial rate; times[i > 0] are the steps, non-decreasing. */
    private final long[] times;
    private final double[] rates;
    private final double max;

    StepRate(double ratePerSecond, List<StepSpec> steps) {
        checkRate(ratePerSecond, "ratePerSecond");
        times = new long[steps.size() + 1];
        rates = new double[steps.size() + 1];
        times[0] = Long.MIN_VALUE;
        rates[0] = ratePerSecond;
        double m = ratePerSecond;
        for (int i = 0; i < steps.size(); i++) {
            StepSpec s = steps.get(i);
            if (s.atNanos() < 0) {
                throw new IllegalArgumentException("step " + (i + 1) + ": expected a time >= 0, got " + s.atNanos() + " ns");
            }
            if (i > 0 && s.atNanos() < times[i]) {
                throw new IllegalArgumentException("step " + (i + 1) + ": steps must be sorted by time, but "
                        + s.atNanos() + " ns comes after " + times[i] + " ns");
            }
            checkRate(s.ratePerSecond(), "step " + (i + 1) + " ratePerSecond");
            times[i + 1] = s.atNanos();
            rates[i + 1] = s.ratePerSecond();
            m = Math.max(m, s.ratePerSecond());
        }
        max = m;
    }

    static void checkRate(double rate, String what) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(what + ": expected a finite rate >= 0 per second, got " + rate);
        }
    }

    @Override
    public double ratePerSecond(long tNanos) {
        return rates[indexAt(tNanos)];
    }

    @Override
    public double maxRatePerSecond() {
        return max;
    }

    @Override
    public double maxRatePerSecond(long fromNanos, long toNanos) {
        double m = 0;
        long[] ts = times;
        for (int i = indexAt(fromNanos); i < ts.length && ts[i] < toNanos; i++) {
            m = Math.max(m, rates[i]);
        }
        return m;
    }

    /** Exact: the steps' rates are returned as given, without arithmetic. */
    @Override
    public double minRatePerSecond(long fromNanos, long toNanos) {
        long[] ts = times;
        int i = indexAt(fromNanos);
        double m = rates[i];
        for (i++; i < ts.length && ts[i] <= toNanos; i++) {
            m = Math.min(m, rates[i]);
        }
        return m;
    }

    /** The index of the last entry with time <= t (entry 0 always qualifies): an upper-bound binary search. */
    private int indexAt(long t) {
        long[] ts = times;
        int lo = 0;
        int hi = ts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ts[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
