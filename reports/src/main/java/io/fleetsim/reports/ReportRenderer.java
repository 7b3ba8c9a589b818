package io.fleetsim.reports;

import io.fleetsim.experiment.ExperimentResult;
import java.io.IOException;
import java.io.Writer;

/**
 * Turns an experiment result into the text of one report file. Implementations stream into {@code out} (a report
 * of a month of minutes for many variants need not be built in memory first), write {@code \n} line endings and
 * end with a newline, and give byte-identical output for equal input.
 */
@FunctionalInterface
public interface ReportRenderer {

    /** Writes the whole file to {@code out}; the caller buffers, encodes as UTF-8 and closes. */
    void render(ExperimentResult result, Writer out) throws IOException;
}
