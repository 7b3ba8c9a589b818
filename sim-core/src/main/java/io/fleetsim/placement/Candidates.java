package io.fleetsim.placement;

import java.util.List;

/** In-place helpers for strategies narrowing a candidate list (order kept, no allocation). */
final class Candidates {

    private Candidates() {
    }

    /** Drops the elements from {@code size} on, from the end so an {@code ArrayList} shifts nothing. */
    static void truncate(List<PlacementNode> candidates, int size) {
        for (int i = candidates.size() - 1; i >= size; i--) {
            candidates.remove(i);
        }
    }
}
