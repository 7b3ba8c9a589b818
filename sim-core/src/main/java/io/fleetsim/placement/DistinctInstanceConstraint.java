package io.fleetsim.placement;

/**
 * ECS {@code distinctInstance}: each task of a group on a different container instance, so a node is allowed iff it
 * runs no task of the request's group. Source: platform-semantics.md section 5.3 (AWS
 * {@code task-placement-constraints.md}). Takes no expression (API PlacementConstraint: "You can't specify an
 * expression if the constraint type is distinctInstance").
 */
final class DistinctInstanceConstraint implements PlacementConstraint {

    static final DistinctInstanceConstraint INSTANCE = new DistinctInstanceConstraint();

    private DistinctInstanceConstraint() {
    }

    @Override
    public boolean allows(PlacementNode node, PlacementRequest request) {
        String group = request.group();
        if (group == null) {
            throw new IllegalArgumentException("distinctInstance needs the request's task group; got null");
        }
        return node.tasksInGroup(group) == 0;
    }

    @Override
    public String toString() {
        return "distinctInstance";
    }
}
