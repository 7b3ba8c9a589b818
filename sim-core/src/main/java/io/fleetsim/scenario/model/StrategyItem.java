package io.fleetsim.scenario.model;

/**
 * One item of a capacity provider strategy (ECS API {@code CapacityProviderStrategyItem}).
 * platform-semantics.md section 5.6: {@code base} tasks go to this provider first (only one item may have a base),
 * the rest are split by {@code weight}; a weight of 0 takes no tasks beyond its base.
 */
public record StrategyItem(String capacityProvider, int base, int weight) {
}
