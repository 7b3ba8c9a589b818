package io.fleetsim.billing;

/**
 * Aggregated usage of one kind, one pricing key and one owner, like a line of a cost and usage report.
 *
 * @param type      what is metered
 * @param key       the pricing dimension: for EC2 {@code "m6i.large/on-demand"}; for Fargate
 *                  {@code "x86_64/on-demand"}, {@code "arm64/spot"}; for ECR the repository name
 * @param owner     who the usage is attributed to: {@code "service:api"}, {@code "job:nightly"},
 *                  {@code "capacity-provider:prod/m6i"}, {@code "ecr"}
 * @param quantity  integer quantity in the type's base unit, billing rules already applied per resource
 * @param resources how many resources (launches, tasks, images) contributed
 */
public record UsageRecord(UsageType type, String key, String owner, long quantity, long resources) {
}
