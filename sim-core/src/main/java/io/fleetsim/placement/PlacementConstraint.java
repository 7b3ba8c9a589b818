package io.fleetsim.placement;

/** A binding placement constraint (ECS {@code distinctInstance}, {@code memberOf}). */
@FunctionalInterface
public interface PlacementConstraint {
    boolean allows(PlacementNode node, PlacementRequest request);
}
