package io.fleetsim.traffic;

import io.fleetsim.traffic.TraceFormat.TraceException;
import java.nio.file.Path;

/** Reads one trace format into arrival offsets; register an implementation with {@link TraceFormat#register}. */
@FunctionalInterface
public interface TraceReader {

    /**
     * The arrival offsets of the file: nanoseconds from its first arrival, non-decreasing, first = 0, at least one.
     *
     * @throws TraceException naming the file, the line and what was expected
     */
    long[] read(Path file) throws TraceException;
}
