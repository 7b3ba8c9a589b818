package io.fleetsim.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceBookTest {

    private static final PriceBook BOOK = Catalog.forRegion("us-east-1").orElseThrow().prices();

    @Test
    void withFargateSpotDiscount_returnsAChangedCopyAndLeavesTheOriginal() {
        PriceBook half = BOOK.withFargateSpotDiscount(new BigDecimal("0.5"));
        assertThat(half.fargateSpotDiscount()).isEqualTo(new BigDecimal("0.5"));
        assertThat(half.ec2SpotDiscount()).isEqualTo(new BigDecimal("0.60"));
        assertThat(half.ec2OnDemandPerHour("m6i.large")).isEqualTo(new BigDecimal("0.096"));
        assertThat(BOOK.fargateSpotDiscount()).isEqualTo(new BigDecimal("0.70"));
    }

    @Test
    void withEc2SpotDiscount_returnsAChangedCopyAndLeavesTheOriginal() {
        PriceBook zero = BOOK.withEc2SpotDiscount(BigDecimal.ZERO);
        assertThat(zero.ec2SpotDiscount()).isEqualTo(BigDecimal.ZERO);
        assertThat(zero.fargateSpotDiscount()).isEqualTo(new BigDecimal("0.70"));
        assertThat(BOOK.ec2SpotDiscount()).isEqualTo(new BigDecimal("0.60"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.00", "-0.01", "70"})
    void discountsOutsideZeroToOne_areRejected(String discount) {
        BigDecimal d = new BigDecimal(discount);
        assertThatThrownBy(() -> BOOK.withFargateSpotDiscount(d))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fargateSpotDiscount must be a fraction with 0 <= discount < 1 (0.70 = 70% off), found "
                        + d.toPlainString());
        assertThatThrownBy(() -> BOOK.withEc2SpotDiscount(d))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ec2SpotDiscount must be a fraction with 0 <= discount < 1");
    }

    @Test
    void nullDiscount_isRejected() {
        assertThatThrownBy(() -> BOOK.withEc2SpotDiscount(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ec2SpotDiscount is not set");
    }

    @Test
    void builder_requiresEveryPrice() {
        assertThatThrownBy(() -> PriceBook.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ec2SpotDiscount is not set");
        assertThatThrownBy(() -> BOOK.toBuilder().eksControlPlanePerHour(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("eksControlPlanePerHour is not set");
    }

    @Test
    void builder_rejectsNegativePricesAndMonths() {
        assertThatThrownBy(() -> BOOK.toBuilder().ec2OnDemandPerHour("x1.large", new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ec2OnDemandPerHour(x1.large) must be >= 0, found -1");
        assertThatThrownBy(() -> BOOK.toBuilder().hoursPerMonth(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hoursPerMonth must be > 0 (AWS convention 730), found 0");
    }

    @Test
    void builder_addsAnInstanceTypeWithoutChangingTheOriginal() {
        PriceBook more = BOOK.toBuilder().ec2OnDemandPerHour("c5.2xlarge", new BigDecimal("0.34")).build();
        assertThat(more.ec2OnDemandPerHour("c5.2xlarge")).isEqualTo(new BigDecimal("0.34"));
        assertThat(more.ec2OnDemandPrices()).hasSize(24);
        assertThat(BOOK.ec2OnDemandPrices()).hasSize(23).doesNotContainKey("c5.2xlarge");
    }
}
