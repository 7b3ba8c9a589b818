package io.fleetsim.cluster;

/**
 * One ECS task: its state, where it runs, and the times of its lifecycle (nanoseconds since scenario start; -1
 * until reached). Mutable, owned by its {@link EcsCluster}.
 */
public final class Task {

    final int index;
    final String id;
    /** The cluster's task ARN prefix, shared by its tasks: the ARN is built on demand (128 bytes less per task). */
    private final String arnPrefix;
    final Workload workload;
    final CapacityProvider provider;
    TaskState state = TaskState.PROVISIONING;
    ContainerInstance instance;
    String zone;
    final long createdAt;
    long unplacedSince = -1;
    long pullStartedAt = -1;
    long runningAt = -1;
    long stoppingAt = -1;
    long stoppedAt = -1;
    long pendingEvent = -1;
    /** Stopped by a fault: a Spot interruption, a crash, the failure of its instance or zone. */
    boolean lostToFault;
    /** Index of its task-definition revision in its workload's revisions (0: the one it was created with). */
    int revision;
    /** It stopped with a failure (a crash, a failing revision) before it became healthy. */
    boolean failedBeforeHealthy;
    /** Its position in its workload's {@link LiveTasks}, -1 once STOPPED. */
    int livePos = -1;
    /** For a job with sampled shapes: the index of its pod in the job's pool; -1 otherwise. */
    int pod = -1;

    Task(int index, String id, String arnPrefix, Workload workload, CapacityProvider provider, long createdAt) {
        this.index = index;
        this.id = id;
        this.arnPrefix = arnPrefix;
        this.workload = workload;
        this.provider = provider;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arnPrefix + id;
    }

    public Workload workload() {
        return workload;
    }

    public CapacityProvider provider() {
        return provider;
    }

    public TaskState state() {
        return state;
    }

    /** The container instance it runs on; {@code null} on Fargate or while unplaced. */
    public ContainerInstance instance() {
        return instance;
    }

    /** Availability zone, or {@code null} while unplaced. */
    public String zone() {
        return zone;
    }

    public long createdAt() {
        return createdAt;
    }

    public long pullStartedAt() {
        return pullStartedAt;
    }

    public long runningAt() {
        return runningAt;
    }

    public long stoppedAt() {
        return stoppedAt;
    }

    /** The ARN of the task-definition revision it runs. */
    public String taskDefinitionArn() {
        return workload.revisions.get(revision).arn();
    }

    /** Waiting for an instance with room. */
    /** Stopped by a fault (Spot interruption, crash, instance or zone failure), not by ECS or its job's end. */
    public boolean lostToFault() {
        return lostToFault;
    }

    public boolean isUnplaced() {
        return unplacedSince >= 0;
    }

    @Override
    public String toString() {
        return workload.owner() + "/" + id + "(" + state + ")";
    }
}
