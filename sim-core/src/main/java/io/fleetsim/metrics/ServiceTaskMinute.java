package io.fleetsim.metrics;

/**
 * A service's task counts at the end of one simulated minute, as ECS's DescribeServices reports them.
 *
 * @param timeNanos end of the minute
 * @param desired   desired count
 * @param running   tasks RUNNING (serving once past the health-check grace period)
 * @param pending   tasks launched and not yet RUNNING (PROVISIONING or PENDING, placed or waiting for capacity)
 */
public record ServiceTaskMinute(long timeNanos, int desired, int running, int pending) {
}
