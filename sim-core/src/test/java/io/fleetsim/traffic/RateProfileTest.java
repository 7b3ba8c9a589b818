package io.fleetsim.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetsim.scenario.model.ArrivalSpec.BurstSpec;
import io.fleetsim.scenario.model.ArrivalSpec.DailySpec;
import io.fleetsim.scenario.model.ArrivalSpec.ProfileSpec;
import io.fleetsim.scenario.model.ArrivalSpec.StepSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateProfileTest {

    static final long S = 1_000_000_000L;
    static final long H = 3600 * S;
    static final long D = 24 * H;
    /** A Monday, 06:00 UTC. */
    static final Instant MONDAY_6AM = Instant.parse("2024-01-01T06:00:00Z");

    static ProfileSpec daily(double peakToMean, long peakAt) {
        return new ProfileSpec(new DailySpec(peakToMean, peakAt), List.of(), List.of(), List.of());
    }

    // Start at 06:00 UTC, peak at 14:00: t = 8 h is the peak, factor 1 + 1 x cos(0) = 2, rate 100 x 2 = 200;
    // t = 20 h is 02:00, the trough, factor 1 + cos(pi) = 0; t = 2 h is 08:00, six hours before the peak,
    // cos(-pi/2) = 0, factor 1, rate 100.
    @Test
    void daily_peaksAtPeakTimeOfDayInUtcFromStart() {
        RateProfile p = RateProfile.of(100, daily(2, 14 * H), MONDAY_6AM);
        assertThat(p.ratePerSecond(8 * H)).isEqualTo(200.0);
        assertThat(p.ratePerSecond(8 * H + D)).isEqualTo(200.0);
        assertThat(p.ratePerSecond(20 * H)).isCloseTo(0.0, within(1e-9));
        assertThat(p.ratePerSecond(2 * H)).isCloseTo(100.0, within(1e-9));
        assertThat(p.maxRatePerSecond()).isEqualTo(200.0);
    }

    // peakToMean 1.5: the window [7 h, 7 h 30 min) ends 30 min before the peak, so its bound is the factor at
    // its end, 1 + 0.5 cos(2 pi x 0.5 / 24) = 1.49786; a window holding the peak is bounded by 1.5 exactly.
    @Test
    void daily_windowBoundIsTightAndHoldsThePeak() {
        RateProfile p = RateProfile.of(100, daily(1.5, 14 * H), MONDAY_6AM);
        assertThat(p.maxRatePerSecond(7 * H, 7 * H + H / 2))
                .isCloseTo(100 * (1 + 0.5 * Math.cos(2 * Math.PI * 0.5 / 24)), within(1e-9));
        assertThat(p.maxRatePerSecond(7 * H + H / 2, 8 * H + 1)).isEqualTo(150.0);
    }

    // Weekly [1,1,1,1,1,2,2]: sum 9, mean 9/7; normalised weekdays 7/9, weekend 14/9. From Monday 06:00,
    // t = 4 d 17 h is Friday 23:00 (rate 100 x 7/9), t = 4 d 18 h is Saturday 00:00 (100 x 14/9), and
    // t = 6 d 18 h is the next Monday 00:00 (weekday again).
    @Test
    void weekly_followsUtcDayOfWeekNormalisedToMeanOne() {
        ProfileSpec spec = new ProfileSpec(null, List.of(1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0), List.of(), List.of());
        RateProfile p = RateProfile.of(100, spec, MONDAY_6AM);
        assertThat(p.ratePerSecond(4 * D + 17 * H)).isCloseTo(700.0 / 9, within(1e-9));
        assertThat(p.ratePerSecond(4 * D + 18 * H)).isCloseTo(1400.0 / 9, within(1e-9));
        assertThat(p.ratePerSecond(6 * D + 18 * H - 1)).isCloseTo(1400.0 / 9, within(1e-9));
        assertThat(p.ratePerSecond(6 * D + 18 * H)).isCloseTo(700.0 / 9, within(1e-9));
        assertThat(p.maxRatePerSecond()).isCloseTo(1400.0 / 9, within(1e-9));
        // a window inside Friday is bounded by Friday's multiplier, one reaching into Saturday by Saturday's
        assertThat(p.maxRatePerSecond(4 * D, 4 * D + 18 * H)).isCloseTo(700.0 / 9, within(1e-9));
        assertThat(p.maxRatePerSecond(4 * D, 4 * D + 18 * H + 1)).isCloseTo(1400.0 / 9, within(1e-9));
    }

    // Steps: 50/s until 10 s, 200/s from 10 s, 0 from 20 s. The bound over [5 s, 15 s) is 200, over
    // [20 s, forever) is 0.
    @Test
    void steps_changeTheBaseRateAtTheirTimes() {
        ProfileSpec spec = new ProfileSpec(null, List.of(), List.of(),
                List.of(new StepSpec(10 * S, 200), new StepSpec(20 * S, 0)));
        RateProfile p = RateProfile.of(50, spec, MONDAY_6AM);
        assertThat(p.ratePerSecond(10 * S - 1)).isEqualTo(50.0);
        assertThat(p.ratePerSecond(10 * S)).isEqualTo(200.0);
        assertThat(p.ratePerSecond(20 * S)).isEqualTo(0.0);
        assertThat(p.maxRatePerSecond(5 * S, 15 * S)).isEqualTo(200.0);
        assertThat(p.maxRatePerSecond(0, 10 * S)).isEqualTo(50.0);
        assertThat(p.maxRatePerSecond(20 * S, Long.MAX_VALUE)).isEqualTo(0.0);
    }

    // Bursts x2 on [1 h, 3 h) and x3 on [2 h, 4 h) overlap on [2 h, 3 h): factor 6 there; x0.5 on [10 h, 11 h).
    // Steps 100 then 200 from 5 h; daily peakToMean 1.5; weekly [1,1,1,1,1,1,8] sums to 14, mean 2, so Sunday is
    // 8/2 = 4. Global bound = 200 x 1.5 x 4 x 6 = 7200 exactly.
    @Test
    void composite_maxIsProductOfFactorMaximaAndBoundsTheRateEverywhere() {
        ProfileSpec spec = new ProfileSpec(new DailySpec(1.5, 14 * H),
                List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 8.0),
                List.of(new BurstSpec(H, 2 * H, 2), new BurstSpec(2 * H, 2 * H, 3), new BurstSpec(10 * H, H, 0.5)),
                List.of(new StepSpec(5 * H, 200)));
        RateProfile p = RateProfile.of(100, spec, MONDAY_6AM);
        assertThat(p.maxRatePerSecond()).isEqualTo(7200.0);
        // weekday multiplier 1/2, 08:00 UTC -> daily factor 1 + 0.5 cos(-pi/2) = 1; burst 6 -> 100 x 0.5 x 6 = 300
        assertThat(p.ratePerSecond(2 * H)).isCloseTo(300.0, within(1e-9));
        long minute = 60 * S;
        for (long t = 0; t < 14 * D; t += 7 * minute + 13 * S) {
            double rate = p.ratePerSecond(t);
            assertThat(rate).isLessThanOrEqualTo(p.maxRatePerSecond());
            long windowStart = t - Math.floorMod(t, minute);
            assertThat(rate).isLessThanOrEqualTo(p.maxRatePerSecond(windowStart, windowStart + minute) * (1 + 1e-12));
        }
    }

    @Test
    void invalidProfiles_areRejectedWithWhatWasExpected() {
        assertThatThrownBy(() -> RateProfile.of(100, daily(2.5, 0), MONDAY_6AM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a value in [1, 2]");
        assertThatThrownBy(() -> RateProfile.of(100, daily(1.5, D), MONDAY_6AM))
                .hasMessageContaining("expected a time of day in [00:00, 24:00)");
        assertThatThrownBy(() -> RateProfile.of(100,
                new ProfileSpec(null, List.of(1.0, 2.0), List.of(), List.of()), MONDAY_6AM))
                .hasMessageContaining("expected 7 multipliers (Monday to Sunday), got 2");
        assertThatThrownBy(() -> RateProfile.of(100,
                new ProfileSpec(null, List.of(), List.of(), List.of(new StepSpec(20, 1), new StepSpec(10, 1))), MONDAY_6AM))
                .hasMessageContaining("steps must be sorted by time");
        assertThatThrownBy(() -> RateProfile.of(100,
                new ProfileSpec(null, List.of(), List.of(new BurstSpec(0, 0, 2)), List.of()), MONDAY_6AM))
                .hasMessageContaining("burst 1: expected a duration > 0, got 0 ns");
        assertThatThrownBy(() -> RateProfile.of(-1, daily(1, 0), MONDAY_6AM))
                .hasMessageContaining("expected a finite rate >= 0 per second, got -1.0");
    }
}
