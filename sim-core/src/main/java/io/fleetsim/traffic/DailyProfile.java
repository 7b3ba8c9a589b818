package io.fleetsim.traffic;

import io.fleetsim.scenario.model.ArrivalSpec.DailySpec;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A daily sinusoid over another rate: {@code inner(t) x (1 + (peakToMean - 1) x cos(2 pi (tod(t) - peakAt) / 1 day))},
 * where tod(t) is the UTC time of day of {@code start + t} (the formula of {@link DailySpec}). The factor has mean 1
 * over a day, equals peakToMean at the peak and {@code 2 - peakToMean} twelve hours later.
 *
 * <p>The phase is reduced modulo one day in exact {@code long} arithmetic before the cosine, so the rate on day
 * 300 is as exact as on day 1. {@link StrictMath#cos} keeps the values identical on every CPU (DESIGN.md
 * principle 2).
 *
 * <p>Caveats: UTC has no daylight saving time, so a service whose users follow a DST zone peaks an hour off for
 * half of the year; model that with two scenarios or steps.
 */
final class DailyProfile implements RateProfile {

    static final long DAY_NANOS = 86_400_000_000_000L;
    private static final double RADIANS_PER_NANO = 2 * Math.PI / DAY_NANOS;

    private final RateProfile inner;
    private final double amplitude;
    private final double peakToMean;
    /** (UTC nanos of day of start) - peakAt, reduced to [0, 1 day): the phase at t = 0. */
    private final long phaseAtZero;

    DailyProfile(RateProfile inner, DailySpec spec, Instant start) {
        if (!(spec.peakToMean() >= 1 && spec.peakToMean() <= 2)) {
            throw new IllegalArgumentException("daily peakToMean: expected a value in [1, 2] (above 2 the rate would"
                    + " go negative at the trough), got " + spec.peakToMean());
        }
        if (spec.peakAtNanosOfDay() < 0 || spec.peakAtNanosOfDay() >= DAY_NANOS) {
            throw new IllegalArgumentException("daily peakAt: expected a time of day in [00:00, 24:00), got "
                    + spec.peakAtNanosOfDay() + " ns");
        }
        this.inner = inner;
        this.peakToMean = spec.peakToMean();
        this.amplitude = spec.peakToMean() - 1;
        long startOfDay = start.atOffset(ZoneOffset.UTC).toLocalTime().toNanoOfDay();
        this.phaseAtZero = Math.floorMod(startOfDay - spec.peakAtNanosOfDay(), DAY_NANOS);
    }

    @Override
    public double ratePerSecond(long tNanos) {
        return inner.ratePerSecond(tNanos) * factor(phase(tNanos));
    }

    @Override
    public double maxRatePerSecond() {
        return inner.maxRatePerSecond() * peakToMean;
    }

    /**
     * Exact bound of the factor: peakToMean if the window holds a peak, else the larger endpoint (between two
     * peaks the cosine falls then rises, so its maximum over a peak-free interval is at an end).
     */
    @Override
    public double maxRatePerSecond(long fromNanos, long toNanos) {
        double innerMax = inner.maxRatePerSecond(fromNanos, toNanos);
        long span = toNanos - fromNanos;
        long phase = phase(fromNanos);
        double f;
        if (span >= DAY_NANOS || span < 0 || phase == 0 || span > DAY_NANOS - phase) {
            f = peakToMean;
        } else {
            f = Math.max(factor(phase), factor(phase + span));
        }
        return innerMax * f;
    }

    /**
     * Below the factor over the interval: {@code 2 - peakToMean} if it holds the trough (phase half a day), else the
     * smaller endpoint (away from the trough the cosine only rises towards the peak on either side), less a margin
     * of 1e-9 that covers the rounding of {@link #factor(long)} (StrictMath.cos is within 1 ulp, the sum and product
     * add 2 more: some 1e-15 at factors up to 2), so that the bound holds for the computed rates too.
     */
    @Override
    public double minRatePerSecond(long fromNanos, long toNanos) {
        double innerMin = inner.minRatePerSecond(fromNanos, toNanos);
        long span = toNanos - fromNanos;
        long phase = phase(fromNanos);
        double f;
        if (span >= DAY_NANOS / 2 || span < 0 || Math.floorMod(DAY_NANOS / 2 - phase, DAY_NANOS) <= span) {
            f = 2 - peakToMean;
        } else {
            f = Math.min(factor(phase), factor(Math.floorMod(phase + span, DAY_NANOS)));
        }
        f -= 1e-9;
        // the product rounds once (relative 2^-53); 1e-12 covers it
        return f > 0 && innerMin > 0 ? innerMin * f * (1 - 1e-12) : 0;
    }

    private long phase(long tNanos) {
        return Math.floorMod(Math.floorMod(tNanos, DAY_NANOS) + phaseAtZero, DAY_NANOS);
    }

    private double factor(long phase) {
        return 1 + amplitude * StrictMath.cos(phase * RADIANS_PER_NANO);
    }
}
