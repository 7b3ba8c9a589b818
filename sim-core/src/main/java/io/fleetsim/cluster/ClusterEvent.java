package io.fleetsim.cluster;

/**
 * Something that happened to a cluster's capacity, for the scaling timeline of the reports: a fault, a managed
 * scaling decision, a deployment step.
 *
 * @param timeNanos when it happened
 * @param cluster   cluster name
 * @param kind      what happened, a stable lower-case token: {@code spot-notice}, {@code spot-interruption},
 *                  {@code instance-failure}, {@code task-crash}, {@code zone-down}, {@code zone-up},
 *                  {@code managed-scale-out}, {@code managed-scale-in}, {@code instance-launched},
 *                  {@code instance-terminated}, {@code deployment-started}, {@code deployment-completed},
 *                  {@code deployment-failed}, {@code rollback-started}, {@code restart-throttled}
 * @param subject   what it happened to: a service, capacity provider, instance id, task id or zone
 * @param reason    why, in words with the numbers (e.g. "CapacityProviderReservation 150.0 > 100 for 1 minute:
 *                  M = 3, N = 2, launch 1")
 */
public record ClusterEvent(long timeNanos, String cluster, String kind, String subject, String reason) {
}
