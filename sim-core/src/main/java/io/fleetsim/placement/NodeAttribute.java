package io.fleetsim.placement;

/**
 * A read of one container-instance attribute, shared by {@code spread attribute:NAME} and the cluster query
 * subject {@code attribute:NAME}.
 *
 * <p>The built-in {@code ecs.availability-zone} (platform-semantics.md section 5.3, "Built-in attributes"; AWS
 * {@code task-placement-constraints.md}) is read through {@link PlacementNode#zone()} rather than
 * {@link PlacementNode#attribute(String)}: the PlacementNode contract makes the two equal, and the zone is what the
 * ECS service default strategy ({@code spread attribute:ecs.availability-zone}, section 5.1) reads for every
 * placement, so it takes the field read instead of an attribute lookup.
 */
final class NodeAttribute {

    /** Built-in attribute name of the zone (platform-semantics.md section 5.3). */
    static final String AVAILABILITY_ZONE = "ecs.availability-zone";

    private final String name;
    private final boolean zone;

    NodeAttribute(String name) {
        this.name = name;
        this.zone = AVAILABILITY_ZONE.equals(name);
    }

    String name() {
        return name;
    }

    /** Whether this is the built-in zone attribute, {@code ecs.availability-zone}. */
    boolean isZone() {
        return zone;
    }

    /** The node's value, or {@code null} when it has no such attribute. */
    String of(PlacementNode node) {
        return zone ? node.zone() : node.attribute(name);
    }
}
