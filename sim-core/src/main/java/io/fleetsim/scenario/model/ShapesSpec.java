package io.fleetsim.scenario.model;

import java.nio.file.Path;

/**
 * Task shapes and lifetimes a job samples from a pod trace ({@code jobs[].shapes}): the pool of pods the scenario
 * admits, already mapped to ECS (platform-semantics.md section 1.1: 1024 CPU units per vCPU). Each task of the job
 * draws one pod of the pool uniformly from the stream {@code jobs/<name>/shapes} and takes its CPU, memory and
 * lifetime.
 *
 * @param format        the trace format, e.g. {@code alibaba-pods}
 * @param file          the trace file, resolved
 * @param gpu           {@code exclude} (pods that request a GPU are left out) or {@code ignore} (their GPU request
 *                      is dropped, their CPU and memory kept)
 * @param podsRead      rows in the trace
 * @param cpuUnits      per pooled pod: ceil(cpu_milli x 1024 / 1000), at least 128
 * @param memoryMiB     per pooled pod: memory_mib
 * @param lifetimeNanos per pooled pod: (deletion_time - creation_time) seconds, in nanoseconds
 */
public record ShapesSpec(String format, Path file, String gpu, int podsRead, int[] cpuUnits, int[] memoryMiB,
        long[] lifetimeNanos) {

    /** Pods in the pool. */
    public int size() {
        return cpuUnits.length;
    }
}
