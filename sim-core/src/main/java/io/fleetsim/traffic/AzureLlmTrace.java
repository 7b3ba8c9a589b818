package io.fleetsim.traffic;

import io.fleetsim.traffic.TraceFormat.TraceException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;

/**
 * The Azure LLM inference trace format (Azure/AzurePublicDataset, {@code data/AzureLLMInferenceTrace_code.csv} and
 * {@code _conv.csv}; Patel et al., "Splitwise: Efficient generative LLM inference using phase splitting", ISCA
 * 2024): a CSV with the header {@code TIMESTAMP,ContextTokens,GeneratedTokens}, one row per request, TIMESTAMP a
 * wall-clock date-time such as {@code 2023-11-16 18:17:03.9799600} (up to nine fractional digits; the published
 * files have seven, 100 ns resolution) and the token counts whole numbers >= 0.
 *
 * <p>Offsets are exact: each timestamp is parsed to whole nanoseconds and the first row's is subtracted, so the
 * replay reproduces the file's spacing digit for digit. Rows must be in non-decreasing time order.
 *
 * <p>Caveats: the timestamps carry no zone; they are read as UTC, so a trace that crossed a daylight-saving change
 * would replay an hour off after it (the published hour does not). The token counts are checked but not used:
 * work per request comes from the service's distribution.
 */
final class AzureLlmTrace implements TraceReader {

    static final String HEADER = "TIMESTAMP,ContextTokens,GeneratedTokens";

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public long[] read(Path file) throws TraceException {
        try (CsvRows rows = new CsvRows(file)) {
            if (!rows.next()) {
                throw rows.fileError("empty file; expected the header " + HEADER);
            }
            if (rows.size() != 3 || !HEADER.equals(rows.text())) {
                throw rows.error("expected the header " + HEADER + ", got " + rows.text());
            }
            long[] offsets = new long[1024];
            int n = 0;
            long first = 0;
            long previous = 0;
            String previousText = null;
            while (rows.next()) {
                if (rows.size() != 3) {
                    throw rows.error("expected 3 columns (" + HEADER + "), got " + rows.size() + ": " + rows.text());
                }
                long at = epochNanos(rows, rows.get(0));
                tokens(rows, 1, "ContextTokens");
                tokens(rows, 2, "GeneratedTokens");
                if (n == 0) {
                    first = at;
                } else if (at < previous) {
                    throw rows.error("expected timestamps in non-decreasing order, but " + rows.get(0)
                            + " is before the previous row's " + previousText);
                }
                if (n == offsets.length) {
                    offsets = Arrays.copyOf(offsets, n * 2);
                }
                offsets[n++] = at - first;
                previous = at;
                previousText = rows.get(0);
            }
            if (n == 0) {
                throw rows.fileError("no arrivals; expected at least one row after the header " + HEADER);
            }
            return Arrays.copyOf(offsets, n);
        }
    }

    private static long epochNanos(CsvRows rows, String text) throws TraceException {
        try {
            LocalDateTime t = LocalDateTime.parse(text, TIMESTAMP);
            return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000_000L), t.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw rows.error("expected TIMESTAMP like 2023-11-16 18:17:03.9799600 (yyyy-MM-dd HH:mm:ss with up to 9"
                    + " fractional digits), got `" + text + "`");
        }
    }

    private static void tokens(CsvRows rows, int column, String name) throws TraceException {
        String text = rows.get(column);
        boolean ok = !text.isEmpty() && text.length() <= 18;
        for (int i = 0; ok && i < text.length(); i++) {
            char c = text.charAt(i);
            ok = c >= '0' && c <= '9';
        }
        if (!ok) {
            throw rows.error("expected " + name + " as a whole number >= 0, got `" + text + "`");
        }
    }
}
