package io.fleetsim.scenario.model;

import java.util.List;

/**
 * A scheduled batch job: at each firing of {@code schedule}, {@code count} standalone tasks are started
 * (ECS RunTask); each runs for {@code durationNanos} once RUNNING, then exits and stops.
 *
 * @param schedule             when the job fires; {@code null} for a job whose tasks arrive over the run
 * @param arrivals             {@code null} for a scheduled job; {@code poisson} or {@code constant}: {@code count}
 *                             tasks arrive over the run (see docs/scenario-reference.md, jobs)
 * @param shapes               {@code null} for a scheduled job; the pod trace each task's CPU, memory and
 *                             lifetime are drawn from (then {@code durationNanos} is 0 and unused)
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
        List<PlacementConstraintSpec> placementConstraints,
        String arrivals,
        ShapesSpec shapes) {

    /** A scheduled job (no arrivals, no shapes). */
    public JobSpec(String name, String cluster, Schedule schedule, int count, long durationNanos,
            List<StrategyItem> capacityProviderStrategy, TaskDefinitionSpec taskDefinition,
            List<PlacementStrategySpec> placementStrategy, List<PlacementConstraintSpec> placementConstraints) {
        this(name, cluster, schedule, count, durationNanos, capacityProviderStrategy, taskDefinition,
                placementStrategy, placementConstraints, null, null);
    }

    public JobSpec {
        capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
        placementStrategy = List.copyOf(placementStrategy);
        placementConstraints = List.copyOf(placementConstraints);
    }
}
