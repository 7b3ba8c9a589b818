package io.fleetsim.traffic;

import io.fleetsim.text.NearMiss;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The registry of load-balancing (routing) algorithms by name (DESIGN.md principle 6): every algorithm is
 * registered explicitly below; an unknown name fails with the list of known ones. The names are ALB's values of
 * the target group attribute {@code load_balancing.algorithm.type}
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#modify-routing-algorithm).
 *
 * <p>Caveats: ALB's third algorithm, {@code weighted_random} (with optional anomaly mitigation), is not modelled.
 */
public final class LoadBalancers {

    /** Sorted, so {@link #names()} and error messages are deterministic. */
    private static final Map<String, Supplier<LoadBalancer>> REGISTRY = new TreeMap<>();

    static {
        REGISTRY.put(RoundRobin.NAME, RoundRobin::new);
        REGISTRY.put(LeastOutstandingRequests.NAME, LeastOutstandingRequests::new);
    }

    private LoadBalancers() {
    }

    /** Known algorithm names, sorted. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(REGISTRY.keySet()));
    }

    /**
     * A new instance of the named algorithm (each service gets its own: algorithms keep rotation state).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static LoadBalancer create(String name) {
        Supplier<LoadBalancer> factory = name == null ? null : REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown load balancing algorithm `" + name + "`"
                    + NearMiss.hintAndList(name, REGISTRY.keySet(), "known algorithms"));
        }
        return factory.get();
    }
}
