package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;

/**
 * A homogeneous Poisson process: independent exponential gaps of mean {@code 1 / rate}, the first one from time 0.
 * Gaps are drawn by inversion with {@link StrictMath#log} (the values of {@link RandomStream#nextExponential(double)},
 * computed by {@link FdlibmLog}) and summed
 * in a {@code double} of nanoseconds, rounded only on output, so rounding does not bias the rate.
 *
 * <p>Caveats: the running sum is a double; at 30 days (2.6e15 ns) its resolution is 0.5 ns, still far below any
 * service time.
 */
public final class PoissonArrivals implements ArrivalProcess {

    private final RandomStream random;
    private final double meanGapNanos;
    private final long endNanos;
    private double t;

    /**
     * @param ratePerSecond mean arrivals per second, finite and > 0
     * @param endNanos      arrivals at or after this time are not produced ({@link Long#MAX_VALUE} instead)
     */
    public PoissonArrivals(double ratePerSecond, long endNanos, RandomStream random) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("poisson arrivals: expected a finite rate > 0 per second, got " + ratePerSecond);
        }
        this.random = random;
        this.meanGapNanos = 1e9 / ratePerSecond;
        this.endNanos = endNanos;
    }

    @Override
    public long nextArrival() {
        if (t >= endNanos) {
            return Long.MAX_VALUE;
        }
        t += FdlibmLog.exponential(random, meanGapNanos);
        long at = Math.round(t);
        if (at >= endNanos) {
            t = Double.POSITIVE_INFINITY;
            return Long.MAX_VALUE;
        }
        return at;
    }
}
