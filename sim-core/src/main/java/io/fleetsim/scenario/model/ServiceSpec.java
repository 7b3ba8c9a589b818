package io.fleetsim.scenario.model;

import java.util.List;

/**
 * An ECS service with the REPLICA scheduling strategy: it keeps {@code desiredCount} tasks and replaces tasks that
 * stop (platform-semantics.md section 5.4).
 *
 * @param placementStrategy    applied in order; the loader puts in ECS's service default
 *                             ({@code spread attribute:ecs.availability-zone}) when the file gives none
 * @param placementConstraints binding constraints, possibly empty
 * @param traffic              requests the service receives; {@code null} for a service without traffic
 * @param slo                  its service-level objective; {@code null} for none
 * @param autoScaling          service auto scaling; {@code null} for a fixed desired count
 */
public record ServiceSpec(
        String name,
        String cluster,
        int desiredCount,
        List<StrategyItem> capacityProviderStrategy,
        TaskDefinitionSpec taskDefinition,
        List<PlacementStrategySpec> placementStrategy,
        List<PlacementConstraintSpec> placementConstraints,
        TrafficSpec traffic,
        SloSpec slo,
        ServiceAutoScalingSpec autoScaling) {

    public ServiceSpec {
        capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
        placementStrategy = List.copyOf(placementStrategy);
        placementConstraints = List.copyOf(placementConstraints);
    }
}
