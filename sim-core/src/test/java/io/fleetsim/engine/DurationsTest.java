package io.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @Test
    void unitHelpers_convertToNanoseconds() {
        assertThat(Durations.millis(250)).isEqualTo(250_000_000L);
        assertThat(Durations.seconds(90)).isEqualTo(90_000_000_000L);
        assertThat(Durations.minutes(2)).isEqualTo(120_000_000_000L);
        assertThat(Durations.hours(1)).isEqualTo(3_600_000_000_000L);
        // 7 days = 7 * 86,400 s = 604,800 s
        assertThat(Durations.days(7)).isEqualTo(604_800_000_000_000L);
        assertThat(Durations.seconds(-3)).isEqualTo(-3_000_000_000L);
        assertThat(Durations.toSeconds(1_500_000_000L)).isEqualTo(1.5);
    }

    @Test
    void unitHelpers_rejectOverflow() {
        // Long.MAX_VALUE ns = 106,751.99 days, so 106,752 days overflow.
        assertThat(Durations.days(106_751)).isEqualTo(106_751L * 86_400_000_000_000L);
        assertThatThrownBy(() -> Durations.days(106_752)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("106752d does not fit");
        assertThatThrownBy(() -> Durations.seconds(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} ns -> {1}")
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "7, 7ns",
        "1500, 1.5us",
        "250000000, 250ms",
        "1500000, 1.5ms",
        "999999999, 999.999999ms",
        "1000000000, 1s",
        "1500000000, 1.5s",
        "1000000001, 1.000000001s",
        "60000000000, 1m",
        "61500000000, 1m1.5s",
        // 1 h 30 m = 5,400 s
        "5400000000000, 1h30m",
        // 3,661 s = 1 h 1 m 1 s
        "3661000000000, 1h1m1s",
        // 1 d 5 m = 86,700 s: the zero hours are left out
        "86700000000000, 1d5m",
        "604800000000000, 7d",
        "-2000000000, -2s",
        "-1500, -1.5us",
        // Long.MAX_VALUE = 9,223,372,036.854775807 s = 106,751 d + 85,636.854775807 s = 23 h 47 m 16.854775807 s
        "9223372036854775807, 106751d23h47m16.854775807s",
        "-9223372036854775808, -106751d23h47m16.854775808s",
    })
    void format_isCompactAndExact(long nanos, String expected) {
        assertThat(Durations.format(nanos)).isEqualTo(expected);
    }
}
