package io.fleetsim.scenario;

import io.fleetsim.placement.PlacementPolicies;
import java.util.List;

/**
 * Validation of placement strategies and constraints by name, through the registry in
 * {@link PlacementPolicies} (DESIGN.md principle 6). Behind an interface so tests of the loader do not depend on
 * the placement package's implementation.
 */
interface PlacementRules {

    /** Registered strategy names, e.g. binpack, random, spread. */
    List<String> strategyNames();

    /** Registered constraint names, e.g. distinctInstance, memberOf. */
    List<String> constraintNames();

    /** {@code null} when {@code (type, field)} is a valid strategy, else what is wrong. */
    String checkStrategy(String type, String field);

    /** {@code null} when {@code (type, expression)} is a valid constraint, else what is wrong. */
    String checkConstraint(String type, String expression);

    /** The registry in {@link PlacementPolicies}: builds each policy and reports its IllegalArgumentException. */
    static PlacementRules registry() {
        return new PlacementRules() {
            @Override
            public List<String> strategyNames() {
                return PlacementPolicies.strategyNames();
            }

            @Override
            public List<String> constraintNames() {
                return PlacementPolicies.constraintNames();
            }

            @Override
            public String checkStrategy(String type, String field) {
                try {
                    PlacementPolicies.strategy(type, field);
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            }

            @Override
            public String checkConstraint(String type, String expression) {
                try {
                    PlacementPolicies.constraint(type, expression);
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            }
        };
    }
}
