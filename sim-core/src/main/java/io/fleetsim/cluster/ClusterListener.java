package io.fleetsim.cluster;

/**
 * Observes the moments of a cluster's life that billing and metrics care about, so that the cluster model knows
 * nothing of either. Called synchronously from the event loop.
 */
public interface ClusterListener {

    /** An EC2 instance entered the running state (EC2 billing starts, platform-semantics.md section 2.1). */
    default void instanceRunning(ContainerInstance instance, CapacityProvider provider, long now) {
    }

    /** An EC2 instance was terminated (EC2 billing stops). */
    default void instanceTerminated(ContainerInstance instance, CapacityProvider provider, long now) {
    }

    /** A task started pulling its image (Fargate billing starts, section 1.2). */
    default void taskPullStarted(Task task, long now) {
    }

    /** A task reached RUNNING. */
    default void taskRunning(Task task, long now) {
    }

    /**
     * A task is being stopped. Returns the time until which it must stay in STOPPING to drain (a load balancer's
     * deregistration delay, for example), or {@code now} when it need not wait.
     */
    default long taskStopping(Task task, long now) {
        return now;
    }

    /** A task reached STOPPED (Fargate billing stops). */
    default void taskStopped(Task task, long now) {
    }

    /** Something happened to the cluster's capacity (a fault, a scaling decision, a deployment step). */
    default void clusterEvent(ClusterEvent event) {
    }
}
