package io.fleetsim.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;

/** SKELETON (contract): a priced run: lines, totals by usage type and by owner, and the grand total (exact). */
public record CostReport(List<CostLine> lines, BigDecimal total) {

    public SortedMap<UsageType, BigDecimal> byType() {
        throw new UnsupportedOperationException("skeleton");
    }

    public SortedMap<String, BigDecimal> byOwner() {
        throw new UnsupportedOperationException("skeleton");
    }
}
