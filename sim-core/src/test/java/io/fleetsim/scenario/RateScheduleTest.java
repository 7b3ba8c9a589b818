package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateScheduleTest {

    private static final long M = 60_000_000_000L;
    private static final long D = 24 * 60 * M;

    // rate(1 day) fires at 0, 1 d, 2 d, ...
    @Test
    void oneDay_firesAtMultiplesOfADay() {
        RateSchedule r = RateSchedule.parse("rate(1 day)");
        assertThat(r.periodNanos()).isEqualTo(D);
        assertThat(r.nextAtOrAfter(0)).isZero();
        assertThat(r.nextAtOrAfter(1)).isEqualTo(D);
        assertThat(r.nextAtOrAfter(D)).isEqualTo(D);
        assertThat(r.nextAtOrAfter(D + 1)).isEqualTo(2 * D);
    }

    // rate(5 minutes) after 7 min: the next multiple of 5 min is 10 min.
    @Test
    void fiveMinutes_nextMultiple() {
        assertThat(RateSchedule.parse("rate(5 minutes)").nextAtOrAfter(7 * M)).isEqualTo(10 * M);
        assertThat(RateSchedule.parse("rate(1 hour)").periodNanos()).isEqualTo(60 * M);
        assertThat(RateSchedule.parse("rate(2 days)").periodNanos()).isEqualTo(2 * D);
    }

    @Test
    void singularPluralRule_isEventBridges() {
        assertThatThrownBy(() -> RateSchedule.parse("rate(1 days)"))
                .hasMessageContaining("a value of 1 takes the singular unit: rate(1 day)");
        assertThatThrownBy(() -> RateSchedule.parse("rate(5 minute)"))
                .hasMessageContaining("a value above 1 takes the plural unit: rate(5 minutes)");
    }

    @Test
    void rejects_zeroAndUnknownUnits() {
        assertThatThrownBy(() -> RateSchedule.parse("rate(0 minutes)")).hasMessageContaining("positive whole number");
        assertThatThrownBy(() -> RateSchedule.parse("rate(2 weeks)")).hasMessageContaining("unknown rate unit `weeks`");
    }

    @Test
    void atStart_firesOnceAtZero() {
        assertThat(AtStartSchedule.INSTANCE.nextAtOrAfter(0)).isZero();
        assertThat(AtStartSchedule.INSTANCE.nextAtOrAfter(1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void schedules_dispatchAndSuggest() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(Schedules.parse("at-start", start)).isSameAs(AtStartSchedule.INSTANCE);
        assertThat(Schedules.parse("rate(1 hour)", start)).isEqualTo(RateSchedule.parse("rate(1 hour)"));
        assertThat(Schedules.parse("cron(0 2 * * ? *)", start).expression()).isEqualTo("cron(0 2 * * ? *)");
        assertThatThrownBy(() -> Schedules.parse("at_start", start)).hasMessageContaining("did you mean `at-start`?");
    }
}
