package io.fleetsim.scenario;

import io.fleetsim.traffic.TraceFormat;
import io.fleetsim.traffic.TraceFormat.TraceException;
import java.nio.file.Path;
import java.util.List;

/**
 * The trace formats scenario validation needs: their names (for near-miss suggestions) and a trial read of a
 * trace file (a scenario whose trace cannot be read must fail at load time, not hours into a run). The loader goes
 * through {@link TraceFormat}'s registry ({@link #registry()}); tests hand in a fake, so validation is tested
 * against formats written in the test rather than against the traffic package's parsers.
 */
interface TraceFormats {

    /** Known format names, sorted. */
    List<String> names();

    /**
     * Reads {@code file} in {@code format} (a name from {@link #names()}); the arrival offsets in nanoseconds.
     *
     * @throws TraceException for a file that cannot be read or parsed, with the line of the problem
     */
    long[] read(String format, Path file) throws TraceException;

    /** The registry in {@link TraceFormat}. */
    static TraceFormats registry() {
        return new TraceFormats() {
            @Override
            public List<String> names() {
                return TraceFormat.names();
            }

            @Override
            public long[] read(String format, Path file) throws TraceException {
                return TraceFormat.read(format, file);
            }
        };
    }
}
