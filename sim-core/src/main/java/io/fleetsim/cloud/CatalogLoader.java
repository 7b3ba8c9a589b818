package io.fleetsim.cloud;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the bundled catalog files: {@code /catalog/index.json} (the bundled regions) and one
 * {@code /catalog/<file>.json} per region (zones, instance types, Fargate sizes, prices, and the sources of each).
 *
 * <p>Every check here guards data fleetsim ships, so a failure is an {@link IllegalStateException} (a bug in
 * fleetsim, not a user error) whose message names the file, the JSON path, what was expected and what was found.
 * The loader checks shape and ranges; the derived columns (ENI task counts, EKS max pods) are checked against their
 * formulas by {@code CatalogTest}, row by row, so that a bad copy from the sources fails the build.
 */
final class CatalogLoader {

    static final String INDEX_RESOURCE = "/catalog/index.json";
    private static final String DIR = "/catalog/";

    private CatalogLoader() {
    }

    /** Region code to resource file name (relative to {@code /catalog/}), sorted by region. */
    static SortedMap<String, String> readIndex() {
        CatalogJson index = CatalogJson.parse(INDEX_RESOURCE, open(INDEX_RESOURCE)).allowOnly("notes", "regions");
        SortedMap<String, String> files = new TreeMap<>();
        for (CatalogJson entry : index.objects("regions")) {
            entry.allowOnly("region", "file");
            String region = entry.text("region");
            String file = entry.text("file");
            if (file.contains("/") || !file.endsWith(".json")) {
                throw entry.fail("expected a file name like aws-us-east-1.json in /catalog/, found '" + file + "'");
            }
            if (files.put(region, file) != null) {
                throw entry.fail("region '" + region + "' is listed twice");
            }
        }
        return Collections.unmodifiableSortedMap(files);
    }

    /** Loads the bundled file of {@code region}. */
    static Catalog loadBundled(String region, String file) {
        String resource = DIR + file;
        return parse(resource, open(resource), region);
    }

    /**
     * Parses one region file.
     *
     * @param name           resource name for messages
     * @param expectedRegion the region the index says this file holds
     */
    static Catalog parse(String name, InputStream in, String expectedRegion) {
        CatalogJson root = CatalogJson.parse(name, in)
                .allowOnly("region", "asOf", "notes", "sources", "zones", "fargate", "instanceTypes", "prices");
        String region = root.text("region");
        if (!region.equals(expectedRegion)) {
            throw root.fail("field 'region': expected '" + expectedRegion + "' (from " + INDEX_RESOURCE + "), found '"
                    + region + "'");
        }
        String asOf = root.text("asOf");
        checkDate(root, asOf);
        root.texts("notes");

        Map<String, String> sources = readSources(root);
        List<String> zones = readZones(root, region);
        CatalogJson fargate = root.object("fargate")
                .allowOnly("sources", "notes", "linuxSizes", "ephemeralStorage");
        checkSourceRefs(fargate, sources);
        SortedMap<Integer, int[]> sizes = readFargateSizes(fargate);
        CatalogJson storage = fargate.object("ephemeralStorage").allowOnly("includedGiB", "maxGiB");
        int includedGiB = storage.integer("includedGiB", 0);
        int maxGiB = storage.integer("maxGiB", includedGiB);

        CatalogJson types = root.object("instanceTypes").allowOnly("sources", "notes", "rows");
        checkSourceRefs(types, sources);
        SortedMap<String, InstanceType> instanceTypes = readInstanceTypes(types);

        PriceBook prices = readPrices(root.object("prices"), sources, instanceTypes);

        String baseName = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
        return new Catalog(region, asOf, baseName, new ArrayList<>(sources.values()), zones, instanceTypes, sizes,
                includedGiB, maxGiB, prices);
    }

    private static void checkDate(CatalogJson root, String asOf) {
        try {
            if (asOf.length() == 7) {
                YearMonth.parse(asOf);
            } else {
                LocalDate.parse(asOf);
            }
        } catch (DateTimeParseException e) {
            throw root.fail("field 'asOf': expected a date yyyy-MM or yyyy-MM-dd, found '" + asOf + "'");
        }
    }

    /** Source id to its one-line summary, in file order. */
    private static Map<String, String> readSources(CatalogJson root) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (CatalogJson s : root.objects("sources")) {
            s.allowOnly("id", "summary", "ref", "notes");
            String id = s.text("id");
            s.text("ref");
            if (sources.put(id, s.text("summary")) != null) {
                throw s.fail("source id '" + id + "' is defined twice");
            }
        }
        if (sources.isEmpty()) {
            throw root.fail("field 'sources' must name at least one source");
        }
        return sources;
    }

    private static void checkSourceRefs(CatalogJson section, Map<String, String> sources) {
        for (String ref : section.texts("sources")) {
            if (!sources.containsKey(ref)) {
                throw section.fail("source '" + ref + "' is not defined in /sources; defined: " + sources.keySet());
            }
        }
    }

    private static List<String> readZones(CatalogJson root, String region) {
        TreeSet<String> zones = new TreeSet<>();
        for (String zone : root.texts("zones")) {
            if (!zone.startsWith(region) || zone.length() != region.length() + 1
                    || !Character.isLowerCase(zone.charAt(region.length()))) {
                throw root.fail("field 'zones': expected zone names like " + region + "a, found '" + zone + "'");
            }
            if (!zones.add(zone)) {
                throw root.fail("field 'zones': zone '" + zone + "' is listed twice");
            }
        }
        if (zones.isEmpty()) {
            throw root.fail("field 'zones' must list at least one zone");
        }
        return List.copyOf(zones);
    }

    /** CPU units to ascending valid memory values (MiB). */
    private static SortedMap<Integer, int[]> readFargateSizes(CatalogJson fargate) {
        SortedMap<Integer, int[]> sizes = new TreeMap<>();
        for (CatalogJson row : fargate.objects("linuxSizes")) {
            row.allowOnly("cpuUnits", "memoryMiB", "memoryMiBRange");
            int cpu = row.integer("cpuUnits", 1);
            int[] memory;
            if (row.has("memoryMiB") == row.has("memoryMiBRange")) {
                throw row.fail("expected exactly one of 'memoryMiB' (a list) or 'memoryMiBRange' ({min, max, step})");
            } else if (row.has("memoryMiB")) {
                memory = row.integers("memoryMiB").stream().mapToInt(Integer::intValue).toArray();
            } else {
                CatalogJson range = row.object("memoryMiBRange").allowOnly("min", "max", "step");
                int min = range.integer("min", 1);
                int max = range.integer("max", min);
                int step = range.integer("step", 1);
                if ((max - min) % step != 0) {
                    throw range.fail("expected (max - min) to be a multiple of step, found min " + min + ", max "
                            + max + ", step " + step);
                }
                memory = new int[(max - min) / step + 1];
                for (int i = 0; i < memory.length; i++) {
                    memory[i] = min + i * step;
                }
            }
            if (memory.length == 0 || memory[0] <= 0) {
                throw row.fail("expected at least one positive memory value for cpuUnits " + cpu);
            }
            for (int i = 1; i < memory.length; i++) {
                if (memory[i] <= memory[i - 1]) {
                    throw row.fail("expected strictly ascending memory values, found " + memory[i - 1] + " then "
                            + memory[i]);
                }
            }
            if (sizes.put(cpu, memory) != null) {
                throw row.fail("cpuUnits " + cpu + " is listed twice");
            }
        }
        return sizes;
    }

    private static SortedMap<String, InstanceType> readInstanceTypes(CatalogJson types) {
        SortedMap<String, InstanceType> out = new TreeMap<>();
        for (CatalogJson row : types.objects("rows")) {
            row.allowOnly("name", "vcpu", "memoryMiB", "architecture", "onDemandHourly", "maxEnis", "ipv4PerEni",
                    "trunkingCapable", "ecsAwsvpcTasks", "ecsAwsvpcTasksTrunked", "eksMaxPods", "notes");
            String name = row.text("name");
            BigDecimal hourly = row.decimal("onDemandHourly");
            if (hourly.signum() <= 0) {
                throw row.fail("field 'onDemandHourly': expected a price > 0, found " + hourly.toPlainString());
            }
            int tasks = row.integer("ecsAwsvpcTasks", 0);
            InstanceType type = new InstanceType(name, row.integer("vcpu", 1), row.integer("memoryMiB", 1),
                    architecture(row, row.text("architecture")), hourly, row.integer("maxEnis", 1),
                    row.integer("ipv4PerEni", 1), row.bool("trunkingCapable"), tasks,
                    row.integer("ecsAwsvpcTasksTrunked", tasks), row.integer("eksMaxPods", 1));
            if (out.put(name, type) != null) {
                throw row.fail("instance type '" + name + "' is listed twice");
            }
        }
        return out;
    }

    private static PriceBook readPrices(CatalogJson prices, Map<String, String> sources,
            SortedMap<String, InstanceType> types) {
        prices.allowOnly("currency", "fargate", "ec2", "ecr", "eks", "hoursPerMonth");
        String currency = prices.text("currency");
        if (!currency.equals("USD")) {
            throw prices.fail("field 'currency': expected USD, found '" + currency + "'");
        }
        PriceBook.Builder b = PriceBook.builder();

        CatalogJson fargate = prices.object("fargate")
                .allowOnly("sources", "notes", "linux", "ephemeralGbPerSecondAbove20Gb", "spotDiscount");
        checkSourceRefs(fargate, sources);
        CatalogJson linux = fargate.object("linux").allowOnly("x86_64", "arm64");
        for (Architecture arch : Architecture.values()) {
            CatalogJson rates = linux.object(archName(arch)).allowOnly("vcpuPerSecond", "gbPerSecond");
            b.fargateVcpuPerSecond(arch, rates.decimal("vcpuPerSecond"));
            b.fargateGbPerSecond(arch, rates.decimal("gbPerSecond"));
        }
        b.fargateEphemeralGbPerSecond(fargate.decimal("ephemeralGbPerSecondAbove20Gb"));
        b.fargateSpotDiscount(fargate.decimal("spotDiscount"));

        CatalogJson ec2 = prices.object("ec2").allowOnly("sources", "notes", "spotDiscount");
        checkSourceRefs(ec2, sources);
        b.ec2SpotDiscount(ec2.decimal("spotDiscount"));
        for (InstanceType t : types.values()) {
            b.ec2OnDemandPerHour(t.name(), t.onDemandHourly());
        }

        CatalogJson ecr = prices.object("ecr").allowOnly("sources", "storagePerGbMonth");
        checkSourceRefs(ecr, sources);
        b.ecrStoragePerGbMonth(ecr.decimal("storagePerGbMonth"));
        CatalogJson eks = prices.object("eks").allowOnly("sources", "controlPlanePerClusterHour");
        checkSourceRefs(eks, sources);
        b.eksControlPlanePerHour(eks.decimal("controlPlanePerClusterHour"));
        CatalogJson month = prices.object("hoursPerMonth").allowOnly("sources", "value");
        checkSourceRefs(month, sources);
        b.hoursPerMonth(month.integer("value", 1));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw prices.fail(e.getMessage());
        }
    }

    /** The catalog spelling of an architecture: {@code x86_64} or {@code arm64} (as in ECS runtimePlatform). */
    static String archName(Architecture arch) {
        return switch (arch) {
            case X86_64 -> "x86_64";
            case ARM64 -> "arm64";
        };
    }

    private static Architecture architecture(CatalogJson row, String name) {
        for (Architecture a : Architecture.values()) {
            if (archName(a).equals(name)) {
                return a;
            }
        }
        throw row.fail("field 'architecture': expected x86_64 or arm64, found '" + name + "'");
    }

    private static InputStream open(String resource) {
        InputStream in = CatalogLoader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled catalog resource " + resource + " is missing from the classpath");
        }
        return in;
    }
}
