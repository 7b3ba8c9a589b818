package io.fleetsim.cluster;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.InstanceType;
import io.fleetsim.placement.PlacementIndex;
import io.fleetsim.placement.PlacementNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An EC2 instance of an Auto Scaling group, registered with an ECS cluster as a container instance.
 *
 * <p>It registers CPU units = vCPU x 1024 and memory less the OS overhead (platform-semantics.md sections 1.1 and
 * 2.7), and has a number of awsvpc task slots: ENIs - 1 without trunking, the ECS trunking table with the
 * {@code awsvpcTrunking} account setting (section 2.4). Tasks reserve their task-level CPU and memory from placement
 * until they stop. The instance caches the images it has pulled (ECS agent pull behaviour, section 4).
 *
 * <p>Caveats: image cleanup ({@code ECS_IMAGE_MINIMUM_CLEANUP_AGE}) is not modelled, so an image once pulled stays
 * cached; Docker's 6 MiB per-container reservation is not subtracted; host ports are not modelled.
 */
public final class ContainerInstance implements PlacementNode, PlacementIndex.SlotKeeper {

    /** Lifecycle of the instance. */
    public enum State {
        /** Launched, booting: billed once running, not yet registered. */
        LAUNCHING,
        /** Registered and ACTIVE: takes tasks. */
        ACTIVE,
        /**
         * DRAINING: takes no new tasks. After a Spot interruption notice it terminates at the notice's end; chosen
         * for a managed scale-in, it terminates once its tasks have stopped.
         */
        DRAINING,
        /** Terminated. */
        TERMINATED
    }

    /** ECS agent version reported (the query subject {@code agentVersion}); a 2026 agent. */
    static final String AGENT_VERSION = "1.98.0";

    private final String instanceId;
    private final String ec2InstanceId;
    private final String arn;
    private final String zone;
    private final InstanceType type;
    private final int cpuRegistered;
    private final int memoryRegistered;
    private final int eniSlots;
    private final Map<String, String> attributes;
    /**
     * Task groups with tasks on the instance and their task counts, side by side in two short arrays (a group
     * leaves them when its count drops to zero): {@link #tasksInGroup} reads two small arrays instead of a hash
     * table and its entries, which matters when placement touches many instances of a large cluster.
     */
    private String[] groupNames = new String[2];
    private int[] groupTasks = new int[2];
    private int groupsPresent;
    /** The placement index of the capacity provider and the slot it keeps this instance at (SlotKeeper). */
    private Object placementIndex;
    private int placementSlot = -1;
    private final Set<String> cachedImages = new HashSet<>();

    private State state = State.LAUNCHING;
    private long registeredAtNanos = -1;
    private int cpuReserved;
    private int memoryReserved;
    private int enisUsed;
    private int tasks;
    long runningSinceNanos = -1;
    /** Chosen by managed scaling to leave the group: draining, terminated without replacement once empty. */
    boolean retiring;
    /** Tasks placed on it and not yet STOPPED, in placement order (EcsCluster's index; see tasksOn). */
    final java.util.List<Task> placedTasks = new java.util.ArrayList<>(2);

    /** When the instance entered the running state (EC2 billing started), or -1. */
    public long runningSinceNanos() {
        return runningSinceNanos;
    }

    ContainerInstance(String instanceId, String ec2InstanceId, String arn, String zone, InstanceType type,
            int memoryRegistered, int eniSlots, Map<String, String> customAttributes) {
        this.instanceId = instanceId;
        this.ec2InstanceId = ec2InstanceId;
        this.arn = arn;
        this.zone = zone;
        this.type = type;
        this.cpuRegistered = type.ecsCpuUnits();
        this.memoryRegistered = memoryRegistered;
        this.eniSlots = eniSlots;
        Map<String, String> attrs = new TreeMap<>(customAttributes);
        // Built-in attributes (platform-semantics.md section 5.3).
        attrs.put("ecs.availability-zone", zone);
        attrs.put("ecs.instance-type", type.name());
        attrs.put("ecs.os-type", "linux");
        attrs.put("ecs.os-family", "LINUX");
        attrs.put("ecs.cpu-architecture", type.architecture() == Architecture.ARM64 ? "arm64" : "x86_64");
        this.attributes = attrs;
    }

    void register(long now) {
        state = State.ACTIVE;
        registeredAtNanos = now;
    }

    void drain() {
        state = State.DRAINING;
    }

    void terminate() {
        state = State.TERMINATED;
    }

    boolean fits(int cpu, int memory, boolean eni) {
        return cpuReserved + cpu <= cpuRegistered && memoryReserved + memory <= memoryRegistered
                && (!eni || enisUsed < eniSlots);
    }

    void reserve(int cpu, int memory, boolean eni, String group) {
        if (!fits(cpu, memory, eni)) {
            throw new IllegalStateException("over-commit of " + instanceId + ": placement chose an instance without room");
        }
        cpuReserved += cpu;
        memoryReserved += memory;
        if (eni) {
            enisUsed++;
        }
        tasks++;
        int g = groupIndex(group);
        if (g < 0) {
            g = groupsPresent++;
            if (g == groupNames.length) {
                groupNames = Arrays.copyOf(groupNames, 2 * g);
                groupTasks = Arrays.copyOf(groupTasks, 2 * g);
            }
            groupNames[g] = group;
        }
        groupTasks[g]++;
    }

    void release(int cpu, int memory, boolean eni, String group) {
        cpuReserved -= cpu;
        memoryReserved -= memory;
        if (eni) {
            enisUsed--;
        }
        tasks--;
        int g = groupIndex(group);
        if (--groupTasks[g] == 0) {
            int last = --groupsPresent;
            groupNames[g] = groupNames[last];
            groupTasks[g] = groupTasks[last];
            groupNames[last] = null;
            groupTasks[last] = 0;
        }
    }

    /** Position of the group in {@link #groupNames}, or -1; the same String object (the common case) first. */
    private int groupIndex(String group) {
        final String[] names = groupNames;
        final int n = groupsPresent;
        for (int i = 0; i < n; i++) {
            if (names[i] == group) {
                return i;
            }
        }
        for (int i = 0; i < n; i++) {
            if (names[i].equals(group)) {
                return i;
            }
        }
        return -1;
    }

    boolean hasImage(String imageKey) {
        return cachedImages.contains(imageKey);
    }

    void cacheImage(String imageKey) {
        cachedImages.add(imageKey);
    }

    public State state() {
        return state;
    }

    public InstanceType type() {
        return type;
    }

    public String arn() {
        return arn;
    }

    public int cpuRegistered() {
        return cpuRegistered;
    }

    public int memoryRegistered() {
        return memoryRegistered;
    }

    public int cpuReserved() {
        return cpuReserved;
    }

    public int memoryReserved() {
        return memoryReserved;
    }

    public int eniSlots() {
        return eniSlots;
    }

    public int enisUsed() {
        return enisUsed;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public String ec2InstanceId() {
        return ec2InstanceId;
    }

    @Override
    public String zone() {
        return zone;
    }

    @Override
    public int remainingCpu() {
        return cpuRegistered - cpuReserved;
    }

    @Override
    public int remainingMemoryMiB() {
        return memoryRegistered - memoryReserved;
    }

    @Override
    public int remainingEniSlots() {
        return eniSlots - enisUsed;
    }

    @Override
    public int runningTasksCount() {
        return tasks;
    }

    @Override
    public int tasksInGroup(String group) {
        int g = groupIndex(group);
        return g < 0 ? 0 : groupTasks[g];
    }

    @Override
    public Object placementIndex() {
        return placementIndex;
    }

    @Override
    public int placementSlot() {
        return placementSlot;
    }

    @Override
    public void placementSlot(Object index, int slot) {
        placementIndex = index;
        placementSlot = slot;
    }

    @Override
    public String attribute(String name) {
        return attributes.get(name);
    }

    @Override
    public long registeredAtNanos() {
        return registeredAtNanos;
    }

    @Override
    public String agentVersion() {
        return AGENT_VERSION;
    }

    @Override
    public boolean agentConnected() {
        return state == State.ACTIVE;
    }

    @Override
    public String toString() {
        return ec2InstanceId + "(" + type.name() + ", " + zone + ")";
    }
}
