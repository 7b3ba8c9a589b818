package io.fleetsim.placement;

import io.fleetsim.text.NearMiss;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of ECS placement strategies and constraints by name (DESIGN.md principle 6). Names and fields follow
 * the ECS API (platform-semantics.md sections 5.2 and 5.3; API PlacementStrategy and PlacementConstraint):
 * <ul>
 *   <li>{@code binpack}, field {@code cpu} or {@code memory} ({@link BinpackStrategy});</li>
 *   <li>{@code random}, no field ({@link RandomStrategy});</li>
 *   <li>{@code spread}, field {@code instanceId}, {@code host} (same effect) or {@code attribute:NAME}
 *       ({@link SpreadStrategy});</li>
 *   <li>{@code distinctInstance}, no expression ({@link DistinctInstanceConstraint});</li>
 *   <li>{@code memberOf}, a cluster query language expression ({@link ClusterQuery}).</li>
 * </ul>
 * Every factory is listed explicitly below, in one place. Names, fields and keywords are case-sensitive, as in the
 * ECS API. Unknown names and malformed fields or expressions throw {@link IllegalArgumentException} saying what was
 * expected, what was found, and the near miss if there is one. A user's own strategy is a
 * {@link PlacementStrategy} put straight into a {@link PlacementRequest}; it needs no name here.
 *
 * <p>Strategies and constraints returned are immutable and may be shared by simulations on several threads.
 */
public final class PlacementPolicies {

    private static final String SPREAD_FIELDS = "instanceId, host or attribute:<name> (like"
            + " attribute:ecs.availability-zone)";

    private static final Map<String, Function<String, PlacementStrategy>> STRATEGIES = new LinkedHashMap<>();
    private static final Map<String, Function<String, PlacementConstraint>> CONSTRAINTS = new LinkedHashMap<>();

    static {
        STRATEGIES.put("binpack", PlacementPolicies::binpack);
        STRATEGIES.put("random", PlacementPolicies::random);
        STRATEGIES.put("spread", PlacementPolicies::spread);
        CONSTRAINTS.put("distinctInstance", PlacementPolicies::distinctInstance);
        CONSTRAINTS.put("memberOf", PlacementPolicies::memberOf);
    }

    private static final List<String> STRATEGY_NAMES = Collections.unmodifiableList(
            new ArrayList<>(STRATEGIES.keySet()));
    private static final List<String> CONSTRAINT_NAMES = Collections.unmodifiableList(
            new ArrayList<>(CONSTRAINTS.keySet()));

    private PlacementPolicies() {
    }

    /** {@code binpack} (field cpu|memory), {@code spread} (instanceId|host|attribute:NAME), {@code random}. */
    public static PlacementStrategy strategy(String type, String field) {
        Function<String, PlacementStrategy> factory = type == null ? null : STRATEGIES.get(type);
        if (factory == null) {
            throw new IllegalArgumentException(unknown("placement strategy type", type, STRATEGY_NAMES));
        }
        return factory.apply(field);
    }

    /** {@code distinctInstance} (no expression) or {@code memberOf} (cluster query language expression). */
    public static PlacementConstraint constraint(String type, String expression) {
        Function<String, PlacementConstraint> factory = type == null ? null : CONSTRAINTS.get(type);
        if (factory == null) {
            throw new IllegalArgumentException(unknown("placement constraint type", type, CONSTRAINT_NAMES));
        }
        return factory.apply(expression);
    }

    /** Registered strategy types, in registration order: binpack, random, spread. */
    public static List<String> strategyNames() {
        return STRATEGY_NAMES;
    }

    /** Registered constraint types, in registration order: distinctInstance, memberOf. */
    public static List<String> constraintNames() {
        return CONSTRAINT_NAMES;
    }

    private static PlacementStrategy binpack(String field) {
        if ("cpu".equals(field)) {
            return new BinpackStrategy(false);
        }
        if ("memory".equals(field)) {
            return new BinpackStrategy(true);
        }
        throw new IllegalArgumentException("binpack field must be cpu or memory, found " + quoted(field)
                + NearMiss.hint(field, List.of("cpu", "memory")));
    }

    private static PlacementStrategy random(String field) {
        if (field != null && !field.isEmpty()) {
            throw new IllegalArgumentException("random takes no field, found " + quoted(field));
        }
        return RandomStrategy.INSTANCE;
    }

    private static PlacementStrategy spread(String field) {
        if ("instanceId".equals(field) || "host".equals(field)) {
            return new SpreadStrategy(field, null);
        }
        if (field != null && field.startsWith(QuerySubject.ATTRIBUTE_PREFIX)) {
            String name = field.substring(QuerySubject.ATTRIBUTE_PREFIX.length());
            if (!name.isEmpty()) {
                return new SpreadStrategy(field, new NodeAttribute(name));
            }
        }
        throw new IllegalArgumentException("spread field must be " + SPREAD_FIELDS + ", found " + quoted(field)
                + NearMiss.hint(field, List.of("instanceId", "host", "attribute:ecs.availability-zone")));
    }

    /** Whether {@code c} is the {@code distinctInstance} constraint. */
    public static boolean isDistinctInstance(PlacementConstraint c) {
        return c == DistinctInstanceConstraint.INSTANCE;
    }

    private static PlacementConstraint distinctInstance(String expression) {
        if (expression != null && !expression.isEmpty()) {
            throw new IllegalArgumentException("distinctInstance takes no expression, found " + quoted(expression));
        }
        return DistinctInstanceConstraint.INSTANCE;
    }

    private static PlacementConstraint memberOf(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("memberOf needs a cluster query language expression (like"
                    + " attribute:ecs.instance-type =~ t3.*), found " + quoted(expression));
        }
        return new MemberOfConstraint(ClusterQuery.parse(expression));
    }

    private static String unknown(String what, String found, List<String> known) {
        return "unknown " + what + " " + quoted(found) + "; known: " + String.join(", ", known)
                + NearMiss.hint(found, known);
    }

    private static String quoted(String s) {
        return s == null ? "none" : "'" + s + "'";
    }
}
