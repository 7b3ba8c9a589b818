package io.fleetsim.placement;

/** A compiled cluster query (sub)expression: a predicate over a node. The compound forms live here. */
interface QueryExpr {

    boolean test(PlacementNode node);

    /** {@code left && right}, short-circuit. */
    record And(QueryExpr left, QueryExpr right) implements QueryExpr {
        @Override
        public boolean test(PlacementNode node) {
            return left.test(node) && right.test(node);
        }
    }

    /** {@code left || right}, short-circuit. */
    record Or(QueryExpr left, QueryExpr right) implements QueryExpr {
        @Override
        public boolean test(PlacementNode node) {
            return left.test(node) || right.test(node);
        }
    }

    /** {@code !operand}. */
    record Not(QueryExpr operand) implements QueryExpr {
        @Override
        public boolean test(PlacementNode node) {
            return !operand.test(node);
        }
    }
}
