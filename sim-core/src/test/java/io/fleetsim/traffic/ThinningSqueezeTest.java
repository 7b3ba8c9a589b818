package io.fleetsim.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.engine.TestStreams;
import io.fleetsim.scenario.model.ArrivalSpec.DailySpec;
import io.fleetsim.scenario.model.ArrivalSpec.ProfileSpec;
import io.fleetsim.scenario.model.ArrivalSpec.StepSpec;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The squeeze of {@link ThinnedPoissonArrivals} (accept below {@link RateProfile#minRatePerSecond(long, long)}
 * without evaluating the rate) changes no arrival: the lower bounds hold for the computed rates, and the arrivals
 * equal those of the same profile with the squeeze hidden (the straightforward thinning), time for time.
 */
class ThinningSqueezeTest {

    static final long S = 1_000_000_000L;
    static final long H = 3600 * S;
    static final long D = 24 * H;
    static final Instant START = Instant.parse("2024-01-01T06:17:00Z");

    /** The same rates and upper bounds, with the default lower bound 0: thinning as it was without the squeeze. */
    static RateProfile withoutSqueeze(RateProfile p) {
        return new RateProfile() {
            @Override
            public double ratePerSecond(long tNanos) {
                return p.ratePerSecond(tNanos);
            }

            @Override
            public double maxRatePerSecond() {
                return p.maxRatePerSecond();
            }

            @Override
            public double maxRatePerSecond(long fromNanos, long toNanos) {
                return p.maxRatePerSecond(fromNanos, toNanos);
            }
        };
    }

    static RateProfile dailyWithSteps(double peakToMean, long peakAt) {
        List<StepSpec> steps = List.of(new StepSpec(5 * H, 40), new StepSpec(9 * H + 7 * S, 250),
                new StepSpec(30 * H, 0), new StepSpec(31 * H, 120));
        return RateProfile.of(100, new ProfileSpec(new DailySpec(peakToMean, peakAt), List.of(), List.of(), steps),
                START);
    }

    // Random intervals (short ones near the trough and the peak, where the cosine is flattest, and long ones across
    // them), random points inside, for peak-to-mean ratios up to 2 (a trough factor of 0).
    @Test
    void minRate_isAtOrBelowEveryComputedRateInTheInterval() {
        SplittableRandom random = new SplittableRandom(7);
        for (double peakToMean : new double[] {1.0, 1.2, 1.5, 1.999, 2.0}) {
            long peakAt = random.nextLong(D);
            RateProfile p = dailyWithSteps(peakToMean, peakAt);
            for (int i = 0; i < 20_000; i++) {
                long from = random.nextLong(3 * D);
                long span = i % 3 == 0 ? random.nextLong(2 * D) : random.nextLong(120 * S);
                long to = from + span;
                double min = p.minRatePerSecond(from, to);
                assertThat(min).isGreaterThanOrEqualTo(0.0);
                long[] points = {from, to, from + random.nextLong(span + 1), from + random.nextLong(span + 1)};
                for (long t : points) {
                    double rate = p.ratePerSecond(t);
                    if (!(min <= rate)) { // plain check first: AssertJ per point would dominate the run time
                        assertThat(min).as("peakToMean %s, [%d, %d], t %d", peakToMean, from, to, t)
                                .isLessThanOrEqualTo(rate);
                    }
                }
            }
        }
    }

    // The bound is tight enough to matter: a one-minute window away from the trough is within 0.3% of the rate.
    @Test
    void minRate_isTightOverAMinuteOfADailyProfile() {
        RateProfile p = RateProfile.of(1000, new ProfileSpec(new DailySpec(1.5, 15 * H), List.of(), List.of(),
                List.of()), START);
        long from = 3 * H + 11 * S;
        assertThat(p.minRatePerSecond(from, from + 60 * S)).isGreaterThan(0.997 * p.ratePerSecond(from));
    }

    // 32 hours: across a trough and a peak, the steps and the zero-rate gap at 30 h.
    @Test
    void thinning_givesTheSameArrivalsWithAndWithoutTheSqueeze() {
        for (double peakToMean : new double[] {1.0, 1.5, 2.0}) {
            for (long seed = 1; seed <= 2; seed++) {
                RateProfile p = dailyWithSteps(peakToMean, 13 * H + seed * 1_234_567_891L);
                ArrivalProcess squeezed = new ThinnedPoissonArrivals(p, 32 * H, TestStreams.of(seed));
                ArrivalProcess plain = new ThinnedPoissonArrivals(withoutSqueeze(p), 32 * H,
                        TestStreams.of(seed));
                long n = 0;
                while (true) {
                    long a = squeezed.nextArrival();
                    long b = plain.nextArrival();
                    if (a != b) {
                        assertThat(a).as("arrival %d, peakToMean %s, seed %d", n, peakToMean, seed).isEqualTo(b);
                    }
                    if (a == Long.MAX_VALUE) {
                        break;
                    }
                    n++;
                }
                assertThat(n).isGreaterThan(1_000_000L);
            }
        }
    }

    @Test
    void stepRate_minIsTheLeastStepRateTouchingTheClosedInterval() {
        RateProfile p = new StepRate(100, List.of(new StepSpec(10 * S, 40), new StepSpec(20 * S, 250)));
        assertThat(p.minRatePerSecond(0, 10 * S - 1)).isEqualTo(100.0);
        assertThat(p.minRatePerSecond(0, 10 * S)).isEqualTo(40.0);
        assertThat(p.minRatePerSecond(20 * S, 30 * S)).isEqualTo(250.0);
        assertThat(p.minRatePerSecond(15 * S, 30 * S)).isEqualTo(40.0);
    }
}
