package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Expected instants worked out by hand from a 2024 calendar; 2024-01-01 is a Monday and 2024 is a leap year. */
class CronScheduleTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final long M = 60_000_000_000L;
    private static final long H = 60 * M;
    private static final long D = 24 * H;

    private static CronSchedule cron(String expression) {
        return CronSchedule.parse(expression, START);
    }

    // Daily at 02:00 UTC: Jan 1 02:00 = 2 h, then Jan 2 02:00 = 26 h.
    @Test
    void daily_firesAtTwoThenTwentySixHours() {
        CronSchedule c = cron("cron(0 2 * * ? *)");
        assertThat(c.nextAtOrAfter(0)).isEqualTo(2 * H);
        assertThat(c.nextAtOrAfter(2 * H)).isEqualTo(2 * H);
        assertThat(c.nextAtOrAfter(2 * H + 1)).isEqualTo(26 * H);
    }

    // Weekdays 09:30: Mon Jan 1 09:30 = 9.5 h; Tue Jan 2 = 1 d + 9.5 h; after Fri Jan 5 09:30 the next is
    // Mon Jan 8 09:30 = 7 d + 9.5 h (Sat 6 and Sun 7 skipped).
    @Test
    void weekdays_skipTheWeekend() {
        CronSchedule c = cron("cron(30 9 ? * MON-FRI *)");
        long nineThirty = 9 * H + 30 * M;
        assertThat(c.nextAtOrAfter(0)).isEqualTo(nineThirty);
        assertThat(c.nextAtOrAfter(nineThirty + 1)).isEqualTo(D + nineThirty);
        assertThat(c.nextAtOrAfter(4 * D + nineThirty + 1)).isEqualTo(7 * D + nineThirty);
    }

    // Numbers 2-6 are MON-FRI (1 = Sunday): same firings as the names.
    @Test
    void weekdayNumbers_oneIsSunday() {
        CronSchedule c = cron("cron(30 9 ? * 2-6 *)");
        assertThat(c.nextAtOrAfter(4 * D + 10 * H)).isEqualTo(7 * D + 9 * H + 30 * M);
        CronSchedule sunday = cron("cron(0 0 ? * 1 *)");
        assertThat(sunday.nextAtOrAfter(0)).isEqualTo(6 * D); // Sun Jan 7
    }

    // Monthly on the 1st at midnight: Jan 1 = 0, Feb 1 = 31 d, Mar 1 = 31 + 29 = 60 d (leap year).
    @Test
    void monthly_firstOfEachMonth() {
        CronSchedule c = cron("cron(0 0 1 * ? *)");
        assertThat(c.nextAtOrAfter(0)).isZero();
        assertThat(c.nextAtOrAfter(1)).isEqualTo(31 * D);
        assertThat(c.nextAtOrAfter(31 * D + 1)).isEqualTo(60 * D);
    }

    // Last day of month at noon: Jan 31 = 30 d + 12 h; Feb 29 = 59 d + 12 h.
    @Test
    void lastDayOfMonth_followsMonthLength() {
        CronSchedule c = cron("cron(0 12 L * ? *)");
        assertThat(c.nextAtOrAfter(0)).isEqualTo(30 * D + 12 * H);
        assertThat(c.nextAtOrAfter(30 * D + 12 * H + 1)).isEqualTo(59 * D + 12 * H);
    }

    // Third Friday (6#3): January's Fridays are 5, 12, 19 -> Jan 19 = 18 d; February starts on a Thursday, its
    // Fridays are 2, 9, 16 -> Feb 16 = 31 + 15 = 46 d.
    @Test
    void nthWeekday_thirdFriday() {
        CronSchedule c = cron("cron(0 10 ? * 6#3 *)");
        assertThat(c.nextAtOrAfter(0)).isEqualTo(18 * D + 10 * H);
        assertThat(c.nextAtOrAfter(18 * D + 10 * H + 1)).isEqualTo(46 * D + 10 * H);
    }

    // Last Monday (2L): January's Mondays are 1, 8, 15, 22, 29 -> Jan 29 = 28 d.
    @Test
    void lastWeekdayOfMonth_lastMonday() {
        assertThat(cron("cron(0 8 ? * 2L *)").nextAtOrAfter(0)).isEqualTo(28 * D + 8 * H);
    }

    // 15W: Jan 15 2024 is a Monday (fires on the 15th, 14 d); Jun 15 2024 is a Saturday (day index 166,
    // 166 mod 7 = 5 after Monday), so June fires Friday Jun 14. Jun 1 = 31+29+31+30+31 = 152 d.
    @Test
    void nearestWeekday_movesSaturdayToFriday() {
        CronSchedule c = cron("cron(0 9 15W * ? *)");
        assertThat(c.nextAtOrAfter(0)).isEqualTo(14 * D + 9 * H);
        assertThat(c.nextAtOrAfter(152 * D)).isEqualTo(165 * D + 9 * H);
    }

    // LW: Jan 31 2024 is a Wednesday (30 d); Mar 31 2024 is a Sunday (day index 90, 90 mod 7 = 6 after Monday),
    // so March fires Friday Mar 29 = 31 + 29 + 28 = 88 d. L alone in day-of-week is Saturday: Jan 6 = 5 d.
    @Test
    void lastWeekdayAndSaturdayL() {
        CronSchedule lw = cron("cron(0 0 LW * ? *)");
        assertThat(lw.nextAtOrAfter(0)).isEqualTo(30 * D);
        assertThat(lw.nextAtOrAfter(60 * D)).isEqualTo(88 * D);
        assertThat(cron("cron(0 0 ? * L *)").nextAtOrAfter(0)).isEqualTo(5 * D);
    }

    // Feb 29 only: 2024-02-29 = 59 d; next is 2028-02-29 = (366 + 365 + 365 + 365) + 31 + 28 = 1520 d.
    @Test
    void leapDay_skipsToTheNextLeapYear() {
        CronSchedule c = cron("cron(0 0 29 2 ? *)");
        assertThat(c.nextAtOrAfter(0)).isEqualTo(59 * D);
        assertThat(c.nextAtOrAfter(59 * D + 1)).isEqualTo(1520 * D);
    }

    // Year 2025 only: 2025-01-01 = 366 d after 2024-01-01; after that, never.
    @Test
    void yearField_endsTheSchedule() {
        CronSchedule c = cron("cron(0 0 1 1 ? 2025)");
        assertThat(c.nextAtOrAfter(0)).isEqualTo(366 * D);
        assertThat(c.nextAtOrAfter(366 * D + 1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void steps_everyFifteenMinutes() {
        CronSchedule c = cron("cron(*/15 * * * ? *)");
        assertThat(c.nextAtOrAfter(1)).isEqualTo(15 * M);
        assertThat(c.nextAtOrAfter(14 * M)).isEqualTo(15 * M);
        assertThat(c.nextAtOrAfter(59 * M)).isEqualTo(60 * M);
        CronSchedule offset = cron("cron(5/20 * * * ? *)");
        assertThat(offset.nextAtOrAfter(26 * M)).isEqualTo(45 * M);
    }

    // A start 30 s past the minute: the first whole minute is 00:01:00, 30 s after start.
    @Test
    void startOffTheMinute_firesOnTheNextWholeMinute() {
        CronSchedule c = CronSchedule.parse("cron(* * * * ? *)", Instant.parse("2024-01-01T00:00:30Z"));
        assertThat(c.nextAtOrAfter(0)).isEqualTo(30_000_000_000L);
    }

    @Test
    void rejects_bothDayFieldsOrNeitherQuestionMark() {
        assertThatThrownBy(() -> cron("cron(0 2 * * * *)")).hasMessageContaining("exactly one of day-of-month");
        assertThatThrownBy(() -> cron("cron(0 2 ? * ? *)")).hasMessageContaining("exactly one of day-of-month");
    }

    @Test
    void rejects_fiveFieldsWithTheYearHint() {
        assertThatThrownBy(() -> cron("cron(0 2 * * ?)"))
                .hasMessageContaining("cron needs 6 fields")
                .hasMessageContaining("add ` *` at the end");
    }

    @Test
    void rejects_outOfRangeBackwardsAndNeverFiring() {
        assertThatThrownBy(() -> cron("cron(60 2 * * ? *)")).hasMessageContaining("60 is out of range in the minutes field (0-59)");
        assertThatThrownBy(() -> cron("cron(0 2 ? * FRI-MON *)")).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> cron("cron(0 0 30 2 ? *)")).hasMessageContaining("never fires");
        assertThatThrownBy(() -> cron("cron(0 0 ? * MOM *)")).hasMessageContaining("did you mean `MON`?");
        assertThatThrownBy(() -> cron("cron(0 0 1,L * ? *)")).hasMessageContaining("only as the whole field");
    }
}
