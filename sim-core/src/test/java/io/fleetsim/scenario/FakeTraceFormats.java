package io.fleetsim.scenario;

import io.fleetsim.traffic.TraceFormat.TraceException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trace formats as the loader tests need them ({@link io.fleetsim.traffic.TraceFormat}'s contract): two names,
 * {@code azure-llm} and {@code seconds}; both read one arrival per line as decimal seconds since the first
 * (a small stand-in for the real parsers), throwing a {@link TraceException} with the 1-based line of a bad one.
 */
final class FakeTraceFormats implements TraceFormats {

    static final FakeTraceFormats INSTANCE = new FakeTraceFormats();

    @Override
    public List<String> names() {
        return List.of("azure-llm", "seconds");
    }

    @Override
    public long[] read(String format, Path file) throws TraceException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new TraceException("cannot read: " + e, 0);
        }
        long[] out = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            try {
                out[i] = new BigDecimal(lines.get(i).trim()).movePointRight(9).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TraceException("expected seconds as a decimal number, found `" + lines.get(i) + "`", i + 1);
            }
        }
        return out;
    }
}
