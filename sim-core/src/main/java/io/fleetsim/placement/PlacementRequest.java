package io.fleetsim.placement;

import java.util.List;

/**
 * One task to place.
 *
 * @param cpuUnits    CPU units the task reserves
 * @param memoryMiB   memory the task reserves
 * @param needsEni    awsvpc network mode: the task takes one ENI slot
 * @param group       task group: {@code service:<name>} for service tasks, {@code family:<name>} for standalone
 * @param constraints binding; a node that fails one is not a candidate
 * @param strategies  applied in order, each narrowing the candidates to its best; final ties go to the node that
 *                    comes first in the node list (registration order)
 */
public record PlacementRequest(int cpuUnits, int memoryMiB, boolean needsEni, String group,
        List<PlacementConstraint> constraints, List<PlacementStrategy> strategies) {

    public PlacementRequest {
        constraints = List.copyOf(constraints);
        strategies = List.copyOf(strategies);
    }
}
