package io.fleetsim.placement;

import io.fleetsim.engine.RandomStream;
import java.util.List;

/**
 * ECS {@code binpack} on {@code cpu} or {@code memory}: keeps the candidates with the least remaining amount of the
 * field. Source: platform-semantics.md section 5.2 (AWS {@code task-placement-strategies.md}): the task goes "on the
 * instance with the least amount of remaining memory [or cpu] but still enough to run the task".
 *
 * <p>"Still enough" needs no check here: only nodes that fit the task reach strategies ({@link Placer}). Remaining
 * amounts are compared before the task is placed; subtracting the task's size from every candidate would not change
 * the order.
 *
 * <p>Caveats: the scale-in half of binpack (stop the task on the instance left with the most resources) belongs to
 * the service scheduler, not to placement.
 */
final class BinpackStrategy implements PlacementStrategy {

    private final boolean memory;

    BinpackStrategy(boolean memory) {
        this.memory = memory;
    }

    @Override
    public void narrow(List<PlacementNode> candidates, PlacementRequest request,
            List<? extends PlacementNode> allNodes, RandomStream random) {
        final int n = candidates.size();
        int least = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            least = Math.min(least, remaining(candidates.get(i)));
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            PlacementNode node = candidates.get(i);
            if (remaining(node) == least) {
                candidates.set(kept++, node);
            }
        }
        Candidates.truncate(candidates, kept);
    }

    /** Whether the field is memory (else CPU); read by {@link PlacementIndex}. */
    boolean onMemory() {
        return memory;
    }

    private int remaining(PlacementNode node) {
        return memory ? node.remainingMemoryMiB() : node.remainingCpu();
    }

    @Override
    public String toString() {
        return memory ? "binpack(memory)" : "binpack(cpu)";
    }
}
