package io.fleetsim.placement;

/**
 * What placement sees of a container instance (or, later, a Kubernetes node). Implemented by the cluster model;
 * placement never mutates it. Kept free of ECS-only assumptions where it costs little.
 */
public interface PlacementNode {

    /** Container-instance id (32 hex characters); what {@code spread instanceId} spreads over. */
    String instanceId();

    /** EC2 instance id, {@code i-} and 17 hex characters (query subject {@code ec2InstanceId}). */
    String ec2InstanceId();

    /** Availability zone, e.g. {@code us-east-1a}. */
    String zone();

    /** CPU units not yet reserved by tasks. */
    int remainingCpu();

    /** Memory (MiB) not yet reserved by tasks. */
    int remainingMemoryMiB();

    /** awsvpc task slots (ENIs) left; large for instances without such a limit. */
    int remainingEniSlots();

    /** Tasks on the instance that are not STOPPED (query subject {@code runningTasksCount}). */
    int runningTasksCount();

    /** Tasks of a task group ({@code service:api}, {@code family:nightly}) on this instance. */
    int tasksInGroup(String group);

    /**
     * An attribute value: built-in {@code ecs.availability-zone}, {@code ecs.instance-type}, {@code ecs.os-type},
     * {@code ecs.os-family}, {@code ecs.cpu-architecture}, {@code ecs.ami-id}, {@code ecs.vpc-id},
     * {@code ecs.subnet-id}, or custom; {@code null} when the instance has no such attribute.
     */
    String attribute(String name);

    /** Registration time, simulated nanoseconds (query subject {@code registeredAt}). */
    long registeredAtNanos();

    /** ECS agent version, e.g. {@code 1.88.0} (query subject {@code agentVersion}). */
    String agentVersion();

    /** Whether the agent is connected (query subject {@code agentConnected}). */
    boolean agentConnected();
}
