package io.fleetsim.reports;

import java.util.function.Supplier;

/**
 * The report files fleetsim writes, each a file name and a factory of its renderer. A new format is one constant
 * here and one {@link ReportRenderer} class; {@link ReportWriter} writes every constant.
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
    CSV("timeseries.csv", TimeseriesCsv::new);

    private final String fileName;
    private final Supplier<ReportRenderer> factory;

    ReportFormat(String fileName, Supplier<ReportRenderer> factory) {
        this.fileName = fileName;
        this.factory = factory;
    }

    /** The file this format writes in the output directory. */
    public String fileName() {
        return fileName;
    }

    /** A new renderer for this format. */
    public ReportRenderer renderer() {
        return factory.get();
    }
}
