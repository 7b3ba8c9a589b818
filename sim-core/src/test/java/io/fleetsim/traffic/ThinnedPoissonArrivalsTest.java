package io.fleetsim.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.engine.TestStreams;
import io.fleetsim.scenario.model.ArrivalSpec.BurstSpec;
import io.fleetsim.scenario.model.ArrivalSpec.DailySpec;
import io.fleetsim.scenario.model.ArrivalSpec.ProfileSpec;
import io.fleetsim.scenario.model.ArrivalSpec.StepSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thinning reproduces its profile: counts per interval against the integral of the rate (the expected count of a
 * Poisson process), allowing 4.5 standard deviations (sqrt of the expected count): a false failure has probability
 * about 7e-6 per interval, and with fixed seeds the outcome is fixed anyway.
 */
class ThinnedPoissonArrivalsTest {

    static final long S = 1_000_000_000L;
    static final long MIN = 60 * S;
    static final long H = 3600 * S;
    static final Instant MIDNIGHT = Instant.parse("2024-01-01T00:00:00Z");

    static ProfileSpec profile(DailySpec daily, List<BurstSpec> bursts, List<StepSpec> steps) {
        return new ProfileSpec(daily, List.of(), bursts, steps);
    }

    /** Arrivals counted per bucket of {@code bucketNanos} until the process ends. */
    static long[] counts(ArrivalProcess a, long bucketNanos, int buckets) {
        long[] counts = new long[buckets];
        long prev = 0;
        for (long t = a.nextArrival(); t != Long.MAX_VALUE; t = a.nextArrival()) {
            if (t < prev) { // plain check: AssertJ per arrival would dominate the run time
                throw new AssertionError("arrival " + t + " before the previous one " + prev);
            }
            prev = t;
            counts[(int) (t / bucketNanos)]++;
        }
        return counts;
    }

    static void assertPoissonCount(long count, double expected, String what) {
        double slack = 4.5 * Math.sqrt(expected);
        assertThat((double) count).as(what + ": expected %.1f +- %.1f", expected, slack)
                .isBetween(expected - slack, expected + slack);
    }

    // Rate r(t) = 100 (1 + cos(2 pi (t - 14 h) / 24 h)) from midnight UTC. Expected count in hour h:
    //   integral over [h, h+1) hours = 100 [3600 + (86400 / 2 pi) (sin(2 pi (h + 1 - 14) / 24) - sin(2 pi (h - 14) / 24))]
    // e.g. hour 13 (13:00-14:00): 100 [3600 + 13751 (0 - sin(-pi/12))] = 100 (3600 + 3559) = 715,900, near the
    // 720,000 of a flat 200/s; hour 1 (01:00-02:00, the trough at 02:00): 100 (3600 - 3600 + 41) = 4,100.
    @Test
    void daily_countPerHourMatchesIntegralOfTheRateOverTwoDays() {
        ProfileSpec spec = profile(new DailySpec(2, 14 * H), List.of(), List.of());
        ArrivalProcess a = new ThinnedPoissonArrivals(RateProfile.of(100, spec, MIDNIGHT), 48 * H, TestStreams.of(2024));
        long[] counts = counts(a, H, 48);
        double dayOverTwoPi = 86_400 / (2 * Math.PI);
        for (int h = 0; h < 48; h++) {
            double expected = 100 * (3600 + dayOverTwoPi
                    * (Math.sin(2 * Math.PI * (h + 1 - 14) / 24.0) - Math.sin(2 * Math.PI * (h - 14) / 24.0)));
            assertPoissonCount(counts[h], expected, "hour " + h);
        }
        // hand-worked values above, to make sure the oracle itself is right
        assertThat(100 * (3600 + dayOverTwoPi * (0 - Math.sin(2 * Math.PI * -1 / 24.0)))).isBetween(715_800.0, 716_000.0);
        assertThat(counts[13]).isGreaterThan(10 * counts[1]);
    }

    // 100/s with a x3 burst on [30 min, 40 min): 60,000 expected in each 10-minute bucket outside it, 180,000 in it.
    @Test
    void burst_triplesTheCountInItsWindow() {
        ProfileSpec spec = profile(null, List.of(new BurstSpec(30 * MIN, 10 * MIN, 3)), List.of());
        ArrivalProcess a = new ThinnedPoissonArrivals(RateProfile.of(100, spec, MIDNIGHT), 60 * MIN, TestStreams.of(5));
        long[] counts = counts(a, 10 * MIN, 6);
        for (int b = 0; b < 6; b++) {
            assertPoissonCount(counts[b], b == 3 ? 180_000 : 60_000, "bucket " + b);
        }
    }

    // 50/s on [0, 10 min) = 30,000 expected; 200/s on [10, 20 min) = 120,000; 0 from 20 min: no arrivals at all,
    // and the process ends (returns Long.MAX_VALUE) although the run lasts a day.
    @Test
    void steps_changeTheRateAndAZeroTailEndsTheProcess() {
        ProfileSpec spec = profile(null, List.of(), List.of(new StepSpec(10 * MIN, 200), new StepSpec(20 * MIN, 0)));
        ArrivalProcess a = new ThinnedPoissonArrivals(RateProfile.of(50, spec, MIDNIGHT), 24 * H, TestStreams.of(9));
        long[] counts = counts(a, 10 * MIN, 24 * 6);
        assertPoissonCount(counts[0], 30_000, "first 10 min");
        assertPoissonCount(counts[1], 120_000, "second 10 min");
        for (int b = 2; b < counts.length; b++) {
            assertThat(counts[b]).as("bucket " + b).isZero();
        }
        assertThat(a.nextArrival()).isEqualTo(Long.MAX_VALUE);
    }

    // A zero rate between two positive ones is skipped, not the end: 10/s on [0, 1 min), 0 on [1, 2 min),
    // 10/s again from 2 min to the end at 3 min: 600 expected in minutes 0 and 2, none in minute 1.
    @Test
    void zeroRateGap_isSkippedAndArrivalsResume() {
        ProfileSpec spec = profile(null, List.of(), List.of(new StepSpec(MIN, 0), new StepSpec(2 * MIN, 10)));
        ArrivalProcess a = new ThinnedPoissonArrivals(RateProfile.of(10, spec, MIDNIGHT), 3 * MIN, TestStreams.of(3));
        long[] counts = counts(a, MIN, 3);
        assertPoissonCount(counts[0], 600, "minute 0");
        assertThat(counts[1]).isZero();
        assertPoissonCount(counts[2], 600, "minute 2");
    }
}
