package io.fleetsim.scenario.model;

import java.util.List;

/**
 * An ECS cluster.
 *
 * @param name              cluster name, used in ARNs
 * @param orchestrator      {@code ECS} (EKS follows in a later issue)
 * @param zones             availability zones the cluster's subnets span, e.g. {@code [us-east-1a, us-east-1b]}
 * @param awsvpcTrunking    the {@code awsvpcTrunking} account setting: raises the awsvpc task limit of
 *                          trunk-capable instances (platform-semantics.md section 2.4); off by default, as in AWS
 * @param capacityProviders capacity providers, in file order
 * @param imagePullBehavior the ECS agent's {@code ECS_IMAGE_PULL_BEHAVIOR} on the cluster's EC2 instances
 *                          (platform-semantics.md section 4); {@code DEFAULT} as in the agent
 */
public record ClusterSpec(
        String name,
        Orchestrator orchestrator,
        List<String> zones,
        boolean awsvpcTrunking,
        List<CapacityProviderSpec> capacityProviders,
        ImagePullBehavior imagePullBehavior) {

    /** A cluster whose instances run the agent's default pull behaviour. */
    public ClusterSpec(String name, Orchestrator orchestrator, List<String> zones, boolean awsvpcTrunking,
            List<CapacityProviderSpec> capacityProviders) {
        this(name, orchestrator, zones, awsvpcTrunking, capacityProviders, ImagePullBehavior.DEFAULT);
    }

    public ClusterSpec {
        zones = List.copyOf(zones);
        capacityProviders = List.copyOf(capacityProviders);
    }

    public CapacityProviderSpec capacityProvider(String providerName) {
        for (CapacityProviderSpec p : capacityProviders) {
            if (p.name().equals(providerName)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no capacity provider named " + providerName + " in cluster " + name);
    }

    public enum Orchestrator { ECS }

    /**
     * {@code ECS_IMAGE_PULL_BEHAVIOR} (amazon-ecs-agent README, platform-semantics.md section 4). Pulls never fail in
     * fleetsim, so the behaviours differ in one way: {@code default} and {@code always} ask the registry every time
     * (a cached image costs a registry check, {@code timings.ec2RegistryCheck}), {@code once} and
     * {@code prefer-cached} start from the cache without asking. An image the instance has not pulled is pulled in
     * full under all four.
     */
    public enum ImagePullBehavior {
        DEFAULT, ALWAYS, ONCE, PREFER_CACHED;

        /** Whether a cached image still costs a registry check before the container starts. */
        public boolean checksRegistry() {
            return this == DEFAULT || this == ALWAYS;
        }
    }
}
