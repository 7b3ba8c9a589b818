package io.fleetsim.reports;

import io.fleetsim.billing.UsageType;
import io.fleetsim.scenario.model.SloSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formatting shared by the report formats: money, fixed decimals, durations, Markdown and CSV escaping.
 *
 * <p>Every conversion here is locale-free and goes through {@link BigDecimal}, so a report is byte-identical on
 * every machine (DESIGN.md principle 2). Two rounding rules are used and both are fixed here:
 * <ul>
 *   <li>displayed figures (money, percentages, hours in Markdown and CSV) round {@link RoundingMode#HALF_UP}, the
 *       rule a reader uses when checking a figure by hand ($0.125 shows as $0.13);</li>
 *   <li>doubles in the canonical JSON round {@link RoundingMode#HALF_EVEN} from the double's exact binary value
 *       ({@link #canonical(double)}), which does not depend on how a JDK prints doubles.</li>
 * </ul>
 */
final class Text {

    /** Decimals kept for doubles in the canonical JSON (a microsecond of an hour, a millionth of a percent). */
    static final int CANONICAL_SCALE = 6;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;
    private static final long NANOS_PER_DAY = 24 * NANOS_PER_HOUR;

    private Text() {
    }

    /** US dollars rounded HALF_UP to cents with thousands separators: {@code $1,234.56}, {@code -$0.50}. */
    static String money(BigDecimal usd) {
        BigDecimal cents = usd.setScale(2, RoundingMode.HALF_UP);
        String sign = cents.signum() < 0 ? "-" : "";
        return sign + "$" + grouped(cents.abs().toPlainString());
    }

    /** {@code value} rounded HALF_UP to {@code scale} decimals, with thousands separators: {@code 1,008.00}. */
    static String fixed(BigDecimal value, int scale) {
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        String sign = rounded.signum() < 0 ? "-" : "";
        return sign + grouped(rounded.abs().toPlainString());
    }

    /** The same for a double, using its exact binary value; the caller handles NaN and infinities. */
    static String fixed(double value, int scale) {
        return fixed(new BigDecimal(value), scale);
    }

    /** An exact decimal without exponent or trailing zeros: {@code 0.00041142}, {@code 14400}, {@code 0}. */
    static String exact(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** A usage amount for people: 6 significant digits, half-up, no trailing zeros ({@code 503.98}). */
    static String amount(BigDecimal value) {
        return value.round(new java.math.MathContext(6, java.math.RoundingMode.HALF_UP)).stripTrailingZeros()
                .toPlainString();
    }

    /** An accrued cost in the per-minute series: micro-dollars, half-up ({@code 0.001451}). */
    static String accrued(BigDecimal usd) {
        return usd.setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A unit price: exact, with at least 2 decimals as prices are usually written: {@code 0.10}, {@code 0.0576}. */
    static String price(BigDecimal usd) {
        BigDecimal stripped = usd.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    /**
     * A double for the canonical JSON: its exact binary value rounded HALF_EVEN to {@link #CANONICAL_SCALE}
     * decimals, trailing zeros removed; {@code null} for NaN and infinities (JSON has no such numbers).
     */
    static BigDecimal canonical(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return new BigDecimal(value).setScale(CANONICAL_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /**
     * {@code part * 100 / whole} rounded to {@code scale} decimals, computed exactly from the integers (no double
     * on the way), or {@code null} when {@code whole} is 0 (the percentage is undefined).
     */
    static BigDecimal percent(long part, long whole, int scale, RoundingMode mode) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), scale, mode);
    }

    /**
     * A simulated duration the way scenario files write it: {@code 7d}, {@code 1d 2h}, {@code 3m}, {@code 1m 30.5s},
     * {@code 0s}. Components that are zero are left out.
     */
    static String duration(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("duration must be >= 0 ns, found " + nanos);
        }
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long rest = nanos;
        rest = component(sb, rest, NANOS_PER_DAY, "d");
        rest = component(sb, rest, NANOS_PER_HOUR, "h");
        rest = component(sb, rest, NANOS_PER_MINUTE, "m");
        if (rest > 0) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(exact(BigDecimal.valueOf(rest, 9))).append('s');
        }
        return sb.toString();
    }

    /**
     * A moment or span in a timeline table: {@link #duration} rounded HALF_UP to the millisecond ({@code 12h 6m
     * 5.943s}); report.json keeps the exact value.
     */
    static String time(long nanos) {
        return duration((nanos + 500_000L) / 1_000_000L * 1_000_000L);
    }

    private static long component(StringBuilder sb, long nanos, long unit, String suffix) {
        long count = nanos / unit;
        if (count > 0) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(count).append(suffix);
        }
        return nanos - count * unit;
    }

    /** Nanoseconds as exact milliseconds, no trailing zeros: {@code 250085375} -> {@code 250.085375}. */
    static BigDecimal millis(long nanos) {
        return BigDecimal.valueOf(nanos, 6).stripTrailingZeros();
    }

    /** A latency for people: milliseconds rounded HALF_UP to microseconds, grouped ({@code 1,250.085}). */
    static String ms(long nanos) {
        return fixed(BigDecimal.valueOf(nanos, 6), 3);
    }

    /** A mean latency (a double of nanoseconds) for people, as {@link #ms(long)}; the caller handles NaN. */
    static String ms(double nanos) {
        return fixed(new BigDecimal(nanos).movePointLeft(6), 3);
    }

    /**
     * An SLO as scenario authors write it: {@code p99 <= 250 ms, errors <= 0.1%}; a bound the SLO does not set
     * (latency percentile 0, error rate 1) is left out, and an SLO with neither is {@code no bounds}. The error rate
     * is shown from its {@link #canonical} value, so 0.001 is 0.1% and not the binary double's expansion.
     */
    static String slo(SloSpec slo) {
        StringBuilder sb = new StringBuilder();
        if (slo.latencyPercentile() > 0) {
            sb.append('p').append(canonical(slo.latencyPercentile()).toPlainString())
                    .append(" <= ").append(millis(slo.latencyBoundNanos()).toPlainString()).append(" ms");
        }
        if (slo.errorRate() < 1.0) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append("errors <= ").append(canonical(slo.errorRate()).movePointRight(2).stripTrailingZeros()
                    .toPlainString()).append('%');
        }
        return sb.length() == 0 ? "no bounds" : sb.toString();
    }

    /** Human label of a usage type, as the rows of summary.md name it. */
    static String label(UsageType type) {
        return switch (type) {
            case EC2_INSTANCE_SECONDS -> "EC2 instances";
            case FARGATE_VCPU -> "Fargate vCPU";
            case FARGATE_MEMORY -> "Fargate memory";
            case FARGATE_EPHEMERAL_STORAGE -> "Fargate ephemeral storage";
            case ECR_STORAGE -> "ECR storage";
            case EKS_CONTROL_PLANE -> "EKS control plane";
        };
    }

    /**
     * Text from a scenario made safe for a Markdown table cell or heading (GitHub-flavoured Markdown): backslash,
     * {@code |} and backtick are backslash-escaped (a raw {@code |} would split the cell, a backtick open a code
     * span), and line breaks become spaces (a table row is one line).
     */
    static String markdown(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '|', '`' -> sb.append('\\').append(c);
                case '\r', '\n' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A CSV field per RFC 4180 section 2: quoted when it contains a comma, a double quote, CR or LF, with inner
     * double quotes doubled; unchanged otherwise.
     */
    static String csv(String field) {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /** Inserts a comma every three digits into the integer part of a plain, non-negative decimal string. */
    private static String grouped(String plain) {
        int dot = plain.indexOf('.');
        int intEnd = dot < 0 ? plain.length() : dot;
        StringBuilder sb = new StringBuilder(plain.length() + intEnd / 3);
        for (int i = 0; i < intEnd; i++) {
            if (i > 0 && (intEnd - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(plain.charAt(i));
        }
        return sb.append(plain, intEnd, plain.length()).toString();
    }
}
