package io.fleetsim.scenario.model;

/**
 * The service's Application Load Balancer target group.
 *
 * @param algorithm                 {@code round_robin} or {@code least_outstanding_requests} (ALB's two routing
 *                                  algorithms)
 * @param deregistrationDelayNanos  how long a deregistered target keeps its in-flight requests (ALB default 300 s)
 * @param healthCheckGracePeriodNanos a RUNNING task receives traffic only after this (ECS
 *                                  {@code healthCheckGracePeriodSeconds}, default 0)
 */
public record LoadBalancerSpec(String algorithm, long deregistrationDelayNanos, long healthCheckGracePeriodNanos) {
}
