package io.fleetsim.cloud;

import java.math.BigDecimal;

/**
 * SKELETON (contract): unit prices, USD, exact decimals as published. Discounts are fractions (0.70 = 70% off).
 * A price book is immutable; {@code with...} returns a copy (a run can be re-priced under another book).
 */
public final class PriceBook {

    public BigDecimal ec2OnDemandPerHour(String instanceType) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Fraction off on-demand for EC2 Spot (an assumption: AWS publishes no fixed Spot discount). */
    public BigDecimal ec2SpotDiscount() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Fargate Linux per vCPU-second (section 1.3, official per-second rates). */
    public BigDecimal fargateVcpuPerSecond(Architecture arch) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Fargate Linux per GB-second (GB = 1024^3 bytes). */
    public BigDecimal fargateGbPerSecond(Architecture arch) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Fargate ephemeral storage above 20 GB, per GB-second. */
    public BigDecimal fargateEphemeralGbPerSecond() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Fraction off Fargate for Fargate Spot, default 0.70. */
    public BigDecimal fargateSpotDiscount() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** ECR private repository storage per GB-month. */
    public BigDecimal ecrStoragePerGbMonth() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** EKS control plane per cluster-hour (standard support). */
    public BigDecimal eksControlPlanePerHour() {
        throw new UnsupportedOperationException("skeleton");
    }

    public PriceBook withFargateSpotDiscount(BigDecimal discount) {
        throw new UnsupportedOperationException("skeleton");
    }

    public PriceBook withEc2SpotDiscount(BigDecimal discount) {
        throw new UnsupportedOperationException("skeleton");
    }
}
