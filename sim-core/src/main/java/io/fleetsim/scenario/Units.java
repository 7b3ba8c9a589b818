package io.fleetsim.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the human quantities of scenario files into engine units, exactly (DESIGN.md principle 1: "Durations in
 * files are human").
 *
 * <table>
 * <caption>Forms accepted</caption>
 * <tr><th>method</th><th>accepts</th><th>result</th></tr>
 * <tr><td>{@link #parseDuration}</td><td>{@code 100ns 250us 500ms 90s 10m 2h 7d 1.5h}</td><td>nanoseconds</td></tr>
 * <tr><td>{@link #parseCpuUnits}</td><td>{@code 512} (CPU units), {@code 0.5 vCPU}, {@code 1vCPU},
 *     {@code 500m} (millicores)</td><td>ECS CPU units, 1024 per vCPU</td></tr>
 * <tr><td>{@link #parseMemoryMiB}</td><td>{@code 1024} (MiB), {@code 512MiB}, {@code 512MB}, {@code 1GiB},
 *     {@code 2GB}</td><td>MiB</td></tr>
 * <tr><td>{@link #parseSizeBytes}</td><td>{@code 250MiB 1.5GiB 2GB 100MB 64KiB 10B}</td><td>bytes</td></tr>
 * <tr><td>{@link #parseStorageGiB}</td><td>{@code 30} (GiB), {@code 30GiB}, {@code 30GB}</td><td>GiB</td></tr>
 * <tr><td>{@link #parseBytesPerSecond}</td><td>{@code 40MiB/s}</td><td>bytes per second</td></tr>
 * <tr><td>{@link #parseFraction}</td><td>{@code 70%}, {@code 0.7}</td><td>a fraction in [0, 1]</td></tr>
 * <tr><td>{@link #parseRatePerSecond}</td><td>{@code 300/s 18000/m 2.5/h 1500000/d}</td><td>events per second
 *     (a {@code double}, above 0)</td></tr>
 * </table>
 *
 * <p><b>KB, MB, GB and TB are 1024-based here</b>, the same as KiB, MiB, GiB, TiB. That is AWS's own convention
 * for the quantities a scenario describes: the Fargate pricing page states "GB = 1024^3 bytes"
 * (platform-semantics.md section 1.2), and ECS task memory "2 GB" means 2048 MiB (section 1.1: "Memory values in
 * MiB: GB x 1024"). A scenario never needs a 1000-based size, so the two spellings mean the same thing rather than
 * silently differing by 7%.
 *
 * <p>Every method is exact: decimals are multiplied in {@link BigDecimal}, and a result that is not a whole number
 * of the target unit ({@code 0.1ns}, {@code 100m} CPU = 102.4 units, {@code 1.1GiB} of memory) is rejected rather
 * than rounded. Negative quantities and results that overflow are rejected. Errors are
 * {@link IllegalArgumentException}s whose message quotes the input and says what is accepted; they contain no
 * YAML location (the scenario binder adds it).
 *
 * <p>Caveats: exponents ({@code 1e3s}) and thousands separators are not accepted; write the digits out.
 */
public final class Units {

    /** Nanoseconds per duration unit, in the order error messages list them. */
    private static final Map<String, Long> DURATION_UNITS = new LinkedHashMap<>();
    /** Bytes per size unit (all 1024-based, see the class comment). */
    private static final Map<String, Long> SIZE_UNITS = new LinkedHashMap<>();
    /** Common spellings that are not accepted, with the unit to write instead. */
    private static final Map<String, String> DURATION_HINTS = new LinkedHashMap<>();

    static {
        DURATION_UNITS.put("ns", 1L);
        DURATION_UNITS.put("us", 1_000L);
        DURATION_UNITS.put("µs", 1_000L);
        DURATION_UNITS.put("ms", 1_000_000L);
        DURATION_UNITS.put("s", 1_000_000_000L);
        DURATION_UNITS.put("m", 60_000_000_000L);
        DURATION_UNITS.put("h", 3_600_000_000_000L);
        DURATION_UNITS.put("d", 86_400_000_000_000L);

        long k = 1024L;
        SIZE_UNITS.put("B", 1L);
        SIZE_UNITS.put("KiB", k);
        SIZE_UNITS.put("MiB", k * k);
        SIZE_UNITS.put("GiB", k * k * k);
        SIZE_UNITS.put("TiB", k * k * k * k);
        SIZE_UNITS.put("KB", k);
        SIZE_UNITS.put("MB", k * k);
        SIZE_UNITS.put("GB", k * k * k);
        SIZE_UNITS.put("TB", k * k * k * k);

        for (String s : new String[] {"sec", "secs", "second", "seconds"}) {
            DURATION_HINTS.put(s, "s");
        }
        for (String s : new String[] {"min", "mins", "minute", "minutes", "M"}) {
            DURATION_HINTS.put(s, "m");
        }
        for (String s : new String[] {"hr", "hrs", "hour", "hours", "H"}) {
            DURATION_HINTS.put(s, "h");
        }
        for (String s : new String[] {"day", "days", "D"}) {
            DURATION_HINTS.put(s, "d");
        }
        for (String s : new String[] {"msec", "millis", "MS"}) {
            DURATION_HINTS.put(s, "ms");
        }
        DURATION_HINTS.put("S", "s");
    }

    private static final String DURATION_UNIT_LIST = "ns, us, ms, s, m, h, d";
    private static final String SIZE_UNIT_LIST = "B, KiB, MiB, GiB, TiB, KB, MB, GB, TB (all 1024-based)";

    /** A non-negative decimal number, optional blanks, then a unit (possibly empty). */
    private static final Pattern QUANTITY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(\\S*)");

    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);
    private static final BigDecimal GIB = BigDecimal.valueOf(1024L * 1024L * 1024L);

    private Units() {
    }

    /**
     * A duration in nanoseconds: a number (decimals allowed) directly followed by one of {@code ns us ms s m h d}
     * ({@code m} is minutes). A bare number is an error: {@code 90} could be seconds or milliseconds.
     */
    public static long parseDuration(String text) {
        Quantity q = quantity(text, "duration");
        if (q.unit.isEmpty()) {
            throw new IllegalArgumentException("`" + text.trim() + "` has no unit; a duration needs one of "
                    + DURATION_UNIT_LIST + " (m = minutes), e.g. `" + q.number.toPlainString() + "s`");
        }
        Long factor = DURATION_UNITS.get(q.unit);
        if (factor == null) {
            String hint = DURATION_HINTS.get(q.unit);
            throw new IllegalArgumentException("unknown duration unit `" + q.unit + "` in `" + text.trim() + "`"
                    + (hint == null ? ";" : "; did you mean `" + hint + "`?") + " expected one of "
                    + DURATION_UNIT_LIST + " (m = minutes)");
        }
        return exactLong(q.number.multiply(BigDecimal.valueOf(factor)), text, "nanosecond", "duration");
    }

    /**
     * Task CPU in ECS CPU units (1024 per vCPU, platform-semantics.md section 1.1): a bare integer is CPU units
     * ({@code 512}); {@code 0.5 vCPU}, {@code 2 vCPU}, {@code 1vCPU} are vCPUs x 1024; {@code 500m} is
     * millicores (Kubernetes style), x 1024 / 1000, accepted only when that is a whole number of units
     * ({@code 500m} = 512, {@code 125m} = 128, but {@code 100m} = 102.4 is rejected). Must be positive.
     */
    public static int parseCpuUnits(String text) {
        Quantity q = quantity(text, "CPU");
        BigDecimal units;
        String unit = q.unit;
        if (unit.isEmpty()) {
            if (q.number.scale() > 0) {
                throw new IllegalArgumentException("`" + text.trim() + "`: a bare number is CPU units and must be "
                        + "whole; for vCPUs write `" + q.number.toPlainString() + " vCPU`");
            }
            units = q.number;
        } else if (unit.equalsIgnoreCase("vcpu")) {
            units = q.number.multiply(BigDecimal.valueOf(1024));
        } else if (unit.equals("m")) {
            if (q.number.scale() > 0) {
                throw new IllegalArgumentException("`" + text.trim() + "`: millicores must be a whole number");
            }
            units = q.number.multiply(BigDecimal.valueOf(1024)).divide(BigDecimal.valueOf(1000));
        } else {
            throw new IllegalArgumentException("unknown CPU unit `" + unit + "` in `" + text.trim()
                    + "`; write CPU units (`512`), vCPUs (`0.5 vCPU`) or millicores (`500m`)");
        }
        if (units.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("`" + text.trim() + "` is " + units.stripTrailingZeros().toPlainString()
                    + " CPU units; ECS needs a whole number of CPU units (1 vCPU = 1024 units"
                    + (unit.equals("m") ? "; millicores must be a multiple of 125m" : "") + ")");
        }
        int result = exactInt(units, text, "CPU");
        if (result <= 0) {
            throw new IllegalArgumentException("`" + text.trim() + "`: CPU must be positive");
        }
        return result;
    }

    /**
     * Memory in MiB: a bare integer is MiB; with a unit ({@code 1GiB}, {@code 2GB}, {@code 512MiB},
     * {@code 512MB}) it must come to a whole number of MiB. Must be positive.
     */
    public static int parseMemoryMiB(String text) {
        Quantity q = quantity(text, "memory");
        BigDecimal mib;
        if (q.unit.isEmpty()) {
            if (q.number.scale() > 0) {
                throw new IllegalArgumentException("`" + text.trim() + "`: a bare number is MiB and must be whole; "
                        + "or give a unit, e.g. `" + q.number.toPlainString() + "GiB`");
            }
            mib = q.number;
        } else {
            mib = q.number.multiply(BigDecimal.valueOf(sizeUnit(q.unit, text))).divide(MIB);
        }
        if (mib.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("`" + text.trim() + "` is " + mib.stripTrailingZeros().toPlainString()
                    + " MiB; memory must be a whole number of MiB");
        }
        int result = exactInt(mib, text, "memory");
        if (result <= 0) {
            throw new IllegalArgumentException("`" + text.trim() + "`: memory must be positive");
        }
        return result;
    }

    /** A size in bytes; the unit is required ({@code 250MiB}, {@code 1.5GiB}, {@code 2GB}, {@code 100MB}). */
    public static long parseSizeBytes(String text) {
        Quantity q = quantity(text, "size");
        if (q.unit.isEmpty()) {
            throw new IllegalArgumentException("`" + text.trim() + "` has no unit; a size needs one of "
                    + SIZE_UNIT_LIST + ", e.g. `" + q.number.toPlainString() + "MiB`");
        }
        return exactLong(q.number.multiply(BigDecimal.valueOf(sizeUnit(q.unit, text))), text, "byte", "size");
    }

    /** Storage in GiB: a bare integer is GiB ({@code 30}); with a unit it must be a whole number of GiB. */
    public static int parseStorageGiB(String text) {
        Quantity q = quantity(text, "storage size");
        BigDecimal gib = q.unit.isEmpty() ? q.number
                : q.number.multiply(BigDecimal.valueOf(sizeUnit(q.unit, text))).divide(GIB);
        if (gib.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("`" + text.trim() + "` is " + gib.stripTrailingZeros().toPlainString()
                    + " GiB; storage must be a whole number of GiB");
        }
        return exactInt(gib, text, "storage size");
    }

    /** A bandwidth in bytes per second, written as a size per second: {@code 40MiB/s}. Must be positive. */
    public static long parseBytesPerSecond(String text) {
        String t = text.trim();
        int slash = t.lastIndexOf('/');
        if (slash < 0 || !t.substring(slash + 1).trim().equals("s")) {
            throw new IllegalArgumentException("`" + t + "` is not a bandwidth; write a size per second, e.g. "
                    + "`40MiB/s` (size units: " + SIZE_UNIT_LIST + ")");
        }
        long bytes = parseSizeBytes(t.substring(0, slash));
        if (bytes <= 0) {
            throw new IllegalArgumentException("`" + t + "`: a bandwidth must be positive");
        }
        return bytes;
    }

    /**
     * A fraction in [0, 1]: a percentage ({@code 70%}) or a decimal ({@code 0.7}). Trailing zeros are stripped,
     * so {@code 70%}, {@code 0.70} and {@code 0.7} give equal {@link BigDecimal}s ({@code 0.7}).
     */
    public static BigDecimal parseFraction(String text) {
        Quantity q = quantity(text, "fraction");
        BigDecimal value;
        if (q.unit.equals("%")) {
            value = q.number.divide(BigDecimal.valueOf(100));
        } else if (q.unit.isEmpty()) {
            value = q.number;
            if (value.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("`" + text.trim() + "` is above 1; write a percentage (`"
                        + q.number.toPlainString() + "%`) or a fraction between 0 and 1 (`0.7`)");
            }
        } else {
            throw new IllegalArgumentException("`" + text.trim() + "` is not a fraction; write `70%` or `0.7`");
        }
        if (value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("`" + text.trim() + "` is above 100%");
        }
        return normalize(value);
    }

    /** Seconds per unit of a rate's denominator: {@code /s}, {@code /m} (minute), {@code /h}, {@code /d}. */
    private static final Map<String, Long> RATE_UNITS = new LinkedHashMap<>();

    static {
        RATE_UNITS.put("s", 1L);
        RATE_UNITS.put("m", 60L);
        RATE_UNITS.put("h", 3_600L);
        RATE_UNITS.put("d", 86_400L);
    }

    /**
     * A rate in events per second: a decimal number, {@code /}, and one of {@code s m h d} ({@code m} is minutes):
     * {@code 300/s}, {@code 18000/m} (= 300/s), {@code 2.5/h}. A bare number is an error (per second or per
     * minute?), and so are suffixes such as {@code 1.5M/d} ({@code m} already means minutes: write the digits).
     * Must be above 0. The result is {@code number / secondsPerUnit} in double arithmetic (one correctly rounded
     * division, so {@code 18000/m} is exactly 300.0).
     */
    public static double parseRatePerSecond(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty rate; expected a number per unit of time, e.g. `300/s`");
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("`" + t + "` has no time unit; a rate is a number per second, minute, "
                    + "hour or day, e.g. `" + t + "/s` (units: /s, /m, /h, /d; m = minutes)");
        }
        String number = t.substring(0, slash).trim();
        String unit = t.substring(slash + 1).trim();
        if (number.startsWith("-")) {
            throw new IllegalArgumentException("`" + t + "`: a rate must not be negative");
        }
        if (!number.matches("[0-9]+(\\.[0-9]+)?")) {
            String hint = number.matches("[0-9]+(\\.[0-9]+)?\\s*[kKM]") ? " (suffixes such as k and M are not "
                    + "accepted: write the digits out, e.g. `1500000/d`)" : "";
            throw new IllegalArgumentException("`" + t + "` is not a rate; expected a number per unit of time, e.g. "
                    + "`300/s` or `18000/m`" + hint);
        }
        Long seconds = RATE_UNITS.get(unit);
        if (seconds == null) {
            String hint = DURATION_HINTS.get(unit);
            throw new IllegalArgumentException("unknown rate unit `/" + unit + "` in `" + t + "`"
                    + (hint == null || !RATE_UNITS.containsKey(hint) ? ";" : "; did you mean `/" + hint + "`?")
                    + " expected one of /s, /m, /h, /d (m = minutes)");
        }
        double perSecond = Double.parseDouble(number) / seconds;
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("`" + t + "`: a rate must be above 0");
        }
        if (Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("`" + t + "` is too large for a rate");
        }
        return perSecond;
    }

    /** {@code value} without trailing zeros ({@code 0.70} becomes {@code 0.7}, {@code 0.00} becomes {@code 0}). */
    static BigDecimal normalize(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** A duration in the largest unit that shows it exactly, for messages: {@code 120s} is "2m", 1.5 h is "90m". */
    public static String formatDuration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String[] units = {"d", "h", "m", "s", "ms", "us", "ns"};
        for (String u : units) {
            long f = DURATION_UNITS.get(u);
            if (nanos % f == 0) {
                return (nanos / f) + u;
            }
        }
        return nanos + "ns";
    }

    private static long sizeUnit(String unit, String text) {
        Long factor = SIZE_UNITS.get(unit);
        if (factor != null) {
            return factor;
        }
        String hint = null;
        for (String u : SIZE_UNITS.keySet()) {
            if (u.equalsIgnoreCase(unit) || (u.length() == 3 && u.substring(0, 2).equalsIgnoreCase(unit))
                    || u.substring(0, 1).equalsIgnoreCase(unit) && u.endsWith("iB")) {
                hint = u;
                break;
            }
        }
        throw new IllegalArgumentException("unknown size unit `" + unit + "` in `" + text.trim() + "`"
                + (hint == null ? ";" : "; did you mean `" + hint + "`?") + " expected one of " + SIZE_UNIT_LIST);
    }

    private static long exactLong(BigDecimal value, String text, String unitName, String what) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > 0) {
            throw new IllegalArgumentException("`" + text.trim() + "` is not a whole number of " + unitName + "s ("
                    + v.toPlainString() + ")");
        }
        BigInteger i = v.toBigIntegerExact();
        if (i.bitLength() > 63) {
            throw new IllegalArgumentException("`" + text.trim() + "` is too large for a " + what + " (at most "
                    + Long.MAX_VALUE + " " + unitName + "s)");
        }
        return i.longValue();
    }

    private static int exactInt(BigDecimal value, String text, String what) {
        BigInteger i = value.stripTrailingZeros().toBigIntegerExact();
        if (i.bitLength() > 31) {
            throw new IllegalArgumentException("`" + text.trim() + "` is too large for " + what);
        }
        return i.intValue();
    }

    private static Quantity quantity(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty " + what + "; expected a number with a unit");
        }
        String t = text.trim();
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("`" + t + "`: a " + what + " must not be negative");
        }
        Matcher m = QUANTITY.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("`" + t + "` is not a " + what + "; expected a number followed by "
                    + "a unit, e.g. " + example(what));
        }
        return new Quantity(new BigDecimal(m.group(1)), m.group(2));
    }

    private static String example(String what) {
        switch (what.toLowerCase(Locale.ROOT)) {
            case "duration":
                return "`90s` or `1.5h`";
            case "cpu":
                return "`512`, `0.5 vCPU` or `500m`";
            case "memory":
                return "`1024`, `1GiB` or `512MiB`";
            case "fraction":
                return "`70%` or `0.7`";
            default:
                return "`250MiB`";
        }
    }

    private static final class Quantity {
        final BigDecimal number;
        final String unit;

        Quantity(BigDecimal number, String unit) {
            this.number = number;
            this.unit = unit;
        }
    }
}
