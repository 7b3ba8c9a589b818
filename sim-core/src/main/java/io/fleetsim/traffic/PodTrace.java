package io.fleetsim.traffic;

import io.fleetsim.text.NearMiss;
import io.fleetsim.traffic.TraceFormat.TraceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Task shapes and lifetimes read from a pod trace, for jobs whose tasks are sampled from it ({@code jobs[].shapes}).
 * One format is built in:
 * <ul>
 *   <li>{@code alibaba-pods}: the pod list of Alibaba's GPU cluster trace 2023 ({@code openb_pod_list_*.csv}, a copy
 *   with its licence in {@code scenarios/traces/alibaba-gpu-v2023/}): a header naming at least {@code name},
 *   {@code cpu_milli}, {@code memory_mib}, {@code num_gpu}, {@code creation_time} and {@code deletion_time}
 *   (seconds), in any order; extra columns are ignored.</li>
 * </ul>
 * Each row becomes one {@link Pod} with the numbers as written; mapping them to ECS tasks (CPU units, which pods
 * are used) is the scenario binder's job, documented in docs/scenario-reference.md (jobs, shapes).
 */
public final class PodTrace {

    /** Known format names, sorted. */
    public static final List<String> FORMATS = List.of("alibaba-pods");

    static final List<String> ALIBABA_COLUMNS = List.of("name", "cpu_milli", "memory_mib", "num_gpu",
            "creation_time", "deletion_time");

    /** One pod as the trace writes it: CPU in millicores, memory in MiB, GPUs, creation and deletion in seconds. */
    public record Pod(String name, long cpuMilli, long memoryMiB, long gpus, long creationSeconds,
            long deletionSeconds, int line) {
    }

    private PodTrace() {
    }

    /**
     * Reads every pod of {@code file}, in file order.
     *
     * @throws IllegalArgumentException for an unknown format (with the known ones)
     * @throws TraceException           naming the line, for a file that cannot be read or a bad row
     */
    public static List<Pod> read(String format, Path file) throws TraceException {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("unknown shapes format `" + format + "`"
                    + NearMiss.hintAndList(format, FORMATS, "known formats"));
        }
        List<Pod> out = new ArrayList<>();
        try (CsvRows rows = new CsvRows(file)) {
            if (!rows.next()) {
                throw rows.fileError("is empty; expected a header with " + String.join(", ", ALIBABA_COLUMNS));
            }
            int[] at = new int[ALIBABA_COLUMNS.size()];
            List<String> header = new ArrayList<>();
            for (int c = 0; c < rows.size(); c++) {
                header.add(rows.get(c).trim());
            }
            for (int k = 0; k < at.length; k++) {
                at[k] = header.indexOf(ALIBABA_COLUMNS.get(k));
                if (at[k] < 0) {
                    throw rows.error("header has no column `" + ALIBABA_COLUMNS.get(k) + "`; expected "
                            + String.join(", ", ALIBABA_COLUMNS) + " (found " + String.join(", ", header) + ")");
                }
            }
            while (rows.next()) {
                if (rows.size() != header.size()) {
                    throw rows.error("expected " + header.size() + " columns like the header, found " + rows.size());
                }
                long cpu = number(rows, at[1], "cpu_milli");
                long memory = number(rows, at[2], "memory_mib");
                long gpus = number(rows, at[3], "num_gpu");
                long created = number(rows, at[4], "creation_time");
                long deleted = number(rows, at[5], "deletion_time");
                if (deleted < created) {
                    throw rows.error("deletion_time " + deleted + " is before creation_time " + created);
                }
                out.add(new Pod(rows.get(at[0]), cpu, memory, gpus, created, deleted, rows.line()));
            }
        }
        return out;
    }

    private static long number(CsvRows rows, int column, String name) throws TraceException {
        String text = rows.get(column).trim();
        try {
            long v = Long.parseLong(text);
            if (v < 0) {
                throw rows.error(name + " must be a whole number >= 0, found `" + text + "`");
            }
            return v;
        } catch (NumberFormatException e) {
            throw rows.error(name + " must be a whole number >= 0, found `" + text + "`");
        }
    }
}
