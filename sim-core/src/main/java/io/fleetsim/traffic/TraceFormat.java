package io.fleetsim.traffic;

import java.nio.file.Path;
import java.util.List;

/**
 * SKELETON (contract): trace formats by name. A format reads a file into arrival offsets (nanoseconds from the
 * trace's first arrival, sorted, first = 0).
 */
public final class TraceFormat {

    private TraceFormat() {
    }

    /** Known format names, sorted. */
    public static List<String> names() {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * Reads a trace; throws {@link TraceException} naming the file, line and what was expected for bad content,
     * {@link IllegalArgumentException} for an unknown format (listing the known ones).
     */
    public static long[] read(String format, Path file) throws TraceException {
        throw new UnsupportedOperationException("skeleton");
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
