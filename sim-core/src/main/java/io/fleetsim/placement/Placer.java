package io.fleetsim.placement;

import io.fleetsim.engine.RandomStream;
import java.util.List;

/**
 * SKELETON (contract): ECS placement, in the documented order (platform-semantics.md section 5.1): resource fit
 * (CPU, memory, ENI slot) -> constraints -> strategies in order -> select.
 */
public final class Placer {

    private Placer() {
    }

    /** Index into {@code nodes} of the chosen node, or -1 when no node is feasible (the task stays PENDING). */
    public static int place(PlacementRequest request, List<? extends PlacementNode> nodes, RandomStream random) {
        throw new UnsupportedOperationException("skeleton");
    }
}
