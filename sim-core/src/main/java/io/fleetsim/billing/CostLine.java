package io.fleetsim.billing;

import java.math.BigDecimal;

/**
 * One priced usage record.
 *
 * @param usage     the record
 * @param unit      human unit of {@code amount}: "instance-hours", "vCPU-hours", "GB-hours", "GB-months", ...
 * @param amount    quantity in {@code unit}, exact
 * @param unitPrice USD per {@code unit}, exact
 * @param cost      USD, exact (rounded to cents only when displayed)
 */
public record CostLine(UsageRecord usage, String unit, BigDecimal amount, BigDecimal unitPrice, BigDecimal cost) {
}
