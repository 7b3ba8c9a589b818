package io.fleetsim.cloud;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The catalog of one region: zones, EC2 instance types, valid Fargate task sizes and the price book. Loaded from
 * dated resource files under {@code /catalog/} ({@code index.json} lists the bundled regions; one file per region,
 * e.g. {@code aws-us-east-1.json}) that name the source of every table; {@link #provenance()} summarises them for
 * reports.
 *
 * <p>Facts and their sources (platform-semantics.md):
 * <ul>
 *   <li>Fargate Linux task sizes, section 1.1 [official]: ECS API {@code TaskDefinition.memory} and
 *       https://docs.aws.amazon.com/AmazonECS/latest/userguide/task-cpu-memory-error.html.</li>
 *   <li>Instance types, section 2.2: prices from {@code aws/karpenter-provider-aws}
 *       {@code zz_generated.pricing_aws.go} (2026-07-20); shapes from {@code kubernetes/autoscaler}
 *       {@code ec2_instance_types.go}; ENIs from Karpenter {@code zz_generated.vpclimits.go}; max pods from
 *       {@code amazon-vpc-cni-k8s misc/eni-max-pods.txt}; ECS awsvpc task limits from the ECS developer guide
 *       {@code container-instance-eni.md} (section 2.4).</li>
 *   <li>Registered memory of an ECS container instance, section 2.7 (see {@link #ecsRegisteredMemoryMiB}).</li>
 * </ul>
 *
 * <p>Catalogs are immutable and cached per region; loading is thread-safe.
 *
 * <p>Caveats: only us-east-1 is bundled. The Fargate sizes are the Linux ones (Windows needs at least 1 vCPU,
 * section 1.1) and leave out the 32 vCPU row the pricing page lists, which no other source confirms [UNVERIFIED].
 * Registered ECS memory is extrapolated from one data point.
 */
public final class Catalog {

    /**
     * ECS-optimized Amazon Linux AMI: an m4.large with 8 GiB (8192 MiB) registers 7985 MiB for tasks
     * (platform-semantics.md section 2.7, ECS developer guide {@code memory-management.md}).
     */
    static final int REGISTERED_MIB_OF_8_GIB = 7985;
    static final int EIGHT_GIB_IN_MIB = 8192;

    private static final ConcurrentMap<String, Catalog> CACHE = new ConcurrentHashMap<>();
    private static volatile SortedMap<String, String> index;

    private final String region;
    private final String asOf;
    private final String fileBaseName;
    private final List<String> sourceSummaries;
    private final List<String> zones;
    private final SortedMap<String, InstanceType> instanceTypes;
    private final List<InstanceType> instanceTypeList;
    private final SortedMap<Integer, int[]> fargateMemory;
    private final Map<Integer, List<Integer>> fargateMemoryLists;
    private final List<Integer> fargateCpu;
    private final int fargateEphemeralIncludedGiB;
    private final int fargateEphemeralMaxGiB;
    private final PriceBook prices;

    Catalog(String region, String asOf, String fileBaseName, List<String> sourceSummaries, List<String> zones,
            SortedMap<String, InstanceType> instanceTypes, SortedMap<Integer, int[]> fargateMemory,
            int fargateEphemeralIncludedGiB, int fargateEphemeralMaxGiB, PriceBook prices) {
        this.region = region;
        this.asOf = asOf;
        this.fileBaseName = fileBaseName;
        this.sourceSummaries = List.copyOf(sourceSummaries);
        this.zones = List.copyOf(zones);
        this.instanceTypes = Collections.unmodifiableSortedMap(new TreeMap<>(instanceTypes));
        this.instanceTypeList = List.copyOf(this.instanceTypes.values());
        TreeMap<Integer, int[]> memory = new TreeMap<>();
        TreeMap<Integer, List<Integer>> lists = new TreeMap<>();
        fargateMemory.forEach((cpu, mib) -> {
            memory.put(cpu, mib.clone());
            lists.put(cpu, Arrays.stream(mib).boxed().toList());
        });
        this.fargateMemory = memory;
        this.fargateMemoryLists = lists;
        this.fargateCpu = List.copyOf(memory.keySet());
        this.fargateEphemeralIncludedGiB = fargateEphemeralIncludedGiB;
        this.fargateEphemeralMaxGiB = fargateEphemeralMaxGiB;
        this.prices = prices;
    }

    /**
     * The bundled catalog for {@code region}; empty if the region is not bundled. Loaded once and cached.
     *
     * @throws IllegalStateException if a bundled file is missing or malformed (a bug in fleetsim, not user input)
     */
    public static Optional<Catalog> forRegion(String region) {
        Objects.requireNonNull(region, "region");
        String file = index().get(region);
        if (file == null) {
            return Optional.empty();
        }
        // computeIfAbsent does not cache a failed load: each call reports the same IllegalStateException.
        return Optional.of(CACHE.computeIfAbsent(region, r -> CatalogLoader.loadBundled(r, file)));
    }

    /** Region codes the bundled catalog has, sorted. */
    public static List<String> regions() {
        return List.copyOf(index().keySet());
    }

    private static SortedMap<String, String> index() {
        SortedMap<String, String> idx = index;
        if (idx == null) {
            synchronized (Catalog.class) {
                idx = index;
                if (idx == null) {
                    idx = CatalogLoader.readIndex();
                    index = idx;
                }
            }
        }
        return idx;
    }

    public String region() {
        return region;
    }

    /** The date of the data: {@code yyyy-MM} or {@code yyyy-MM-dd}, as the file records it. */
    public String asOf() {
        return asOf;
    }

    /** Availability zone names, sorted, e.g. us-east-1a ... us-east-1f. */
    public List<String> zones() {
        return zones;
    }

    public Optional<InstanceType> instanceType(String name) {
        return Optional.ofNullable(instanceTypes.get(Objects.requireNonNull(name, "name")));
    }

    /** All instance types, sorted by name. */
    public List<InstanceType> instanceTypes() {
        return instanceTypeList;
    }

    /** Whether (cpuUnits, memoryMiB) is a valid Fargate Linux task size (section 1.1 table). */
    public boolean isValidFargateSize(int cpuUnits, int memoryMiB) {
        int[] memory = fargateMemory.get(cpuUnits);
        return memory != null && Arrays.binarySearch(memory, memoryMiB) >= 0;
    }

    /** Valid memory values (MiB) for a Fargate CPU size, ascending; empty if the CPU size itself is invalid. */
    public List<Integer> fargateMemoryOptions(int cpuUnits) {
        return fargateMemoryLists.getOrDefault(cpuUnits, List.of());
    }

    /** Valid Fargate CPU sizes in units, ascending. */
    public List<Integer> fargateCpuOptions() {
        return fargateCpu;
    }

    /** Ephemeral storage every Fargate task gets without extra charge: 20 GiB (section 1.5). */
    public int fargateEphemeralIncludedGiB() {
        return fargateEphemeralIncludedGiB;
    }

    /** Largest ephemeral storage a Fargate task can be configured with: 200 GiB (section 1.5, platform >= 1.4.0). */
    public int fargateEphemeralMaxGiB() {
        return fargateEphemeralMaxGiB;
    }

    /**
     * Memory (MiB) an ECS container instance of this type registers for tasks: installed memory less the OS and
     * agent overhead (section 2.7).
     *
     * <p>[derived from one data point] The ECS docs give one example and no per-type table: an m4.large with 8 GiB
     * registers 7985 MiB on the ECS-optimized Amazon Linux AMI ({@code memory-management.md}). fleetsim scales that
     * ratio to every type: {@code registered = floor(memoryMiB * 7985 / 8192)}, e.g. m6i.large 8192 -> 7985,
     * t3.micro 1024 -> 998. {@code ECS_RESERVED_MEMORY} (default 0) is not subtracted here.
     *
     * <p>Caveat: the real overhead is partly fixed (kernel, agent), so this under-estimates small types' overhead
     * and over-estimates large ones'. Karpenter's EKS estimate uses a 7.5% VM overhead instead (section 6.6).
     */
    public int ecsRegisteredMemoryMiB(InstanceType type) {
        Objects.requireNonNull(type, "type");
        return (int) ((long) type.memoryMiB() * REGISTERED_MIB_OF_8_GIB / EIGHT_GIB_IN_MIB);
    }

    public PriceBook prices() {
        return prices;
    }

    /** Where the data came from and when, for reports: e.g. "aws-us-east-1 2026-11 (sources: ...)". */
    public String provenance() {
        return fileBaseName + " " + asOf + " (sources: " + String.join("; ", sourceSummaries) + ")";
    }

    @Override
    public String toString() {
        return "Catalog[" + fileBaseName + " " + asOf + ", " + instanceTypes.size() + " instance types, "
                + zones.size() + " zones]";
    }
}
