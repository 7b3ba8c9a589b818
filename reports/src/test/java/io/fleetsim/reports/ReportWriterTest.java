package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.experiment.ExperimentResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
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
        new ReportWriter().write(Fixtures.twoVariants(), dir.resolve("a"));
        new ReportWriter().write(Fixtures.twoVariants(), dir.resolve("b"));
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(format.fileName())))
                    .as(format.fileName())
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(format.fileName())));
        }
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
    void outputs_listsTheFilesInFormatOrder() {
        assertThat(new ReportWriter().outputs(dir)).containsExactly(
                dir.resolve("report.json"), dir.resolve("summary.md"), dir.resolve("timeseries.csv"));
    }
}
