package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeedsSectionTest {

    /*
     * 1, 2, 3: mean 2, sample sd 1; t(0.975, 2 degrees of freedom) = 4.302653 (Student's t table), so the 95%
     * half-width is 4.302653 / sqrt(3) = 2.484138.
     */
    @Test
    void spread_isStudentTIntervalOverTheSeeds() {
        SeedsSection.Spread s = SeedsSection.Spread.of(new double[] {1, 2, 3});
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.sd()).isEqualTo(1.0);
        assertThat(s.halfWidth()).isCloseTo(2.484138, within(1e-6));
        assertThat(s.format(2, "")).isEqualTo("2.00 ± 2.48 (1.00 to 3.00)");
    }

    /* Ten values 0..9: mean 4.5, sd sqrt(82.5 / 9) = 3.027650; t(0.975, 9) = 2.262157 -> 2.262157 x 3.027650 / sqrt(10) = 2.165851. */
    @Test
    void spread_tenSeeds() {
        double[] v = new double[10];
        for (int i = 0; i < 10; i++) {
            v[i] = i;
        }
        SeedsSection.Spread s = SeedsSection.Spread.of(v);
        assertThat(s.sd()).isCloseTo(3.027650, within(1e-6));
        assertThat(s.halfWidth()).isCloseTo(2.165851, within(1e-6));
    }

    @Test
    void spread_oneSeed_hasNoInterval() {
        SeedsSection.Spread s = SeedsSection.Spread.of(new double[] {5});
        assertThat(s.halfWidth()).isNaN();
        assertThat(s.format(1, "")).isEqualTo("5.0 (5.0 to 5.0)");
    }
}
