package io.fleetsim.billing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A priced run: lines, totals by usage type and by owner, and the grand total (exact: the sum of the line costs).
 * Built by {@link Pricer#price}. Amounts are USD and kept exact; round to cents only when displaying.
 *
 * @param lines one line per usage record, in the order priced
 * @param total exact sum of {@code lines[i].cost()}
 */
public record CostReport(List<CostLine> lines, BigDecimal total) {

    /** Nanoseconds in the 30-day month of {@link #projectedThirtyDays}: 30 x 86,400 s. */
    public static final long THIRTY_DAYS_NANOS = 30L * 86_400L * 1_000_000_000L;

    /**
     * @throws IllegalArgumentException if {@code total} is not the sum of the line costs
     */
    public CostReport {
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total");
        BigDecimal sum = BigDecimal.ZERO;
        for (CostLine line : lines) {
            sum = sum.add(line.cost());
        }
        if (sum.compareTo(total) != 0) {
            throw new IllegalArgumentException("total " + total.toPlainString() + " is not the sum of the line costs "
                    + sum.toPlainString());
        }
    }

    /** Cost per usage type, in {@link UsageType} order; only types that have lines. */
    public SortedMap<UsageType, BigDecimal> byType() {
        SortedMap<UsageType, BigDecimal> out = new TreeMap<>();
        for (CostLine line : lines) {
            out.merge(line.usage().type(), line.cost(), BigDecimal::add);
        }
        return out;
    }

    /** Cost per owner, sorted by owner string. */
    public SortedMap<String, BigDecimal> byOwner() {
        SortedMap<String, BigDecimal> out = new TreeMap<>();
        for (CostLine line : lines) {
            out.merge(line.usage().owner(), line.cost(), BigDecimal::add);
        }
        return out;
    }

    /**
     * This report with every line's amount and cost, and the total, multiplied by {@code factor} (exact). The
     * lines keep their {@link CostLine#usage()} record: the measured quantities the projection is based on.
     *
     * @throws IllegalArgumentException if {@code factor} is negative
     */
    public CostReport scaled(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        if (factor.signum() < 0) {
            throw new IllegalArgumentException("scale factor must be >= 0, found " + factor.toPlainString());
        }
        List<CostLine> out = new ArrayList<>(lines.size());
        for (CostLine l : lines) {
            out.add(new CostLine(l.usage(), l.unit(), l.amount().multiply(factor), l.unitPrice(),
                    l.cost().multiply(factor)));
        }
        return new CostReport(out, total.multiply(factor));
    }

    /**
     * The factor that turns a run of {@code simulatedNanos} into 30 days: {@code 30 days / simulated duration},
     * exact when the quotient terminates, else 34 significant digits.
     *
     * @throws IllegalArgumentException if {@code simulatedNanos <= 0}
     */
    public static BigDecimal thirtyDayFactor(long simulatedNanos) {
        if (simulatedNanos <= 0) {
            throw new IllegalArgumentException("simulated duration must be > 0 ns, found " + simulatedNanos);
        }
        BigDecimal month = BigDecimal.valueOf(THIRTY_DAYS_NANOS);
        BigDecimal run = BigDecimal.valueOf(simulatedNanos);
        try {
            return month.divide(run);
        } catch (ArithmeticException nonTerminating) {
            return month.divide(run, MathContext.DECIMAL128);
        }
    }

    /**
     * The 30-day projection of a run that simulated {@code simulatedNanos}: {@code scaled(30 days / duration)}.
     *
     * <p>This is a linear extrapolation: it assumes the simulated window is representative of the month (daily
     * and weekly cycles, scaling events, Spot interruptions). Simulate whole days, ideally a whole week, for a
     * meaningful projection; per-launch minimums of a short run are extrapolated as if they recurred.
     */
    public CostReport projectedThirtyDays(long simulatedNanos) {
        return scaled(thirtyDayFactor(simulatedNanos));
    }
}
