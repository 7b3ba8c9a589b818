package io.fleetsim.placement;

import io.fleetsim.engine.RandomStream;
import java.util.List;

/**
 * A best-effort placement strategy. Strategies chain: each keeps only the candidates it ranks best (ties stay) and
 * hands them to the next (platform-semantics.md section 5.2, "Chaining").
 */
public interface PlacementStrategy {

    /**
     * Removes from {@code candidates} (a mutable list of feasible nodes, in node-list order, order to be kept)
     * every node this strategy ranks below the best.
     *
     * @param allNodes every node of the capacity being placed on, feasible or not (spread counts tasks over all)
     */
    void narrow(List<PlacementNode> candidates, PlacementRequest request, List<? extends PlacementNode> allNodes,
            RandomStream random);
}
