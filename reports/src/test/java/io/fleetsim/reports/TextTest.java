package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.billing.UsageType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class TextTest {

    // 1234.565 -> cents HALF_UP 1234.57; 999.995 -> 1000.00 carries into a new group; 0.005 -> 0.01 (half up),
    // 0.004999 -> 0.00
    @Test
    void money_roundsHalfUpToCentsWithThousandsSeparators() {
        assertThat(Text.money(new BigDecimal("1234.565"))).isEqualTo("$1,234.57");
        assertThat(Text.money(new BigDecimal("1234567.891"))).isEqualTo("$1,234,567.89");
        assertThat(Text.money(new BigDecimal("999.995"))).isEqualTo("$1,000.00");
        assertThat(Text.money(new BigDecimal("0.005"))).isEqualTo("$0.01");
        assertThat(Text.money(new BigDecimal("0.004999"))).isEqualTo("$0.00");
        assertThat(Text.money(BigDecimal.ZERO)).isEqualTo("$0.00");
        assertThat(Text.money(new BigDecimal("123"))).isEqualTo("$123.00");
    }

    @Test
    void money_putsTheSignBeforeTheDollar() {
        assertThat(Text.money(new BigDecimal("-2.5"))).isEqualTo("-$2.50");
        assertThat(Text.money(new BigDecimal("-1234.5"))).isEqualTo("-$1,234.50");
    }

    @Test
    void fixed_groupsAndRoundsHalfUp() {
        assertThat(Text.fixed(1008.0, 2)).isEqualTo("1,008.00");
        assertThat(Text.fixed(new BigDecimal("0.125"), 2)).isEqualTo("0.13");
        assertThat(Text.fixed(-0.5, 0)).isEqualTo("-1");
    }

    // 2^-7 = 0.0078125 exactly in binary: a true tie at 6 decimals, HALF_EVEN keeps the even 2.
    // 48.896 is 48.89599999999999724... in binary and still rounds to 48.896000.
    // 0.1 + 0.2 = 0.30000000000000004440892098500626... -> 0.3.
    @Test
    void canonical_roundsTheExactBinaryValueHalfEvenToSixDecimals() {
        assertThat(Text.canonical(0.0078125)).isEqualByComparingTo("0.007812");
        assertThat(Text.canonical(0.0078135)).isEqualByComparingTo("0.007813");
        assertThat(Text.canonical(48.896).toPlainString()).isEqualTo("48.896");
        assertThat(Text.canonical(0.1 + 0.2).toPlainString()).isEqualTo("0.3");
        assertThat(Text.canonical(5.0).toPlainString()).isEqualTo("5");
        assertThat(Text.canonical(100.0).toPlainString()).isEqualTo("100");
        assertThat(Text.canonical(-0.0).toPlainString()).isEqualTo("0");
    }

    @Test
    void canonical_isNullForNaNAndInfinities() {
        assertThat(Text.canonical(Double.NaN)).isNull();
        assertThat(Text.canonical(Double.POSITIVE_INFINITY)).isNull();
        assertThat(Text.canonical(Double.NEGATIVE_INFINITY)).isNull();
    }

    // 202,740 x 100 / 400,000 = 50.685 exactly: HALF_UP 50.69, HALF_EVEN 50.68. 1/3 -> 33.33, 2/3 -> 66.67.
    @Test
    void percent_isExactFromTheIntegersAndNullWhenNothingIsRegistered() {
        assertThat(Text.percent(202_740, 400_000, 2, RoundingMode.HALF_UP)).isEqualByComparingTo("50.69");
        assertThat(Text.percent(202_740, 400_000, 2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("50.68");
        assertThat(Text.percent(1, 3, 2, RoundingMode.HALF_UP).toPlainString()).isEqualTo("33.33");
        assertThat(Text.percent(2, 3, 2, RoundingMode.HALF_UP).toPlainString()).isEqualTo("66.67");
        assertThat(Text.percent(0, 0, 2, RoundingMode.HALF_UP)).isNull();
    }

    @Test
    void exact_writesPlainDecimalsWithoutTrailingZeros() {
        assertThat(Text.exact(new BigDecimal("4.1142E-4"))).isEqualTo("0.00041142");
        assertThat(Text.exact(new BigDecimal("2972.184414062400"))).isEqualTo("2972.1844140624");
        assertThat(Text.exact(new BigDecimal("1.44E+4"))).isEqualTo("14400");
        assertThat(Text.exact(new BigDecimal("0.000"))).isEqualTo("0");
    }

    @Test
    void price_keepsAtLeastTwoDecimals() {
        assertThat(Text.price(new BigDecimal("0.1"))).isEqualTo("0.10");
        assertThat(Text.price(new BigDecimal("2"))).isEqualTo("2.00");
        assertThat(Text.price(new BigDecimal("0.057600"))).isEqualTo("0.0576");
    }

    // 1d 2h 3m 4.5s = 86,400 + 7,200 + 180 + 4.5 = 93,784.5 s
    @Test
    void duration_writesNonZeroComponentsLikeScenarioFiles() {
        assertThat(Text.duration(7 * 86_400_000_000_000L)).isEqualTo("7d");
        assertThat(Text.duration(93_784_500_000_000L)).isEqualTo("1d 2h 3m 4.5s");
        assertThat(Text.duration(180_000_000_000L)).isEqualTo("3m");
        assertThat(Text.duration(250_000_000L)).isEqualTo("0.25s");
        assertThat(Text.duration(3_600_000_000_001L)).isEqualTo("1h 0.000000001s");
        assertThat(Text.duration(0)).isEqualTo("0s");
    }

    @Test
    void duration_rejectsNegative() {
        assertThatThrownBy(() -> Text.duration(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration must be >= 0 ns, found -1");
    }

    @Test
    void markdown_escapesPipesBackticksBackslashesAndFoldsLineBreaks() {
        assertThat(Text.markdown("a|b")).isEqualTo("a\\|b");
        assertThat(Text.markdown("x`y`")).isEqualTo("x\\`y\\`");
        assertThat(Text.markdown("c:\\d|")).isEqualTo("c:\\\\d\\|");
        assertThat(Text.markdown("line1\r\nline2")).isEqualTo("line1  line2");
        assertThat(Text.markdown("plain-name_1")).isEqualTo("plain-name_1");
    }

    // RFC 4180 section 2 rules 6 and 7
    @Test
    void csv_quotesOnlyWhenNeededAndDoublesInnerQuotes() {
        assertThat(Text.csv("fargate-spot")).isEqualTo("fargate-spot");
        assertThat(Text.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(Text.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Text.csv("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Text.csv("")).isEqualTo("");
    }

    @Test
    void label_namesEveryUsageType() {
        for (UsageType type : UsageType.values()) {
            assertThat(Text.label(type)).isNotBlank().doesNotContain("_");
        }
        assertThat(Text.label(UsageType.FARGATE_VCPU)).isEqualTo("Fargate vCPU");
    }

    // 60 s is the end of minute 1, 61 s falls in minute 2, 0 s is the start (minute 0)
    @Test
    void minuteNumber_countsTheMinuteASampleCloses() {
        assertThat(MinuteColumn.minuteNumber(60_000_000_000L)).isEqualTo(1);
        assertThat(MinuteColumn.minuteNumber(61_000_000_000L)).isEqualTo(2);
        assertThat(MinuteColumn.minuteNumber(120_000_000_000L)).isEqualTo(2);
        assertThat(MinuteColumn.minuteNumber(0)).isEqualTo(0);
    }

    // 250,085,375 ns = 250.085375 ms: exact for JSON and CSV, 250.085 (HALF_UP, 3 decimals) for people;
    // 1,000,341,503 ns -> 1,000.342 with a thousands separator; 0.5 ns -> 0.0000005 ms -> 0.000.
    @Test
    void millis_isExactAndMsRoundsToMicroseconds() {
        assertThat(Text.millis(250_085_375L).toPlainString()).isEqualTo("250.085375");
        assertThat(Text.millis(250_000_000L).toPlainString()).isEqualTo("250");
        assertThat(Text.millis(0).toPlainString()).isEqualTo("0");
        assertThat(Text.ms(250_085_375L)).isEqualTo("250.085");
        assertThat(Text.ms(1_000_341_503L)).isEqualTo("1,000.342");
        assertThat(Text.ms(0.5)).isEqualTo("0.000");
    }

    @Test
    void slo_writesOnlyTheBoundsTheSloSets() {
        assertThat(Text.slo(new io.fleetsim.scenario.model.SloSpec(99.0, 250_000_000L, 0.001)))
                .isEqualTo("p99 <= 250 ms, errors <= 0.1%");
        assertThat(Text.slo(new io.fleetsim.scenario.model.SloSpec(99.9, 1_500_000L, 1.0)))
                .isEqualTo("p99.9 <= 1.5 ms");
        assertThat(Text.slo(new io.fleetsim.scenario.model.SloSpec(0.0, 0, 0.05))).isEqualTo("errors <= 5%");
        assertThat(Text.slo(new io.fleetsim.scenario.model.SloSpec(0.0, 0, 1.0))).isEqualTo("no bounds");
    }
}
