package io.fleetsim.cloud;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Unit prices of one region, USD, exact decimals as published. Discounts are fractions (0.70 = 70% off).
 * A price book is immutable; {@code with...} returns a copy, so one run's usage can be re-priced under another
 * book without simulating again (DESIGN.md principle 4).
 *
 * <p>The bundled books come from the catalog files ({@link Catalog#prices()}), which name the source of every
 * value. The us-east-1 defaults and their sources (platform-semantics.md):
 * <ul>
 *   <li>Fargate Linux per-second rates, section 1.3 [official, examples on https://aws.amazon.com/fargate/pricing/]:
 *       x86 vCPU 0.000011244, x86 GB 0.000001235, ARM vCPU 0.0000089944, ARM GB 0.0000009889, ephemeral storage
 *       above 20 GB 0.0000000308 per GB-second.</li>
 *   <li>Fargate Spot discount 0.70, section 1.4 ("up to a 70% discount"; AWS publishes no fixed Spot price).</li>
 *   <li>EC2 on-demand per type, section 2.2 (Karpenter's generated copy of the AWS Price List, 2026-07-20).</li>
 *   <li>EC2 Spot discount 0.60: an assumption. AWS publishes no fixed Spot discount (Spot prices move,
 *       section 2.5); set it per scenario.</li>
 *   <li>ECR private storage 0.10 per GB-month, section 4 [secondary, UNVERIFIED against the ECR pricing page].</li>
 *   <li>EKS control plane 0.10 per cluster-hour, standard support, section 3 [secondary, verbatim quote].</li>
 *   <li>730 hours per month: the AWS Pricing Calculator convention, used to turn GB-month prices into
 *       time-based rates.</li>
 * </ul>
 *
 * <p>Caveats: Fargate and EC2 Spot are priced as a fixed fraction off on-demand; real Spot prices move over time.
 * Windows, Savings Plans, Reserved Instances, extended EKS support and data transfer are not modelled.
 */
public final class PriceBook {

    private final SortedMap<String, BigDecimal> ec2OnDemandPerHour;
    private final BigDecimal ec2SpotDiscount;
    private final BigDecimal fargateX86VcpuPerSecond;
    private final BigDecimal fargateX86GbPerSecond;
    private final BigDecimal fargateArmVcpuPerSecond;
    private final BigDecimal fargateArmGbPerSecond;
    private final BigDecimal fargateEphemeralGbPerSecond;
    private final BigDecimal fargateSpotDiscount;
    private final BigDecimal ecrStoragePerGbMonth;
    private final BigDecimal eksControlPlanePerHour;
    private final int hoursPerMonth;

    private PriceBook(Builder b) {
        this.ec2OnDemandPerHour = Collections.unmodifiableSortedMap(new TreeMap<>(b.ec2OnDemandPerHour));
        this.ec2SpotDiscount = discount("ec2SpotDiscount", b.ec2SpotDiscount);
        this.fargateX86VcpuPerSecond = price("fargateVcpuPerSecond(X86_64)", b.fargateX86VcpuPerSecond);
        this.fargateX86GbPerSecond = price("fargateGbPerSecond(X86_64)", b.fargateX86GbPerSecond);
        this.fargateArmVcpuPerSecond = price("fargateVcpuPerSecond(ARM64)", b.fargateArmVcpuPerSecond);
        this.fargateArmGbPerSecond = price("fargateGbPerSecond(ARM64)", b.fargateArmGbPerSecond);
        this.fargateEphemeralGbPerSecond = price("fargateEphemeralGbPerSecond", b.fargateEphemeralGbPerSecond);
        this.fargateSpotDiscount = discount("fargateSpotDiscount", b.fargateSpotDiscount);
        this.ecrStoragePerGbMonth = price("ecrStoragePerGbMonth", b.ecrStoragePerGbMonth);
        this.eksControlPlanePerHour = price("eksControlPlanePerHour", b.eksControlPlanePerHour);
        if (b.hoursPerMonth <= 0) {
            throw new IllegalArgumentException("hoursPerMonth must be > 0 (AWS convention 730), found "
                    + b.hoursPerMonth);
        }
        this.hoursPerMonth = b.hoursPerMonth;
    }

    /** A builder with nothing set; {@link Builder#build()} requires every price. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this book's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ec2OnDemandPerHour.putAll(ec2OnDemandPerHour);
        b.ec2SpotDiscount = ec2SpotDiscount;
        b.fargateX86VcpuPerSecond = fargateX86VcpuPerSecond;
        b.fargateX86GbPerSecond = fargateX86GbPerSecond;
        b.fargateArmVcpuPerSecond = fargateArmVcpuPerSecond;
        b.fargateArmGbPerSecond = fargateArmGbPerSecond;
        b.fargateEphemeralGbPerSecond = fargateEphemeralGbPerSecond;
        b.fargateSpotDiscount = fargateSpotDiscount;
        b.ecrStoragePerGbMonth = ecrStoragePerGbMonth;
        b.eksControlPlanePerHour = eksControlPlanePerHour;
        b.hoursPerMonth = hoursPerMonth;
        return b;
    }

    /**
     * Linux on-demand USD per instance-hour.
     *
     * @throws IllegalArgumentException if the book has no price for {@code instanceType}
     */
    public BigDecimal ec2OnDemandPerHour(String instanceType) {
        Objects.requireNonNull(instanceType, "instanceType");
        BigDecimal p = ec2OnDemandPerHour.get(instanceType);
        if (p == null) {
            throw new IllegalArgumentException("no EC2 on-demand price for instance type '" + instanceType
                    + "'; the price book knows " + ec2OnDemandPerHour.keySet());
        }
        return p;
    }

    /** Every EC2 on-demand price in the book, by instance type name (sorted). */
    public SortedMap<String, BigDecimal> ec2OnDemandPrices() {
        return ec2OnDemandPerHour;
    }

    /** Fraction off on-demand for EC2 Spot (an assumption: AWS publishes no fixed Spot discount). */
    public BigDecimal ec2SpotDiscount() {
        return ec2SpotDiscount;
    }

    /** Fargate Linux per vCPU-second (section 1.3, official per-second rates). */
    public BigDecimal fargateVcpuPerSecond(Architecture arch) {
        return switch (Objects.requireNonNull(arch, "arch")) {
            case X86_64 -> fargateX86VcpuPerSecond;
            case ARM64 -> fargateArmVcpuPerSecond;
        };
    }

    /** Fargate Linux per GB-second (GB = 1024^3 bytes). */
    public BigDecimal fargateGbPerSecond(Architecture arch) {
        return switch (Objects.requireNonNull(arch, "arch")) {
            case X86_64 -> fargateX86GbPerSecond;
            case ARM64 -> fargateArmGbPerSecond;
        };
    }

    /** Fargate ephemeral storage above the included 20 GB, per GB-second (section 1.3 and 1.5). */
    public BigDecimal fargateEphemeralGbPerSecond() {
        return fargateEphemeralGbPerSecond;
    }

    /** Fraction off Fargate for Fargate Spot, default 0.70 (section 1.4, "up to a 70% discount"). */
    public BigDecimal fargateSpotDiscount() {
        return fargateSpotDiscount;
    }

    /** ECR private repository storage per GB-month (section 4, [secondary]). */
    public BigDecimal ecrStoragePerGbMonth() {
        return ecrStoragePerGbMonth;
    }

    /** EKS control plane per cluster-hour (standard support, section 3). */
    public BigDecimal eksControlPlanePerHour() {
        return eksControlPlanePerHour;
    }

    /** Hours in the billing month used for per-month prices: 730 (AWS Pricing Calculator convention). */
    public int hoursPerMonth() {
        return hoursPerMonth;
    }

    /**
     * A copy with another Fargate Spot discount.
     *
     * @throws IllegalArgumentException unless {@code 0 <= discount < 1}
     */
    public PriceBook withFargateSpotDiscount(BigDecimal discount) {
        Builder b = toBuilder();
        b.fargateSpotDiscount = discount("fargateSpotDiscount", discount);
        return b.build();
    }

    /**
     * A copy with another EC2 Spot discount.
     *
     * @throws IllegalArgumentException unless {@code 0 <= discount < 1}
     */
    public PriceBook withEc2SpotDiscount(BigDecimal discount) {
        Builder b = toBuilder();
        b.ec2SpotDiscount = discount("ec2SpotDiscount", discount);
        return b.build();
    }

    @Override
    public String toString() {
        return "PriceBook[" + ec2OnDemandPerHour.size() + " EC2 types, ec2SpotDiscount=" + ec2SpotDiscount.toPlainString()
                + ", fargateSpotDiscount=" + fargateSpotDiscount.toPlainString() + "]";
    }

    private static BigDecimal price(String name, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is not set");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, found " + value.toPlainString());
        }
        return value;
    }

    private static BigDecimal discount(String name, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is not set");
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(name + " must be a fraction with 0 <= discount < 1 (0.70 = 70% off), found "
                    + value.toPlainString());
        }
        return value;
    }

    /** Mutable builder; {@link #build()} validates every value. */
    public static final class Builder {
        private final SortedMap<String, BigDecimal> ec2OnDemandPerHour = new TreeMap<>();
        private BigDecimal ec2SpotDiscount;
        private BigDecimal fargateX86VcpuPerSecond;
        private BigDecimal fargateX86GbPerSecond;
        private BigDecimal fargateArmVcpuPerSecond;
        private BigDecimal fargateArmGbPerSecond;
        private BigDecimal fargateEphemeralGbPerSecond;
        private BigDecimal fargateSpotDiscount;
        private BigDecimal ecrStoragePerGbMonth;
        private BigDecimal eksControlPlanePerHour;
        private int hoursPerMonth;

        private Builder() {
        }

        /** Sets the on-demand USD per hour of one instance type (replaces an earlier value). */
        public Builder ec2OnDemandPerHour(String instanceType, BigDecimal perHour) {
            Objects.requireNonNull(instanceType, "instanceType");
            ec2OnDemandPerHour.put(instanceType, price("ec2OnDemandPerHour(" + instanceType + ")", perHour));
            return this;
        }

        /** Sets every price of {@code perHour} (replaces earlier values of the same types). */
        public Builder ec2OnDemandPerHour(Map<String, BigDecimal> perHour) {
            perHour.forEach(this::ec2OnDemandPerHour);
            return this;
        }

        public Builder ec2SpotDiscount(BigDecimal discount) {
            this.ec2SpotDiscount = discount;
            return this;
        }

        public Builder fargateVcpuPerSecond(Architecture arch, BigDecimal perSecond) {
            switch (Objects.requireNonNull(arch, "arch")) {
                case X86_64 -> fargateX86VcpuPerSecond = perSecond;
                case ARM64 -> fargateArmVcpuPerSecond = perSecond;
            }
            return this;
        }

        public Builder fargateGbPerSecond(Architecture arch, BigDecimal perSecond) {
            switch (Objects.requireNonNull(arch, "arch")) {
                case X86_64 -> fargateX86GbPerSecond = perSecond;
                case ARM64 -> fargateArmGbPerSecond = perSecond;
            }
            return this;
        }

        public Builder fargateEphemeralGbPerSecond(BigDecimal perSecond) {
            this.fargateEphemeralGbPerSecond = perSecond;
            return this;
        }

        public Builder fargateSpotDiscount(BigDecimal discount) {
            this.fargateSpotDiscount = discount;
            return this;
        }

        public Builder ecrStoragePerGbMonth(BigDecimal perGbMonth) {
            this.ecrStoragePerGbMonth = perGbMonth;
            return this;
        }

        public Builder eksControlPlanePerHour(BigDecimal perHour) {
            this.eksControlPlanePerHour = perHour;
            return this;
        }

        public Builder hoursPerMonth(int hours) {
            this.hoursPerMonth = hours;
            return this;
        }

        /**
         * The immutable book.
         *
         * @throws IllegalArgumentException if a price is missing or negative, or a discount is outside [0, 1)
         */
        public PriceBook build() {
            return new PriceBook(this);
        }
    }
}
