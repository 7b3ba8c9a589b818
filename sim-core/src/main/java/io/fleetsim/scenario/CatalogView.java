package io.fleetsim.scenario;

import io.fleetsim.cloud.Catalog;
import io.fleetsim.cloud.InstanceType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few catalog facts scenario validation needs, for one region. The loader reads the bundled
 * {@link Catalog} through {@link #of(Catalog)}; tests hand in a small fake, so validation is tested against
 * numbers written in the test rather than against whatever the bundled data says today.
 */
interface CatalogView {

    /** Availability zone names, sorted. */
    List<String> zones();

    Optional<InstanceType> instanceType(String name);

    /** Every instance type name, sorted (for "did you mean" suggestions). */
    List<String> instanceTypeNames();

    boolean isValidFargateSize(int cpuUnits, int memoryMiB);

    List<Integer> fargateCpuOptions();

    List<Integer> fargateMemoryOptions(int cpuUnits);

    /** Memory an ECS container instance of this type registers for tasks (platform-semantics.md section 2.7). */
    int ecsRegisteredMemoryMiB(InstanceType type);

    /** The catalog's default fraction off on-demand for EC2 Spot. */
    BigDecimal ec2SpotDiscount();

    /** Regions and their catalogs. */
    interface Source {
        /** Region codes, sorted. */
        List<String> regions();

        Optional<CatalogView> forRegion(String region);

        /** The catalog bundled with fleetsim ({@link Catalog#forRegion}). */
        static Source bundled() {
            return new Source() {
                @Override
                public List<String> regions() {
                    return Catalog.regions();
                }

                @Override
                public Optional<CatalogView> forRegion(String region) {
                    return Catalog.forRegion(region).map(CatalogView::of);
                }
            };
        }
    }

    /** An adapter over the bundled catalog of one region. */
    static CatalogView of(Catalog catalog) {
        return new CatalogView() {
            @Override
            public List<String> zones() {
                return catalog.zones();
            }

            @Override
            public Optional<InstanceType> instanceType(String name) {
                return catalog.instanceType(name);
            }

            @Override
            public List<String> instanceTypeNames() {
                List<String> names = new ArrayList<>();
                for (InstanceType t : catalog.instanceTypes()) {
                    names.add(t.name());
                }
                return names;
            }

            @Override
            public boolean isValidFargateSize(int cpuUnits, int memoryMiB) {
                return catalog.isValidFargateSize(cpuUnits, memoryMiB);
            }

            @Override
            public List<Integer> fargateCpuOptions() {
                return catalog.fargateCpuOptions();
            }

            @Override
            public List<Integer> fargateMemoryOptions(int cpuUnits) {
                return catalog.fargateMemoryOptions(cpuUnits);
            }

            @Override
            public int ecsRegisteredMemoryMiB(InstanceType type) {
                return catalog.ecsRegisteredMemoryMiB(type);
            }

            @Override
            public BigDecimal ec2SpotDiscount() {
                return catalog.prices().ec2SpotDiscount();
            }
        };
    }
}
