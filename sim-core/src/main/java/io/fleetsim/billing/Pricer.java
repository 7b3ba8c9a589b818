package io.fleetsim.billing;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.PriceBook;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prices usage records with a price book, in {@link BigDecimal}: one {@link CostLine} per {@link UsageRecord}, in
 * the order given. Quantities are integers in base units (see {@link UsageType}); the formulas
 * (platform-semantics.md sections 1.3, 2.2, 3 and 4):
 * <ul>
 *   <li>EC2: {@code cost = seconds x $/h x (1 - ec2SpotDiscount if spot) / 3600}; amount in instance-hours.</li>
 *   <li>Fargate vCPU: {@code cost = unit-seconds / 1024 x $/vCPU-second x (1 - fargateSpotDiscount if spot)};
 *       amount in vCPU-hours. Memory likewise with MiB-seconds / 1024 = GB-seconds (AWS's GB is 1024^3 bytes,
 *       section 1.2); amount in GB-hours.</li>
 *   <li>Fargate ephemeral storage above 20 GB: {@code cost = GiB-seconds x $/GB-second}; amount in GB-hours.</li>
 *   <li>ECR: {@code cost = byte-seconds / 1024^3 / (hoursPerMonth x 3600) x $/GB-month} (730 h, the AWS Pricing
 *       Calculator convention); amount in GB-months.</li>
 *   <li>EKS: {@code cost = seconds / 3600 x $/cluster-hour}; amount in cluster-hours.</li>
 * </ul>
 * Every cost is computed from the integer quantity in one step (multiply, then divide once), never from the
 * rounded amount. Divisions are exact when the quotient terminates (Fargate's division by 1024 always does);
 * otherwise they keep 34 significant digits ({@link MathContext#DECIMAL128}), far below a millionth of a cent.
 * {@link CostReport#total()} is the exact sum of the line costs. Rounding to cents is left to display.
 *
 * <p>Caveats: Spot is a fixed fraction off on-demand (see {@link PriceBook}). The Fargate Spot discount is applied
 * to vCPU and memory only: AWS states it for "the regular Fargate price" and the Spot price tables quoted by
 * secondary sources list vCPU and GB rates only, so ephemeral storage on Spot is priced at the regular rate
 * [assumption].
 */
public final class Pricer {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal UNITS_PER_VCPU = BigDecimal.valueOf(1024);   // section 1.1: 1024 units = 1 vCPU
    private static final BigDecimal MIB_PER_GB = BigDecimal.valueOf(1024);       // section 1.2: GB = 1024^3 bytes
    private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1L << 30);

    private Pricer() {
    }

    /**
     * One line per record, in order, and the exact total.
     *
     * @throws IllegalArgumentException if a record has a negative quantity, a key the price book cannot price
     *                                  (unknown instance type, malformed key) or an unpriced EKS support tier
     */
    public static CostReport price(List<UsageRecord> usage, PriceBook prices) {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(prices, "prices");
        List<CostLine> lines = new ArrayList<>(usage.size());
        BigDecimal total = BigDecimal.ZERO;
        for (UsageRecord r : usage) {
            CostLine line = line(Objects.requireNonNull(r, "usage record"), prices);
            lines.add(line);
            total = total.add(line.cost());
        }
        return new CostReport(lines, total);
    }

    /** Prices one record (see the class comment for the formulas). */
    static CostLine line(UsageRecord r, PriceBook prices) {
        if (r.quantity() < 0) {
            throw new IllegalArgumentException("cannot price a negative quantity: " + r);
        }
        BigDecimal q = BigDecimal.valueOf(r.quantity());
        return switch (r.type()) {
            case EC2_INSTANCE_SECONDS -> {
                int slash = r.key().lastIndexOf('/');
                boolean spot = isSpot(r, slash < 0 ? "" : r.key().substring(slash + 1));
                BigDecimal hourly = prices.ec2OnDemandPerHour(r.key().substring(0, slash));
                BigDecimal unitPrice = spot ? hourly.multiply(BigDecimal.ONE.subtract(prices.ec2SpotDiscount()))
                        : hourly;
                yield new CostLine(r, "instance-hours", divide(q, SECONDS_PER_HOUR), unitPrice,
                        divide(q.multiply(unitPrice), SECONDS_PER_HOUR));
            }
            case FARGATE_VCPU -> fargate(r, q, "vCPU-hours", UNITS_PER_VCPU, prices.fargateVcpuPerSecond(arch(r)),
                    fargateFactor(r, prices));
            case FARGATE_MEMORY -> fargate(r, q, "GB-hours", MIB_PER_GB, prices.fargateGbPerSecond(arch(r)),
                    fargateFactor(r, prices));
            case FARGATE_EPHEMERAL_STORAGE -> {
                arch(r); // validates the key; storage has one rate for every platform and option
                yield fargate(r, q, "GB-hours (storage above 20 GB)", BigDecimal.ONE,
                        prices.fargateEphemeralGbPerSecond(), BigDecimal.ONE);
            }
            case ECR_STORAGE -> {
                BigDecimal secondsPerMonth = SECONDS_PER_HOUR.multiply(BigDecimal.valueOf(prices.hoursPerMonth()));
                BigDecimal byteSecondsPerGbMonth = BYTES_PER_GB.multiply(secondsPerMonth);
                BigDecimal unitPrice = prices.ecrStoragePerGbMonth();
                yield new CostLine(r, "GB-months", divide(q, byteSecondsPerGbMonth), unitPrice,
                        divide(q.multiply(unitPrice), byteSecondsPerGbMonth));
            }
            case EKS_CONTROL_PLANE -> {
                if (!r.key().equals(UsageLedger.EKS_STANDARD_KEY)) {
                    throw new IllegalArgumentException("EKS control plane key must be '"
                            + UsageLedger.EKS_STANDARD_KEY + "' (standard support; extended support is not priced), "
                            + "found '" + r.key() + "' in " + r);
                }
                BigDecimal unitPrice = prices.eksControlPlanePerHour();
                yield new CostLine(r, "cluster-hours", divide(q, SECONDS_PER_HOUR), unitPrice,
                        divide(q.multiply(unitPrice), SECONDS_PER_HOUR));
            }
        };
    }

    /**
     * A Fargate line: {@code quantity / perUnit} base units of one second at {@code perSecond x factor}; the amount
     * is shown per hour.
     */
    private static CostLine fargate(UsageRecord r, BigDecimal q, String unit, BigDecimal perUnit,
            BigDecimal perSecond, BigDecimal factor) {
        BigDecimal ratePerSecond = perSecond.multiply(factor);
        BigDecimal cost = divide(q.multiply(ratePerSecond), perUnit);
        BigDecimal amount = divide(q, perUnit.multiply(SECONDS_PER_HOUR));
        return new CostLine(r, unit, amount, ratePerSecond.multiply(SECONDS_PER_HOUR), cost);
    }

    private static BigDecimal fargateFactor(UsageRecord r, PriceBook prices) {
        return isSpot(r, option(r)) ? BigDecimal.ONE.subtract(prices.fargateSpotDiscount()) : BigDecimal.ONE;
    }

    /** Architecture of a Fargate key {@code "x86_64/on-demand"}, {@code "arm64/spot"}, ... */
    private static Architecture arch(UsageRecord r) {
        String key = r.key();
        int slash = key.indexOf('/');
        String arch = slash < 0 ? key : key.substring(0, slash);
        isSpot(r, option(r)); // validates the option part
        switch (arch) {
            case "x86_64":
                return Architecture.X86_64;
            case "arm64":
                return Architecture.ARM64;
            default:
                throw new IllegalArgumentException("Fargate key must be '<x86_64|arm64>/<on-demand|spot>', found '"
                        + key + "' in " + r);
        }
    }

    private static String option(UsageRecord r) {
        int slash = r.key().indexOf('/');
        return slash < 0 ? "" : r.key().substring(slash + 1);
    }

    private static boolean isSpot(UsageRecord r, String option) {
        switch (option) {
            case "on-demand":
                return false;
            case "spot":
                return true;
            default:
                throw new IllegalArgumentException("key must end in '/on-demand' or '/spot', found '" + r.key()
                        + "' in " + r);
        }
    }

    /** Exact quotient when it terminates, else 34 significant digits. */
    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        try {
            return dividend.divide(divisor);
        } catch (ArithmeticException nonTerminating) {
            return dividend.divide(divisor, MathContext.DECIMAL128);
        }
    }
}
