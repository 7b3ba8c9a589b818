package io.fleetsim.scenario.model;

import java.util.List;

/**
 * A scheduled batch job: at each firing of {@code schedule}, {@code count} standalone tasks are started
 * (ECS RunTask); each runs for {@code durationNanos} once RUNNING, then exits and stops.
 *
 * @param schedule             when the job fires
 * @param placementStrategy    strategies for EC2 providers (RunTask has no default strategy: empty means random
 *                             among feasible instances is NOT assumed; the loader fills ECS's RunTask default,
 *                             {@code random})
 */
public record JobSpec(
        String name,
        String cluster,
        Schedule schedule,
        int count,
        long durationNanos,
        List<StrategyItem> capacityProviderStrategy,
        TaskDefinitionSpec taskDefinition,
        List<PlacementStrategySpec> placementStrategy,
        List<PlacementConstraintSpec> placementConstraints) {

    public JobSpec {
        capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
        placementStrategy = List.copyOf(placementStrategy);
        placementConstraints = List.copyOf(placementConstraints);
    }
}
