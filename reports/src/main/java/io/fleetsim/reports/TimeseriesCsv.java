package io.fleetsim.reports;

import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.MinuteSample;
import java.io.IOException;
import java.io.Writer;

/**
 * timeseries.csv: one row per variant per simulated minute, variants in result order, for spreadsheets and plots.
 *
 * <p>Columns: {@code variant,minute,time}, then one per {@link MinuteColumn}. {@code minute} is
 * {@link MinuteColumn#minuteNumber}; {@code time} is the ISO-8601 instant the sample was taken (run start plus the
 * sample's simulated time). Percentages have 2 decimals (HALF_UP) and are empty when nothing is registered; the
 * accrued cost is the exact USD amount.
 *
 * <p>Fields are quoted per RFC 4180 section 2 (https://www.rfc-editor.org/rfc/rfc4180) when needed; only the
 * variant name can need it.
 *
 * <p>Caveats: lines end in {@code \n}, not the CRLF of RFC 4180, so the file is byte-identical on every platform
 * and diffs cleanly; every common CSV reader accepts both. A variant name starting with {@code =}, {@code +},
 * {@code -} or {@code @} is written as is: a spreadsheet may read it as a formula.
 */
final class TimeseriesCsv implements ReportRenderer {

    @Override
    public void render(ExperimentResult result, Writer out) throws IOException {
        out.write("variant,minute,time");
        for (MinuteColumn column : MinuteColumn.ALL) {
            out.write(',');
            out.write(column.csvName());
        }
        out.write('\n');
        for (RunResult run : result.runs()) {
            String variant = Text.csv(run.variant());
            for (MinuteSample m : run.minutes()) {
                out.write(variant);
                out.write(',');
                out.write(Long.toString(MinuteColumn.minuteNumber(m.timeNanos())));
                out.write(',');
                out.write(run.start().plusNanos(m.timeNanos()).toString());
                for (MinuteColumn column : MinuteColumn.ALL) {
                    out.write(',');
                    out.write(column.csv(m));
                }
                out.write('\n');
            }
        }
    }
}
