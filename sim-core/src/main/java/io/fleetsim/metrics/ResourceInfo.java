package io.fleetsim.metrics;

/**
 * A named AWS resource of the run, for the report's inventory.
 *
 * @param kind   cluster, capacity-provider, service, task-definition, ecr-repository, container-instance
 * @param name   its name
 * @param arn    its ARN in the current (long) format
 * @param detail short description, e.g. {@code EC2 m6i.large on-demand, 3 instances}
 */
public record ResourceInfo(String kind, String name, String arn, String detail) {
}
