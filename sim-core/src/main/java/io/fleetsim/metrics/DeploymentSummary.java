package io.fleetsim.metrics;

/**
 * What one deployment (or rollback) of a service did over a run (platform-semantics.md section 5.4).
 *
 * @param service           service name
 * @param number            1 for the service's first deployment, counting rollbacks
 * @param rollback          a rollback the circuit breaker started
 * @param taskDefinitionArn the revision it rolled to
 * @param image             the revision's image, {@code repository:tag}
 * @param startNanos        when it started
 * @param endNanos          when it completed, failed or was superseded; -1 when still in progress at the end
 * @param tasksLaunched     tasks of the new revision it launched
 * @param tasksFailed       of those, tasks that stopped before becoming healthy
 * @param outcome           {@code COMPLETED}, {@code FAILED}, {@code SUPERSEDED} or {@code IN_PROGRESS}
 */
public record DeploymentSummary(
        String service,
        int number,
        boolean rollback,
        String taskDefinitionArn,
        String image,
        long startNanos,
        long endNanos,
        int tasksLaunched,
        int tasksFailed,
        String outcome) {

    /** End minus start, or -1 while in progress. */
    public long durationNanos() {
        return endNanos < 0 ? -1 : endNanos - startNanos;
    }
}
