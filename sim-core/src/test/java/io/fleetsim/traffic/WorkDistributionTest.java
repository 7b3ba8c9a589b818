package io.fleetsim.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetsim.engine.TestStreams;
import io.fleetsim.scenario.model.DistributionSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkDistributionTest {

    static final double MS = 1e6;
    static final int N = 200_000;

    static DistributionSpec spec(String type, double mean, double p99, double shape) {
        return new DistributionSpec(type, mean, p99, shape, List.of());
    }

    static long[] draw(WorkDistribution d, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = d.sampleNanos();
        }
        return out;
    }

    static double mean(long[] xs) {
        double sum = 0;
        for (long x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    // mean 10 ms, p99 50 ms: ln(p99/mean) = ln 5 = 1.609438; z99^2 = 5.411894; discriminant 5.411894 - 3.218876
    // = 2.193018, sqrt 1.480884; sigma = 2.326348 - 1.480884 = 0.845464; mu = ln(1e7) - sigma^2 / 2
    // = 16.118096 - 0.357405 = 15.760691 (log-ns). Over 200k samples: mean within 2 %, empirical p99 within 3 %.
    @Test
    void lognormal_hitsRequestedMeanAndP99() {
        LogNormalWork d = (LogNormalWork) Traffic.distribution(spec("lognormal", 10 * MS, 50 * MS, 0), TestStreams.of(99));
        assertThat(d.sigma()).isCloseTo(0.845464, within(1e-6));
        assertThat(d.mu()).isCloseTo(15.760691, within(1e-6));
        long[] xs = draw(d, N);
        assertThat(mean(xs)).isCloseTo(10 * MS, within(0.02 * 10 * MS));
        Arrays.sort(xs);
        assertThat((double) xs[(int) (0.99 * N) - 1]).isCloseTo(50 * MS, within(0.03 * 50 * MS));
        assertThat(d.meanNanos()).isEqualTo(10 * MS);
    }

    // The largest p99 of a lognormal is exp(z99^2 / 2) = exp(2.705947) = 14.9685 x its mean; 20 x is impossible,
    // and so is a p99 at or below the mean.
    @Test
    void lognormal_rejectsInfeasibleP99WithTheBound() {
        assertThatThrownBy(() -> Traffic.distribution(spec("lognormal", 10 * MS, 200 * MS, 0), TestStreams.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected p99 <= 14.968")
                .hasMessageContaining("(20.0 x mean)");
        assertThatThrownBy(() -> Traffic.distribution(spec("lognormal", 10 * MS, 10 * MS, 0), TestStreams.of(1)))
                .hasMessageContaining("expected p99 above the mean");
        // at the bound itself sigma = z99 and the p99 is still feasible
        LogNormalWork edge = new LogNormalWork(MS, MS * LogNormalWork.MAX_P99_OVER_MEAN * (1 - 1e-12), TestStreams.of(1));
        assertThat(edge.sigma()).isCloseTo(LogNormalWork.Z99, within(1e-4));
    }

    // Gamma k = 2 (CV 0.71) and Weibull k = 1.5 (CV 0.68), mean 5 ms: standard error of the mean over 200k
    // samples is about 0.16 %, so 1 % is over 6 standard errors.
    @Test
    void gammaAndWeibull_meansWithinOnePercent() {
        WorkDistribution gamma = Traffic.distribution(spec("gamma", 5 * MS, 0, 2), TestStreams.of(3));
        WorkDistribution weibull = Traffic.distribution(spec("weibull", 5 * MS, 0, 1.5), TestStreams.of(4));
        assertThat(mean(draw(gamma, N))).isCloseTo(5 * MS, within(0.05 * MS));
        assertThat(mean(draw(weibull, N))).isCloseTo(5 * MS, within(0.05 * MS));
        assertThat(gamma.meanNanos()).isEqualTo(5 * MS);
        assertThat(weibull.meanNanos()).isEqualTo(5 * MS);
    }

    // Exponential mean 2 ms, CV 1: standard error 0.22 % over 200k; 1 % is 4.5 of them.
    @Test
    void exponential_meanWithinOnePercent() {
        WorkDistribution d = Traffic.distribution(spec("exponential", 2 * MS, 0, 0), TestStreams.of(5));
        assertThat(mean(draw(d, N))).isCloseTo(2 * MS, within(0.02 * MS));
    }

    // 1,500,000.4 ns rounds to 1,500,000 every time.
    @Test
    void constant_returnsTheRoundedMeanEveryTime() {
        WorkDistribution d = Traffic.distribution(spec("constant", 1_500_000.4, 0, 0), TestStreams.of(1));
        assertThat(draw(d, 5)).containsOnly(1_500_000L);
        assertThat(d.meanNanos()).isEqualTo(1_500_000.4);
    }

    // Samples 1, 2, 3, 10 ns: mean 4; each drawn with probability 1/4, 50,000 expected of 200k, sd 194.
    @Test
    void empirical_resamplesUniformlyAmongTheSamples() {
        WorkDistribution d = Traffic.distribution(new DistributionSpec("empirical", 4, 0, 0, List.of(1L, 2L, 3L, 10L)),
                TestStreams.of(8));
        assertThat(d.meanNanos()).isEqualTo(4.0);
        int[] counts = new int[11];
        for (long x : draw(d, N)) {
            counts[(int) x]++;
        }
        for (int v : new int[] {1, 2, 3, 10}) {
            assertThat(counts[v]).isBetween(50_000 - 900, 50_000 + 900);
        }
        assertThat(counts[1] + counts[2] + counts[3] + counts[10]).isEqualTo(N);
    }

    @Test
    void sameSeed_sameSamples() {
        for (DistributionSpec s : List.of(spec("lognormal", MS, 5 * MS, 0), spec("gamma", MS, 0, 0.5),
                spec("weibull", MS, 0, 0.7), spec("exponential", MS, 0, 0))) {
            long[] a = draw(Traffic.distribution(s, TestStreams.of(21)), 100);
            long[] b = draw(Traffic.distribution(s, TestStreams.of(21)), 100);
            long[] c = draw(Traffic.distribution(s, TestStreams.of(22)), 100);
            assertThat(b).as(s.type()).isEqualTo(a);
            assertThat(c).as(s.type()).isNotEqualTo(a);
        }
    }

    @Test
    void badParameters_areRejectedWithWhatWasExpected() {
        assertThatThrownBy(() -> Traffic.distribution(spec("lognormla", MS, 2 * MS, 0), TestStreams.of(1)))
                .hasMessage("unknown distribution `lognormla`; did you mean `lognormal`? known distributions: constant,"
                        + " empirical, exponential, gamma, lognormal, weibull");
        assertThatThrownBy(() -> Traffic.distribution(spec("gamma", MS, 0, 0), TestStreams.of(1)))
                .hasMessage("gamma distribution: expected a finite shape k > 0, got 0.0");
        assertThatThrownBy(() -> Traffic.distribution(spec("exponential", -1, 0, 0), TestStreams.of(1)))
                .hasMessage("exponential distribution: expected a finite mean > 0 ns, got -1.0");
        assertThatThrownBy(() -> Traffic.distribution(new DistributionSpec("empirical", 0, 0, 0, List.of()), TestStreams.of(1)))
                .hasMessage("empirical distribution: expected at least one sample, got none");
    }
}
