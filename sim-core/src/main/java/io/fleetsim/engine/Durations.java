package io.fleetsim.engine;

/**
 * Helpers for simulated time, which is a {@code long} of nanoseconds since scenario start (DESIGN.md, principle 1):
 * unit constants, exact conversions to nanoseconds, and {@link #format(long)} for logs, errors and reports.
 *
 * <p>Caveats: {@link #toSeconds(long)} is a {@code double} and loses nanosecond precision above 2^53 ns
 * (about 104 days); use it for display and rates, never to carry time.
 */
public final class Durations {

    public static final long NANOS_PER_MICRO = 1_000L;
    public static final long NANOS_PER_MILLI = 1_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    public static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;
    public static final long NANOS_PER_DAY = 24 * NANOS_PER_HOUR;

    private Durations() {
    }

    /** {@code ms} milliseconds in nanoseconds. @throws IllegalArgumentException on overflow */
    public static long millis(long ms) {
        return times(ms, NANOS_PER_MILLI, "ms");
    }

    /** {@code s} seconds in nanoseconds. @throws IllegalArgumentException on overflow */
    public static long seconds(long s) {
        return times(s, NANOS_PER_SECOND, "s");
    }

    /** {@code m} minutes in nanoseconds. @throws IllegalArgumentException on overflow */
    public static long minutes(long m) {
        return times(m, NANOS_PER_MINUTE, "m");
    }

    /** {@code h} hours in nanoseconds. @throws IllegalArgumentException on overflow */
    public static long hours(long h) {
        return times(h, NANOS_PER_HOUR, "h");
    }

    /** {@code d} days in nanoseconds. @throws IllegalArgumentException on overflow */
    public static long days(long d) {
        return times(d, NANOS_PER_DAY, "d");
    }

    private static long times(long amount, long nanosPerUnit, String unit) {
        long hi = Math.multiplyHigh(amount, nanosPerUnit);
        long lo = amount * nanosPerUnit;
        if (hi != (lo >> 63)) {
            throw new IllegalArgumentException(amount + unit + " does not fit in a long of nanoseconds (max "
                    + format(Long.MAX_VALUE) + ")");
        }
        return lo;
    }

    /** Nanoseconds as (floating-point) seconds. */
    public static double toSeconds(long nanos) {
        return nanos / (double) NANOS_PER_SECOND;
    }

    /**
     * A compact, exact human form for logs and reports: {@code 0s}, {@code 7d}, {@code 1h30m}, {@code 1d5m},
     * {@code 1.5s}, {@code 2m0.25s}; below one second the largest of {@code ms}, {@code us}, {@code ns} that keeps
     * an integer part: {@code 250ms}, {@code 1.5ms}, {@code 7ns}. Zero components are left out, fractions are
     * written in full without trailing zeros (nothing is rounded), negative values get a leading {@code -}.
     */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder(24);
        // Magnitude as an unsigned long, so Long.MIN_VALUE (2^63 ns) works too.
        long magnitude = nanos;
        if (nanos < 0) {
            out.append('-');
            magnitude = -nanos;
        }
        if (Long.compareUnsigned(magnitude, NANOS_PER_SECOND) < 0) {
            long unit = magnitude >= NANOS_PER_MILLI ? NANOS_PER_MILLI
                    : magnitude >= NANOS_PER_MICRO ? NANOS_PER_MICRO : 1;
            appendDecimal(out, magnitude, unit);
            return out.append(unit == NANOS_PER_MILLI ? "ms" : unit == NANOS_PER_MICRO ? "us" : "ns").toString();
        }
        long days = Long.divideUnsigned(magnitude, NANOS_PER_DAY);
        long rest = Long.remainderUnsigned(magnitude, NANOS_PER_DAY);
        appendIfPositive(out, days, 'd');
        appendIfPositive(out, rest / NANOS_PER_HOUR, 'h');
        appendIfPositive(out, rest % NANOS_PER_HOUR / NANOS_PER_MINUTE, 'm');
        long subMinute = rest % NANOS_PER_MINUTE;
        if (subMinute != 0) {
            appendDecimal(out, subMinute, NANOS_PER_SECOND);
            out.append('s');
        }
        return out.toString();
    }

    private static void appendIfPositive(StringBuilder out, long value, char unit) {
        if (value > 0) {
            out.append(value).append(unit);
        }
    }

    /** Appends value / unit in decimal, exactly; {@code unit} is a power of ten and value / unit fits in a long. */
    private static void appendDecimal(StringBuilder out, long value, long unit) {
        out.append(value / unit);
        long fraction = value % unit;
        if (fraction == 0) {
            return;
        }
        out.append('.');
        int fractionStart = out.length();
        for (long digit = unit / 10; digit > 0; digit /= 10) {
            out.append((char) ('0' + fraction / digit % 10));
        }
        int end = out.length();
        while (out.charAt(end - 1) == '0') {
            end--;
        }
        out.setLength(Math.max(end, fractionStart));
    }
}
