package io.fleetsim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.Catalog;
import io.fleetsim.cloud.PriceBook;
import io.fleetsim.cloud.PurchaseOption;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ledger + pricer end to end with the bundled us-east-1 book, every value worked out by hand in the comment above
 * the test (platform-semantics.md 1.2-1.5, 2.1-2.2, 3, 4).
 */
class PricerTest {

    private static final long S = 1_000_000_000L;
    private static final long DAY = 86_400 * S;
    private static final PriceBook BOOK = Catalog.forRegion("us-east-1").orElseThrow().prices();

    private final UsageLedger ledger = new UsageLedger();

    private CostReport priceLedger() {
        return Pricer.price(ledger.records(), BOOK);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL128);
    }

    // 30 s bills the 60 s minimum: 0.096 x 60 / 3600 = 5.76 / 3600 = $0.0016 (1/60 instance-hour).
    @Test
    void ec2_thirtySecondLaunchCostsTheOneMinuteMinimum() {
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 0), 30 * S);
        CostLine line = priceLedger().lines().get(0);
        assertThat(line.unit()).isEqualTo("instance-hours");
        assertThat(line.amount()).isEqualByComparingTo(ratio(60, 3600));
        assertThat(line.unitPrice()).isEqualByComparingTo("0.096");
        assertThat(line.cost()).isEqualByComparingTo("0.0016");
    }

    // 61.2 s bills 62 s: 0.096 x 62 / 3600 = 5.952 / 3600 = 0.00165333... (34 significant digits).
    @Test
    void ec2_sixtyOnePointTwoSecondsCostsSixtyTwoSeconds() {
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 0), 61_200_000_000L);
        assertThat(priceLedger().total()).isEqualByComparingTo("0.001653333333333333333333333333333333");
    }

    // 3600 s x 0.096 / 3600 = $0.096 for exactly 1 instance-hour.
    @Test
    void ec2_oneHourCostsTheHourlyPrice() {
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 0), 3600 * S);
        CostLine line = priceLedger().lines().get(0);
        assertThat(line.amount()).isEqualByComparingTo("1");
        assertThat(line.cost()).isEqualByComparingTo("0.096");
    }

    // Two 30 s launches: 60 + 60 = 120 s; 0.096 x 120 / 3600 = $0.0032.
    @Test
    void ec2_twoShortLaunchesEachPayTheMinimum() {
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 0), 30 * S);
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "o", 60 * S), 90 * S);
        assertThat(priceLedger().total()).isEqualByComparingTo("0.0032");
    }

    // Spot at the assumed 60% discount: 0.096 x (1 - 0.60) = 0.0384 per hour; 1 h -> $0.0384 = 0.4 x on-demand.
    @Test
    void ec2_spotCostsOnDemandTimesOneMinusTheDiscount() {
        ledger.ec2Terminated(ledger.ec2Running("m6i.large", PurchaseOption.SPOT, "o", 0), 3600 * S);
        CostLine line = priceLedger().lines().get(0);
        assertThat(line.unitPrice()).isEqualByComparingTo("0.0384");
        assertThat(line.cost()).isEqualByComparingTo("0.0384");
    }

    // 0.5 vCPU / 1 GB x86 for 45 s bills 60 s: 512 x 60 = 30720 unit-s = 30 vCPU-s x 0.000011244 = 0.00033732;
    // 1024 x 60 = 61440 MiB-s = 60 GB-s x 0.000001235 = 0.0000741; total 0.00041142.
    // Units: 30 vCPU-s = 30/3600 vCPU-hours at 0.000011244 x 3600 = 0.0404784 per vCPU-hour.
    @Test
    void fargate_fortyFiveSecondTaskCostsOneMinuteOfVcpuAndMemory() {
        ledger.fargateStopped(ledger.fargateStarted(Architecture.X86_64, false, 512, 1024, 20, "o", 0), 45 * S);
        CostReport report = priceLedger();
        assertThat(report.lines()).hasSize(2);
        CostLine vcpu = report.lines().get(0);
        CostLine memory = report.lines().get(1);
        assertThat(vcpu.unit()).isEqualTo("vCPU-hours");
        assertThat(vcpu.amount()).isEqualByComparingTo(ratio(30, 3600));
        assertThat(vcpu.unitPrice()).isEqualByComparingTo("0.0404784");
        assertThat(vcpu.cost()).isEqualByComparingTo("0.00033732");
        assertThat(memory.unit()).isEqualTo("GB-hours");
        assertThat(memory.amount()).isEqualByComparingTo(ratio(60, 3600));
        assertThat(memory.unitPrice()).isEqualByComparingTo("0.004446");
        assertThat(memory.cost()).isEqualByComparingTo("0.0000741");
        assertThat(report.total()).isEqualByComparingTo("0.00041142");
    }

    // 90.0000001 s bills 91 s: 45.5 vCPU-s x 0.000011244 = 0.000511602; 91 GB-s x 0.000001235 = 0.000112385;
    // total 0.000623987.
    @Test
    void fargate_ninetySecondsAndANanoCostNinetyOneSeconds() {
        ledger.fargateStopped(ledger.fargateStarted(Architecture.X86_64, false, 512, 1024, 20, "o", 0),
                90_000_000_100L);
        assertThat(priceLedger().total()).isEqualByComparingTo("0.000623987");
    }

    // 30 GiB ephemeral for 100 s: (30 - 20) x 100 = 1000 GB-s x 0.0000000308 = $0.0000308 (1000/3600 GB-hours at
    // 0.00011088). Whole task: 50 vCPU-s x 0.000011244 = 0.0005622, 100 GB-s x 0.000001235 = 0.0001235;
    // total 0.0005622 + 0.0001235 + 0.0000308 = 0.0007165.
    @Test
    void fargate_ephemeralStorageAboveTwentyGbIsPricedPerGbSecond() {
        ledger.fargateStopped(ledger.fargateStarted(Architecture.X86_64, false, 512, 1024, 30, "o", 0), 100 * S);
        CostReport report = priceLedger();
        CostLine storage = report.lines().get(2);
        assertThat(storage.usage().type()).isEqualTo(UsageType.FARGATE_EPHEMERAL_STORAGE);
        assertThat(storage.unit()).isEqualTo("GB-hours (storage above 20 GB)");
        assertThat(storage.amount()).isEqualByComparingTo(ratio(1000, 3600));
        assertThat(storage.unitPrice()).isEqualByComparingTo("0.00011088");
        assertThat(storage.cost()).isEqualByComparingTo("0.0000308");
        assertThat(report.total()).isEqualByComparingTo("0.0007165");
    }

    // Fargate Spot at 70% off: vCPU 0.00033732 x 0.3 = 0.000101196, memory 0.0000741 x 0.3 = 0.00002223,
    // total 0.000123426 = 0.3 x 0.00041142. Storage keeps the regular rate (assumption, see Pricer).
    @Test
    void fargateSpot_costsThirtyPercentOfOnDemandForVcpuAndMemory() {
        ledger.fargateStopped(ledger.fargateStarted(Architecture.X86_64, true, 512, 1024, 20, "o", 0), 45 * S);
        CostReport report = priceLedger();
        assertThat(report.lines().get(0).unitPrice()).isEqualByComparingTo("0.01214352"); // 0.0404784 x 0.3
        assertThat(report.total()).isEqualByComparingTo("0.000123426");

        UsageLedger withStorage = new UsageLedger();
        withStorage.fargateStopped(withStorage.fargateStarted(Architecture.X86_64, true, 512, 1024, 30, "o", 0),
                100 * S);
        assertThat(Pricer.price(withStorage.records(), BOOK).byType().get(UsageType.FARGATE_EPHEMERAL_STORAGE))
                .isEqualByComparingTo("0.0000308");
    }

    // ARM 0.5 vCPU / 1 GB for 60 s: 30 vCPU-s x 0.0000089944 = 0.000269832; 60 GB-s x 0.0000009889 = 0.000059334;
    // total 0.000329166.
    @Test
    void fargateArm_usesTheArmRates() {
        ledger.fargateStopped(ledger.fargateStarted(Architecture.ARM64, false, 512, 1024, 20, "o", 0), 60 * S);
        CostReport report = priceLedger();
        assertThat(report.lines().get(0).cost()).isEqualByComparingTo("0.000269832");
        assertThat(report.lines().get(1).cost()).isEqualByComparingTo("0.000059334");
        assertThat(report.total()).isEqualByComparingTo("0.000329166");
    }

    // The same usage re-priced under a book with a 50% Fargate Spot discount, without simulating again:
    // 0.00041142 x 0.5 = 0.00020571.
    @Test
    void repricing_withAnotherSpotDiscountNeedsNoNewSimulation() {
        ledger.fargateStopped(ledger.fargateStarted(Architecture.X86_64, true, 512, 1024, 20, "o", 0), 45 * S);
        List<UsageRecord> usage = ledger.records();
        assertThat(Pricer.price(usage, BOOK.withFargateSpotDiscount(dec("0.5"))).total())
                .isEqualByComparingTo("0.00020571");
        assertThat(Pricer.price(usage, BOOK).total()).isEqualByComparingTo("0.000123426");
    }

    // A month priced to the cent. 30 days = 2,592,000 s.
    // Fargate: 6 tasks x 0.5 vCPU / 1 GB x86:
    //   vCPU   6 x 512 x 2,592,000 = 7,962,624,000 unit-s / 1024 = 7,776,000 vCPU-s x 0.000011244 = 87.433344
    //   memory 6 x 1024 x 2,592,000 = 15,925,248,000 MiB-s / 1024 = 15,552,000 GB-s x 0.000001235 = 19.20672
    //   Fargate total 106.640064 -> $106.64
    // EC2: 3 m6i.large x 2,592,000 s = 7,776,000 s = 2160 h x 0.096 = $207.36
    // Total 314.000064 -> $314.00
    @Test
    void month_sixFargateTasksAndThreeInstancesPricedToTheCent() {
        for (int i = 0; i < 6; i++) {
            ledger.fargateStarted(Architecture.X86_64, false, 512, 1024, 20, "service:api", 0);
        }
        for (int i = 0; i < 3; i++) {
            ledger.ec2Running("m6i.large", PurchaseOption.ON_DEMAND, "capacity-provider:m6i", 0);
        }
        ledger.closeAll(30 * DAY);
        CostReport report = priceLedger();
        assertThat(report.byType().keySet()).containsExactly(UsageType.EC2_INSTANCE_SECONDS,
                UsageType.FARGATE_VCPU, UsageType.FARGATE_MEMORY);
        assertThat(report.byType().get(UsageType.EC2_INSTANCE_SECONDS)).isEqualByComparingTo("207.36");
        assertThat(report.byType().get(UsageType.FARGATE_VCPU)).isEqualByComparingTo("87.433344");
        assertThat(report.byType().get(UsageType.FARGATE_MEMORY)).isEqualByComparingTo("19.20672");
        assertThat(report.byOwner().get("service:api")).isEqualByComparingTo("106.640064");
        assertThat(report.byOwner().get("service:api").setScale(2, RoundingMode.HALF_UP)).isEqualTo(dec("106.64"));
        assertThat(report.total()).isEqualByComparingTo("314.000064");
        assertThat(report.total().setScale(2, RoundingMode.HALF_UP)).isEqualTo(dec("314.00"));
    }

    // ECR: 1 GiB for 730 h = 2^30 x 2,628,000 byte-seconds = exactly 1 GB-month -> $0.10.
    // 1 GiB for 1 h = 1/730 GB-month -> 0.10 / 730 = $0.000136986301369863... (34 digits).
    @Test
    void ecr_oneGibForA730HourMonthCostsTheMonthlyPrice() {
        ledger.ecrStorage("api", 1L << 30, "ecr", 0, 730 * 3600 * S);
        ledger.ecrStorage("web", 1L << 30, "ecr", 0, 3600 * S);
        CostReport report = priceLedger();
        CostLine month = report.lines().get(0);
        assertThat(month.unit()).isEqualTo("GB-months");
        assertThat(month.amount()).isEqualByComparingTo("1");
        assertThat(month.cost()).isEqualByComparingTo("0.10");
        assertThat(report.lines().get(1).cost()).isEqualByComparingTo(dec("0.10").divide(dec("730"),
                MathContext.DECIMAL128));
    }

    // EKS: 30 days = 720 cluster-hours x 0.10 = $72.
    @Test
    void eks_thirtyDaysCostsSeventyTwoDollars() {
        ledger.eksControlPlane("cluster:prod", 0, 30 * DAY);
        CostLine line = priceLedger().lines().get(0);
        assertThat(line.unit()).isEqualTo("cluster-hours");
        assertThat(line.amount()).isEqualByComparingTo("720");
        assertThat(line.cost()).isEqualByComparingTo("72");
    }

    @Test
    void unpriceableRecords_areRejectedWithTheRecord() {
        assertThatThrownBy(() -> Pricer.price(List.of(
                new UsageRecord(UsageType.EC2_INSTANCE_SECONDS, "x9.large/on-demand", "o", 60, 1)), BOOK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no EC2 on-demand price for instance type 'x9.large'");
        assertThatThrownBy(() -> Pricer.price(List.of(
                new UsageRecord(UsageType.EC2_INSTANCE_SECONDS, "m6i.large", "o", 60, 1)), BOOK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key must end in '/on-demand' or '/spot', found 'm6i.large'");
        assertThatThrownBy(() -> Pricer.price(List.of(
                new UsageRecord(UsageType.FARGATE_VCPU, "x86/on-demand", "o", 60, 1)), BOOK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Fargate key must be '<x86_64|arm64>/<on-demand|spot>', found 'x86/on-demand'");
        assertThatThrownBy(() -> Pricer.price(List.of(
                new UsageRecord(UsageType.FARGATE_EPHEMERAL_STORAGE, "arm64/reserved", "o", 60, 1)), BOOK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 'arm64/reserved'");
        assertThatThrownBy(() -> Pricer.price(List.of(
                new UsageRecord(UsageType.EKS_CONTROL_PLANE, "extended", "o", 60, 1)), BOOK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extended support is not priced");
        assertThatThrownBy(() -> Pricer.price(List.of(
                new UsageRecord(UsageType.EKS_CONTROL_PLANE, "standard", "o", -1, 1)), BOOK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot price a negative quantity");
    }

    @Test
    void noUsage_costsZero() {
        CostReport report = Pricer.price(List.of(), BOOK);
        assertThat(report.lines()).isEmpty();
        assertThat(report.total()).isEqualByComparingTo("0");
        assertThat(report.byType()).isEmpty();
    }
}
