package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;

/**
 * A non-homogeneous Poisson process with intensity {@link RateProfile#ratePerSecond(long)}, sampled exactly by
 * thinning (P. A. W. Lewis and G. S. Shedler, "Simulation of nonhomogeneous Poisson processes by thinning", Naval
 * Research Logistics Quarterly 26(3), 1979): candidates come from a homogeneous process at a bound L >= rate(t),
 * and a candidate at t is kept with probability rate(t) / L.
 *
 * <p>Why windows: one global bound wastes draws (a daily peak of 2x and a 3x burst give L = 6x the typical rate,
 * so five candidates of six are rejected). Time is cut into windows of {@value #WINDOW_NANOS} ns with a bound per
 * window ({@link RateProfile#maxRatePerSecond(long, long)}, exact for steps, bursts and the weekly factor and
 * tight for the daily one), which keeps the acceptance near 1. When a candidate overshoots its window, the clock
 * moves to the window's end and a fresh gap is drawn at the next window's bound; by the memoryless property of
 * the exponential this is still exact (Lewis and Shedler's algorithm with a piecewise-constant majorant).
 *
 * <p>Per window there is also a lower bound of the rate ({@link RateProfile#minRatePerSecond(long, long)}): a
 * candidate whose uniform draw times the bound falls below it is kept without evaluating the rate (a squeeze), which
 * answers the same test early; every candidate still draws its uniform, so the stream and the arrivals are unchanged.
 *
 * <p>Caveats: a window whose bound is 0 is skipped without drawing; if the profile is 0 from some time on, the
 * process ends there. Time is a double of nanoseconds (0.5 ns resolution at 30 days).
 */
public final class ThinnedPoissonArrivals implements ArrivalProcess {

    /** One minute: short enough to follow the daily curve closely, long enough to cost nothing per arrival. */
    static final long WINDOW_NANOS = 60_000_000_000L;

    private final RateProfile profile;
    private final RandomStream random;
    private final long endNanos;
    /** Current time, nanoseconds. */
    private double t;
    /** End of the current window and the bound over it, per nanosecond. */
    private long windowEnd;
    private double boundPerSecond;
    private double meanGapNanos;
    /**
     * A lower bound of the rate over the current window ({@link RateProfile#minRatePerSecond(long, long)}): a
     * candidate whose {@code u x bound} falls below it is kept without evaluating the rate. The test is the same,
     * only its answer is known early, so the arrivals are identical; with the one-minute window of a daily profile
     * this skips the cosine for more than 99% of candidates (it was 8.5% of the month benchmark's samples).
     */
    private double acceptBelow;

    /**
     * @param endNanos arrivals at or after this time are not produced ({@link Long#MAX_VALUE} instead)
     */
    public ThinnedPoissonArrivals(RateProfile profile, long endNanos, RandomStream random) {
        double max = profile.maxRatePerSecond();
        if (!(max >= 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("thinning needs a finite rate bound >= 0, the profile gave " + max);
        }
        this.profile = profile;
        this.random = random;
        this.endNanos = endNanos;
        openWindow(0);
    }

    @Override
    public long nextArrival() {
        final RateProfile p = profile;
        final RandomStream r = random;
        while (t < endNanos) {
            if (boundPerSecond == 0) {
                if (!nextWindow()) {
                    break;
                }
                continue;
            }
            double candidate = t + FdlibmLog.exponential(r, meanGapNanos);
            if (candidate >= windowEnd) {
                if (!nextWindow()) {
                    break;
                }
                continue;
            }
            t = candidate;
            long at = Math.round(candidate);
            if (at >= endNanos) {
                break;
            }
            double u = r.nextDouble() * boundPerSecond;
            if (u < acceptBelow || u < p.ratePerSecond(at)) {
                return at;
            }
        }
        t = Double.POSITIVE_INFINITY;
        return Long.MAX_VALUE;
    }

    /** Moves to the next window; false when the rate is 0 from there on or the end is reached. */
    private boolean nextWindow() {
        long from = windowEnd;
        t = from;
        if (from >= endNanos) {
            return false;
        }
        openWindow(from);
        if (boundPerSecond == 0 && profile.maxRatePerSecond(from, Long.MAX_VALUE) == 0) {
            return false;
        }
        return true;
    }

    private void openWindow(long from) {
        long end = from - Math.floorMod(from, WINDOW_NANOS) + WINDOW_NANOS;
        windowEnd = end < 0 ? Long.MAX_VALUE : end;
        boundPerSecond = profile.maxRatePerSecond(from, windowEnd);
        if (!(boundPerSecond >= 0) || Double.isInfinite(boundPerSecond)) {
            throw new IllegalStateException("rate profile gave an invalid bound " + boundPerSecond + " per second"
                    + " over [" + from + ", " + windowEnd + ") ns");
        }
        meanGapNanos = boundPerSecond == 0 ? 0 : 1e9 / boundPerSecond;
        // closed at the window's end: a candidate just below it can round to it
        acceptBelow = boundPerSecond == 0 ? 0 : profile.minRatePerSecond(from, windowEnd);
    }
}
