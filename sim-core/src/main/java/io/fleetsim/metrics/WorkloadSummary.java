package io.fleetsim.metrics;

/**
 * What happened to one service or job over a run.
 *
 * @param owner            {@code service:<name>} or {@code job:<name>}
 * @param arn              the service ARN, or for a job the task definition family ARN
 * @param capacityProviders the providers of its strategy, comma-separated in strategy order
 * @param desiredCount     service desired count; for a job, tasks per firing
 * @param tasksStarted     tasks launched over the run (including replacements)
 * @param tasksStopped     tasks that reached STOPPED
 * @param tasksRunningAtEnd tasks RUNNING at the end
 * @param tasksPendingAtEnd tasks not yet RUNNING at the end (PROVISIONING or PENDING, placed or not)
 * @param tasksUnplacedAtEnd of those, tasks no instance could take
 * @param taskSeconds      seconds tasks spent RUNNING
 * @param waitSeconds      seconds tasks spent from launch to RUNNING (provisioning, waiting, pull, start)
 * @param unplacedSeconds  seconds tasks spent waiting for capacity
 */
public record WorkloadSummary(
        String owner,
        String arn,
        String capacityProviders,
        int desiredCount,
        long tasksStarted,
        long tasksStopped,
        int tasksRunningAtEnd,
        int tasksPendingAtEnd,
        int tasksUnplacedAtEnd,
        double taskSeconds,
        double waitSeconds,
        double unplacedSeconds) {
}
