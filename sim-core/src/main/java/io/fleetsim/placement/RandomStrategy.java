package io.fleetsim.placement;

import io.fleetsim.engine.RandomStream;
import java.util.List;

/**
 * ECS {@code random}: keeps one candidate chosen uniformly, {@code random.nextInt(candidates.size())}. Source:
 * platform-semantics.md section 5.2 (AWS {@code task-placement-strategies.md}: "random placement"; API
 * PlacementStrategy: "randomly places tasks on available candidates").
 *
 * <p>Exactly one draw per call. {@link Placer} stops applying strategies once a single candidate is left, so a
 * placement with one feasible node draws nothing.
 *
 * <p>{@link PlacementIndex} decides {@code [random]} without constraints or with {@code distinctInstance} without
 * this class or a scan: it keeps, per task shape, the feasible nodes counted and ranked in node-list order, and
 * makes the same draw (only when more than one node is feasible) and takes the node of the same rank. Any other
 * use of {@code random} ({@code memberOf}, or chained with another strategy) is scanned and narrowed here.
 *
 * <p>Caveats: AWS does not document the distribution; uniform over the candidates is the natural reading.
 */
final class RandomStrategy implements PlacementStrategy {

    static final RandomStrategy INSTANCE = new RandomStrategy();

    private RandomStrategy() {
    }

    @Override
    public void narrow(List<PlacementNode> candidates, PlacementRequest request,
            List<? extends PlacementNode> allNodes, RandomStream random) {
        if (random == null) {
            throw new IllegalArgumentException("the random placement strategy needs a RandomStream; got null");
        }
        if (candidates.isEmpty()) {
            return;
        }
        PlacementNode chosen = candidates.get(random.nextInt(candidates.size()));
        candidates.clear();
        candidates.add(chosen);
    }

    @Override
    public String toString() {
        return "random";
    }
}
