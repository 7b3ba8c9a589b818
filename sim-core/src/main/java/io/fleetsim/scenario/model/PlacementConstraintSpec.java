package io.fleetsim.scenario.model;

/**
 * One ECS placement constraint (API {@code PlacementConstraint}).
 *
 * @param type       {@code distinctInstance} or {@code memberOf}
 * @param expression cluster query language expression for {@code memberOf}; {@code null} otherwise
 */
public record PlacementConstraintSpec(String type, String expression) {
}
