package io.fleetsim.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetsim.engine.TestStreams;
import io.fleetsim.scenario.model.ArrivalSpec;
import io.fleetsim.scenario.model.ArrivalSpec.DailySpec;
import io.fleetsim.scenario.model.ArrivalSpec.ProfileSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constant and homogeneous Poisson arrivals, the factory, and determinism. */
class ArrivalProcessTest {

    static final long S = 1_000_000_000L;
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    // 3 per second: arrivals k x 1e9 / 3 rounded: 0, 333,333,333, 666,666,667, 1,000,000,000, ... no drift:
    // arrival 3,000 is exactly 1,000 s. [0, 10 s) holds exactly 30.
    @Test
    void constant_exactSpacingWithoutDriftAndExactCount() {
        ConstantArrivals a = new ConstantArrivals(3, 10 * S);
        assertThat(a.nextArrival()).isZero();
        assertThat(a.nextArrival()).isEqualTo(333_333_333L);
        assertThat(a.nextArrival()).isEqualTo(666_666_667L);
        assertThat(a.nextArrival()).isEqualTo(1_000_000_000L);
        int count = 4;
        while (a.nextArrival() != Long.MAX_VALUE) {
            count++;
        }
        assertThat(count).isEqualTo(30);
        assertThat(a.nextArrival()).isEqualTo(Long.MAX_VALUE);

        ConstantArrivals far = new ConstantArrivals(3, Long.MAX_VALUE);
        long last = 0;
        for (int k = 0; k <= 3000; k++) {
            last = far.nextArrival();
        }
        assertThat(last).isEqualTo(1_000 * S);
    }

    // 100 per second over one hour: exactly 360,000 arrivals, every gap exactly 10,000,000 ns.
    @Test
    void constant_hundredPerSecondGivesExactGapsAndCount() {
        ConstantArrivals a = new ConstantArrivals(100, 3600 * S);
        long prev = a.nextArrival();
        int count = 1;
        for (long t = a.nextArrival(); t != Long.MAX_VALUE; t = a.nextArrival()) {
            assertThat(t - prev).isEqualTo(10_000_000L);
            prev = t;
            count++;
        }
        assertThat(count).isEqualTo(360_000);
    }

    // Rate 1000/s: mean gap 1e9 / 1000 = 1,000,000 ns. Over 10^6 gaps the standard error of the mean is
    // 1 / sqrt(10^6) = 0.1 %, so 1 % is 10 standard errors.
    @Test
    void poisson_meanGapWithinOnePercentOverAMillionDraws() {
        PoissonArrivals a = new PoissonArrivals(1000, Long.MAX_VALUE, TestStreams.of(7));
        long last = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long t = a.nextArrival();
            assertThat(t).isGreaterThanOrEqualTo(last);
            last = t;
        }
        assertThat(last / 1e6).isCloseTo(1_000_000.0, within(10_000.0));
    }

    @Test
    void poisson_stopsAtEnd() {
        PoissonArrivals a = new PoissonArrivals(1000, S, TestStreams.of(7));
        int count = 0;
        for (long t = a.nextArrival(); t != Long.MAX_VALUE; t = a.nextArrival()) {
            assertThat(t).isLessThan(S);
            count++;
        }
        // 1000 expected, Poisson sd 31.6: 4.5 sd = 142
        assertThat(count).isBetween(858, 1142);
        assertThat(a.nextArrival()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void sameSeed_sameSequence_otherSeed_otherSequence() {
        ArrivalSpec flat = new ArrivalSpec("poisson", 50, null, null);
        ArrivalSpec daily = new ArrivalSpec("poisson", 50,
                new ProfileSpec(new DailySpec(1.8, 0), List.of(), List.of(), List.of()), null);
        for (ArrivalSpec spec : List.of(flat, daily)) {
            ArrivalProcess a = Traffic.arrivals(spec, START, Long.MAX_VALUE, TestStreams.of(11));
            ArrivalProcess b = Traffic.arrivals(spec, START, Long.MAX_VALUE, TestStreams.of(11));
            ArrivalProcess c = Traffic.arrivals(spec, START, Long.MAX_VALUE, TestStreams.of(12));
            long[] sa = new long[1000];
            long[] sb = new long[1000];
            long[] sc = new long[1000];
            for (int i = 0; i < 1000; i++) {
                sa[i] = a.nextArrival();
                sb[i] = b.nextArrival();
                sc[i] = c.nextArrival();
            }
            assertThat(sb).isEqualTo(sa);
            assertThat(sc).isNotEqualTo(sa);
        }
    }

    @Test
    void factory_picksTheProcessByName() {
        assertThat(Traffic.arrivals(new ArrivalSpec("constant", 5, null, null), START, S, TestStreams.of(1)))
                .isInstanceOf(ConstantArrivals.class);
        assertThat(Traffic.arrivals(new ArrivalSpec("poisson", 5, null, null), START, S, TestStreams.of(1)))
                .isInstanceOf(PoissonArrivals.class);
        assertThat(Traffic.arrivals(new ArrivalSpec("poisson", 5,
                new ProfileSpec(null, List.of(), List.of(), List.of()), null), START, S, TestStreams.of(1)))
                .isInstanceOf(ThinnedPoissonArrivals.class);
    }

    @Test
    void factory_rejectsUnknownProcessAndMisplacedProfile() {
        assertThatThrownBy(() -> Traffic.arrivals(new ArrivalSpec("poison", 5, null, null), START, S, TestStreams.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown arrival process `poison`; did you mean `poisson`? known processes: constant, poisson, trace");
        assertThatThrownBy(() -> Traffic.arrivals(new ArrivalSpec("constant", 5,
                new ProfileSpec(null, List.of(), List.of(), List.of()), null), START, S, TestStreams.of(1)))
                .hasMessageContaining("arrival process `constant` takes no profile");
        assertThatThrownBy(() -> Traffic.arrivals(new ArrivalSpec("poisson", 0, null, null), START, S, TestStreams.of(1)))
                .hasMessageContaining("expected a finite rate > 0 per second, got 0.0");
        assertThatThrownBy(() -> Traffic.arrivals(new ArrivalSpec("trace", 0, null, null), START, S, TestStreams.of(1)))
                .hasMessageContaining("needs a trace");
    }
}
