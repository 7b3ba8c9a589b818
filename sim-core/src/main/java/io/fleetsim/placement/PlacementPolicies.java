package io.fleetsim.placement;

import java.util.List;

/**
 * SKELETON (contract): the registry of placement strategies and constraints by name (DESIGN.md principle 6).
 * Unknown names and malformed fields or expressions throw {@link IllegalArgumentException} whose message says what
 * was expected and lists the known names.
 */
public final class PlacementPolicies {

    private PlacementPolicies() {
    }

    /** {@code binpack} (field cpu|memory), {@code spread} (instanceId|host|attribute:NAME), {@code random}. */
    public static PlacementStrategy strategy(String type, String field) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** {@code distinctInstance} (no expression) or {@code memberOf} (cluster query language expression). */
    public static PlacementConstraint constraint(String type, String expression) {
        throw new UnsupportedOperationException("skeleton");
    }

    public static List<String> strategyNames() {
        throw new UnsupportedOperationException("skeleton");
    }

    public static List<String> constraintNames() {
        throw new UnsupportedOperationException("skeleton");
    }
}
