package io.fleetsim.reports;

import io.fleetsim.billing.CostLine;
import io.fleetsim.billing.CostReport;
import io.fleetsim.billing.UsageType;
import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Sums a priced run's lines by usage type and by owner, exactly.
 *
 * <p>These are the same sums as {@link CostReport#byType()} and {@link CostReport#byOwner()}; the reports compute
 * them from {@link CostReport#lines()} themselves so that what the tables show is, by construction, the sum of the
 * lines listed under them. Both maps are sorted (enum order, owner name), never hash-ordered.
 */
final class CostBreakdown {

    private CostBreakdown() {
    }

    /** Cost per usage type present in the lines, in {@link UsageType} declaration order. */
    static SortedMap<UsageType, BigDecimal> byType(CostReport cost) {
        SortedMap<UsageType, BigDecimal> sums = new TreeMap<>();
        for (CostLine line : cost.lines()) {
            sums.merge(line.usage().type(), line.cost(), BigDecimal::add);
        }
        return sums;
    }

    /** Cost per owner present in the lines, sorted by owner. */
    static SortedMap<String, BigDecimal> byOwner(CostReport cost) {
        SortedMap<String, BigDecimal> sums = new TreeMap<>();
        for (CostLine line : cost.lines()) {
            sums.merge(line.usage().owner(), line.cost(), BigDecimal::add);
        }
        return sums;
    }
}
