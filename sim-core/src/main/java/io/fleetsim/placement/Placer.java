package io.fleetsim.placement;

import io.fleetsim.engine.RandomStream;
import java.util.ArrayList;
import java.util.List;

/**
 * ECS task placement on EC2 capacity, in the documented order (platform-semantics.md section 5.1; AWS
 * {@code task-placement.md}):
 * <ol>
 *   <li>resource fit: {@code remainingCpu >= cpuUnits}, {@code remainingMemoryMiB >= memoryMiB}, and for an awsvpc
 *       task {@code remainingEniSlots >= 1} (section 2.4: each awsvpc task takes one ENI, or one trunk branch);</li>
 *   <li>constraints: binding, every one must allow the node;</li>
 *   <li>strategies in order, each narrowing the candidates to those it ranks best (section 5.2, "Chaining");</li>
 *   <li>select: the first candidate left in node-list order.</li>
 * </ol>
 * No feasible node gives -1: the task stays PENDING (section 5.1: constraints are binding).
 *
 * <p>Final tie-break: ECS does not document how it chooses among equally ranked instances (section 5.2, marked
 * [UNVERIFIED]). fleetsim takes the first in node-list order, which the cluster model keeps in registration order,
 * so results are deterministic and a run needs no random draw unless it asks for {@code random}. A consequence
 * worth knowing: with {@code spread(attribute:ecs.availability-zone)} alone, tasks fill the first-registered
 * instance of each zone before the next one; add {@code spread(instanceId)} or {@code binpack} to choose inside a
 * zone.
 *
 * <p>Once one candidate is left the remaining strategies are skipped (they could not change the choice), so a
 * {@code random} strategy then draws nothing.
 *
 * <p>Cost: one pass over the nodes for fit and constraints, then each strategy (O(nodes) for spread on an
 * attribute, O(candidates) otherwise), then an identity scan to return the index. The only list is the reusable
 * candidate list of the {@code Placer} instance. {@code nodes} should be a random-access list. The cluster model
 * places through {@link PlacementIndex}, which makes the same decisions without a scan for binpack, spread by zone
 * then binpack, spread by instance alone or after spread by zone (the ECS service default), and {@code [random]}
 * (the EC2 job default; the same node and the same draws), each with or without distinctInstance, and calls this
 * class for everything else.
 *
 * <p>Caveats: GPU and port requirements (step 1 in ECS) are not modelled. A {@code Placer} instance is not
 * thread-safe; the static {@link #place} uses one per thread.
 */
public final class Placer {

    private static final ThreadLocal<Placer> PER_THREAD = ThreadLocal.withInitial(Placer::new);

    private final ArrayList<PlacementNode> candidates = new ArrayList<>();

    /** A placer with its own reusable candidate list, for a caller (one simulation) on one thread. */
    public Placer() {
    }

    /** Index into {@code nodes} of the chosen node, or -1 when no node is feasible (the task stays PENDING). */
    public static int place(PlacementRequest request, List<? extends PlacementNode> nodes, RandomStream random) {
        return PER_THREAD.get().select(request, nodes, random);
    }

    /**
     * Same as {@link #place}, with this instance's candidate list.
     *
     * @param random used only by strategies that draw ({@code random}); may be {@code null} otherwise
     */
    public int select(PlacementRequest request, List<? extends PlacementNode> nodes, RandomStream random) {
        final int cpu = request.cpuUnits();
        final int memory = request.memoryMiB();
        if (cpu < 0 || memory < 0) {
            throw new IllegalArgumentException("a task reserves a non-negative amount of CPU and memory; found cpu="
                    + cpu + " units, memory=" + memory + " MiB");
        }
        final int eniSlots = request.needsEni() ? 1 : 0;
        final List<PlacementConstraint> constraints = request.constraints();
        final ArrayList<PlacementNode> list = candidates;
        list.clear();
        try {
            for (int i = 0, n = nodes.size(); i < n; i++) {
                PlacementNode node = nodes.get(i);
                if (node.remainingCpu() >= cpu && node.remainingMemoryMiB() >= memory
                        && node.remainingEniSlots() >= eniSlots && allowed(node, request, constraints)) {
                    list.add(node);
                }
            }
            if (list.isEmpty()) {
                return -1;
            }
            final List<PlacementStrategy> strategies = request.strategies();
            for (int s = 0, n = strategies.size(); s < n && list.size() > 1; s++) {
                PlacementStrategy strategy = strategies.get(s);
                strategy.narrow(list, request, nodes, random);
                if (list.isEmpty()) {
                    throw new IllegalStateException("placement strategy " + strategy
                            + " removed every candidate; a strategy must keep at least its best one");
                }
            }
            return indexOf(nodes, list.get(0));
        } finally {
            list.clear(); // hold no node between calls
        }
    }

    private static boolean allowed(PlacementNode node, PlacementRequest request,
            List<PlacementConstraint> constraints) {
        for (int c = 0, n = constraints.size(); c < n; c++) {
            if (!constraints.get(c).allows(node, request)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(List<? extends PlacementNode> nodes, PlacementNode chosen) {
        for (int i = 0, n = nodes.size(); i < n; i++) {
            if (nodes.get(i) == chosen) {
                return i;
            }
        }
        throw new IllegalStateException("placement strategy chose " + chosen + ", which is not one of the nodes");
    }
}
