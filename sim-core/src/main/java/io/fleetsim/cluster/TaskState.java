package io.fleetsim.cluster;

/**
 * The ECS task lifecycle (platform-semantics.md section 1.6, from the ECS developer guide {@code task-lifecycle.md}:
 * PROVISIONING -> PENDING -> ACTIVATING -> RUNNING -> DEACTIVATING -> STOPPING -> DEPROVISIONING -> STOPPED).
 *
 * <p>fleetsim keeps the five states a capacity planner can see in the console and in CloudWatch: ACTIVATING is folded
 * into PENDING (it ends when the container starts) and DEACTIVATING/DEPROVISIONING into STOPPING.
 * A task that no instance can take yet stays in PROVISIONING, which is where ECS keeps tasks waiting for capacity
 * provider capacity.
 */
public enum TaskState {
    /** Waiting for capacity, or attaching its awsvpc ENI. */
    PROVISIONING,
    /** Pulling its image and starting its containers. */
    PENDING,
    /** Running. */
    RUNNING,
    /** Shutting down (SIGTERM, then SIGKILL after stopTimeout). */
    STOPPING,
    /** Stopped; resources released. */
    STOPPED
}
