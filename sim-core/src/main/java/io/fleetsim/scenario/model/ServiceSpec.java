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
 * @param deploymentConfiguration rolling-update bounds and circuit breaker (ECS defaults when not written)
 * @param deployments          rolling updates to new revisions, in time order; possibly empty
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
        ServiceAutoScalingSpec autoScaling,
        DeploymentConfigurationSpec deploymentConfiguration,
        List<DeploymentSpec> deployments) {

    public ServiceSpec {
        capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
        placementStrategy = List.copyOf(placementStrategy);
        placementConstraints = List.copyOf(placementConstraints);
        deployments = List.copyOf(deployments);
    }

    /** A service without deployments, with ECS's default deployment configuration. */
    public ServiceSpec(String name, String cluster, int desiredCount, List<StrategyItem> capacityProviderStrategy,
            TaskDefinitionSpec taskDefinition, List<PlacementStrategySpec> placementStrategy,
            List<PlacementConstraintSpec> placementConstraints, TrafficSpec traffic, SloSpec slo,
            ServiceAutoScalingSpec autoScaling) {
        this(name, cluster, desiredCount, capacityProviderStrategy, taskDefinition, placementStrategy,
                placementConstraints, traffic, slo, autoScaling, DeploymentConfigurationSpec.DEFAULT, List.of());
    }
}
