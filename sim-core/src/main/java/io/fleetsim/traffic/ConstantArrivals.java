package io.fleetsim.traffic;

/**
 * Evenly spaced arrivals: the k-th arrival (k = 0, 1, 2 ...) is at {@code round(k x 1e9 / rate)} nanoseconds, so
 * the first is at time 0 and {@code [0, T)} holds exactly {@code ceil(rate x T)} arrivals (exactly {@code rate x T}
 * when that is a whole number). Each arrival is computed from k rather than by adding a rounded gap, so rounding
 * never accumulates: at 3 per second the arrivals are 0, 333,333,333, 666,666,667 and 1,000,000,000 ns.
 *
 * <p>Caveats: a perfectly regular load hides queueing (a D/D/1 system never queues below saturation); it is
 * meant for calibration and tests, not for latency estimates.
 */
public final class ConstantArrivals implements ArrivalProcess {

    private final double periodNanos;
    private final long endNanos;
    private long k;

    /**
     * @param ratePerSecond arrivals per second, finite and > 0
     * @param endNanos      arrivals at or after this time are not produced ({@link Long#MAX_VALUE} instead)
     */
    public ConstantArrivals(double ratePerSecond, long endNanos) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("constant arrivals: expected a finite rate > 0 per second, got " + ratePerSecond);
        }
        this.periodNanos = 1e9 / ratePerSecond;
        this.endNanos = endNanos;
    }

    @Override
    public long nextArrival() {
        long at = Math.round(k * periodNanos);
        if (at >= endNanos) {
            return Long.MAX_VALUE;
        }
        k++;
        return at;
    }
}
