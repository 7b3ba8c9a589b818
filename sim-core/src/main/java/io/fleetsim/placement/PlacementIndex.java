package io.fleetsim.placement;

import io.fleetsim.engine.RandomStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An index over the nodes of one capacity provider that makes the common ECS placements independent of the number
 * of nodes, with exactly the decisions of {@link Placer}'s scan (platform-semantics.md sections 5.1 to 5.3): the
 * same node, including the final tie-break to the first node in node-list (registration) order.
 *
 * <p>The index mirrors the caller's node list: {@link #add} when a node joins the end of the list (registration),
 * {@link #remove} when it leaves it (drain, failure), {@link #reserved} and {@link #released} after a task's
 * resources were reserved on or released from a node (a release on a node not in the index, a draining one, is
 * ignored). A node's remaining CPU, memory and ENI slots and its group counts must change only through those calls.
 * {@link #place} is then given the same list, in the same order, for the requests it does not cover. A node that
 * implements {@link SlotKeeper} (the cluster model's {@code ContainerInstance} does) carries its slot number, so
 * those calls find it without the identity map other nodes are looked up in.
 *
 * <p>Covered requests (the rest go to {@link Placer#select}, the scan, with the same random stream):
 * <ul>
 *   <li>strategies exactly {@code [binpack(memory|cpu)]},
 *       {@code [spread(attribute:ecs.availability-zone), binpack(memory|cpu)]}, {@code [spread(instanceId)]} or
 *       {@code [spread(attribute:ecs.availability-zone), spread(instanceId)]}, the default an EC2 service gets
 *       when it names no strategy (platform-semantics.md section 5.2); {@code host} for {@code instanceId} alike;
 *       constraints: none, or {@code distinctInstance} only;</li>
 *   <li>{@code [random]}, what an EC2 job gets when it names no strategy, with no constraint or
 *       {@code distinctInstance} only, and a random stream given, for up to {@value #MAX_RANDOM_SHAPES} task shapes
 *       (CPU, memory, awsvpc, and the group under distinctInstance) per index: the same node and the same draws as
 *       the scan.</li>
 * </ul>
 * Not covered, so scanned: {@code memberOf} (any expression), {@code random} without a stream, with another
 * strategy or of a shape past the cap; {@code spread} on another attribute, {@code spread(zone)} alone, no
 * strategy at all, strategies after the binpack or after {@code spread(instanceId)} (so
 * {@code [spread(zone), spread(instanceId), binpack(memory)]} is scanned), and user-defined strategies or
 * constraints.
 *
 * <p>How: each node gets a slot number, increasing in the order nodes are added, so slot order is node-list order.
 * A view keeps the slots ordered by (remaining amount of the binpack field, slot), over all nodes or per zone:
 * one {@link SlotSet} per distinct remaining amount ({@link KeyedSlots}), in two parts: nodes with an ENI slot
 * left and nodes without, so an awsvpc task never walks over instances whose ENI slots binpack has used up (the
 * common way a bin-packed instance ends with memory it cannot use). binpack walks upward from the first
 * amount that is at least the task's, and within an amount in slot order, and takes the first node that also fits
 * the task's other resources (CPU or memory, one ENI slot for awsvpc) and, with {@code distinctInstance}, holds no
 * task of the group: the least remaining amount that fits, ties to the first registered, as the scan decides.
 * Spread by zone keeps, per task group, the group's task count in each zone (over the indexed nodes, as the scan
 * counts over all nodes of the list), finds each zone's binpack choice, and takes the one of a zone with the
 * fewest tasks, ties by (amount, slot). Views are built on first use, so a provider pays only for the views its
 * workloads use; a group's zone counts likewise.
 *
 * <p>Spread by instance, alone or after spread by zone, takes the least (group tasks in the node's zone, group
 * tasks on the node, slot) over the feasible nodes, the zone term left out when alone: what the scan's chain of
 * narrowings keeps (section 5.2, "Chaining"), "fewest" taken over feasible nodes only, as the scan takes it. Two
 * structures, built on the first such request: per zone a {@code FitTree}, a segment tree over blocks of 64
 * slots holding the greatest remaining CPU and memory of the zone's nodes (apart for nodes with an ENI slot left),
 * which finds the first node at or after a slot that fits a task, skipping subtrees whose maxima fall short; and
 * per task group and zone the zone's slots filed by the group's count on the node ({@link KeyedSlots}: level 0,
 * the nodes without the group, then one set per count held). Zones are tried fewest group tasks first, and in a
 * zone the levels upward; a level's first fitting node comes from the tree and the level's set leapfrogging (the
 * tree's next fitting slot, then the set's next member after it, and so on), and the first level with one is the
 * zone's candidate. Under {@code distinctInstance} only level 0 is searched (section 5.3). The remaining resources
 * are mirrored per slot (three ints), so neither structure reads a node when it searches.
 *
 * <p>{@code [random]}: the scan draws {@code random.nextInt(F)} over the F feasible nodes in node-list order when
 * F > 1, takes the only one without a draw when F = 1, and draws nothing when F = 0 (section 5.2; {@link Placer}
 * stops narrowing at one candidate). Per task shape, tracked on its first {@code [random]} request, the index
 * keeps the slots of the nodes the shape fits as a {@link RankedSlots}: a bit per slot and a Fenwick tree of the
 * members per 64-slot block. F is its size, and the drawn rank's node a descent of the tree and a select in one
 * word. Under {@code distinctInstance} the group is part of the shape and its set leaves out the nodes holding a
 * task of the group (section 5.3). Every reserve, release, add and remove refiles the node in every tracked shape
 * (a distinctInstance shape also asks the node for its group count, when the node runs tasks): the shapes are few
 * in a scenario, and the cap ({@value #MAX_RANDOM_SHAPES}) bounds that cost; a shape past it is scanned.
 *
 * <p>Cost: {@link #place} is O(log k) for k distinct remaining amounts plus one step per node skipped on the walk;
 * a node is skipped when its amount of the binpack field fits but the other one (CPU under binpack(memory),
 * memory under binpack(cpu)) does not, or it holds the group under {@code distinctInstance}. That is a handful of
 * nodes in the common case (tasks whose CPU-to-memory ratio is at or below the instance's under binpack(memory),
 * so memory runs out first), but a cluster where many nodes have the memory and not the CPU, or a distinctInstance
 * group on most nodes, makes the walk long: the worst case is the scan's O(nodes).
 * Spread by instance costs, per zone searched (one, or the zones tied on the fewest tasks; every zone when alone),
 * O(log(nodes / 64)) per leapfrog step plus a scan of each block the tree enters (up to 64 slots). Steps are few
 * when the level's nodes that fit come early in slot order, the common case: at the first fitting node the level
 * usually holds it. The worst case is again O(nodes): fitting nodes and the level's members interleaved without
 * meeting (every fitting node holds the group, every node without it full) costs a step per pair, and blocks where
 * one node has the CPU and another the memory are entered for nothing. Levels tried in a zone are one plus the
 * levels below the answer whose nodes all fail to fit.
 * {@code [random]} costs O(log(nodes / 64)) plus a lookup of the shape among those tracked (O(shapes), the last one
 * first), and O(nodes) the first time a shape comes.
 * {@link #reserved}, {@link #released}, {@link #add} and {@link #remove} are O(log k) per view (add and remove also
 * O(groups tracked) for a node that holds tasks); with spread by instance in use, also O(log(nodes / 64)) for the
 * fit tree (a 64-slot block rescan only when the node held a block maximum and lost some of it) and O(log levels)
 * for the group's level sets; an add or remove then also files the node in every group tracked for spread by
 * instance (O(groups)). With {@code [random]} shapes tracked, each of those calls also refiles the node in every
 * shape: O(1) per shape when its membership stays, O(log(nodes / 64)) when it changes. Slot numbers are compacted
 * (all views rebuilt, O(nodes)) when the slot space fills, so it stays within twice the number of nodes: amortized
 * O(1) per add; spread by instance's structures are dropped then and rebuilt on its next request (O(nodes) per
 * group tracked); the tracked shapes' sets are rebuilt at once (O(nodes) per shape).
 *
 * <p>Memory for spread by instance: 12 bytes per slot for the mirror, about 40 bytes per 64 slots per zone for the
 * fit trees, and per task group tracked its level sets: a bit per node in the group's count levels, allocated by
 * 4,096-slot pages as they fill (tens of KB per group at 100,000 instances, up to about 100 KB with level 0 and
 * a level above it spread over every zone). For {@code [random]}: per tracked shape a bit per slot of capacity and
 * an int per 64 slots, about 48 KB at 100,000 instances (capacity 262,144 slots), so about 3 MB at the cap of
 * {@value #MAX_RANDOM_SHAPES} shapes.
 *
 * <p>Not thread-safe; one index per capacity provider of one simulation.
 */
public final class PlacementIndex {

    private static final int MIN_CAPACITY = SlotSet.PAGE_SLOTS;

    /**
     * Task shapes (CPU, memory, awsvpc; and the group under distinctInstance, so each such group takes its own)
     * {@code [random]} keeps feasible sets for, first come first tracked; a request of a shape beyond them is
     * scanned. Every reserve, release, add and remove refreshes the node's membership in every tracked shape, so
     * the cap bounds that cost (a scenario's tasks come in a handful of shapes).
     */
    static final int MAX_RANDOM_SHAPES = 64;

    /**
     * Optional for a {@link PlacementNode}: a node that keeps the index's slot number for it, so that
     * {@link #reserved}, {@link #released} and {@link #remove} find the node's slot without a map lookup (a cache
     * miss or two per call on a large cluster). The index alone writes it; a node belongs to at most one index at a
     * time (one capacity provider). Nodes without it are found through an identity map.
     */
    public interface SlotKeeper {
        /** The index that holds this node, or {@code null}; as last set by {@link #placementSlot(Object, int)}. */
        Object placementIndex();

        /** The slot in {@link #placementIndex()}; meaningless when that is {@code null}. */
        int placementSlot();

        /** Set by the index only: {@code index} holds this node at {@code slot} ({@code null}, -1: none). */
        void placementSlot(Object index, int slot);
    }

    /** One ordering of the slots: by remaining memory (or CPU), over all nodes or per zone. */
    private final class View {
        final boolean memory;
        final boolean perZone;
        /**
         * Per slot, the key it is filed under ({@code [2 * slot]}) and its part ({@code [2 * slot + 1]}), side by
         * side so that moving a node reads one cache line.
         */
        int[] filed;
        /**
         * Part {@code 2 * zone + 1} holds the nodes of the zone with an ENI slot left, {@code 2 * zone} those
         * without (zone 0 for all when not {@code perZone}): an awsvpc task walks only the first kind, so
         * instances whose ENI slots are all taken (binpack fills them up, leaving some memory) cost it nothing.
         */
        KeyedSlots[] parts = new KeyedSlots[2];

        View(boolean memory, boolean perZone) {
            this.memory = memory;
            this.perZone = perZone;
            this.filed = new int[2 * capacity];
        }

        int key(PlacementNode node) {
            return memory ? node.remainingMemoryMiB() : node.remainingCpu();
        }

        int keyAt(int slot) {
            return filed[2 * slot];
        }

        /** The part, or {@code null} if it was never filled. */
        KeyedSlots partOrNull(int p) {
            return p < parts.length ? parts[p] : null;
        }

        KeyedSlots part(int p) {
            if (p >= parts.length) {
                parts = Arrays.copyOf(parts, Math.max(p + 2, parts.length * 2));
            }
            KeyedSlots part = parts[p];
            if (part == null) {
                part = new KeyedSlots(capacity, pages, spareSets);
                parts[p] = part;
            }
            return part;
        }

        void insert(int slot) {
            PlacementNode node = nodeAt[slot];
            int key = key(node);
            int p = 2 * (perZone ? zoneAt[slot] : 0) + (node.remainingEniSlots() >= 1 ? 1 : 0);
            filed[2 * slot] = key;
            filed[2 * slot + 1] = p;
            part(p).add(key, slot);
        }

        void delete(int slot) {
            part(filed[2 * slot + 1]).remove(filed[2 * slot], slot);
        }

        void refresh(PlacementNode node, int slot) {
            final int[] f = filed;
            int key = key(node);
            int oldKey = f[2 * slot];
            int oldPart = f[2 * slot + 1];
            int p = (oldPart & ~1) | (node.remainingEniSlots() >= 1 ? 1 : 0); // the zone stays
            if (key != oldKey || p != oldPart) {
                parts[oldPart].remove(oldKey, slot);
                part(p).add(key, slot);
                f[2 * slot] = key;
                f[2 * slot + 1] = p;
            }
        }

        /**
         * The first feasible slot of the zone (0 when not {@code perZone}) in (key, slot) order, or -1: for an
         * awsvpc task from the part with ENI slots only, else the lesser of both parts' firsts.
         */
        int first(int zone, int from, PlacementRequest request, String distinctGroup) {
            int withEni = walk(partOrNull(2 * zone + 1), from, request, distinctGroup);
            if (request.needsEni()) {
                return withEni;
            }
            int without = walk(partOrNull(2 * zone), from, request, distinctGroup);
            if (withEni < 0 || without < 0) {
                return Math.max(withEni, without);
            }
            int a = keyAt(withEni);
            int b = keyAt(without);
            return a < b || a == b && withEni < without ? withEni : without;
        }
    }

    /**
     * For spread by instance, over one zone's slots: a segment tree whose leaves are blocks of 64 slots, each node
     * holding the greatest remaining CPU and memory among the zone's nodes under it, once over all of them (for a
     * task without awsvpc) and once over those with an ENI slot left (for an awsvpc task); -1 when there are none.
     * A subtree whose maxima do not reach the task's need holds no node that fits, so {@link #find} skips it. The
     * ENI split matters: instances whose ENI slots are used up while memory is left are common (small awsvpc
     * tasks, section 2.4), and maxima mixing their memory with other instances' ENI slots would send the search
     * into blocks without a fitting node. CPU and memory maxima may still come from different nodes, so a block
     * that passes is checked node by node. 8 ints and a 64-bit mask per 64 slots of capacity per zone (about
     * 160 KB per zone at 100,000 instances, whose capacity is 262,144 slots).
     */
    private final class FitTree {
        final int zone;
        /** Number of blocks, a power of two; leaves at {@code [blocks, 2 * blocks)}, the root at 1. */
        final int blocks;
        /** Per tree node, {@code [4 * t]}: max CPU, {@code + 1}: max memory, over all the zone's nodes under it;
         * {@code + 2}, {@code + 3}: the same over those with an ENI slot left. Side by side: one cache line. */
        final int[] max;
        /** Per block, a bit per slot of the block that holds a node of this zone: scans visit only those. */
        final long[] members;

        FitTree(int zone) {
            this.zone = zone;
            this.blocks = capacity >>> 6;
            this.max = new int[8 * blocks];
            this.members = new long[blocks];
            Arrays.fill(max, -1);
        }

        /** A node of the zone joined at {@code slot} (its mirror written). */
        void join(int slot) {
            members[slot >>> 6] |= 1L << slot;
            refresh(slot);
        }

        /** The zone's node at {@code slot} left (its mirror cleared). */
        void leave(int slot) {
            members[slot >>> 6] &= ~(1L << slot);
            refresh(slot);
        }

        /** Fills every block from the mirror, then the inner nodes: O(capacity). */
        void build() {
            for (int slot = 0; slot < nextSlot; slot++) {
                if (nodeAt[slot] != null && zoneAt[slot] == zone) {
                    members[slot >>> 6] |= 1L << slot;
                }
            }
            for (int b = 0; b < blocks; b++) {
                leaf(b);
            }
            for (int t = blocks - 1; t >= 1; t--) {
                combine(t);
            }
        }

        private void leaf(int b) {
            final int[] r = res;
            int cpu = -1;
            int memory = -1;
            int cpuEni = -1;
            int memoryEni = -1;
            for (long bits = members[b]; bits != 0; bits &= bits - 1) {
                int slot = (b << 6) + Long.numberOfTrailingZeros(bits);
                int c = r[3 * slot];
                int m = r[3 * slot + 1];
                cpu = Math.max(cpu, c);
                memory = Math.max(memory, m);
                if (r[3 * slot + 2] >= 1) {
                    cpuEni = Math.max(cpuEni, c);
                    memoryEni = Math.max(memoryEni, m);
                }
            }
            int t = 4 * (blocks + b);
            max[t] = cpu;
            max[t + 1] = memory;
            max[t + 2] = cpuEni;
            max[t + 3] = memoryEni;
        }

        /** Node t from its children; whether it changed. */
        private boolean combine(int t) {
            final int[] a = max;
            int l = 8 * t;
            int changed = 0;
            for (int i = 0; i < 4; i++) {
                int v = Math.max(a[l + i], a[l + 4 + i]);
                changed |= v ^ a[4 * t + i];
                a[4 * t + i] = v;
            }
            return changed != 0;
        }

        /**
         * Mirrors the node's remaining resources at its slot and updates the tree. A block's maxima need a scan of
         * the block only when the node held one of them and lost some of it: a reservation on another node of
         * the block leaves them as they are, a release can only raise them to the node's new amounts.
         */
        void changed(PlacementNode node, int slot) {
            final int[] r = res;
            final int i = 3 * slot;
            final int oldCpu = r[i];
            final int oldMemory = r[i + 1];
            final int oldEni = r[i + 2];
            final int cpu = node.remainingCpu();
            final int memory = node.remainingMemoryMiB();
            final int eni = node.remainingEniSlots();
            r[i] = cpu;
            r[i + 1] = memory;
            r[i + 2] = eni;
            final int b = slot >>> 6;
            final int t = 4 * (blocks + b);
            final int[] m = max;
            if (cpu <= oldCpu && memory <= oldMemory && eni <= oldEni) {
                if (oldCpu < m[t] && oldMemory < m[t + 1]
                        && (oldEni < 1 || oldCpu < m[t + 2] && oldMemory < m[t + 3])) {
                    return; // not a maximum before, less now: the block's maxima stand
                }
                refresh(slot);
            } else if (cpu >= oldCpu && memory >= oldMemory && eni >= oldEni) {
                boolean raised = cpu > m[t] || memory > m[t + 1];
                m[t] = Math.max(m[t], cpu);
                m[t + 1] = Math.max(m[t + 1], memory);
                if (eni >= 1) {
                    raised |= cpu > m[t + 2] || memory > m[t + 3];
                    m[t + 2] = Math.max(m[t + 2], cpu);
                    m[t + 3] = Math.max(m[t + 3], memory);
                }
                if (raised) {
                    for (int u = (blocks + b) >>> 1; u >= 1 && combine(u); u >>>= 1) {
                        // up while the maxima change
                    }
                }
            } else {
                refresh(slot);
            }
        }

        /** After the slot's mirror changed: its block, then the path to the root while a maximum changes. */
        void refresh(int slot) {
            int b = slot >>> 6;
            leaf(b);
            for (int t = (blocks + b) >>> 1; t >= 1 && combine(t); t >>>= 1) {
                // up while the maxima change
            }
        }

        boolean rootFits(int cpu, int memory, int eni) {
            int o = 4 + 2 * eni;
            return max[o] >= cpu && max[o + 1] >= memory;
        }

        /** The first slot in {@code [from, limit)} of the zone whose node fits the task, or -1. */
        int find(int from, int cpu, int memory, int eni, int limit) {
            limit = Math.min(limit, nextSlot);
            if (from >= limit) {
                return -1;
            }
            return find(1, 0, blocks, from, cpu, memory, eni, limit);
        }

        private int find(int t, int lo, int hi, int from, int cpu, int memory, int eni, int limit) {
            int o = 4 * t + 2 * eni;
            if (hi << 6 <= from || lo << 6 >= limit || max[o] < cpu || max[o + 1] < memory) {
                return -1;
            }
            if (hi - lo == 1) {
                final int[] r = res;
                final int base = lo << 6;
                long bits = members[lo];
                if (from > base) {
                    bits &= -1L << from; // shifts by from mod 64
                }
                if (limit < base + 64) {
                    bits &= (1L << limit) - 1;
                }
                for (; bits != 0; bits &= bits - 1) {
                    int slot = base + Long.numberOfTrailingZeros(bits);
                    if (r[3 * slot] >= cpu && r[3 * slot + 1] >= memory && r[3 * slot + 2] >= eni) {
                        return slot;
                    }
                }
                return -1;
            }
            int mid = (lo + hi) >>> 1;
            int found = find(2 * t, lo, mid, from, cpu, memory, eni, limit);
            return found >= 0 ? found : find(2 * t + 1, mid, hi, from, cpu, memory, eni, limit);
        }
    }

    private final Placer scan = new Placer();
    private final Map<PlacementNode, Integer> slotOf = new IdentityHashMap<>();
    private final Map<String, Integer> zoneIds = new HashMap<>();
    /** Task count of a tracked group per zone id, over the indexed nodes. */
    private final Map<String, int[]> zoneTasks = new HashMap<>();
    /** Views by {@code (memory ? 1 : 0) + (perZone ? 2 : 0)}; {@code null} until first used. */
    private final View[] views = new View[4];

    /**
     * For spread by instance: per slot its remaining CPU ({@code [3 * slot]}), memory ({@code + 1}) and ENI slots
     * ({@code + 2}), -1 for a free slot; {@code null} until a spread-by-instance request comes.
     */
    private int[] res;
    /** For spread by instance: per zone id, the fit tree over the zone's slots; {@code null} with {@link #res}. */
    private FitTree[] fitTrees;
    /** For spread by instance: per tracked group, per zone id, the zone's slots by the group's task count there. */
    private final Map<String, KeyedSlots[]> levels = new HashMap<>();
    /** Scratch for spread by instance: zone ids by the group's zone count. */
    private int[] zoneOrder = new int[4];

    /**
     * For {@code [random]}: the task shapes tracked, {@link #shapeKey} each, in the order first asked; at most
     * {@link #MAX_RANDOM_SHAPES}.
     */
    private long[] shapeKeys = new long[4];
    /** Per tracked shape, {@code [3 * s]}: CPU units, {@code + 1}: memory, {@code + 2}: ENI slots (0 or 1). */
    private int[] shapeNeeds = new int[12];
    /**
     * Per tracked shape, the task group whose holders {@code distinctInstance} rules out, or {@code null} for a
     * request without constraints: part of the shape, since it changes the feasible set.
     */
    private String[] shapeGroups = new String[4];
    /** Per tracked shape, the slots of the nodes where a task of the shape fits (and may go, see shapeGroups). */
    private RankedSlots[] shapeSlots = new RankedSlots[4];
    private int shapes;
    /** The shape {@link #randomShape} found last: a job's tasks come one shape at a time. */
    private int lastShape;

    /** The node {@link #place} chose last and its slot, until it is removed or the slots are renumbered. */
    private PlacementNode lastChosen;
    private int lastChosenSlot;
    private int capacity = MIN_CAPACITY;
    private PlacementNode[] nodeAt = new PlacementNode[MIN_CAPACITY];
    private int[] zoneAt = new int[MIN_CAPACITY];
    private int nextSlot;
    private int size;
    private SlotSet.Pages pages = new SlotSet.Pages();
    private ArrayDeque<SlotSet> spareSets = new ArrayDeque<>();

    /** An empty index. */
    public PlacementIndex() {
    }

    /** Number of nodes indexed; equals the size of the node list it mirrors. */
    public int size() {
        return size;
    }

    /** {@code node} joins the end of the node list. */
    public void add(PlacementNode node) {
        if (slotOrNegative(node) >= 0) {
            throw new IllegalArgumentException("placement index: " + node + " is already indexed");
        }
        if (node instanceof SlotKeeper && ((SlotKeeper) node).placementIndex() != null) {
            throw new IllegalArgumentException("placement index: " + node + " is held by another index");
        }
        if (nextSlot == capacity) {
            compact(size + 1);
        }
        int slot = nextSlot++;
        nodeAt[slot] = node;
        Integer zone = zoneIds.get(node.zone());
        if (zone == null) {
            zone = zoneIds.size();
            zoneIds.put(node.zone(), zone);
        }
        zoneAt[slot] = zone;
        setSlot(node, slot);
        size++;
        for (View v : views) {
            if (v != null) {
                v.insert(slot);
            }
        }
        countGroups(node, zone, 1);
        if (shapes != 0) {
            fileShapes(node, slot);
        }
        if (res != null) {
            mirror(node, slot);
            fitTree(zone).join(slot);
        }
        for (Map.Entry<String, KeyedSlots[]> e : levels.entrySet()) {
            levelsOf(e.getKey(), e.getValue(), zone).add(groupCount(node, e.getKey()), slot);
        }
    }

    /** {@code node} leaves the node list (the others keep their order); a node not indexed is ignored. */
    public void remove(PlacementNode node) {
        int slot = slotOrNegative(node);
        if (slot < 0) {
            return;
        }
        if (node instanceof SlotKeeper) {
            ((SlotKeeper) node).placementSlot(null, -1);
        } else {
            slotOf.remove(node);
        }
        if (node == lastChosen) {
            lastChosen = null;
        }
        for (View v : views) {
            if (v != null) {
                v.delete(slot);
            }
        }
        countGroups(node, zoneAt[slot], -1);
        for (int s = 0; s < shapes; s++) {
            shapeSlots[s].set(slot, false);
        }
        for (Map.Entry<String, KeyedSlots[]> e : levels.entrySet()) {
            e.getValue()[zoneAt[slot]].remove(groupCount(node, e.getKey()), slot);
        }
        if (res != null) {
            res[3 * slot] = -1;
            res[3 * slot + 1] = -1;
            res[3 * slot + 2] = -1;
            fitTrees[zoneAt[slot]].leave(slot);
        }
        nodeAt[slot] = null;
        size--;
    }

    /** After one task of {@code group} reserved its resources on {@code node}. */
    public void reserved(PlacementNode node, String group) {
        changed(node, group, 1);
    }

    /** After one task of {@code group} released its resources on {@code node}; ignored for a node not indexed. */
    public void released(PlacementNode node, String group) {
        changed(node, group, -1);
    }

    private void changed(PlacementNode node, String group, int delta) {
        int slot;
        if (node == lastChosen) {
            slot = lastChosenSlot; // the reserve that follows a placement: no map lookup
        } else {
            slot = slotOrNegative(node);
            if (slot < 0) {
                return;
            }
        }
        for (View v : views) {
            if (v != null) {
                v.refresh(node, slot);
            }
        }
        if (shapes != 0) {
            fileShapes(node, slot);
        }
        int[] counts = zoneTasks.get(group);
        if (counts != null) {
            counts = grown(group, counts);
            counts[zoneAt[slot]] += delta;
        }
        if (res != null) {
            fitTrees[zoneAt[slot]].changed(node, slot);
            if (!levels.isEmpty()) {
                KeyedSlots[] byZone = levels.get(group);
                if (byZone != null) {
                    // The node already counts the task (reserved) or no longer does (released).
                    int now = node.tasksInGroup(group);
                    KeyedSlots zone = byZone[zoneAt[slot]];
                    zone.remove(now - delta, slot);
                    zone.add(now, slot);
                }
            }
        }
    }

    /**
     * The node {@link Placer#select} would choose from {@code nodes} for {@code request}, or {@code null} when no
     * node is feasible (the task stays PENDING).
     *
     * @param nodes  the node list this index mirrors (same nodes, same order); read only for requests the index
     *               does not cover
     * @param random used only by strategies that draw ({@code random}); may be {@code null} otherwise
     */
    public PlacementNode place(PlacementRequest request, List<? extends PlacementNode> nodes, RandomStream random) {
        if (nodes.size() != size) {
            throw new IllegalStateException("placement index holds " + size + " nodes but the node list has "
                    + nodes.size() + ": an add or remove was not reported");
        }
        final List<PlacementStrategy> strategies = request.strategies();
        final int n = strategies.size();
        final String group = request.group();
        // Constraints covered: none, or distinctInstance only, which needs the task group; the rest, and invalid
        // amounts, go to the scan, which decides or says what is wrong.
        boolean distinct = false;
        boolean covered = request.cpuUnits() >= 0 && request.memoryMiB() >= 0;
        final List<PlacementConstraint> constraints = request.constraints();
        for (int c = 0, cn = constraints.size(); c < cn && covered; c++) {
            if (constraints.get(c) == DistinctInstanceConstraint.INSTANCE) {
                distinct = true;
            } else {
                covered = false;
            }
        }
        covered &= !distinct || group != null;
        if (covered && n == 1 && strategies.get(0) instanceof RandomStrategy && random != null) {
            // Without a stream the scan decides, and says so when it would draw.
            int shape = randomShape(request.cpuUnits(), request.memoryMiB(), request.needsEni() ? 1 : 0,
                    distinct ? group : null);
            if (shape >= 0) {
                return placeRandom(shapeSlots[shape], random);
            }
        }
        final boolean byInstance = (n == 1 || n == 2) && isInstanceSpread(strategies.get(n - 1));
        covered &= (n == 1 || n == 2) && (byInstance || strategies.get(n - 1) instanceof BinpackStrategy)
                && (n == 1 || isZoneSpread(strategies.get(0)));
        if (!covered || (group == null && (n == 2 || byInstance))) {
            int chosen = scan.select(request, nodes, random);
            return chosen < 0 ? null : nodes.get(chosen);
        }
        if (byInstance) {
            return chosen(spreadByInstance(request, group, n == 2, distinct));
        }
        final boolean memory = ((BinpackStrategy) strategies.get(n - 1)).onMemory();
        final String distinctGroup = distinct ? group : null;
        final int from = memory ? request.memoryMiB() : request.cpuUnits();
        return chosen(n == 1
                ? view(memory, false).first(0, from, request, distinctGroup)
                : spreadByZone(view(memory, true), from, request, group, distinctGroup));
    }

    /** The node at {@code slot}, remembered as the last chosen; {@code null} for -1 (no feasible node). */
    private PlacementNode chosen(int slot) {
        if (slot < 0) {
            return null;
        }
        lastChosen = nodeAt[slot];
        lastChosenSlot = slot;
        return lastChosen;
    }

    /**
     * {@code [random]}, without constraints or with {@code distinctInstance}: the scan's candidates are the feasible
     * nodes in node-list order, which is slot order (under {@code distinctInstance} those without a task of the
     * group, platform-semantics.md section 5.3), and it draws {@code random.nextInt(F)} among the F of them only
     * when F > 1 ({@link Placer} stops narrowing at one candidate; none leaves the task PENDING, section 5.1). The
     * shape's feasible set gives F and the node of the drawn rank: the same node and the same draws.
     */
    private PlacementNode placeRandom(RankedSlots feasible, RandomStream random) {
        final int count = feasible.size();
        if (count == 0) {
            return null;
        }
        return chosen(feasible.select(count == 1 ? 0 : random.nextInt(count)));
    }

    /** The key of a task shape: CPU units, memory and ENI need (0 or 1) packed injectively for non-negative ints. */
    private static long shapeKey(int cpu, int memory, int eni) {
        return ((long) cpu << 32) | ((long) memory << 1) | eni;
    }

    /**
     * The tracked shape's number, tracking it (its feasible set filled from the indexed nodes, O(nodes)) on first
     * use; -1 when {@link #MAX_RANDOM_SHAPES} other shapes are tracked already.
     *
     * @param group the distinctInstance group, or {@code null} without constraints
     */
    private int randomShape(int cpu, int memory, int eni, String group) {
        final long key = shapeKey(cpu, memory, eni);
        final long[] keys = shapeKeys;
        final String[] groups = shapeGroups;
        if (lastShape < shapes && keys[lastShape] == key && Objects.equals(groups[lastShape], group)) {
            return lastShape;
        }
        for (int s = 0; s < shapes; s++) {
            if (keys[s] == key && Objects.equals(groups[s], group)) {
                lastShape = s;
                return s;
            }
        }
        if (shapes == MAX_RANDOM_SHAPES) {
            return -1;
        }
        final int s = shapes;
        if (s == keys.length) {
            shapeKeys = Arrays.copyOf(keys, 2 * s);
            shapeNeeds = Arrays.copyOf(shapeNeeds, 6 * s);
            shapeSlots = Arrays.copyOf(shapeSlots, 2 * s);
            shapeGroups = Arrays.copyOf(groups, 2 * s);
        }
        shapeKeys[s] = key;
        shapeGroups[s] = group;
        shapeNeeds[3 * s] = cpu;
        shapeNeeds[3 * s + 1] = memory;
        shapeNeeds[3 * s + 2] = eni;
        shapeSlots[s] = feasibleSlots(s);
        shapes = s + 1;
        lastShape = s;
        return s;
    }

    /** The slots of the indexed nodes that tracked shape {@code s} may go to, in a new set of this capacity. */
    private RankedSlots feasibleSlots(int s) {
        RankedSlots set = new RankedSlots(capacity);
        for (int slot = 0; slot < nextSlot; slot++) {
            PlacementNode node = nodeAt[slot];
            if (node != null && mayTake(s, node, node.remainingCpu(), node.remainingMemoryMiB(),
                    node.remainingEniSlots())) {
                set.include(slot);
            }
        }
        set.recount();
        return set;
    }

    /**
     * Whether a task of tracked shape {@code s} may go to {@code node}, which has {@code cpu}, {@code memory} and
     * {@code eni} left: it fits and, for a distinctInstance shape, the node holds no task of the group.
     */
    private boolean mayTake(int s, PlacementNode node, int cpu, int memory, int eni) {
        final int[] needs = shapeNeeds;
        if (cpu < needs[3 * s] || memory < needs[3 * s + 1] || eni < needs[3 * s + 2]) {
            return false;
        }
        final String group = shapeGroups[s];
        return group == null || groupCount(node, group) == 0;
    }

    /** The node's tasks of the group, without asking a node that runs none (its group lookup is the cost). */
    private static int groupCount(PlacementNode node, String group) {
        return node.runningTasksCount() == 0 ? 0 : node.tasksInGroup(group);
    }

    /**
     * Files the node at {@code slot} in or out of every tracked shape's feasible set, by what it has left now and,
     * for a distinctInstance shape, whether it holds the group (a group's count changes only with a reserve or
     * release on the node, which calls this).
     */
    private void fileShapes(PlacementNode node, int slot) {
        final int cpu = node.remainingCpu();
        final int memory = node.remainingMemoryMiB();
        final int eni = node.remainingEniSlots();
        final RankedSlots[] sets = shapeSlots;
        for (int s = 0, k = shapes; s < k; s++) {
            sets[s].set(slot, mayTake(s, node, cpu, memory, eni));
        }
    }

    /** The node's slot in this index, or -1 when it is not indexed here. */
    private int slotOrNegative(PlacementNode node) {
        if (node instanceof SlotKeeper) {
            SlotKeeper keeper = (SlotKeeper) node;
            return keeper.placementIndex() == this ? keeper.placementSlot() : -1;
        }
        Integer s = slotOf.get(node);
        return s == null ? -1 : s;
    }

    private void setSlot(PlacementNode node, int slot) {
        if (node instanceof SlotKeeper) {
            ((SlotKeeper) node).placementSlot(this, slot);
        } else {
            slotOf.put(node, slot);
        }
    }

    private static boolean isZoneSpread(PlacementStrategy strategy) {
        return strategy instanceof SpreadStrategy && ((SpreadStrategy) strategy).spreadsByZone();
    }

    private static boolean isInstanceSpread(PlacementStrategy strategy) {
        return strategy instanceof SpreadStrategy && ((SpreadStrategy) strategy).spreadsByInstance();
    }

    /**
     * {@code [spread(instanceId)]}, or {@code [spread(zone), spread(instanceId)]} when {@code byZone}: the least
     * (zone's group tasks, node's group tasks, slot) over the feasible nodes, which is what the scan's narrowing
     * keeps last (platform-semantics.md section 5.2, "Chaining"): spread by zone keeps the zones with the fewest
     * tasks among those with a feasible node, spread by instance the fewest on the node among what is left, and
     * the first in node-list order wins. Per zone, the first count level that holds a feasible node gives the
     * zone's candidate; a zone with more tasks than the best found, or a level above it, is not searched. Under
     * {@code distinctInstance} only level 0 can hold a feasible node (section 5.3).
     */
    private int spreadByInstance(PlacementRequest request, String group, boolean byZone, boolean distinct) {
        startSpreadByInstance();
        final KeyedSlots[] byZoneLevels = levelsOf(group);
        final int[] zoneCounts = byZone ? grown(group, groupCounts(group)) : null;
        final int cpu = request.cpuUnits();
        final int memory = request.memoryMiB();
        final int eni = request.needsEni() ? 1 : 0;
        // Zones by their group count, fewest first (insertion sort of a few ids into a reused array): once a zone
        // has a candidate, zones with more tasks cannot win and the loop ends.
        final int zones = zoneIds.size();
        if (zoneOrder.length < zones) {
            zoneOrder = new int[Math.max(zones, 2 * zoneOrder.length)];
        }
        final int[] order = zoneOrder;
        for (int z = 0; z < zones; z++) {
            int count = byZone ? zoneCounts[z] : 0;
            int i = z;
            while (i > 0 && byZone && zoneCounts[order[i - 1]] > count) {
                order[i] = order[i - 1];
                i--;
            }
            order[i] = z;
        }
        int bestZone = Integer.MAX_VALUE;
        int bestLevel = Integer.MAX_VALUE;
        int bestSlot = -1;
        for (int o = 0; o < zones; o++) {
            int z = order[o];
            int zoneCount = byZone ? zoneCounts[z] : 0;
            if (zoneCount > bestZone) {
                break;
            }
            KeyedSlots zoneLevels = z < byZoneLevels.length ? byZoneLevels[z] : null;
            FitTree tree = z < fitTrees.length ? fitTrees[z] : null;
            if (zoneLevels == null || tree == null || !tree.rootFits(cpu, memory, eni)) {
                continue; // no node in the zone since tracking began, or none that fits
            }
            for (int i = 0, k = zoneLevels.keyCount(); i < k; i++) {
                int level = zoneLevels.keyAt(i);
                if (distinct && level > 0 || zoneCount == bestZone && level > bestLevel) {
                    break;
                }
                // At the best's zone count and level only a slot before the best's can win.
                int limit = zoneCount == bestZone && level == bestLevel ? bestSlot : Integer.MAX_VALUE;
                int slot = firstFit(zoneLevels.setAt(i), tree, cpu, memory, eni, limit);
                if (slot >= 0) {
                    if (zoneCount < bestZone || level < bestLevel || slot < bestSlot) {
                        bestZone = zoneCount;
                        bestLevel = level;
                        bestSlot = slot;
                    }
                    break; // the zone's higher levels rank below this one
                }
            }
        }
        return bestSlot;
    }

    /**
     * The first slot of {@code set} (one zone's slots at one count level) before {@code limit} that fits the task,
     * or -1: the zone's fit tree and the set leapfrog, each jumping to the other's next candidate, so runs of
     * fitting non-members and runs of members that do not fit are each crossed in O(log) rather than node by node.
     * The tree leads: fitting nodes are the sparser side when the cluster is busy.
     */
    private int firstFit(SlotSet set, FitTree tree, int cpu, int memory, int eni, int limit) {
        final int[] r = res;
        int from = 0;
        while (true) {
            int fits = tree.find(from, cpu, memory, eni, limit);
            if (fits < 0 || set.contains(fits)) {
                return fits;
            }
            int member = set.next(fits + 1);
            if (member < 0 || member >= limit) {
                return -1;
            }
            if (r[3 * member] >= cpu && r[3 * member + 1] >= memory && r[3 * member + 2] >= eni) {
                return member;
            }
            from = member + 1;
        }
    }

    /** Builds the per-slot mirror and the zones' fit trees the first time a spread-by-instance request comes. */
    private void startSpreadByInstance() {
        if (res != null) {
            return;
        }
        res = new int[3 * capacity];
        Arrays.fill(res, -1);
        fitTrees = new FitTree[Math.max(1, zoneIds.size())];
        for (int slot = 0; slot < nextSlot; slot++) {
            if (nodeAt[slot] != null) {
                mirror(nodeAt[slot], slot);
            }
        }
        for (int z = 0; z < zoneIds.size(); z++) {
            fitTree(z).build();
        }
    }

    private void mirror(PlacementNode node, int slot) {
        res[3 * slot] = node.remainingCpu();
        res[3 * slot + 1] = node.remainingMemoryMiB();
        res[3 * slot + 2] = node.remainingEniSlots();
    }

    /** The zone's fit tree, created empty (to be filled by the caller) for a zone not seen before. */
    private FitTree fitTree(int zone) {
        if (zone >= fitTrees.length) {
            fitTrees = Arrays.copyOf(fitTrees, Math.max(zone + 1, 2 * fitTrees.length));
        }
        FitTree tree = fitTrees[zone];
        if (tree == null) {
            tree = new FitTree(zone);
            fitTrees[zone] = tree;
        }
        return tree;
    }

    /** The group's count levels per zone, filed from the indexed nodes the first time the group is asked. */
    private KeyedSlots[] levelsOf(String group) {
        KeyedSlots[] byZone = levels.get(group);
        if (byZone == null) {
            levels.put(group, new KeyedSlots[Math.max(1, zoneIds.size())]);
            for (int slot = 0; slot < nextSlot; slot++) {
                PlacementNode node = nodeAt[slot];
                if (node != null) {
                    levelsOf(group, levels.get(group), zoneAt[slot]).add(groupCount(node, group), slot);
                }
            }
            byZone = levels.get(group);
        }
        return byZone;
    }

    /** The zone's levels of a group, created (and the group's array grown) if new; returns the zone's levels. */
    private KeyedSlots levelsOf(String group, KeyedSlots[] byZone, int zone) {
        if (zone >= byZone.length) {
            byZone = Arrays.copyOf(byZone, Math.max(zone + 1, 2 * byZone.length));
            levels.put(group, byZone);
        }
        KeyedSlots zoneLevels = byZone[zone];
        if (zoneLevels == null) {
            zoneLevels = new KeyedSlots(capacity, pages, spareSets);
            byZone[zone] = zoneLevels;
        }
        return zoneLevels;
    }

    /**
     * The zone with the fewest tasks of the group among zones with a feasible node, ties between such zones to
     * the least remaining amount, then the lowest slot: the scan's spread then binpack, whose candidates are the
     * feasible nodes of every zone that ties on the fewest tasks.
     */
    private int spreadByZone(View view, int from, PlacementRequest request, String group, String distinctGroup) {
        int[] counts = grown(group, groupCounts(group));
        int bestSlot = -1;
        int bestCount = Integer.MAX_VALUE;
        int bestKey = 0;
        for (int z = 0, zones = zoneIds.size(); z < zones; z++) {
            int count = counts[z];
            if (count > bestCount) {
                continue;
            }
            int slot = view.first(z, from, request, distinctGroup);
            if (slot < 0) {
                continue;
            }
            int key = view.keyAt(slot);
            if (count < bestCount || key < bestKey || key == bestKey && slot < bestSlot) {
                bestSlot = slot;
                bestCount = count;
                bestKey = key;
            }
        }
        return bestSlot;
    }

    /** The first feasible slot of {@code part} in (key, slot) order from the first key {@code >= from}; -1 if none. */
    private int walk(KeyedSlots part, int from, PlacementRequest request, String distinctGroup) {
        if (part == null) {
            return -1;
        }
        final int cpu = request.cpuUnits();
        final int memory = request.memoryMiB();
        final int eni = request.needsEni() ? 1 : 0;
        final PlacementNode[] nodes = nodeAt;
        for (int i = part.lowerBound(from), k = part.keyCount(); i < k; i++) {
            SlotSet set = part.setAt(i);
            for (int slot = set.next(0); slot >= 0; slot = set.next(slot + 1)) {
                PlacementNode node = nodes[slot];
                if (node.remainingCpu() >= cpu && node.remainingMemoryMiB() >= memory
                        && node.remainingEniSlots() >= eni
                        && (distinctGroup == null || node.tasksInGroup(distinctGroup) == 0)) {
                    return slot;
                }
            }
        }
        return -1;
    }

    private View view(boolean memory, boolean perZone) {
        int i = (memory ? 1 : 0) + (perZone ? 2 : 0);
        View v = views[i];
        if (v == null) {
            v = new View(memory, perZone);
            for (int slot = 0; slot < nextSlot; slot++) {
                if (nodeAt[slot] != null) {
                    v.insert(slot);
                }
            }
            views[i] = v;
        }
        return v;
    }

    /** The group's task count per zone id, counted over the indexed nodes the first time the group is asked. */
    private int[] groupCounts(String group) {
        int[] counts = zoneTasks.get(group);
        if (counts == null) {
            counts = new int[Math.max(1, zoneIds.size())];
            for (int slot = 0; slot < nextSlot; slot++) {
                PlacementNode node = nodeAt[slot];
                if (node != null) {
                    counts[zoneAt[slot]] += node.tasksInGroup(group);
                }
            }
            zoneTasks.put(group, counts);
        }
        return counts;
    }

    /** {@code counts} with room for every zone id seen so far. */
    private int[] grown(String group, int[] counts) {
        if (counts.length < zoneIds.size()) {
            counts = Arrays.copyOf(counts, zoneIds.size());
            zoneTasks.put(group, counts);
        }
        return counts;
    }

    /** Adds (sign 1) or removes (-1) the node's tasks from the zone counts of every tracked group. */
    private void countGroups(PlacementNode node, int zone, int sign) {
        if (zoneTasks.isEmpty() || node.runningTasksCount() == 0) {
            return; // a group's tasks are among the node's tasks (PlacementNode): none to count
        }
        for (Map.Entry<String, int[]> e : zoneTasks.entrySet()) {
            int[] counts = grown(e.getKey(), e.getValue());
            counts[zone] += sign * node.tasksInGroup(e.getKey());
        }
    }

    /** Renumbers the slots 0.. in order, with room for at least {@code needed}, and rebuilds the views. */
    private void compact(int needed) {
        lastChosen = null;
        int newCapacity = capacity;
        while (newCapacity < 2 * needed) {
            newCapacity *= 2;
        }
        PlacementNode[] newNodes = new PlacementNode[newCapacity];
        int[] newZones = new int[newCapacity];
        int n = 0;
        for (int slot = 0; slot < nextSlot; slot++) {
            PlacementNode node = nodeAt[slot];
            if (node != null) {
                newNodes[n] = node;
                newZones[n] = zoneAt[slot];
                setSlot(node, n);
                n++;
            }
        }
        capacity = newCapacity;
        nodeAt = newNodes;
        zoneAt = newZones;
        nextSlot = n;
        pages = new SlotSet.Pages();
        spareSets = new ArrayDeque<>();
        // Spread by instance's structures are rebuilt on its next request, with the new slot numbers.
        res = null;
        fitTrees = null;
        levels.clear();
        for (int s = 0; s < shapes; s++) {
            shapeSlots[s] = feasibleSlots(s);
        }
        for (int i = 0; i < views.length; i++) {
            View old = views[i];
            if (old != null) {
                View v = new View(old.memory, old.perZone);
                for (int slot = 0; slot < n; slot++) {
                    v.insert(slot);
                }
                views[i] = v;
            }
        }
    }
}
