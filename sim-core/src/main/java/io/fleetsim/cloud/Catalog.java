package io.fleetsim.cloud;

import java.util.List;
import java.util.Optional;

/**
 * SKELETON (contract): the catalog of one region: zones, instance types, valid Fargate sizes and the price book.
 * Loaded from dated resource files under {@code /catalog/} that name their sources.
 */
public final class Catalog {

    /** The bundled catalog for {@code region}; empty if the region is not bundled. */
    public static Optional<Catalog> forRegion(String region) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Region codes the bundled catalog has, sorted. */
    public static List<String> regions() {
        throw new UnsupportedOperationException("skeleton");
    }

    public String region() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Availability zone names, sorted, e.g. us-east-1a ... us-east-1f. */
    public List<String> zones() {
        throw new UnsupportedOperationException("skeleton");
    }

    public Optional<InstanceType> instanceType(String name) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** All instance types, sorted by name. */
    public List<InstanceType> instanceTypes() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Whether (cpuUnits, memoryMiB) is a valid Fargate Linux task size (section 1.1 table). */
    public boolean isValidFargateSize(int cpuUnits, int memoryMiB) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Valid memory values (MiB) for a Fargate CPU size, ascending; empty if the CPU size itself is invalid. */
    public List<Integer> fargateMemoryOptions(int cpuUnits) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Valid Fargate CPU sizes in units, ascending. */
    public List<Integer> fargateCpuOptions() {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * Memory (MiB) an ECS container instance of this type registers for tasks: installed memory less the OS and
     * agent overhead (section 2.7).
     */
    public int ecsRegisteredMemoryMiB(InstanceType type) {
        throw new UnsupportedOperationException("skeleton");
    }

    public PriceBook prices() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Where the data came from and when, for reports: e.g. "aws-us-east-1 2026-11 (sources: ...)". */
    public String provenance() {
        throw new UnsupportedOperationException("skeleton");
    }
}
