package io.fleetsim.cluster;

/**
 * One rolling update of a service to a task-definition revision (platform-semantics.md section 5.4), as the service
 * scheduler ran it: mutable while in progress, owned by its {@link EcsCluster}.
 */
public final class Deployment {

    /** How a deployment ended. */
    public enum Outcome {
        /** Still rolling when the run ended (or waiting on bounds that allow no progress). */
        IN_PROGRESS,
        /** {@code desired} new tasks healthy and no old task left. */
        COMPLETED,
        /** The circuit breaker tripped. */
        FAILED,
        /** A later deployment started before this one completed. */
        SUPERSEDED
    }

    final int number;
    final String service;
    final int revision;
    final String taskDefinitionArn;
    final String image;
    final boolean rollback;
    final long startNanos;
    final int failureThreshold;
    long endNanos = -1;
    int tasksLaunched;
    int tasksFailed;
    Outcome outcome = Outcome.IN_PROGRESS;

    Deployment(int number, String service, int revision, String taskDefinitionArn, String image, boolean rollback,
            long startNanos, int failureThreshold) {
        this.number = number;
        this.service = service;
        this.revision = revision;
        this.taskDefinitionArn = taskDefinitionArn;
        this.image = image;
        this.rollback = rollback;
        this.startNanos = startNanos;
        this.failureThreshold = failureThreshold;
    }

    void end(long now, Outcome how) {
        endNanos = now;
        outcome = how;
    }

    /** 1 for the service's first deployment, counting rollbacks. */
    public int number() {
        return number;
    }

    public String service() {
        return service;
    }

    /** The revision it rolls to. */
    public String taskDefinitionArn() {
        return taskDefinitionArn;
    }

    /** The revision's image, {@code repository:tag}. */
    public String image() {
        return image;
    }

    /** A rollback to the last completed revision after the circuit breaker failed a deployment. */
    public boolean isRollback() {
        return rollback;
    }

    public long startNanos() {
        return startNanos;
    }

    /** When it completed, failed or was superseded; -1 while in progress. */
    public long endNanos() {
        return endNanos;
    }

    /** Tasks of the new revision it launched. */
    public int tasksLaunched() {
        return tasksLaunched;
    }

    /** Tasks of the new revision that stopped before becoming healthy. */
    public int tasksFailed() {
        return tasksFailed;
    }

    /** The circuit breaker's threshold, clamp(ceil(0.5 x desired), 10, 200), at the start. */
    public int failureThreshold() {
        return failureThreshold;
    }

    public Outcome outcome() {
        return outcome;
    }
}
