package io.fleetsim.placement;

/**
 * ECS {@code memberOf(expression)}: allows the instances matching a cluster query language expression
 * (platform-semantics.md section 5.3; AWS {@code task-placement-constraints.md}, {@code cluster-query-language.md}).
 * The expression is parsed once, when the constraint is built.
 */
final class MemberOfConstraint implements PlacementConstraint {

    private final ClusterQuery query;

    MemberOfConstraint(ClusterQuery query) {
        this.query = query;
    }

    @Override
    public boolean allows(PlacementNode node, PlacementRequest request) {
        return query.matches(node);
    }

    @Override
    public String toString() {
        return "memberOf(" + query.expression() + ")";
    }
}
