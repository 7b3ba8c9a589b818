package io.fleetsim.reports;

import io.fleetsim.experiment.ExperimentResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the report files of an experiment into a directory: by default every {@link ReportFormat}
 * ({@code report.json}, {@code summary.md}, {@code timeseries.csv} and, for runs with traffic, one
 * {@code latency-<variant>-<service>.hlog} per run and service).
 *
 * <p>Files are written atomically (see {@link AtomicFiles}): a failed or interrupted write never leaves a
 * half-written report that looks whole (DESIGN.md principle 8). For the same result the bytes written are the same
 * on every machine and every run (DESIGN.md principle 2).
 */
public final class ReportWriter {

    private final List<ReportFormat> formats;

    /** A writer of every report format. */
    public ReportWriter() {
        this(EnumSet.allOf(ReportFormat.class));
    }

    /** A writer of the given formats, written in {@link ReportFormat} declaration order. */
    public ReportWriter(Set<ReportFormat> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("expected at least one report format, found none");
        }
        this.formats = List.copyOf(EnumSet.copyOf(formats));
    }

    /**
     * Writes the reports of {@code result} into {@code outDir}, creating it if needed and replacing earlier reports,
     * all files of all formats in one {@link AtomicFiles#writeAll} call.
     *
     * @return the files written, in format order
     * @throws IllegalArgumentException if {@code result} has no runs
     * @throws IOException              if a file cannot be written; no partial file is left behind
     */
    public List<Path> write(ExperimentResult result, Path outDir) throws IOException {
        Objects.requireNonNull(result, "result");
        if (result.runs().isEmpty()) {
            throw new IllegalArgumentException("expected at least one run in the result of scenario '"
                    + result.scenarioName() + "', found none");
        }
        List<AtomicFiles.Output> outputs = new ArrayList<>(formats.size());
        for (ReportFormat format : formats) {
            outputs.addAll(format.outputs(result));
        }
        return AtomicFiles.writeAll(outDir, outputs);
    }

    /** The files {@link #write} writes into {@code outDir} for {@code result}, in order. */
    public List<Path> outputs(ExperimentResult result, Path outDir) {
        List<Path> paths = new ArrayList<>();
        for (ReportFormat format : formats) {
            for (String name : format.fileNames(result)) {
                paths.add(outDir.resolve(name));
            }
        }
        return List.copyOf(paths);
    }

    /**
     * The files with fixed names {@link #write} writes into {@code outDir}, in order: not the files named after a
     * result's runs and services (HdrHistogram logs), for which see {@link #outputs(ExperimentResult, Path)}.
     */
    public List<Path> outputs(Path outDir) {
        List<Path> paths = new ArrayList<>(formats.size());
        for (ReportFormat format : formats) {
            if (format.hasFixedFileName()) {
                paths.add(outDir.resolve(format.fileName()));
            }
        }
        return List.copyOf(paths);
    }
}
