package io.fleetsim.traffic;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Day-of-week multipliers over another rate: {@code inner(t) x weekly[day(start + t)]}, days in UTC, Monday first
 * (ISO-8601 order). The multipliers are normalised here to mean 1 (the scenario loader normalises them too;
 * normalising twice changes nothing), so the weekly shape moves traffic between days without changing the weekly
 * total.
 *
 * <p>Caveats: the factor jumps at UTC midnight; real traffic ramps. Combine with a daily profile whose trough is
 * near midnight to hide the step.
 */
final class WeeklyProfile implements RateProfile {

    static final long WEEK_NANOS = 7 * DailyProfile.DAY_NANOS;

    private final RateProfile inner;
    private final double[] multipliers = new double[7];
    private final double max;
    /** Nanoseconds from the Monday 00:00 UTC before start to start. */
    private final long offsetInWeek;

    WeeklyProfile(RateProfile inner, List<Double> weekly, Instant start) {
        if (weekly.size() != 7) {
            throw new IllegalArgumentException("weekly: expected 7 multipliers (Monday to Sunday), got " + weekly.size());
        }
        double sum = 0;
        for (int i = 0; i < 7; i++) {
            double m = weekly.get(i);
            if (!(m >= 0) || Double.isInfinite(m)) {
                throw new IllegalArgumentException("weekly multiplier " + (i + 1) + ": expected a finite value >= 0, got " + m);
            }
            sum += m;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("weekly: expected at least one multiplier above 0, got all zero");
        }
        double m = 0;
        for (int i = 0; i < 7; i++) {
            multipliers[i] = weekly.get(i) * 7 / sum;
            m = Math.max(m, multipliers[i]);
        }
        this.max = m;
        this.inner = inner;
        OffsetDateTime utc = start.atOffset(ZoneOffset.UTC);
        this.offsetInWeek = (utc.getDayOfWeek().getValue() - 1) * DailyProfile.DAY_NANOS
                + utc.toLocalTime().toNanoOfDay();
    }

    @Override
    public double ratePerSecond(long tNanos) {
        return inner.ratePerSecond(tNanos) * multipliers[dayIndex(tNanos)];
    }

    @Override
    public double maxRatePerSecond() {
        return inner.maxRatePerSecond() * max;
    }

    @Override
    public double maxRatePerSecond(long fromNanos, long toNanos) {
        double innerMax = inner.maxRatePerSecond(fromNanos, toNanos);
        long span = toNanos - fromNanos;
        if (span >= WEEK_NANOS || span < 0) {
            return innerMax * max;
        }
        double m = 0;
        long t = fromNanos;
        long inWeek = weekPosition(fromNanos);
        int day = (int) (inWeek / DailyProfile.DAY_NANOS);
        long toNextDay = DailyProfile.DAY_NANOS - inWeek % DailyProfile.DAY_NANOS;
        // at most 8 days touched by a window shorter than a week
        while (true) {
            m = Math.max(m, multipliers[day]);
            if (toNanos - t <= toNextDay) {
                break;
            }
            t += toNextDay;
            toNextDay = DailyProfile.DAY_NANOS;
            day = day == 6 ? 0 : day + 1;
        }
        return innerMax * m;
    }

    private long weekPosition(long tNanos) {
        return Math.floorMod(Math.floorMod(tNanos, WEEK_NANOS) + offsetInWeek, WEEK_NANOS);
    }

    private int dayIndex(long tNanos) {
        return (int) (weekPosition(tNanos) / DailyProfile.DAY_NANOS);
    }
}
