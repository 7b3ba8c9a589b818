package io.fleetsim.scenario.model;

/**
 * One ECS placement strategy (API {@code PlacementStrategy}).
 *
 * @param type  {@code binpack}, {@code spread} or {@code random} (names registered in
 *              {@code io.fleetsim.placement.PlacementPolicies})
 * @param field binpack: {@code cpu} or {@code memory}; spread: {@code instanceId}, {@code host} or
 *              {@code attribute:<name>}; random: {@code null}
 */
public record PlacementStrategySpec(String type, String field) {
}
