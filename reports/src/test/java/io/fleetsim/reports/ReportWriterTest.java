package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.experiment.ExperimentResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void write_createsTheDirectoryAndExactlyTheThreeReports() throws IOException {
        Path out = dir.resolve("out/quick");
        new ReportWriter().write(Fixtures.twoVariants(), out);
        assertThat(listing(out)).containsExactly("report.json", "summary.md", "timeseries.csv");
        assertThat(Files.readString(out.resolve("summary.md"))).startsWith("# fleetsim: quick\n");
        assertThat(Files.readString(out.resolve("timeseries.csv"))).startsWith("variant,minute,time,");
        assertThat(Files.readString(out.resolve("report.json"))).startsWith("{\n");
    }

    @Test
    void write_twiceGivesByteIdenticalFiles() throws IOException {
        new ReportWriter().write(Fixtures.withTraffic(), dir.resolve("a"));
        new ReportWriter().write(Fixtures.withTraffic(), dir.resolve("b"));
        assertThat(listing(dir.resolve("b"))).isEqualTo(listing(dir.resolve("a"))).hasSize(6);
        for (String name : listing(dir.resolve("a"))) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(name)));
        }
    }

    // fargate has api (0 + 500 + 490 completions) and web (0 + 5 + 5), ec2 has api (0 + 500 + 500): three logs,
    // each readable by HdrHistogram's reader, with 3 intervals whose counts add up to the completions.
    @Test
    void write_addsOneHdrHistogramLogPerRunAndServiceThatHdrHistogramReads() throws IOException {
        List<Path> written = new ReportWriter().write(Fixtures.withTraffic(), dir);
        assertThat(listing(dir)).containsExactly("latency-ec2-api.hlog", "latency-fargate-api.hlog",
                "latency-fargate-web.hlog", "report.json", "summary.md", "timeseries.csv");
        assertThat(written).containsExactly(dir.resolve("report.json"), dir.resolve("summary.md"),
                dir.resolve("timeseries.csv"), dir.resolve("latency-fargate-api.hlog"),
                dir.resolve("latency-fargate-web.hlog"), dir.resolve("latency-ec2-api.hlog"));
        assertThat(new ReportWriter().outputs(Fixtures.withTraffic(), dir)).isEqualTo(written);
        assertThat(Files.readString(dir.resolve("latency-fargate-web.hlog"))).startsWith(
                "#fleetsim 0.1.0, scenario quick, variant fargate, seed 42, service web\n"
                        + "#run start 2024-01-01T00:00:00Z; interval timestamps are seconds since the run start\n"
                        + "#fleetsim end-to-end request latency of service web;");
        assertThat(intervalCounts(dir.resolve("latency-fargate-api.hlog"))).containsExactly(0L, 500L, 490L);
        assertThat(intervalCounts(dir.resolve("latency-fargate-web.hlog"))).containsExactly(0L, 5L, 5L);
        assertThat(intervalCounts(dir.resolve("latency-ec2-api.hlog"))).containsExactly(0L, 500L, 500L);
    }

    private static List<Long> intervalCounts(Path log) throws IOException {
        List<Long> counts = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                counts.add(((Histogram) h).getTotalCount());
            }
        }
        return counts;
    }

    @Test
    void write_overExistingReportsReplacesThemAndLeavesNoTemporaryFile() throws IOException {
        new ReportWriter().write(Fixtures.twoVariants(), dir);
        ExperimentResult single = new ExperimentResult("quick", "q.yaml", List.of(Fixtures.ec2("only")));
        new ReportWriter().write(single, dir);
        assertThat(listing(dir)).containsExactly("report.json", "summary.md", "timeseries.csv");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("| Metric | only |\n");
    }

    @Test
    void write_onlyTheChosenFormats() throws IOException {
        ReportWriter csvOnly = new ReportWriter(EnumSet.of(ReportFormat.CSV));
        csvOnly.write(Fixtures.twoVariants(), dir);
        assertThat(listing(dir)).containsExactly("timeseries.csv");
        assertThat(csvOnly.outputs(dir)).containsExactly(dir.resolve("timeseries.csv"));
    }

    @Test
    void write_rejectsAResultWithoutRuns() {
        ExperimentResult empty = new ExperimentResult("quick", "q.yaml", List.of());
        assertThatThrownBy(() -> new ReportWriter().write(empty, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected at least one run in the result of scenario 'quick', found none");
    }

    @Test
    void fileName_ofAFormatNamedAfterTheResultSaysWhatToCallInstead() {
        assertThatThrownBy(ReportFormat.HDR_HISTOGRAM_LOGS::fileName)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("report format HDR_HISTOGRAM_LOGS writes files named after the runs and services of a "
                        + "result, expected a call of fileNames(result)");
        assertThat(ReportFormat.HDR_HISTOGRAM_LOGS.fileNames(Fixtures.twoVariants())).isEmpty();
    }

    @Test
    void outputs_listsTheFilesInFormatOrder() {
        assertThat(new ReportWriter().outputs(dir)).containsExactly(
                dir.resolve("report.json"), dir.resolve("summary.md"), dir.resolve("timeseries.csv"));
    }
}
