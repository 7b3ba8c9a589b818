package io.fleetsim.scenario.model;

/**
 * One deployment of a service: at {@code atNanos} a new task-definition revision (the service's task definition
 * with {@code image}) is registered and the service rolls to it (platform-semantics.md section 5.4).
 *
 * @param atNanos when, from the scenario start (within the run)
 * @param image   the new revision's image
 * @param failing a bad release: every task of the revision stops with a failure right after its container starts
 *                and never becomes healthy
 */
public record DeploymentSpec(long atNanos, ImageSpec image, boolean failing) {
}
