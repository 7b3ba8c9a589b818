package io.fleetsim.metrics;

import java.math.BigDecimal;
import java.util.List;

/**
 * An EC2 capacity provider's instances over a run and what those above its Auto Scaling group's minimum cost.
 *
 * @param cluster            cluster name
 * @param provider           capacity provider name
 * @param minSize            the Auto Scaling group's minimum
 * @param instances          EC2 instances running (billed) at the end of each simulated minute
 * @param instanceHours      hours of running instances
 * @param extraInstanceHours of those, hours above the minimum: the integral of max(0, running - minSize)
 * @param cost               the provider's priced cost (owner {@code capacity-provider:<cluster>/<name>})
 * @param extraCost          cost x extra instance-seconds / instance-seconds (exact decimal, 34 digits)
 */
public record ProviderElastic(
        String cluster,
        String provider,
        int minSize,
        List<Integer> instances,
        double instanceHours,
        double extraInstanceHours,
        BigDecimal cost,
        BigDecimal extraCost) {

    public ProviderElastic {
        instances = List.copyOf(instances);
    }

    /** {@code <cluster>/<provider>}, as in the cost owners. */
    public String name() {
        return cluster + "/" + provider;
    }
}
