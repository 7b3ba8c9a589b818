package io.fleetsim.scenario;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.InstanceType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written catalog for loader tests: us-east-1 with zones a..f, three instance types (shapes from
 * platform-semantics.md section 2.2 and 2.4) and the Fargate table of section 1.1. Registered memory is a fixed
 * number per type chosen for the tests (7987 MiB for the .large types), not the real catalog's formula.
 * eu-west-1 exists with zones a..c and the same types, so region checks have a second valid region.
 */
final class FakeCatalog implements CatalogView {

    static final InstanceType M6I_LARGE = new InstanceType("m6i.large", 2, 8192, Architecture.X86_64,
            new BigDecimal("0.096"), 3, 10, true, 2, 10, 29);
    static final InstanceType M6G_LARGE = new InstanceType("m6g.large", 2, 8192, Architecture.ARM64,
            new BigDecimal("0.077"), 3, 10, true, 2, 10, 29);
    static final InstanceType M5_4XLARGE = new InstanceType("m5.4xlarge", 16, 65536, Architecture.X86_64,
            new BigDecimal("0.768"), 8, 30, true, 7, 60, 234);

    /** Test values of registered memory, MiB. */
    static final Map<String, Integer> REGISTERED = Map.of("m6i.large", 7987, "m6g.large", 7987, "m5.4xlarge", 63897);

    /** The catalog's EC2 Spot discount in these tests: 0.60 (the loader strips the trailing zero). */
    static final BigDecimal EC2_SPOT_DISCOUNT = new BigDecimal("0.60");

    /** Fargate CPU units -> valid memory MiB, platform-semantics.md section 1.1. */
    private static final Map<Integer, List<Integer>> FARGATE = new LinkedHashMap<>();

    static {
        FARGATE.put(256, List.of(512, 1024, 2048));
        FARGATE.put(512, ladder(1024, 4096, 1024));
        FARGATE.put(1024, ladder(2048, 8192, 1024));
        FARGATE.put(2048, ladder(4096, 16384, 1024));
        FARGATE.put(4096, ladder(8192, 30720, 1024));
        FARGATE.put(8192, ladder(16384, 61440, 4096));
        FARGATE.put(16384, ladder(32768, 122880, 8192));
    }

    static final CatalogView.Source SOURCE = new CatalogView.Source() {
        @Override
        public List<String> regions() {
            return List.of("eu-west-1", "us-east-1");
        }

        @Override
        public Optional<CatalogView> forRegion(String region) {
            if (region.equals("us-east-1")) {
                return Optional.of(new FakeCatalog("us-east-1", "abcdef"));
            }
            if (region.equals("eu-west-1")) {
                return Optional.of(new FakeCatalog("eu-west-1", "abc"));
            }
            return Optional.empty();
        }
    };

    private final List<String> zones = new ArrayList<>();

    private FakeCatalog(String region, String zoneLetters) {
        for (char c : zoneLetters.toCharArray()) {
            zones.add(region + c);
        }
    }

    private static List<Integer> ladder(int from, int to, int step) {
        List<Integer> out = new ArrayList<>();
        for (int m = from; m <= to; m += step) {
            out.add(m);
        }
        return out;
    }

    @Override
    public List<String> zones() {
        return zones;
    }

    @Override
    public Optional<InstanceType> instanceType(String name) {
        for (InstanceType t : List.of(M5_4XLARGE, M6G_LARGE, M6I_LARGE)) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> instanceTypeNames() {
        return List.of("m5.4xlarge", "m6g.large", "m6i.large");
    }

    @Override
    public boolean isValidFargateSize(int cpuUnits, int memoryMiB) {
        return FARGATE.getOrDefault(cpuUnits, List.of()).contains(memoryMiB);
    }

    @Override
    public List<Integer> fargateCpuOptions() {
        return List.copyOf(FARGATE.keySet());
    }

    @Override
    public List<Integer> fargateMemoryOptions(int cpuUnits) {
        return FARGATE.getOrDefault(cpuUnits, List.of());
    }

    @Override
    public int ecsRegisteredMemoryMiB(InstanceType type) {
        return REGISTERED.get(type.name());
    }

    @Override
    public BigDecimal ec2SpotDiscount() {
        return EC2_SPOT_DISCOUNT;
    }
}
