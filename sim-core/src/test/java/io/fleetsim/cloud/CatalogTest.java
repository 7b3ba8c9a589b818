package io.fleetsim.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled us-east-1 catalog against platform-semantics.md sections 1.1, 2.2-2.4 and 2.7. */
class CatalogTest {

    private static final Catalog US_EAST_1 = Catalog.forRegion("us-east-1").orElseThrow();

    @Test
    void regions_listsTheBundledRegionSorted() {
        assertThat(Catalog.regions()).containsExactly("us-east-1");
    }

    @Test
    void forRegion_isEmptyForARegionThatIsNotBundled() {
        assertThat(Catalog.forRegion("eu-west-1")).isEmpty();
        assertThat(Catalog.forRegion("US-EAST-1")).isEmpty();
    }

    @Test
    void forRegion_returnsTheSameCachedCatalog() {
        assertThat(Catalog.forRegion("us-east-1").orElseThrow()).isSameAs(US_EAST_1);
    }

    @Test
    void zones_areUsEast1aToUsEast1f() {
        assertThat(US_EAST_1.region()).isEqualTo("us-east-1");
        assertThat(US_EAST_1.zones()).containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d",
                "us-east-1e", "us-east-1f");
    }

    @Test
    void provenance_namesFileDateAndSources() {
        assertThat(US_EAST_1.asOf()).isEqualTo("2026-11");
        assertThat(US_EAST_1.provenance())
                .startsWith("aws-us-east-1 2026-11 (sources: ")
                .contains("aws.amazon.com/fargate/pricing")
                .contains("karpenter-provider-aws zz_generated.pricing_aws.go (2026-07-20) @1d927085")
                .contains("amazon-vpc-cni-k8s eni-max-pods.txt @b5218838")
                .contains("ECS dev guide container-instance-eni.md @49232cf")
                .contains("[secondary]")
                .contains("[assumption]")
                .endsWith(")");
    }

    @Test
    void instanceTypes_areThe23TypesOfSection22SortedByName() {
        assertThat(US_EAST_1.instanceTypes()).extracting(InstanceType::name).containsExactly(
                "c5.large", "c5.xlarge", "c6g.large", "c6i.large", "c7g.large",
                "m5.2xlarge", "m5.4xlarge", "m5.large", "m5.xlarge", "m6a.large", "m6g.large", "m6i.large",
                "m6i.xlarge", "m7g.large", "m7i.large", "r5.large", "r5.xlarge", "r6i.large",
                "t3.large", "t3.medium", "t3.micro", "t3.small", "t4g.medium");
    }

    @Test
    void instanceType_isEmptyForAnUnknownName() {
        assertThat(US_EAST_1.instanceType("m6i.huge")).isEmpty();
    }

    // Section 2.2 rows copied verbatim: vCPU, MiB, arch, $/h, ENIs, IPv4/ENI, trunk, ECS tasks (2.4), max pods.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "t3.micro,   2,  1024, X86_64, 0.0104, 2,  2, false, 1,  1,   4",
        "t3.small,   2,  2048, X86_64, 0.0208, 3,  4, false, 2,  2,  11",
        "t3.medium,  2,  4096, X86_64, 0.0416, 3,  6, false, 2,  2,  17",
        "t3.large,   2,  8192, X86_64, 0.0832, 3, 12, false, 2,  2,  35",
        "t4g.medium, 2,  4096, ARM64,  0.0336, 3,  6, false, 2,  2,  17",
        "m5.large,   2,  8192, X86_64, 0.096,  3, 10, true,  2, 10,  29",
        "m5.xlarge,  4, 16384, X86_64, 0.192,  4, 15, true,  3, 20,  58",
        "m5.2xlarge, 8, 32768, X86_64, 0.384,  4, 15, true,  3, 40,  58",
        "m5.4xlarge,16, 65536, X86_64, 0.768,  8, 30, true,  7, 60, 234",
        "m6i.large,  2,  8192, X86_64, 0.096,  3, 10, true,  2, 10,  29",
        "m6i.xlarge, 4, 16384, X86_64, 0.192,  4, 15, true,  3, 20,  58",
        "m6a.large,  2,  8192, X86_64, 0.0864, 3, 10, true,  2, 10,  29",
        "m6g.large,  2,  8192, ARM64,  0.077,  3, 10, true,  2, 10,  29",
        "m7g.large,  2,  8192, ARM64,  0.0816, 3, 10, true,  2, 10,  29",
        "m7i.large,  2,  8192, X86_64, 0.1008, 3, 10, true,  2, 10,  29",
        "c5.large,   2,  4096, X86_64, 0.085,  3, 10, true,  2, 10,  29",
        "c5.xlarge,  4,  8192, X86_64, 0.17,   4, 15, true,  3, 20,  58",
        "c6i.large,  2,  4096, X86_64, 0.085,  3, 10, true,  2, 10,  29",
        "c6g.large,  2,  4096, ARM64,  0.068,  3, 10, true,  2, 10,  29",
        "c7g.large,  2,  4096, ARM64,  0.0725, 3, 10, true,  2, 10,  29",
        "r5.large,   2, 16384, X86_64, 0.126,  3, 10, true,  2, 10,  29",
        "r5.xlarge,  4, 32768, X86_64, 0.252,  4, 15, true,  3, 20,  58",
        "r6i.large,  2, 16384, X86_64, 0.126,  3, 10, true,  2, 10,  29",
    })
    void instanceType_matchesTheSection22Row(String name, int vcpu, int memoryMiB, Architecture arch, String hourly,
            int enis, int ipv4, boolean trunk, int tasks, int tasksTrunked, int maxPods) {
        InstanceType t = US_EAST_1.instanceType(name).orElseThrow();
        // isEqualTo (not comparing): the price keeps the scale written in the data file, proof it never was a double
        assertThat(t).isEqualTo(new InstanceType(name, vcpu, memoryMiB, arch, new BigDecimal(hourly), enis, ipv4,
                trunk, tasks, tasksTrunked, maxPods));
        assertThat(t.ecsCpuUnits()).isEqualTo(vcpu * 1024);
    }

    // Section 2.3 [official]: maxPods = #ENI * (#IPv4 per ENI - 1) + 2 (amazon-vpc-cni-k8s gen_vpc_ip_limits.go:44).
    // e.g. t3.micro 2 * (2 - 1) + 2 = 4; m5.4xlarge 8 * (30 - 1) + 2 = 234.
    @Test
    void everyRow_eksMaxPodsFollowsTheVpcCniFormula() {
        assertThat(US_EAST_1.instanceTypes()).hasSize(23).allSatisfy(t ->
                assertThat(t.eksMaxPods()).as(t.name())
                        .isEqualTo(t.maxEnis() * (t.ipv4PerEni() - 1) + 2));
    }

    // Section 2.4: without trunking the primary ENI counts, so awsvpc tasks = ENIs - 1 ("c5.large ... up to three
    // ENIs ... you can typically only run two such tasks").
    @Test
    void everyRow_untrunkedAwsvpcTasksAreEnisMinusOne() {
        assertThat(US_EAST_1.instanceTypes()).allSatisfy(t ->
                assertThat(t.ecsAwsvpcTasks()).as(t.name()).isEqualTo(t.maxEnis() - 1));
    }

    // Section 2.4 ECS table with awsvpcTrunking: .large 10, .xlarge 20, .2xlarge 40, .4xlarge 60; types that are
    // not trunk-capable (t3, t4g) keep the untrunked value.
    @Test
    void everyRow_trunkedAwsvpcTasksFollowTheEcsTableBySize() {
        Map<String, Integer> bySize = Map.of("large", 10, "xlarge", 20, "2xlarge", 40, "4xlarge", 60);
        assertThat(US_EAST_1.instanceTypes()).allSatisfy(t -> {
            String size = t.name().substring(t.name().indexOf('.') + 1);
            int expected = t.trunkingCapable() ? bySize.get(size) : t.ecsAwsvpcTasks();
            assertThat(t.ecsAwsvpcTasksTrunked()).as(t.name()).isEqualTo(expected);
        });
        assertThat(US_EAST_1.instanceTypes()).filteredOn(t -> !t.trunkingCapable())
                .extracting(InstanceType::name)
                .containsExactly("t3.large", "t3.medium", "t3.micro", "t3.small", "t4g.medium");
    }

    // Section 2.7: m4.large 8 GiB registers 7985 MiB; modelled as floor(memoryMiB * 7985 / 8192).
    //   8192 * 7985 / 8192 = 7985;  1024 * 7985 / 8192 = 998.125 -> 998;  2048 -> 1996.25 -> 1996;
    //   4096 -> 3992.5 -> 3992;  32768 -> 31940;  65536 -> 63880.
    @ParameterizedTest(name = "{0} -> {1} MiB")
    @CsvSource({"m6i.large, 7985", "m5.large, 7985", "t3.micro, 998", "t3.small, 1996", "c5.large, 3992",
        "r5.xlarge, 31940", "m5.4xlarge, 63880"})
    void ecsRegisteredMemory_scalesTheM4LargeDataPoint(String name, int expected) {
        assertThat(US_EAST_1.ecsRegisteredMemoryMiB(US_EAST_1.instanceType(name).orElseThrow())).isEqualTo(expected);
    }

    @Test
    void fargateCpuOptions_areTheSevenLinuxSizesWithoutThe32VcpuRow() {
        assertThat(US_EAST_1.fargateCpuOptions()).containsExactly(256, 512, 1024, 2048, 4096, 8192, 16384);
    }

    // Section 1.1: 256 -> 512, 1024, 2048; 512 -> 1-4 GB step 1; 1024 -> 2-8 GB step 1; 2048 -> 4-16 GB step 1;
    // 4096 -> 8-30 GB step 1; 8192 -> 16-60 GB step 4; 16384 -> 32-120 GB step 8 (MiB = GB x 1024).
    @Test
    void fargateMemoryOptions_expandEachRowOfTheTable() {
        assertThat(US_EAST_1.fargateMemoryOptions(256)).containsExactly(512, 1024, 2048);
        assertThat(US_EAST_1.fargateMemoryOptions(512)).containsExactly(1024, 2048, 3072, 4096);
        assertThat(US_EAST_1.fargateMemoryOptions(1024)).hasSize(7).startsWith(2048).endsWith(8192);
        assertThat(US_EAST_1.fargateMemoryOptions(2048)).hasSize(13).startsWith(4096).endsWith(16384);
        assertThat(US_EAST_1.fargateMemoryOptions(4096)).hasSize(23).startsWith(8192, 9216).endsWith(30720);
        // (61440 - 16384) / 4096 + 1 = 12 values
        assertThat(US_EAST_1.fargateMemoryOptions(8192)).hasSize(12).startsWith(16384, 20480).endsWith(61440);
        // (122880 - 32768) / 8192 + 1 = 12 values
        assertThat(US_EAST_1.fargateMemoryOptions(16384)).hasSize(12).startsWith(32768, 40960).endsWith(122880);
        assertThat(US_EAST_1.fargateMemoryOptions(3072)).isEmpty();
        assertThat(US_EAST_1.fargateMemoryOptions(32768)).isEmpty();
    }

    @ParameterizedTest(name = "{0} units / {1} MiB -> {2}")
    @CsvSource({
        "256, 512, true", "256, 1024, true", "256, 2048, true", "256, 1536, false", "256, 3072, false",
        "512, 1024, true", "512, 4096, true", "512, 512, false", "512, 5120, false", "512, 1536, false",
        "1024, 2048, true", "1024, 8192, true", "1024, 1024, false", "1024, 9216, false",
        "2048, 4096, true", "2048, 16384, true", "2048, 3072, false", "2048, 17408, false",
        "4096, 8192, true", "4096, 30720, true", "4096, 7168, false", "4096, 31744, false",
        "8192, 16384, true", "8192, 20480, true", "8192, 61440, true",
        "8192, 18432, false", "8192, 12288, false", "8192, 65536, false",
        "16384, 32768, true", "16384, 40960, true", "16384, 122880, true",
        "16384, 36864, false", "16384, 131072, false", "16384, 24576, false",
        "128, 256, false", "3072, 6144, false", "32768, 61440, false", "32768, 249856, false", "0, 0, false",
    })
    void isValidFargateSize_acceptsExactlyTheTableEntries(int cpu, int memory, boolean valid) {
        assertThat(US_EAST_1.isValidFargateSize(cpu, memory)).isEqualTo(valid);
    }

    @Test
    void fargateEphemeralStorage_includes20AndAllows200GiB() {
        assertThat(US_EAST_1.fargateEphemeralIncludedGiB()).isEqualTo(20);
        assertThat(US_EAST_1.fargateEphemeralMaxGiB()).isEqualTo(200);
    }

    static Stream<Arguments> publishedPrices() {
        PriceBook p = US_EAST_1.prices();
        return Stream.of(
                Arguments.of("Fargate x86 vCPU-second (1.3)", p.fargateVcpuPerSecond(Architecture.X86_64),
                        "0.000011244"),
                Arguments.of("Fargate x86 GB-second (1.3)", p.fargateGbPerSecond(Architecture.X86_64), "0.000001235"),
                Arguments.of("Fargate ARM vCPU-second (1.3)", p.fargateVcpuPerSecond(Architecture.ARM64),
                        "0.0000089944"),
                Arguments.of("Fargate ARM GB-second (1.3)", p.fargateGbPerSecond(Architecture.ARM64), "0.0000009889"),
                Arguments.of("Fargate ephemeral GB-second (1.3)", p.fargateEphemeralGbPerSecond(), "0.0000000308"),
                Arguments.of("Fargate Spot discount (1.4)", p.fargateSpotDiscount(), "0.70"),
                Arguments.of("EC2 Spot discount (assumption)", p.ec2SpotDiscount(), "0.60"),
                Arguments.of("ECR GB-month (4)", p.ecrStoragePerGbMonth(), "0.10"),
                Arguments.of("EKS cluster-hour (3)", p.eksControlPlanePerHour(), "0.10"),
                Arguments.of("m6i.large $/h (2.2)", p.ec2OnDemandPerHour("m6i.large"), "0.096"),
                Arguments.of("c7g.large $/h (2.2)", p.ec2OnDemandPerHour("c7g.large"), "0.0725"),
                Arguments.of("t3.micro $/h (2.2)", p.ec2OnDemandPerHour("t3.micro"), "0.0104"),
                Arguments.of("m5.4xlarge $/h (2.2)", p.ec2OnDemandPerHour("m5.4xlarge"), "0.768"));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("publishedPrices")
    void prices_areTheExactPublishedDecimals(String what, BigDecimal actual, String expected) {
        assertThat(actual).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void prices_useThe730HourMonthAndPriceEveryInstanceType() {
        PriceBook p = US_EAST_1.prices();
        assertThat(p.hoursPerMonth()).isEqualTo(730);
        assertThat(p.ec2OnDemandPrices().keySet()).containsExactlyElementsOf(
                US_EAST_1.instanceTypes().stream().map(InstanceType::name).toList());
        assertThat(US_EAST_1.instanceTypes()).allSatisfy(t ->
                assertThat(p.ec2OnDemandPerHour(t.name())).isEqualTo(t.onDemandHourly()));
    }

    @Test
    void prices_unknownInstanceTypeFailsNamingTheKnownOnes() {
        assertThatThrownBy(() -> US_EAST_1.prices().ec2OnDemandPerHour("c5.2xlarge"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c5.2xlarge'")
                .hasMessageContaining("m6i.large");
    }

    @Test
    void returnedCollections_areUnmodifiable() {
        List<Integer> cpus = US_EAST_1.fargateCpuOptions();
        assertThatThrownBy(() -> cpus.add(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> US_EAST_1.fargateMemoryOptions(256).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> US_EAST_1.zones().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> US_EAST_1.instanceTypes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
