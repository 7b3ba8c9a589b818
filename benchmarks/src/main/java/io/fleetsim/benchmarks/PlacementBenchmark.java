package io.fleetsim.benchmarks;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.RandomStreams;
import io.fleetsim.placement.PlacementConstraint;
import io.fleetsim.placement.PlacementIndex;
import io.fleetsim.placement.PlacementNode;
import io.fleetsim.placement.PlacementPolicies;
import io.fleetsim.placement.PlacementRequest;
import io.fleetsim.placement.PlacementStrategy;
import io.fleetsim.placement.Placer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ECS task placement on a cluster of {@code size} container instances kept about 80% full: one operation places a
 * task (and reserves its resources) and then releases a random earlier one, so the cluster stays at the fill
 * reached in {@link #setUp()}. Score: placements per second.
 *
 * <p>Cluster: {@code size} instances of 4,096 CPU units, 15,360 MiB and 10 awsvpc task slots (an ENI-trunked
 * {@code m5.xlarge}-like shape), registered round robin over three zones. Tasks: five shapes, all awsvpc, of 256 or
 * 512 CPU units and 1,024 to 3,072 MiB (mean 358 CPU, 1,946 MiB: memory binds first, then CPU or ENI slots on some
 * instances), each of one of 100 services ({@code service:s0} to {@code service:s99}). The task shape, service and
 * the task to release are drawn once in setup from {@code RandomStreams(42)} (65,536 of each, used cyclically).
 * Setup places tasks until 80% of the memory is reserved.
 *
 * <p>{@code strategy}:
 * <ul>
 *   <li>{@code binpack}: {@code [binpack(memory)]};</li>
 *   <li>{@code spread-binpack}: {@code [spread(attribute:ecs.availability-zone), binpack(memory)]};</li>
 *   <li>{@code distinct}: {@code [binpack(memory)]} with the {@code distinctInstance} constraint;</li>
 *   <li>{@code default}: {@code [spread(attribute:ecs.availability-zone), spread(instanceId)]}, what ECS gives a
 *       service that names no strategy (platform-semantics.md section 5.2);</li>
 *   <li>{@code random}: {@code [random]}, what an EC2 job (RunTask) gets when it names none, drawing from the stream
 *       {@code benchmarks/placement-random} of {@code RandomStreams(42)} (the other strategies draw nothing).</li>
 * </ul>
 * {@code impl}: {@code index}, {@link PlacementIndex} (told of every reserve and release), or {@code scan},
 * {@link Placer#select} over the instance list, the baseline; both choose the same instance for every task (the
 * property tests of {@code PlacementIndex}), so both run the same sequence of clusters.
 *
 * <p>Build: {@code mvn -q -B -pl sim-core,benchmarks -am package -DskipTests}. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar Placement -f 1 -wi 3 -w 1s -i 5 -r 1s}; add
 * {@code -p size=100000} or {@code -p impl=index} to select a subset. Measured figures: {@code benchmarks/README.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PlacementBenchmark {

    private static final int DRAWS = 1 << 16;
    private static final int GROUPS = 100;
    private static final int[][] SHAPES = {{256, 1024}, {512, 2048}, {256, 2048}, {512, 3072}, {256, 1536}};
    private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
    private static final int INSTANCE_CPU = 4096;
    private static final int INSTANCE_MEMORY = 15_360;
    private static final int INSTANCE_ENIS = 10;
    private static final double FILL = 0.8;

    @Param({"1000", "10000", "100000"})
    public int size;

    @Param({"binpack", "spread-binpack", "distinct", "default", "random"})
    public String strategy;

    @Param({"index", "scan"})
    public String impl;

    private List<Node> nodes;
    private PlacementIndex index;
    private final Placer scan = new Placer();
    private boolean useIndex;
    private PlacementRequest[] requests;
    /** For {@code random}, the placement draws; {@code null} for the strategies that draw nothing. */
    private RandomStream placementRandom;
    private int[] requestDraws;
    private int[] releaseDraws;
    private int next;
    private Node[] liveNode;
    private PlacementRequest[] liveRequest;
    private int live;
    private int target;

    @Setup
    public void setUp() {
        List<PlacementStrategy> strategies;
        List<PlacementConstraint> constraints = List.of();
        PlacementStrategy binpack = PlacementPolicies.strategy("binpack", "memory");
        switch (strategy) {
            case "binpack":
                strategies = List.of(binpack);
                break;
            case "spread-binpack":
                strategies = List.of(PlacementPolicies.strategy("spread", "attribute:ecs.availability-zone"), binpack);
                break;
            case "distinct":
                strategies = List.of(binpack);
                constraints = List.of(PlacementPolicies.constraint("distinctInstance", null));
                break;
            case "default":
                strategies = List.of(PlacementPolicies.strategy("spread", "attribute:ecs.availability-zone"),
                        PlacementPolicies.strategy("spread", "instanceId"));
                break;
            case "random":
                strategies = List.of(PlacementPolicies.strategy("random", null));
                break;
            default:
                throw new IllegalArgumentException("strategy must be binpack, spread-binpack, distinct, default or"
                        + " random, got " + strategy);
        }
        if (!impl.equals("index") && !impl.equals("scan")) {
            throw new IllegalArgumentException("impl must be index or scan, got " + impl);
        }
        useIndex = impl.equals("index");
        requests = new PlacementRequest[SHAPES.length * GROUPS];
        for (int s = 0; s < SHAPES.length; s++) {
            for (int g = 0; g < GROUPS; g++) {
                requests[s * GROUPS + g] = new PlacementRequest(SHAPES[s][0], SHAPES[s][1], true, "service:s" + g,
                        constraints, strategies);
            }
        }
        RandomStreams streams = new RandomStreams(42);
        RandomStream requestRandom = streams.stream("benchmarks/placement-requests");
        RandomStream releaseRandom = streams.stream("benchmarks/placement-releases");
        placementRandom = strategy.equals("random") ? streams.stream("benchmarks/placement-random") : null;
        requestDraws = new int[DRAWS];
        releaseDraws = new int[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            requestDraws[i] = requestRandom.nextInt(requests.length);
            releaseDraws[i] = releaseRandom.nextInt(Integer.MAX_VALUE);
        }
        Node[] array = new Node[size];
        // The index fills the cluster for both impls (it decides as the scan would, and the scan would take
        // minutes at 100,000 instances); the scan impl then measures on the same cluster without it.
        PlacementIndex filler = new PlacementIndex();
        for (int i = 0; i < size; i++) {
            array[i] = new Node(i, ZONES[i % ZONES.length]);
            filler.add(array[i]);
        }
        nodes = List.of(array);
        int capacity = (int) (size * (long) INSTANCE_MEMORY / 1024);
        liveNode = new Node[capacity + 1];
        liveRequest = new PlacementRequest[capacity + 1];
        long memoryTarget = (long) (FILL * size * (long) INSTANCE_MEMORY);
        long reserved = 0;
        int failures = 0;
        while (reserved < memoryTarget && failures < 1000) {
            PlacementRequest request = requests[requestDraws[next++ & (DRAWS - 1)]];
            Node node = (Node) filler.place(request, nodes, placementRandom);
            if (node == null) {
                failures++;
                continue;
            }
            node.reserve(request);
            filler.reserved(node, request.group());
            liveNode[live] = node;
            liveRequest[live] = request;
            live++;
            reserved += request.memoryMiB();
        }
        target = live;
        index = useIndex ? filler : null;
    }

    /** Places one task; then, if the cluster went above its fill, releases a random earlier one. */
    @Benchmark
    public PlacementNode placeAndRelease() {
        int i = next++;
        PlacementRequest request = requests[requestDraws[i & (DRAWS - 1)]];
        Node node;
        if (useIndex) {
            node = (Node) index.place(request, nodes, placementRandom);
        } else {
            int chosen = scan.select(request, nodes, placementRandom);
            node = chosen < 0 ? null : nodes.get(chosen);
        }
        if (node != null) {
            node.reserve(request);
            if (useIndex) {
                index.reserved(node, request.group());
            }
            liveNode[live] = node;
            liveRequest[live] = request;
            live++;
        }
        if (live > target) {
            int j = releaseDraws[i & (DRAWS - 1)] % live;
            Node victim = liveNode[j];
            PlacementRequest stopped = liveRequest[j];
            victim.release(stopped);
            if (useIndex) {
                index.released(victim, stopped.group());
            }
            live--;
            liveNode[j] = liveNode[live];
            liveRequest[j] = liveRequest[live];
            liveNode[live] = null;
            liveRequest[live] = null;
        }
        return node;
    }

    /**
     * A container instance as placement sees it, with the cluster model's reserve and release and its group counts
     * (two short arrays) and index slot, as {@code ContainerInstance} keeps them.
     */
    private static final class Node implements PlacementNode, PlacementIndex.SlotKeeper {
        private final String id;
        private final String zone;
        private int cpu = INSTANCE_CPU;
        private int memory = INSTANCE_MEMORY;
        private int enis = INSTANCE_ENIS;
        private int tasks;
        private String[] groupNames = new String[2];
        private int[] groupTasks = new int[2];
        private int groupsPresent;
        private Object placementIndex;
        private int placementSlot = -1;

        Node(int number, String zone) {
            this.id = String.format("%032x", number);
            this.zone = zone;
        }

        void reserve(PlacementRequest task) {
            cpu -= task.cpuUnits();
            memory -= task.memoryMiB();
            enis--;
            tasks++;
            int g = groupIndex(task.group());
            if (g < 0) {
                g = groupsPresent++;
                if (g == groupNames.length) {
                    groupNames = Arrays.copyOf(groupNames, 2 * g);
                    groupTasks = Arrays.copyOf(groupTasks, 2 * g);
                }
                groupNames[g] = task.group();
            }
            groupTasks[g]++;
        }

        void release(PlacementRequest task) {
            cpu += task.cpuUnits();
            memory += task.memoryMiB();
            enis++;
            tasks--;
            int g = groupIndex(task.group());
            if (--groupTasks[g] == 0) {
                int last = --groupsPresent;
                groupNames[g] = groupNames[last];
                groupTasks[g] = groupTasks[last];
                groupNames[last] = null;
                groupTasks[last] = 0;
            }
        }

        private int groupIndex(String group) {
            for (int i = 0; i < groupsPresent; i++) {
                if (groupNames[i] == group) {
                    return i;
                }
            }
            for (int i = 0; i < groupsPresent; i++) {
                if (groupNames[i].equals(group)) {
                    return i;
                }
            }
            return -1;
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
        public String instanceId() {
            return id;
        }

        @Override
        public String ec2InstanceId() {
            return "i-" + id.substring(15);
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
            return enis;
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
        public String attribute(String name) {
            return "ecs.availability-zone".equals(name) ? zone : null;
        }

        @Override
        public long registeredAtNanos() {
            return 0L;
        }

        @Override
        public String agentVersion() {
            return "1.98.0";
        }

        @Override
        public boolean agentConnected() {
            return true;
        }
    }
}
