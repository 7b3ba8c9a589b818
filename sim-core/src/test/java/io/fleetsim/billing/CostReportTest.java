package io.fleetsim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.cloud.Catalog;
import io.fleetsim.cloud.PriceBook;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostReportTest {

    private static final long S = 1_000_000_000L;
    private static final long DAY = 86_400 * S;
    private static final PriceBook BOOK = Catalog.forRegion("us-east-1").orElseThrow().prices();

    // service:b  m6i.large 1 h = 0.096; EKS 1 h = 0.10          -> 0.196
    // service:a  t3.micro 1 h = 0.0104                          -> 0.0104
    // ecr        1 GiB-month = 0.10                             -> 0.10
    // byType: EC2 0.096 + 0.0104 = 0.1064, ECR 0.10, EKS 0.10; total 0.3064
    private static CostReport sample() {
        return Pricer.price(List.of(
                new UsageRecord(UsageType.EKS_CONTROL_PLANE, "standard", "service:b", 3600, 1),
                new UsageRecord(UsageType.EC2_INSTANCE_SECONDS, "m6i.large/on-demand", "service:b", 3600, 1),
                new UsageRecord(UsageType.ECR_STORAGE, "api", "ecr", (1L << 30) * 730 * 3600, 1),
                new UsageRecord(UsageType.EC2_INSTANCE_SECONDS, "t3.micro/on-demand", "service:a", 3600, 1)), BOOK);
    }

    @Test
    void byTypeAndByOwner_sumLineCostsInSortedOrder() {
        CostReport report = sample();
        assertThat(report.byType().keySet()).containsExactly(UsageType.EC2_INSTANCE_SECONDS, UsageType.ECR_STORAGE,
                UsageType.EKS_CONTROL_PLANE);
        assertThat(report.byType().get(UsageType.EC2_INSTANCE_SECONDS)).isEqualByComparingTo("0.1064");
        assertThat(report.byOwner().keySet()).containsExactly("ecr", "service:a", "service:b");
        assertThat(report.byOwner().get("service:b")).isEqualByComparingTo("0.196");
        assertThat(report.byOwner().get("service:a")).isEqualByComparingTo("0.0104");
        assertThat(report.total()).isEqualByComparingTo("0.3064");
    }

    // 0.3064 x 30 = 9.192, line by line: 0.10 x 30 = 3, 0.096 x 30 = 2.88, 3, 0.0104 x 30 = 0.312.
    @Test
    void scaled_multipliesEveryLineAndTheTotalExactly() {
        CostReport scaled = sample().scaled(BigDecimal.valueOf(30));
        assertThat(scaled.total()).isEqualByComparingTo("9.192");
        assertThat(scaled.lines()).extracting(CostLine::cost).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("3"), new BigDecimal("2.88"), new BigDecimal("3"),
                        new BigDecimal("0.312"));
        assertThat(scaled.lines().get(1).amount()).isEqualByComparingTo("30"); // 1 instance-hour -> 30
        assertThat(scaled.lines().get(1).usage().quantity()).isEqualTo(3600); // the measured basis is kept
    }

    // 30 days / 1 day = 30; 30 days / 7 days = 4.285714285714285714285714285714286 (34 digits); / 45 days = 0.6...
    @Test
    void thirtyDayFactor_isThirtyDaysOverTheSimulatedDuration() {
        assertThat(CostReport.thirtyDayFactor(DAY)).isEqualByComparingTo("30");
        assertThat(CostReport.thirtyDayFactor(7 * DAY)).isEqualByComparingTo("4.285714285714285714285714285714286");
        assertThat(CostReport.thirtyDayFactor(60 * DAY)).isEqualByComparingTo("0.5");
        assertThatThrownBy(() -> CostReport.thirtyDayFactor(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("simulated duration must be > 0 ns, found 0");
    }

    // One m6i.large for a simulated day: 24 h x 0.096 = 2.304; projected to 30 days: 2.304 x 30 = 69.12
    // (= 720 h x 0.096).
    @Test
    void projectedThirtyDays_extrapolatesOneDayLinearly() {
        UsageLedger ledger = new UsageLedger();
        ledger.ec2Running("m6i.large", io.fleetsim.cloud.PurchaseOption.ON_DEMAND, "o", 0);
        ledger.closeAll(DAY);
        CostReport day = Pricer.price(ledger.records(), BOOK);
        assertThat(day.total()).isEqualByComparingTo("2.304");
        assertThat(day.projectedThirtyDays(DAY).total()).isEqualByComparingTo("69.12");
    }

    @Test
    void totalThatIsNotTheSumOfTheLines_isRejected() {
        CostReport report = sample();
        assertThatThrownBy(() -> new CostReport(report.lines(), new BigDecimal("0.3065")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("total 0.3065 is not the sum of the line costs 0.3064");
        assertThatThrownBy(() -> report.scaled(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale factor must be >= 0, found -1");
    }

    @Test
    void lines_areAnUnmodifiableCopy() {
        assertThatThrownBy(() -> sample().lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
