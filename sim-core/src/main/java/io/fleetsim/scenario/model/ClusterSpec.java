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
 */
public record ClusterSpec(
        String name,
        Orchestrator orchestrator,
        List<String> zones,
        boolean awsvpcTrunking,
        List<CapacityProviderSpec> capacityProviders) {

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
}
