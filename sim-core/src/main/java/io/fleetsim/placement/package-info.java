/**
 * ECS task placement (platform-semantics.md sections 5.1 to 5.3): {@link io.fleetsim.placement.Placer} filters the
 * nodes by resource fit and {@link io.fleetsim.placement.PlacementConstraint}s, narrows them with
 * {@link io.fleetsim.placement.PlacementStrategy}s in order and takes the first left.
 * {@link io.fleetsim.placement.PlacementPolicies} builds strategies and constraints by name;
 * {@link io.fleetsim.placement.ClusterQuery} compiles the cluster query language of {@code memberOf}. Placement
 * only reads the cluster through {@link io.fleetsim.placement.PlacementNode}. {@link io.fleetsim.placement.PlacementIndex}
 * answers the common requests (binpack, spread by zone then binpack, distinctInstance) with the scan's decisions
 * in time independent of the cluster's size.
 */
package io.fleetsim.placement;
