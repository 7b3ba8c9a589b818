package io.fleetsim.scenario.model;

import java.util.Map;

/**
 * A capacity provider of a cluster: Fargate, Fargate Spot, or an EC2 Auto Scaling group.
 *
 * <p>For {@code FARGATE} and {@code FARGATE_SPOT} only {@code name} and {@code type} are meaningful; the EC2 fields
 * are {@code null}/0. For {@code EC2} the Auto Scaling group starts with {@code desiredCapacity} instances and keeps
 * that many unless {@code managedScaling} is set, in which case ECS cluster auto scaling moves it within
 * {@code [minSize, maxSize]}; the loader rejects a {@code desiredCapacity} outside that range.
 *
 * @param name            provider name, referenced by capacity provider strategies
 * @param type            FARGATE, FARGATE_SPOT or EC2
 * @param instanceType    EC2 instance type name, e.g. {@code m6i.large}
 * @param purchaseOption  on-demand or spot
 * @param minSize         Auto Scaling group minimum
 * @param maxSize         Auto Scaling group maximum
 * @param desiredCapacity Auto Scaling group desired capacity
 * @param attributes      custom container-instance attributes (for {@code memberOf} constraints), sorted by key
 * @param managedScaling  ECS managed scaling of the group, or {@code null} for a fixed-size group
 */
public record CapacityProviderSpec(
        String name,
        CapacityProviderType type,
        String instanceType,
        io.fleetsim.cloud.PurchaseOption purchaseOption,
        int minSize,
        int maxSize,
        int desiredCapacity,
        Map<String, String> attributes,
        ManagedScalingSpec managedScaling) {

    /** A provider without managed scaling. */
    public CapacityProviderSpec(String name, CapacityProviderType type, String instanceType,
            io.fleetsim.cloud.PurchaseOption purchaseOption, int minSize, int maxSize, int desiredCapacity,
            Map<String, String> attributes) {
        this(name, type, instanceType, purchaseOption, minSize, maxSize, desiredCapacity, attributes, null);
    }

    public CapacityProviderSpec {
        // Sorted and immutable: Map.copyOf's iteration order varies between JVM runs (DESIGN.md principle 2).
        attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
    }

    public boolean isFargate() {
        return type == CapacityProviderType.FARGATE || type == CapacityProviderType.FARGATE_SPOT;
    }

    public enum CapacityProviderType { FARGATE, FARGATE_SPOT, EC2 }

}
