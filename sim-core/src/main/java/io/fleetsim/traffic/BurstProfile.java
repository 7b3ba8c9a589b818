package io.fleetsim.traffic;

import io.fleetsim.scenario.model.ArrivalSpec.BurstSpec;
import java.util.List;

/**
 * Multiplicative bursts over another rate: within {@code [start, start + duration)} the rate is multiplied by the
 * burst's multiplier; overlapping bursts multiply together (a multiplier below 1 is a dip).
 *
 * <p>The factor is piecewise constant and changes only at burst starts and ends, so its maximum over any interval
 * is its value at the interval's start or at a boundary inside it: both bounds here are exact, computed by
 * evaluating the factor at those points.
 *
 * <p>Caveats: evaluation is linear in the number of bursts (meant for a handful: a flash sale, a marketing email);
 * many short bursts are better expressed as steps or a trace.
 */
final class BurstProfile implements RateProfile {

    private final RateProfile inner;
    private final long[] starts;
    private final long[] ends;
    private final double[] multipliers;
    private final double maxFactor;

    BurstProfile(RateProfile inner, List<BurstSpec> bursts) {
        int n = bursts.size();
        starts = new long[n];
        ends = new long[n];
        multipliers = new double[n];
        for (int i = 0; i < n; i++) {
            BurstSpec b = bursts.get(i);
            String what = "burst " + (i + 1);
            if (b.startNanos() < 0) {
                throw new IllegalArgumentException(what + ": expected a start >= 0, got " + b.startNanos() + " ns");
            }
            if (b.durationNanos() <= 0) {
                throw new IllegalArgumentException(what + ": expected a duration > 0, got " + b.durationNanos() + " ns");
            }
            if (!(b.multiplier() >= 0) || Double.isInfinite(b.multiplier())) {
                throw new IllegalArgumentException(what + ": expected a finite multiplier >= 0, got " + b.multiplier());
            }
            starts[i] = b.startNanos();
            ends[i] = b.startNanos() + b.durationNanos() < 0 ? Long.MAX_VALUE : b.startNanos() + b.durationNanos();
            multipliers[i] = b.multiplier();
        }
        this.inner = inner;
        this.maxFactor = maxFactor(0, Long.MAX_VALUE);
    }

    @Override
    public double ratePerSecond(long tNanos) {
        return inner.ratePerSecond(tNanos) * factor(tNanos);
    }

    @Override
    public double maxRatePerSecond() {
        return inner.maxRatePerSecond() * maxFactor;
    }

    @Override
    public double maxRatePerSecond(long fromNanos, long toNanos) {
        return inner.maxRatePerSecond(fromNanos, toNanos) * maxFactor(fromNanos, toNanos);
    }

    private double factor(long t) {
        double f = 1;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] <= t && t < ends[i]) {
                f *= multipliers[i];
            }
        }
        return f;
    }

    /** Exact maximum of the factor over [from, to): at from, or at a burst boundary inside. */
    private double maxFactor(long from, long to) {
        double m = factor(from);
        for (int i = 0; i < starts.length; i++) {
            if (from < starts[i] && starts[i] < to) {
                m = Math.max(m, factor(starts[i]));
            }
            if (from < ends[i] && ends[i] < to) {
                m = Math.max(m, factor(ends[i]));
            }
        }
        return m;
    }
}
