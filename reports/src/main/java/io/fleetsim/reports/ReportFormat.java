package io.fleetsim.reports;

import io.fleetsim.experiment.ExperimentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The report files fleetsim writes: each format is either one file with a fixed name and a factory of its
 * renderer, or a function from the result to the files it needs (one HdrHistogram log per run and service). A new
 * format is one constant here and its renderer class; {@link ReportWriter} writes every constant.
 *
 * <p>Built after the Caffeine simulator's {@code report/ReportFormat.java}, an enum of reporter factories
 * (github.com/ben-manes/caffeine, simulator module), as STYLE.md asks for report formats.
 */
public enum ReportFormat {

    /** The canonical report: every figure of every run, exact; what other tools should read. */
    JSON("report.json", JsonReport::new),
    /** Variants side by side for people and for diffs in review. */
    MARKDOWN("summary.md", MarkdownSummary::new),
    /** One row per variant per simulated minute, for spreadsheets and plotting. */
    CSV("timeseries.csv", TimeseriesCsv::new),
    /**
     * HdrHistogram interval logs of request latency, {@code latency-<variant>-<service>.hlog}, one per run and
     * service with traffic (none without traffic); see {@link LatencyLogs}.
     */
    HDR_HISTOGRAM_LOGS(LatencyLogs::outputs);

    private final String fileName;
    private final Supplier<ReportRenderer> factory;
    private final Function<ExperimentResult, List<AtomicFiles.Output>> outputs;

    ReportFormat(String fileName, Supplier<ReportRenderer> factory) {
        this.fileName = fileName;
        this.factory = factory;
        this.outputs = result -> {
            ReportRenderer renderer = factory.get();
            return List.of(new AtomicFiles.Output(fileName, out -> renderer.render(result, out)));
        };
    }

    ReportFormat(Function<ExperimentResult, List<AtomicFiles.Output>> outputs) {
        this.fileName = null;
        this.factory = null;
        this.outputs = outputs;
    }

    /**
     * The file this format writes in the output directory.
     *
     * @throws IllegalStateException for a format whose file names depend on the result (use {@link #fileNames})
     */
    public String fileName() {
        if (fileName == null) {
            throw new IllegalStateException("report format " + name() + " writes files named after the runs and "
                    + "services of a result, expected a call of fileNames(result)");
        }
        return fileName;
    }

    /** Whether this format writes one file with a fixed name ({@link #fileName()}). */
    public boolean hasFixedFileName() {
        return fileName != null;
    }

    /**
     * A new renderer for this format.
     *
     * @throws IllegalStateException for a format whose file names depend on the result
     */
    public ReportRenderer renderer() {
        fileName();
        return factory.get();
    }

    /** The names of the files this format writes for {@code result}, in writing order (possibly none). */
    public List<String> fileNames(ExperimentResult result) {
        List<AtomicFiles.Output> files = outputs(result);
        List<String> names = new ArrayList<>(files.size());
        for (AtomicFiles.Output file : files) {
            names.add(file.fileName());
        }
        return List.copyOf(names);
    }

    /** The files of {@code result} in this format, rendered when written. */
    List<AtomicFiles.Output> outputs(ExperimentResult result) {
        return outputs.apply(result);
    }
}
