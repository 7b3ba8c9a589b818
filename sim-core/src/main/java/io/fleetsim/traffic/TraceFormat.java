package io.fleetsim.traffic;

import io.fleetsim.text.NearMiss;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Trace formats by name (DESIGN.md principle 6: one explicit registry, unknown names fail with the known ones). A
 * format reads a file into arrival offsets: nanoseconds from the trace's first arrival, sorted, first = 0.
 *
 * <p>Built in:
 * <ul>
 *   <li>{@code azure-llm}: the Azure LLM inference trace ({@code TIMESTAMP,ContextTokens,GeneratedTokens}; see
 *       {@link AzureLlmTrace}; a copy with its licence is in {@code scenarios/traces/azure-llm-inference-2023/});</li>
 *   <li>{@code seconds}: one column of arrival times in seconds, optional header {@code time} or
 *       {@code timestamp};</li>
 *   <li>{@code unix-ms}: the same with Unix epoch milliseconds.</li>
 * </ul>
 * More formats are added in Java with {@link #register(String, TraceReader)}. The registry is sorted by name, so
 * {@link #names()} and error messages are deterministic.
 */
public final class TraceFormat {

    private static final ConcurrentSkipListMap<String, TraceReader> FORMATS = new ConcurrentSkipListMap<>();

    static {
        FORMATS.put("azure-llm", new AzureLlmTrace());
        FORMATS.put("seconds", ColumnTrace.seconds());
        FORMATS.put("unix-ms", ColumnTrace.unixMillis());
    }

    private TraceFormat() {
    }

    /** Known format names, sorted. */
    public static List<String> names() {
        return List.copyOf(FORMATS.keySet());
    }

    /**
     * Adds a format. Names are lower-case words with dashes; a name cannot be registered twice (that would
     * silently change what existing scenarios mean).
     *
     * @throws IllegalArgumentException for a malformed or already registered name
     */
    public static void register(String name, TraceReader reader) {
        if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("trace format name: expected lower-case letters and digits separated by"
                    + " dashes, like `azure-llm`, got " + (name == null ? "null" : "`" + name + "`"));
        }
        if (reader == null) {
            throw new NullPointerException("trace reader for `" + name + "` must not be null");
        }
        if (FORMATS.putIfAbsent(name, reader) != null) {
            throw new IllegalArgumentException("trace format `" + name + "` is already registered");
        }
    }

    /**
     * Reads a trace; throws {@link TraceException} naming the file, line and what was expected for bad content,
     * {@link IllegalArgumentException} for an unknown format (listing the known ones).
     */
    public static long[] read(String format, Path file) throws TraceException {
        TraceReader reader = format == null ? null : FORMATS.get(format);
        if (reader == null) {
            throw new IllegalArgumentException("unknown trace format `" + format + "`"
                    + NearMiss.hintAndList(format, names(), "known formats"));
        }
        return reader.read(file);
    }

    /** A trace file that cannot be read or parsed. */
    public static final class TraceException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        public TraceException(String message, int line) {
            super(message);
            this.line = line;
        }

        /** 1-based line of the problem in the trace file, 0 if not about one line. */
        public int line() {
            return line;
        }
    }
}
