package io.fleetsim.placement;

import java.util.Map;
import java.util.TreeMap;

/**
 * A mutable {@link PlacementNode} for tests, built fluently: {@code new FakeNode("a1").zone("us-east-1a").cpu(2048)}.
 * {@link #reserve} does what the cluster model does when a task is placed; {@link #release} when it stops.
 */
class FakeNode implements PlacementNode {

    private final String id;
    private String ec2InstanceId;
    private String zone = "us-east-1a";
    private int cpu = 4096;
    private int memory = 16384;
    private int eniSlots = 1000;
    private int runningTasks;
    private long registeredAtNanos;
    private String agentVersion = "1.88.0";
    private boolean agentConnected = true;
    private final Map<String, Integer> groups = new TreeMap<>();
    private final Map<String, String> attributes = new TreeMap<>();

    FakeNode(String id) {
        this.id = id;
        this.ec2InstanceId = "i-" + id;
    }

    FakeNode ec2InstanceId(String value) {
        ec2InstanceId = value;
        return this;
    }

    FakeNode zone(String value) {
        zone = value;
        return this;
    }

    FakeNode cpu(int value) {
        cpu = value;
        return this;
    }

    FakeNode memory(int value) {
        memory = value;
        return this;
    }

    FakeNode eni(int value) {
        eniSlots = value;
        return this;
    }

    /** Adds {@code count} running tasks of {@code group} (without reserving resources). */
    FakeNode tasks(String group, int count) {
        groups.merge(group, count, Integer::sum);
        runningTasks += count;
        return this;
    }

    FakeNode attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    FakeNode registeredAt(long nanos) {
        registeredAtNanos = nanos;
        return this;
    }

    FakeNode agentVersion(String value) {
        agentVersion = value;
        return this;
    }

    FakeNode agentConnected(boolean value) {
        agentConnected = value;
        return this;
    }

    /** Places the task here: reserves its resources and counts it in its group. */
    void reserve(PlacementRequest task) {
        cpu -= task.cpuUnits();
        memory -= task.memoryMiB();
        eniSlots -= task.needsEni() ? 1 : 0;
        tasks(task.group(), 1);
    }

    /** Stops a task placed with {@link #reserve}. */
    void release(PlacementRequest task) {
        cpu += task.cpuUnits();
        memory += task.memoryMiB();
        eniSlots += task.needsEni() ? 1 : 0;
        groups.merge(task.group(), -1, Integer::sum);
        runningTasks--;
    }

    boolean fits(PlacementRequest task) {
        return cpu >= task.cpuUnits() && memory >= task.memoryMiB() && (!task.needsEni() || eniSlots >= 1);
    }

    @Override
    public String instanceId() {
        return id;
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
        return cpu;
    }

    @Override
    public int remainingMemoryMiB() {
        return memory;
    }

    @Override
    public int remainingEniSlots() {
        return eniSlots;
    }

    @Override
    public int runningTasksCount() {
        return runningTasks;
    }

    @Override
    public int tasksInGroup(String group) {
        return groups.getOrDefault(group, 0);
    }

    @Override
    public String attribute(String name) {
        return NodeAttribute.AVAILABILITY_ZONE.equals(name) ? zone : attributes.get(name);
    }

    @Override
    public long registeredAtNanos() {
        return registeredAtNanos;
    }

    @Override
    public String agentVersion() {
        return agentVersion;
    }

    @Override
    public boolean agentConnected() {
        return agentConnected;
    }

    @Override
    public String toString() {
        return id;
    }
}
