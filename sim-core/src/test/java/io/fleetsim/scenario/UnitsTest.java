package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UnitsTest {

    private static final long S = 1_000_000_000L;

    // 500ms = 500 * 10^6 ns; 90s = 90 * 10^9; 10m = 600 * 10^9; 2h = 7200 * 10^9; 7d = 604800 * 10^9;
    // 1.5h = 5400 * 10^9; 250us = 250 * 10^3; 100ns = 100.
    @Test
    void duration_everyUnitToExactNanoseconds() {
        assertThat(Units.parseDuration("500ms")).isEqualTo(500_000_000L);
        assertThat(Units.parseDuration("90s")).isEqualTo(90 * S);
        assertThat(Units.parseDuration("10m")).isEqualTo(600 * S);
        assertThat(Units.parseDuration("2h")).isEqualTo(7_200 * S);
        assertThat(Units.parseDuration("7d")).isEqualTo(604_800 * S);
        assertThat(Units.parseDuration("1.5h")).isEqualTo(5_400 * S);
        assertThat(Units.parseDuration("250us")).isEqualTo(250_000L);
        assertThat(Units.parseDuration("100ns")).isEqualTo(100L);
        assertThat(Units.parseDuration("0s")).isZero();
        assertThat(Units.parseDuration(" 30 s ")).isEqualTo(30 * S);
    }

    @Test
    void duration_bareNumberIsRejectedNamingTheUnits() {
        assertThatThrownBy(() -> Units.parseDuration("90"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`90` has no unit")
                .hasMessageContaining("ns, us, ms, s, m, h, d");
    }

    @Test
    void duration_unknownUnitSuggestsTheShortForm() {
        assertThatThrownBy(() -> Units.parseDuration("5 sec"))
                .hasMessageContaining("unknown duration unit `sec`")
                .hasMessageContaining("did you mean `s`?");
        assertThatThrownBy(() -> Units.parseDuration("5 fortnights"))
                .hasMessageContaining("unknown duration unit `fortnights` in `5 fortnights`; expected one of ns");
    }

    // 0.5ns is not a whole nanosecond; 106752d = 9.2233728e18 ns > Long.MAX_VALUE (9.223372036854775807e18),
    // while 106751d = 9.2232864e18 ns still fits.
    @Test
    void duration_rejectsNegativeFractionalNanosAndOverflow() {
        assertThatThrownBy(() -> Units.parseDuration("-5s")).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Units.parseDuration("0.5ns")).hasMessageContaining("not a whole number of nanoseconds");
        assertThatThrownBy(() -> Units.parseDuration("106752d")).hasMessageContaining("too large");
        assertThat(Units.parseDuration("106751d")).isEqualTo(106_751L * 86_400L * S);
    }

    // 0.5 vCPU = 0.5 * 1024 = 512; 0.25vCPU = 256; 500m = 500 * 1024 / 1000 = 512; 125m = 128.
    @Test
    void cpu_unitsVcpuAndMillicores() {
        assertThat(Units.parseCpuUnits("512")).isEqualTo(512);
        assertThat(Units.parseCpuUnits("0.5 vCPU")).isEqualTo(512);
        assertThat(Units.parseCpuUnits("2 vCPU")).isEqualTo(2048);
        assertThat(Units.parseCpuUnits("1vCPU")).isEqualTo(1024);
        assertThat(Units.parseCpuUnits("0.25vCPU")).isEqualTo(256);
        assertThat(Units.parseCpuUnits("500m")).isEqualTo(512);
        assertThat(Units.parseCpuUnits("125m")).isEqualTo(128);
    }

    // 100m = 100 * 1024 / 1000 = 102.4 units; 0.1 vCPU = 102.4 units: neither is whole.
    @Test
    void cpu_rejectsFractionalUnitsZeroAndBareDecimals() {
        assertThatThrownBy(() -> Units.parseCpuUnits("100m"))
                .hasMessageContaining("is 102.4 CPU units")
                .hasMessageContaining("multiple of 125m");
        assertThatThrownBy(() -> Units.parseCpuUnits("0.1 vCPU")).hasMessageContaining("is 102.4 CPU units");
        assertThatThrownBy(() -> Units.parseCpuUnits("0")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Units.parseCpuUnits("1.5")).hasMessageContaining("write `1.5 vCPU`");
        assertThatThrownBy(() -> Units.parseCpuUnits("2 cores")).hasMessageContaining("unknown CPU unit `cores`");
    }

    // GB is 1024-based (GB = 1024^3 bytes, platform-semantics.md 1.2): 2GB = 2048 MiB; 0.5GiB = 512 MiB;
    // 1048576KiB = 1024 MiB.
    @Test
    void memory_bareMiBAndBinaryUnits() {
        assertThat(Units.parseMemoryMiB("1024")).isEqualTo(1024);
        assertThat(Units.parseMemoryMiB("1GiB")).isEqualTo(1024);
        assertThat(Units.parseMemoryMiB("2GB")).isEqualTo(2048);
        assertThat(Units.parseMemoryMiB("512MiB")).isEqualTo(512);
        assertThat(Units.parseMemoryMiB("512MB")).isEqualTo(512);
        assertThat(Units.parseMemoryMiB("0.5GiB")).isEqualTo(512);
        assertThat(Units.parseMemoryMiB("1048576KiB")).isEqualTo(1024);
    }

    // 1.1GiB = 1126.4 MiB.
    @Test
    void memory_rejectsPartialMiBAndSuggestsUnitCase() {
        assertThatThrownBy(() -> Units.parseMemoryMiB("1.1GiB")).hasMessageContaining("is 1126.4 MiB");
        assertThatThrownBy(() -> Units.parseMemoryMiB("1gb")).hasMessageContaining("did you mean `GB`?");
        assertThatThrownBy(() -> Units.parseMemoryMiB("2Gi")).hasMessageContaining("did you mean `GiB`?");
    }

    // 250MiB = 250 * 2^20 = 262144000; 1.5GiB = 1.5 * 2^30 = 1610612736; 2GB = 2 * 2^30 = 2147483648;
    // 100MB = 100 * 2^20 = 104857600.
    @Test
    void size_toBytesWithGbAsGib() {
        assertThat(Units.parseSizeBytes("250MiB")).isEqualTo(262_144_000L);
        assertThat(Units.parseSizeBytes("1.5GiB")).isEqualTo(1_610_612_736L);
        assertThat(Units.parseSizeBytes("2GB")).isEqualTo(2_147_483_648L);
        assertThat(Units.parseSizeBytes("100MB")).isEqualTo(104_857_600L);
        assertThat(Units.parseSizeBytes("10B")).isEqualTo(10L);
        assertThatThrownBy(() -> Units.parseSizeBytes("100")).hasMessageContaining("has no unit");
    }

    // 30720MiB = 30 GiB exactly; 1.5GiB is not whole.
    @Test
    void storage_bareGiBOrWholeGiB() {
        assertThat(Units.parseStorageGiB("30")).isEqualTo(30);
        assertThat(Units.parseStorageGiB("30GiB")).isEqualTo(30);
        assertThat(Units.parseStorageGiB("30GB")).isEqualTo(30);
        assertThat(Units.parseStorageGiB("30720MiB")).isEqualTo(30);
        assertThatThrownBy(() -> Units.parseStorageGiB("1.5GiB")).hasMessageContaining("whole number of GiB");
    }

    // 40MiB/s = 40 * 2^20 = 41943040 bytes per second.
    @Test
    void bandwidth_sizePerSecond() {
        assertThat(Units.parseBytesPerSecond("40MiB/s")).isEqualTo(41_943_040L);
        assertThatThrownBy(() -> Units.parseBytesPerSecond("40MiB")).hasMessageContaining("size per second");
    }

    // 70% = 70 / 100 = 0.7; "0.70" loses its trailing zero so both compare equal with equals().
    @Test
    void fraction_percentOrDecimalNormalized() {
        assertThat(Units.parseFraction("70%")).isEqualTo(new BigDecimal("0.7"));
        assertThat(Units.parseFraction("0.70")).isEqualTo(new BigDecimal("0.7"));
        assertThat(Units.parseFraction("100%")).isEqualTo(BigDecimal.ONE);
        assertThat(Units.parseFraction("0")).isEqualTo(BigDecimal.ZERO);
        assertThatThrownBy(() -> Units.parseFraction("150%")).hasMessageContaining("above 100%");
        assertThatThrownBy(() -> Units.parseFraction("70")).hasMessageContaining("write a percentage (`70%`)");
    }

    @Test
    void formatDuration_largestExactUnit() {
        assertThat(Units.formatDuration(120 * S)).isEqualTo("2m");
        assertThat(Units.formatDuration(5_400 * S)).isEqualTo("90m");
        assertThat(Units.formatDuration(1_500_000_000L)).isEqualTo("1500ms");
        assertThat(Units.formatDuration(0)).isEqualTo("0s");
    }

    // 300/s = 300; 18000/m = 18000 / 60 = 300; 7200/h = 7200 / 3600 = 2; 43200/d = 43200 / 86400 = 0.5;
    // 2.5/s = 2.5; " 1 / m " = 1/60 (blanks allowed).
    @Test
    void rate_everyUnitToPerSecond() {
        assertThat(Units.parseRatePerSecond("300/s")).isEqualTo(300.0);
        assertThat(Units.parseRatePerSecond("18000/m")).isEqualTo(300.0);
        assertThat(Units.parseRatePerSecond("7200/h")).isEqualTo(2.0);
        assertThat(Units.parseRatePerSecond("43200/d")).isEqualTo(0.5);
        assertThat(Units.parseRatePerSecond("2.5/s")).isEqualTo(2.5);
        assertThat(Units.parseRatePerSecond(" 1 / m ")).isEqualTo(1.0 / 60);
    }

    @Test
    void rate_zeroNegativeBareAndSuffixedAreRejected() {
        assertThatThrownBy(() -> Units.parseRatePerSecond("0/s")).hasMessage("`0/s`: a rate must be above 0");
        assertThatThrownBy(() -> Units.parseRatePerSecond("-5/s")).hasMessage("`-5/s`: a rate must not be negative");
        assertThatThrownBy(() -> Units.parseRatePerSecond("300")).hasMessageContaining("`300` has no time unit");
        assertThatThrownBy(() -> Units.parseRatePerSecond("1.5M/d"))
                .hasMessageContaining("suffixes such as k and M are not accepted");
        assertThatThrownBy(() -> Units.parseRatePerSecond("5/min"))
                .hasMessageContaining("unknown rate unit `/min` in `5/min`; did you mean `/m`?");
    }

    // Samples: "# c", "", "1ms", "  2.5ms  " -> 1,000,000 and 2,500,000 ns; a BOM before the first line is skipped.
    @Test
    void sampleFiles_skipCommentsAndBlanks() throws Exception {
        assertThat(SampleFiles.parse("\uFEFF# c\n\n1ms\r\n  2.5ms  \n")).containsExactly(1_000_000L, 2_500_000L);
        assertThatThrownBy(() -> SampleFiles.parse("# nothing\n")).hasMessageContaining("no samples");
    }
}
