package io.fleetsim.traffic;

import io.fleetsim.traffic.TraceFormat.TraceException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A trace whose first CSV column is the arrival time as a decimal number in one unit: {@code seconds} (any origin,
 * e.g. 0.0, 0.25, 1.7) or {@code unix-ms} (milliseconds since 1970-01-01 UTC, e.g. 1700158623979.96). Further
 * columns are ignored, so a CSV exported with the timestamp first reads as is. An optional header row names the
 * column {@code time} or {@code timestamp} (any case). Values are converted to whole nanoseconds exactly with
 * {@link BigDecimal} (digits beyond a nanosecond are rounded half-even), then rebased to the first row.
 * Rows must be in non-decreasing time order.
 */
final class ColumnTrace implements TraceReader {

    private final String unit;
    /** Decimal places from the unit to nanoseconds: 9 for seconds, 6 for milliseconds. */
    private final int toNanosDigits;

    ColumnTrace(String unit, int toNanosDigits) {
        this.unit = unit;
        this.toNanosDigits = toNanosDigits;
    }

    static ColumnTrace seconds() {
        return new ColumnTrace("seconds", 9);
    }

    static ColumnTrace unixMillis() {
        return new ColumnTrace("Unix milliseconds", 6);
    }

    @Override
    public long[] read(Path file) throws TraceException {
        try (CsvRows rows = new CsvRows(file)) {
            long[] offsets = new long[1024];
            int n = 0;
            long first = 0;
            long previous = 0;
            String previousText = null;
            boolean headerAllowed = true;
            while (rows.next()) {
                String text = rows.get(0);
                if (headerAllowed) {
                    headerAllowed = false;
                    String lower = text.toLowerCase(Locale.ROOT);
                    if (lower.equals("time") || lower.equals("timestamp")) {
                        continue;
                    }
                }
                long at = nanos(rows, text);
                if (n == 0) {
                    first = at;
                } else if (at < previous) {
                    throw rows.error("expected times in non-decreasing order, but " + text + " is before the previous"
                            + " row's " + previousText);
                }
                if (n == offsets.length) {
                    offsets = Arrays.copyOf(offsets, n * 2);
                }
                offsets[n++] = Math.subtractExact(at, first);
                previous = at;
                previousText = text;
            }
            if (n == 0) {
                throw rows.fileError("no arrivals; expected at least one row with a time in " + unit);
            }
            return Arrays.copyOf(offsets, n);
        } catch (ArithmeticException e) {
            throw new TraceException(file + ": the trace spans more than 292 years of nanoseconds", 0);
        }
    }

    private long nanos(CsvRows rows, String text) throws TraceException {
        try {
            return new BigDecimal(text).movePointRight(toNanosDigits).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        } catch (NumberFormatException e) {
            throw rows.error("expected a time in " + unit + " (a decimal number such as 12.5)"
                    + " or, on the first row only, the header `time` or `timestamp`; got `" + text + "`");
        } catch (ArithmeticException e) {
            throw rows.error("time `" + text + "` " + unit + " is out of range (more than 292 years of nanoseconds)");
        }
    }
}
