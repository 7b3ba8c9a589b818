package io.fleetsim.placement;

import io.fleetsim.engine.RandomStream;
import java.util.List;

/**
 * ECS {@code spread} over {@code instanceId} ({@code host} is a synonym) or {@code attribute:NAME}: counts the
 * request's task group on each value of the field over all nodes, and keeps the candidates whose value has the
 * fewest. Source: platform-semantics.md section 5.2 (AWS {@code task-placement-strategies.md}, API
 * PlacementStrategy): "places evenly over the field's values"; service tasks count tasks of that service, standalone
 * tasks count their task group. Both are {@link PlacementRequest#group()}.
 *
 * <p>Tasks are counted on every node of the capacity ({@code allNodes}), feasible or not: a zone whose instances
 * are full still holds its tasks, and ignoring them would pile new tasks into the other zones.
 *
 * <p>Nodes without the attribute: AWS does not document this. Here "no such attribute" is one more value of its
 * own. Tasks on such nodes are counted under it (never under a real value), and such candidates compete with that
 * count like any other value. Spread is best effort, so it never rules out a feasible node for lacking an
 * attribute; a user who wants that writes {@code memberOf(attribute:NAME exists)}.
 *
 * <p>Caveats: the scale-in half of spread (stop tasks so as to keep the balance) belongs to the service scheduler.
 * Each call is O(nodes); {@link PlacementIndex} answers spread by zone then binpack, and spread by instance alone
 * or after spread by zone, without it.
 */
final class SpreadStrategy implements PlacementStrategy {

    /** Per-thread scratch counts: strategies are shared by simulations running in parallel. */
    private static final ThreadLocal<ValueCounts> COUNTS = ThreadLocal.withInitial(ValueCounts::new);

    private final String field;
    /** {@code null} for instanceId/host. */
    private final NodeAttribute attribute;

    SpreadStrategy(String field, NodeAttribute attribute) {
        this.field = field;
        this.attribute = attribute;
    }

    @Override
    public void narrow(List<PlacementNode> candidates, PlacementRequest request,
            List<? extends PlacementNode> allNodes, RandomStream random) {
        String group = request.group();
        if (group == null) {
            throw new IllegalArgumentException("spread(" + field + ") needs the request's task group; got null");
        }
        if (attribute == null) {
            narrowByInstance(candidates, group);
        } else {
            narrowByAttribute(candidates, group, allNodes);
        }
    }

    /** Whether this spreads over {@code attribute:ecs.availability-zone}; read by {@link PlacementIndex}. */
    boolean spreadsByZone() {
        return attribute != null && attribute.isZone();
    }

    /** Whether this spreads over {@code instanceId} or {@code host}; read by {@link PlacementIndex}. */
    boolean spreadsByInstance() {
        return attribute == null;
    }

    /** Per instance, a node's count is its own {@code tasksInGroup}; no need to look at the other nodes. */
    private static void narrowByInstance(List<PlacementNode> candidates, String group) {
        final int n = candidates.size();
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            fewest = Math.min(fewest, candidates.get(i).tasksInGroup(group));
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            PlacementNode node = candidates.get(i);
            if (node.tasksInGroup(group) == fewest) {
                candidates.set(kept++, node);
            }
        }
        Candidates.truncate(candidates, kept);
    }

    private void narrowByAttribute(List<PlacementNode> candidates, String group,
            List<? extends PlacementNode> allNodes) {
        final NodeAttribute attr = attribute;
        final ValueCounts counts = COUNTS.get();
        counts.clear();
        for (int i = 0, n = allNodes.size(); i < n; i++) {
            PlacementNode node = allNodes.get(i);
            int tasks = node.tasksInGroup(group);
            if (tasks > 0) {
                counts.add(attr.of(node), tasks);
            }
        }
        final int n = candidates.size();
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            fewest = Math.min(fewest, counts.get(attr.of(candidates.get(i))));
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            PlacementNode node = candidates.get(i);
            if (counts.get(attr.of(node)) == fewest) {
                candidates.set(kept++, node);
            }
        }
        Candidates.truncate(candidates, kept);
    }

    @Override
    public String toString() {
        return "spread(" + field + ")";
    }
}
