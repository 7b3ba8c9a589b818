package io.fleetsim.scenario;

import java.util.List;

/**
 * The placement registry's contract as the loader tests need it (io.fleetsim.placement.PlacementPolicies):
 * binpack takes cpu|memory, spread takes instanceId|host|attribute:NAME, random no field; distinctInstance no
 * expression, memberOf a non-empty expression.
 */
final class FakePlacementRules implements PlacementRules {

    static final FakePlacementRules INSTANCE = new FakePlacementRules();

    @Override
    public List<String> strategyNames() {
        return List.of("binpack", "random", "spread");
    }

    @Override
    public List<String> constraintNames() {
        return List.of("distinctInstance", "memberOf");
    }

    @Override
    public String checkStrategy(String type, String field) {
        switch (type) {
            case "binpack":
                return "cpu".equals(field) || "memory".equals(field) ? null
                        : "binpack needs field cpu or memory, found " + field;
            case "spread":
                return field != null && (field.equals("instanceId") || field.equals("host")
                        || field.startsWith("attribute:")) ? null
                        : "spread needs field instanceId, host or attribute:NAME, found " + field;
            case "random":
                return field == null ? null : "random takes no field, found " + field;
            default:
                return "unknown strategy " + type;
        }
    }

    @Override
    public String checkConstraint(String type, String expression) {
        switch (type) {
            case "distinctInstance":
                return expression == null ? null : "distinctInstance takes no expression";
            case "memberOf":
                return expression != null && !expression.isBlank() ? null : "memberOf needs an expression";
            default:
                return "unknown constraint " + type;
        }
    }
}
