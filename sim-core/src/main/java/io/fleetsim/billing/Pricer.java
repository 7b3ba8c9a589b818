package io.fleetsim.billing;

import io.fleetsim.cloud.PriceBook;
import java.util.List;

/** SKELETON (contract): prices usage records with a price book, in BigDecimal. */
public final class Pricer {

    private Pricer() {
    }

    public static CostReport price(List<UsageRecord> usage, PriceBook prices) {
        throw new UnsupportedOperationException("skeleton");
    }
}
