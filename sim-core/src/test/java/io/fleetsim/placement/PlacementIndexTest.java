package io.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.TestStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PlacementIndex}: worked examples, then the property that it decides exactly as {@link Placer}'s scan on
 * random clusters and random request sequences with releases, registrations and deregistrations.
 */
class PlacementIndexTest {

    private static final String API = "service:api";
    private static final String ZONE_A = "us-east-1a";
    private static final String ZONE_B = "us-east-1b";
    private static final String ZONE_C = "us-east-1c";
    private static final PlacementStrategy BINPACK_MEMORY = PlacementPolicies.strategy("binpack", "memory");
    private static final PlacementStrategy BINPACK_CPU = PlacementPolicies.strategy("binpack", "cpu");
    private static final PlacementStrategy SPREAD_ZONE = PlacementPolicies.strategy("spread",
            "attribute:ecs.availability-zone");
    private static final PlacementConstraint DISTINCT = PlacementPolicies.constraint("distinctInstance", null);
    private static final PlacementStrategy SPREAD_ID = PlacementPolicies.strategy("spread", "instanceId");
    private static final PlacementStrategy SPREAD_HOST = PlacementPolicies.strategy("spread", "host");

    private static PlacementIndex indexOf(List<FakeNode> nodes) {
        PlacementIndex index = new PlacementIndex();
        nodes.forEach(index::add);
        return index;
    }

    private static PlacementRequest task(int cpu, int memory, boolean eni, List<PlacementConstraint> constraints,
            PlacementStrategy... strategies) {
        return new PlacementRequest(cpu, memory, eni, API, constraints, List.of(strategies));
    }

    // Remaining memory A 4096, B 2048, C 1024, D 2048. The task needs 1536 MiB: C is too small; the least of
    // the rest is 2048, shared by B and D; the first registered, B, wins.
    @Test
    void binpackMemory_leastRemainingThatFits_tieToFirstRegistered() {
        List<FakeNode> nodes = List.of(new FakeNode("A").memory(4096), new FakeNode("B").memory(2048),
                new FakeNode("C").memory(1024), new FakeNode("D").memory(2048));

        PlacementNode chosen = indexOf(nodes).place(task(256, 1536, false, List.of(), BINPACK_MEMORY), nodes, null);

        assertThat(chosen).isSameAs(nodes.get(1));
    }

    // B has the least memory that fits (2048) but only 128 CPU units left, less than the task's 256; C has no ENI
    // slot left for an awsvpc task; D (3072) is the next by memory and fits everything.
    @Test
    void binpackMemory_walksPastNodesShortOfCpuOrEni() {
        List<FakeNode> nodes = List.of(new FakeNode("A").memory(4096), new FakeNode("B").memory(2048).cpu(128),
                new FakeNode("C").memory(2048).eni(0), new FakeNode("D").memory(3072));

        PlacementNode chosen = indexOf(nodes).place(task(256, 1024, true, List.of(), BINPACK_MEMORY), nodes, null);

        assertThat(chosen).isSameAs(nodes.get(3));
    }

    // Remaining CPU A 1024, B 512, C 2048; the task needs 512 CPU: B (512) is the least that fits.
    @Test
    void binpackCpu_leastRemainingCpuThatFits() {
        List<FakeNode> nodes = List.of(new FakeNode("A").cpu(1024), new FakeNode("B").cpu(512),
                new FakeNode("C").cpu(2048));

        PlacementNode chosen = indexOf(nodes).place(task(512, 256, false, List.of(), BINPACK_CPU), nodes, null);

        assertThat(chosen).isSameAs(nodes.get(1));
    }

    // A (1024 MiB left) and B (2048) already run a task of service:api, so distinctInstance rules them out
    // although binpack ranks them first; C (3072) is next; D (8192) has more.
    @Test
    void distinctInstance_skipsNodesHoldingTheGroup() {
        List<FakeNode> nodes = List.of(new FakeNode("A").memory(1024).tasks(API, 1),
                new FakeNode("B").memory(2048).tasks(API, 1), new FakeNode("C").memory(8192),
                new FakeNode("D").memory(3072));

        PlacementNode chosen = indexOf(nodes).place(task(256, 512, false, List.of(DISTINCT), BINPACK_MEMORY), nodes,
                null);

        assertThat(chosen).isSameAs(nodes.get(3));
    }

    // Tasks of service:api: zone a 2 (a1), zone b 1 (b1), zone c 1 (c2, which has no memory left, still counts).
    // Zones b and c tie at 1. Feasible there: b1 (4096 left), b2 (2048), c1 (2048). binpack over both zones
    // keeps the 2048s, b2 and c1; c1 was registered first (index 1) and wins.
    @Test
    void spreadZoneThenBinpack_tiedZonesCompeteOnMemoryThenRegistrationOrder() {
        List<FakeNode> nodes = List.of(new FakeNode("a1").zone(ZONE_A).memory(1024).tasks(API, 2),
                new FakeNode("c1").zone(ZONE_C).memory(2048), new FakeNode("b1").zone(ZONE_B).memory(4096)
                        .tasks(API, 1),
                new FakeNode("b2").zone(ZONE_B).memory(2048), new FakeNode("c2").zone(ZONE_C).memory(0)
                        .tasks(API, 1));

        PlacementNode chosen = indexOf(nodes).place(task(256, 512, false, List.of(), SPREAD_ZONE, BINPACK_MEMORY),
                nodes, null);

        assertThat(chosen).isSameAs(nodes.get(1));
    }

    // Zone a has no task of service:api but its only node is full; the least-loaded zone with a feasible node is
    // b (1 task) -> b1, not a1.
    @Test
    void spreadZoneThenBinpack_zoneWithoutRoomIsPassedOver() {
        List<FakeNode> nodes = List.of(new FakeNode("a1").zone(ZONE_A).memory(256),
                new FakeNode("b1").zone(ZONE_B).memory(4096).tasks(API, 1),
                new FakeNode("c1").zone(ZONE_C).memory(4096).tasks(API, 2));

        PlacementNode chosen = indexOf(nodes).place(task(256, 512, false, List.of(), SPREAD_ZONE, BINPACK_MEMORY),
                nodes, null);

        assertThat(chosen).isSameAs(nodes.get(1));
    }

    // Tasks of service:api: zone a 3 (a1 2, a2 1), zone b 1 (b1), zone c 1 (c1). Zones b and c tie at 1. Among
    // their nodes b1 holds 1, b2 0, c1 1, c2 0: spread(instanceId) keeps b2 and c2, and b2 comes first in the list.
    // a3, with no task at all, is in the zone with the most and is passed over.
    @Test
    void defaultSpread_prefersZoneWithFewestGroupTasksThenEmptiestInstance() {
        List<FakeNode> nodes = List.of(new FakeNode("a1").zone(ZONE_A).tasks(API, 2),
                new FakeNode("a2").zone(ZONE_A).tasks(API, 1), new FakeNode("a3").zone(ZONE_A),
                new FakeNode("c1").zone(ZONE_C).tasks(API, 1), new FakeNode("b1").zone(ZONE_B).tasks(API, 1),
                new FakeNode("b2").zone(ZONE_B), new FakeNode("c2").zone(ZONE_C));

        PlacementNode chosen = indexOf(nodes).place(task(256, 512, false, List.of(), SPREAD_ZONE, SPREAD_ID),
                nodes, null);

        assertThat(chosen).isSameAs(nodes.get(5));
    }

    // Zone b holds no task of service:api but its only node b1 has 256 MiB left, too little for the task: zone
    // b's count does not win, and zone a (1 task) is next. There a1 holds 1 task and a2 none but a2 has no ENI slot
    // for the awsvpc task, so the fewest among a's feasible nodes is 1: a1.
    @Test
    void defaultSpread_fewestIsTakenOverFeasibleNodesOnly() {
        List<FakeNode> nodes = List.of(new FakeNode("a1").zone(ZONE_A).tasks(API, 1),
                new FakeNode("a2").zone(ZONE_A).eni(0), new FakeNode("b1").zone(ZONE_B).memory(256),
                new FakeNode("c1").zone(ZONE_C).tasks(API, 2));

        PlacementNode chosen = indexOf(nodes).place(task(256, 512, true, List.of(), SPREAD_ZONE, SPREAD_ID), nodes,
                null);

        assertThat(chosen).isSameAs(nodes.get(0));
    }

    // x1 and x2 have no zone attribute: they count as one more value, with x1's 1 task, against zone a's 2 (a1) and
    // zone b's 1 (b1). The zoneless value and zone b tie at 1; their nodes with the fewest tasks of the group are
    // x2 and b2 (0 each), and x2 comes first.
    @Test
    void defaultSpread_nodesWithoutZoneCountAsOneMoreValue() {
        List<FakeNode> nodes = List.of(new FakeNode("a1").zone(ZONE_A).tasks(API, 2),
                new FakeNode("x1").zone(null).tasks(API, 1), new FakeNode("b1").zone(ZONE_B).tasks(API, 1),
                new FakeNode("x2").zone(null), new FakeNode("b2").zone(ZONE_B));

        PlacementNode chosen = indexOf(nodes).place(task(256, 512, false, List.of(), SPREAD_ZONE, SPREAD_ID),
                nodes, null);

        assertThat(chosen).isSameAs(nodes.get(3));
    }

    // spread(host), a synonym of instanceId: A and B hold 1 task of service:api, C 2, D none but D has no memory
    // left, so the fewest among feasible nodes is 1: A, the first of A and B. A then holds 2, so the next is B.
    @Test
    void spreadByHost_takesTheFirstNodeWithFewestGroupTasks_andFollowsReservations() {
        List<FakeNode> nodes = List.of(new FakeNode("A").tasks(API, 1), new FakeNode("B").tasks(API, 1),
                new FakeNode("C").tasks(API, 2), new FakeNode("D").memory(0));
        PlacementIndex index = indexOf(nodes);
        PlacementRequest request = task(256, 512, false, List.of(), SPREAD_HOST);

        PlacementNode first = index.place(request, nodes, null);
        ((FakeNode) first).reserve(request);
        index.reserved(first, API);
        PlacementNode second = index.place(request, nodes, null);

        assertThat(first).isSameAs(nodes.get(0));
        assertThat(second).isSameAs(nodes.get(1));
    }

    // distinctInstance with the default: A and C hold the group; B, the only other node of zone a, is full; zone b
    // (D) holds 2 tasks and zone a 1, but the constraint leaves D as the only candidate.
    @Test
    void defaultSpreadWithDistinctInstance_onlyNodesWithoutTheGroupCompete() {
        List<FakeNode> nodes = List.of(new FakeNode("A").zone(ZONE_A).tasks(API, 1),
                new FakeNode("B").zone(ZONE_A).memory(128), new FakeNode("C").zone(ZONE_B).tasks(API, 2),
                new FakeNode("D").zone(ZONE_B));

        PlacementNode chosen = indexOf(nodes).place(task(256, 512, false, List.of(DISTINCT), SPREAD_ZONE,
                SPREAD_ID), nodes, null);

        assertThat(chosen).isSameAs(nodes.get(3));
    }

    // Reservations and releases move a node in the index: A (4096) takes three 1024-MiB tasks and is left with
    // 1024, the least, so the fourth task goes to A too; after one release A has 2048, B still 3072, so A again.
    // Then A is deregistered: B (3072) is the only node.
    @Test
    void reserveReleaseAndRemove_keepTheIndexCurrent() {
        List<FakeNode> nodes = new ArrayList<>(List.of(new FakeNode("A").memory(4096),
                new FakeNode("B").memory(3072)));
        PlacementIndex index = indexOf(nodes);
        PlacementRequest request = task(256, 1024, false, List.of(), BINPACK_MEMORY);
        // First task: B (3072) is the least that fits -> B, left with 2048; then B (2048), then B (1024), then B
        // (1024 fits exactly, 0 left). Fifth: only A fits.
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PlacementNode chosen = index.place(request, nodes, null);
            ((FakeNode) chosen).reserve(request);
            index.reserved(chosen, API);
            picks.add(chosen.instanceId());
        }
        assertThat(picks).containsExactly("B", "B", "B", "A", "A");
        // A has 2048 left, B 0. A release on B gives B 1024, now the least that fits.
        nodes.get(1).release(request);
        index.released(nodes.get(1), API);
        assertThat(index.place(request, nodes, null)).isSameAs(nodes.get(1));
        // Deregister B: only A (2048) is left.
        index.remove(nodes.get(1));
        nodes.remove(1);
        assertThat(index.place(request, nodes, null)).isSameAs(nodes.get(0));
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void place_rejectsANodeListOutOfStepWithTheIndex() {
        List<FakeNode> nodes = List.of(new FakeNode("A"), new FakeNode("B"));
        PlacementIndex index = indexOf(nodes.subList(0, 1));

        assertThatThrownBy(() -> index.place(task(256, 512, false, List.of(), BINPACK_MEMORY), nodes, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds 1 nodes but the node list has 2");
    }

    // Spread needs the task group to count; without one the index defers to the scan, which says so (with two
    // feasible nodes: with one, the scan applies no strategy).
    @Test
    void spreadByInstance_withoutAGroup_isRejectedAsByTheScan() {
        List<FakeNode> nodes = List.of(new FakeNode("A"), new FakeNode("B"));
        PlacementRequest request = new PlacementRequest(256, 512, false, null, List.of(),
                List.of(SPREAD_ZONE, SPREAD_ID));

        assertThatThrownBy(() -> indexOf(nodes).place(request, nodes, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the request's task group");
    }

    // A request the index does not cover (memberOf) goes to the scan: only B matches the expression.
    @Test
    void memberOf_fallsBackToTheScan() {
        List<FakeNode> nodes = List.of(new FakeNode("A").memory(1024), new FakeNode("B").memory(8192)
                .attribute("tier", "1"));
        PlacementConstraint tier1 = PlacementPolicies.constraint("memberOf", "attribute:tier == 1");

        PlacementNode chosen = indexOf(nodes).place(task(256, 512, false, List.of(tier1), BINPACK_MEMORY), nodes,
                null);

        assertThat(chosen).isSameAs(nodes.get(1));
    }

    // A SlotKeeper node carries its slot: added to index one it holds (one, 0); a second index refuses it while
    // one holds it; removed from one it holds (null, -1), and index two then takes it at its first slot, 0.
    @Test
    void slotKeeper_holdsItsSlotInOneIndexAtATime() {
        KeepingNode node = new KeepingNode("k");
        PlacementIndex one = new PlacementIndex();
        PlacementIndex two = new PlacementIndex();
        one.add(node);

        assertThat(node.placementIndex()).isSameAs(one);
        assertThat(node.placementSlot()).isZero();
        assertThatThrownBy(() -> two.add(node)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("held by another index");
        assertThatThrownBy(() -> one.add(node)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already indexed");
        two.released(node, API); // not indexed by two: ignored
        one.remove(node);
        assertThat(node.placementIndex()).isNull();
        assertThat(node.placementSlot()).isEqualTo(-1);
        two.add(node);
        assertThat(node.placementIndex()).isSameAs(two);
        assertThat(two.place(task(256, 512, false, List.of(), BINPACK_MEMORY), List.of(node), null)).isSameAs(node);
    }

    private static final PlacementStrategy RANDOM = PlacementPolicies.strategy("random", null);

    // The awsvpc task needs 512 CPU units and 1024 MiB. A fits; B has 512 MiB, too little; C has no ENI slot left;
    // D fits; E has exactly 1024 MiB. Feasible, in registration order: A, D, E (F = 3). The stream's first
    // nextInt(3) is 2 (seed 1), the third feasible node: E, the fifth in the list. E then has no memory left, so
    // F = 2 (A, D), and the stream's next nextInt(2) is 1: D.
    @Test
    void random_takesTheKthFeasibleNodeInRegistrationOrder() {
        List<FakeNode> nodes = List.of(new FakeNode("A"), new FakeNode("B").memory(512), new FakeNode("C").eni(0),
                new FakeNode("D"), new FakeNode("E").memory(1024));
        PlacementIndex index = indexOf(nodes);
        PlacementRequest request = task(512, 1024, true, List.of(), RANDOM);
        RandomStream random = TestStreams.of(1);

        PlacementNode first = index.place(request, nodes, random);
        ((FakeNode) first).reserve(request);
        index.reserved(first, API);
        PlacementNode second = index.place(request, nodes, random);

        assertThat(first).isSameAs(nodes.get(4));
        assertThat(second).isSameAs(nodes.get(3));
        RandomStream twin = TestStreams.of(1);
        assertThat(List.of(twin.nextInt(3), twin.nextInt(2))).containsExactly(2, 1);
    }

    // Only B fits (A's memory and C's CPU are too little): the scan stops at one candidate and draws nothing, so
    // the stream's next value is its first. With no node fitting at all the task stays PENDING, also without a
    // draw.
    @Test
    void random_withOneOrNoFeasibleNode_drawsNothing() {
        List<FakeNode> nodes = List.of(new FakeNode("A").memory(256), new FakeNode("B"), new FakeNode("C").cpu(128));
        PlacementIndex index = indexOf(nodes);
        RandomStream random = TestStreams.of(9);

        PlacementNode one = index.place(task(256, 512, false, List.of(), RANDOM), nodes, random);
        PlacementNode none = index.place(task(256, 32_768, false, List.of(), RANDOM), nodes, random);

        assertThat(one).isSameAs(nodes.get(1));
        assertThat(none).isNull();
        assertThat(random.nextLong()).isEqualTo(TestStreams.of(9).nextLong());
    }

    // Without a stream the index defers to the scan: with two feasible nodes it needs a draw and says so; with one
    // it draws nothing and needs none.
    @Test
    void random_withoutAStream_isRejectedAsByTheScanOnlyWhenItWouldDraw() {
        List<FakeNode> nodes = List.of(new FakeNode("A"), new FakeNode("B").memory(256));
        PlacementIndex index = indexOf(nodes);

        assertThat(index.place(task(256, 512, false, List.of(), RANDOM), nodes, null)).isSameAs(nodes.get(0));
        assertThatThrownBy(() -> index.place(task(256, 128, false, List.of(), RANDOM), nodes, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a RandomStream");
    }

    // distinctInstance with random: A and C hold a task of service:api, B has no ENI slot for the awsvpc task, so
    // the candidates are D and E (F = 2); seed 1's first nextInt(2) is 1: E. E then holds the group, D is the only
    // candidate left and is taken without a draw, and then none is left: the stream has drawn once.
    @Test
    void randomWithDistinctInstance_drawsAmongNodesWithoutTheGroupOnly() {
        List<FakeNode> nodes = List.of(new FakeNode("A").tasks(API, 1), new FakeNode("B").eni(0),
                new FakeNode("C").tasks(API, 2), new FakeNode("D"), new FakeNode("E"));
        PlacementIndex index = indexOf(nodes);
        PlacementRequest request = task(256, 512, true, List.of(DISTINCT), RANDOM);
        RandomStream random = TestStreams.of(1);

        PlacementNode first = index.place(request, nodes, random);
        ((FakeNode) first).reserve(request);
        index.reserved(first, API);
        PlacementNode second = index.place(request, nodes, random);
        ((FakeNode) second).reserve(request);
        index.reserved(second, API);
        PlacementNode third = index.place(request, nodes, random);

        assertThat(first).isSameAs(nodes.get(4));
        assertThat(second).isSameAs(nodes.get(3));
        assertThat(third).isNull();
        RandomStream twin = TestStreams.of(1);
        assertThat(twin.nextInt(2)).isEqualTo(1);
        assertThat(random.nextLong()).isEqualTo(twin.nextLong());
    }

    // ------------------------------------------------------------------ property: same decisions as the scan

    private static final String[] GROUPS = {"service:api", "service:web", "family:batch"};
    private static final String[] ZONES = {ZONE_A, ZONE_B, ZONE_C, "us-east-1d"};

    /** Request shapes: mostly the covered ones, the rest exercise the fall-back to the scan. */
    private static List<List<PlacementStrategy>> strategyShapes() {
        PlacementStrategy spreadId = PlacementPolicies.strategy("spread", "instanceId");
        PlacementStrategy spreadTier = PlacementPolicies.strategy("spread", "attribute:tier");
        PlacementStrategy random = PlacementPolicies.strategy("random", null);
        return List.of(List.of(BINPACK_MEMORY), List.of(BINPACK_CPU), List.of(SPREAD_ZONE, BINPACK_MEMORY),
                List.of(SPREAD_ZONE, BINPACK_CPU), List.of(BINPACK_MEMORY), List.of(SPREAD_ZONE, BINPACK_MEMORY),
                List.of(SPREAD_ZONE), List.of(), List.of(random), List.of(SPREAD_ZONE, spreadId),
                List.of(BINPACK_MEMORY, spreadId), List.of(spreadTier, BINPACK_MEMORY),
                List.of(SPREAD_ZONE, BINPACK_MEMORY, random));
    }

    private static List<List<PlacementConstraint>> constraintShapes() {
        PlacementConstraint memberOf = PlacementPolicies.constraint("memberOf", "attribute:tier != 2");
        return List.of(List.of(), List.of(), List.of(DISTINCT), List.of(DISTINCT), List.of(DISTINCT, DISTINCT),
                List.of(memberOf), List.of(memberOf, DISTINCT));
    }

    /** A FakeNode that keeps its index slot, as ContainerInstance does: the index then uses no identity map. */
    private static final class KeepingNode extends FakeNode implements PlacementIndex.SlotKeeper {
        private Object index;
        private int slot = -1;

        KeepingNode(String id) {
            super(id);
        }

        @Override
        public Object placementIndex() {
            return index;
        }

        @Override
        public int placementSlot() {
            return slot;
        }

        @Override
        public void placementSlot(Object index, int slot) {
            this.index = index;
            this.slot = slot;
        }
    }

    private static FakeNode randomNode(RandomStream r, int id, int zones) {
        // One node in ten has no zone attribute: spread by zone counts those as one more value.
        String zone = r.nextInt(10) == 0 ? null : ZONES[r.nextInt(zones)];
        FakeNode node = (id % 2 == 0 ? new KeepingNode("n" + id) : new FakeNode("n" + id)).zone(zone)
                .cpu(1024 * (1 + r.nextInt(4)))
                .memory(new int[] {2048, 3072, 4096, 7680, 15360}[r.nextInt(5)])
                .eni(new int[] {0, 2, 3, 9, 1000}[r.nextInt(5)])
                .attribute("tier", Integer.toString(r.nextInt(3)));
        if (r.nextInt(8) == 0) {
            node.tasks(GROUPS[r.nextInt(GROUPS.length)], 1 + r.nextInt(2)); // tasks present before indexing
        }
        return node;
    }

    private record Placed(FakeNode node, PlacementRequest request) {
    }

    /**
     * One random cluster and op sequence: place (with the scan's decision checked first), release a random live
     * task, register a node, deregister one (its tasks released later, as a draining instance's are).
     *
     * @return placements compared
     */
    private static int runRandomCluster(long seed, int initialNodes, int ops, int zones, int placePct,
            int releasePct, int addPct) {
        return runRandomCluster(seed, initialNodes, ops, zones, placePct, releasePct, addPct, strategyShapes(),
                constraintShapes());
    }

    /** Spread by instance: alone (instanceId or host) or after spread by zone (the ECS service default). */
    private static List<List<PlacementStrategy>> spreadByInstanceShapes() {
        return List.of(List.of(SPREAD_ID), List.of(SPREAD_HOST), List.of(SPREAD_ZONE, SPREAD_ID),
                List.of(SPREAD_ZONE, SPREAD_HOST), List.of(SPREAD_ZONE, SPREAD_ID));
    }

    private static List<List<PlacementConstraint>> noneOrDistinct() {
        return List.of(List.of(), List.of(), List.of(DISTINCT));
    }

    private static int runRandomCluster(long seed, int initialNodes, int ops, int zones, int placePct,
            int releasePct, int addPct, List<List<PlacementStrategy>> strategies,
            List<List<PlacementConstraint>> constraints) {
        return runRandomCluster(seed, initialNodes, ops, zones, placePct, releasePct, addPct, strategies,
                constraints, false, new int[3]);
    }

    /**
     * @param manyShapes     CPU and memory drawn from wide ranges (hundreds of task shapes, past what the index
     *                       tracks for {@code random}) instead of five values each (50 shapes with awsvpc)
     * @param randomFeasible tallies the {@code [random]} placements by their number of feasible nodes (constraints
     *                       applied): {@code [0]} none, {@code [1]} one (no draw), {@code [2]} more
     */
    private static int runRandomCluster(long seed, int initialNodes, int ops, int zones, int placePct,
            int releasePct, int addPct, List<List<PlacementStrategy>> strategies,
            List<List<PlacementConstraint>> constraints, boolean manyShapes, int[] randomFeasible) {
        RandomStream r = TestStreams.of(seed);
        List<FakeNode> nodes = new ArrayList<>();
        PlacementIndex index = new PlacementIndex();
        int nextId = 0;
        for (int i = 0; i < initialNodes; i++) {
            FakeNode node = randomNode(r, nextId++, zones);
            nodes.add(node);
            index.add(node);
        }
        // Two streams with the same seed: the scan's and the index's random strategy draw alike.
        RandomStream scanRandom = TestStreams.of(seed * 31 + 7);
        RandomStream indexRandom = TestStreams.of(seed * 31 + 7);
        Placer scan = new Placer();
        List<Placed> live = new ArrayList<>();
        int compared = 0;
        for (int op = 0; op < ops; op++) {
            int kind = r.nextInt(100);
            if (kind < placePct) {
                int cpu = manyShapes ? r.nextInt(1025) : new int[] {0, 128, 256, 512, 1024}[r.nextInt(5)];
                int memory = manyShapes ? r.nextInt(3073) : new int[] {0, 256, 512, 1024, 3072}[r.nextInt(5)];
                PlacementRequest request = new PlacementRequest(cpu, memory, r.nextBoolean(),
                        GROUPS[r.nextInt(GROUPS.length)], constraints.get(r.nextInt(constraints.size())),
                        strategies.get(r.nextInt(strategies.size())));
                if (request.strategies().equals(List.of(RANDOM))) {
                    int feasible = (int) nodes.stream().filter(node -> node.fits(request)
                            && request.constraints().stream().allMatch(c -> c.allows(node, request))).count();
                    randomFeasible[Math.min(feasible, 2)]++;
                }
                int expected = scan.select(request, nodes, scanRandom);
                PlacementNode chosen = index.place(request, nodes, indexRandom);
                compared++;
                assertThat(chosen).as("seed %d op %d: %s", seed, op, request)
                        .isSameAs(expected < 0 ? null : nodes.get(expected));
                if (chosen != null) {
                    FakeNode node = (FakeNode) chosen;
                    node.reserve(request);
                    index.reserved(node, request.group());
                    live.add(new Placed(node, request));
                }
            } else if (kind < placePct + releasePct) {
                if (!live.isEmpty()) {
                    Placed p = live.remove(r.nextInt(live.size()));
                    p.node().release(p.request());
                    index.released(p.node(), p.request().group());
                }
            } else if (kind < placePct + releasePct + addPct) {
                FakeNode node = randomNode(r, nextId++, zones);
                nodes.add(node);
                index.add(node);
            } else if (!nodes.isEmpty()) {
                index.remove(nodes.remove(r.nextInt(nodes.size())));
            }
        }
        assertThat(index.size()).isEqualTo(nodes.size());
        // Both streams drew alike throughout (a draw too many or too few on either side puts them out of step).
        assertThat(indexRandom.nextLong()).as("seed %d: random streams in step", seed)
                .isEqualTo(scanRandom.nextLong());
        return compared;
    }

    // 400 clusters of 0 to 40 nodes over 1 to 4 zones, 400 ops each (60% placements, 30% releases, 7% new
    // nodes, 3% deregistrations): about 240 placements per cluster.
    @Test
    void property_decidesExactlyAsTheScan_onRandomClusters() {
        int compared = 0;
        for (long seed = 1; seed <= 400; seed++) {
            RandomStream shape = TestStreams.of(seed);
            compared += runRandomCluster(seed * 1_000_003L, shape.nextInt(41), 400, 1 + shape.nextInt(4), 60, 30, 7);
        }
        assertThat(compared).isGreaterThan(80_000);
    }

    // The ECS service default and spread(instanceId|host) alone, with and without distinctInstance, on 400 small
    // clusters (one block of the fit tree) of 0 to 40 nodes, some without a zone, with tasks before indexing,
    // infeasible nodes (no ENI slot, too little memory or CPU) that hold fewer tasks than feasible ones, ties, and
    // deregistered nodes whose tasks are released later.
    @Test
    void property_spreadByInstance_decidesExactlyAsTheScan_onRandomClusters() {
        int compared = 0;
        for (long seed = 1; seed <= 400; seed++) {
            RandomStream shape = TestStreams.of(seed + 7_777);
            compared += runRandomCluster(seed * 1_000_033L, shape.nextInt(41), 400, 1 + shape.nextInt(4), 60, 30,
                    7, spreadByInstanceShapes(), noneOrDistinct());
        }
        assertThat(compared).isGreaterThan(80_000);
    }

    // Clusters of 100 to 1,500 nodes span many 64-slot blocks of the fit tree; mostly placements, so that most
    // nodes fill up and the search has to skip full nodes and nodes at higher count levels, across blocks. Mixed
    // with the binpack shapes so that both kinds of structure follow the same reservations.
    @Test
    void property_spreadByInstance_decidesExactlyAsTheScan_onLargerFillingClusters() {
        List<List<PlacementStrategy>> mixed = new ArrayList<>(spreadByInstanceShapes());
        mixed.addAll(spreadByInstanceShapes());
        mixed.add(List.of(BINPACK_MEMORY));
        mixed.add(List.of(SPREAD_ZONE, BINPACK_CPU));
        int compared = 0;
        for (long seed = 1; seed <= 12; seed++) {
            compared += runRandomCluster(seed * 7_919L, 100 + (int) seed * 120, 3_000, 1 + (int) (seed % 4), 75, 15,
                    5, mixed, noneOrDistinct());
        }
        assertThat(compared).isGreaterThan(20_000);
    }

    /** {@code [random]} mostly, with some indexed and scanned shapes following the same reservations. */
    private static List<List<PlacementStrategy>> randomShapes() {
        return List.of(List.of(RANDOM), List.of(RANDOM), List.of(RANDOM), List.of(RANDOM), List.of(BINPACK_MEMORY),
                List.of(SPREAD_ZONE, SPREAD_ID), List.of(SPREAD_ZONE, RANDOM));
    }

    /** None or distinctInstance (indexed); memberOf sends {@code [random]} to the scan. */
    private static List<List<PlacementConstraint>> randomConstraints() {
        return List.of(List.of(), List.of(), List.of(), List.of(DISTINCT), List.of(DISTINCT),
                List.of(DISTINCT, DISTINCT), List.of(PlacementPolicies.constraint("memberOf", "attribute:tier != 2")));
    }

    // [random], without constraints and with distinctInstance, on 400 small clusters of 0 to 40 nodes
    // (ENI-exhausted and too-small nodes, nodes holding the group, tasks present before indexing, deregistrations,
    // task shapes with zero CPU or memory): the same node and the same draws as the scan, including placements with
    // no feasible node and with exactly one (no draw), each of which must occur.
    @Test
    void property_random_decidesAndDrawsExactlyAsTheScan_onRandomClusters() {
        int[] feasible = new int[3];
        int compared = 0;
        for (long seed = 1; seed <= 400; seed++) {
            RandomStream shape = TestStreams.of(seed + 31_337);
            compared += runRandomCluster(seed * 1_000_037L, shape.nextInt(41), 400, 1 + shape.nextInt(4), 60, 30, 7,
                    randomShapes(), randomConstraints(), false, feasible);
        }
        assertThat(compared).isGreaterThan(80_000);
        assertThat(feasible[0]).as("placements with no feasible node").isGreaterThan(300);
        assertThat(feasible[1]).as("placements with one feasible node").isGreaterThan(500);
        assertThat(feasible[2]).as("placements with several").isGreaterThan(1_000);
    }

    // Clusters of 100 to 1,500 nodes (many 64-slot blocks), mostly placements, so that they fill up and the
    // feasible nodes thin out; and a run with hundreds of task shapes, past the cap of tracked shapes, where the
    // shapes beyond it are scanned.
    @Test
    void property_random_decidesAndDrawsExactlyAsTheScan_onLargerFillingClustersAndManyShapes() {
        int[] feasible = new int[3];
        int compared = 0;
        for (long seed = 1; seed <= 12; seed++) {
            compared += runRandomCluster(seed * 7_927L, 100 + (int) seed * 120, 3_000, 1 + (int) (seed % 4), 75, 15,
                    5, randomShapes(), randomConstraints(), false, feasible);
        }
        for (long seed = 1; seed <= 4; seed++) {
            compared += runRandomCluster(seed * 104_729L, 300, 3_000, 3, 60, 30, 5, randomShapes(),
                    randomConstraints(), true, feasible);
        }
        assertThat(compared).isGreaterThan(25_000);
        assertThat(feasible[0]).as("placements with no feasible node").isGreaterThan(10);
        assertThat(feasible[1]).as("placements with one feasible node").isGreaterThan(10);
        assertThat(feasible[2]).as("placements with several").isGreaterThan(100);
    }

    // 20% registrations and 20% deregistrations over 20,000 ops: about 4,000 new slots, so the slot numbers pass
    // the first capacity (4,096). From 500 nodes the index renumbers in place (few nodes live); from 2,500 it
    // also doubles its capacity. Decisions stay the scan's throughout.
    @Test
    void property_decidesExactlyAsTheScan_throughSlotCompactionAndGrowth() {
        runRandomCluster(11, 500, 20_000, 3, 40, 20, 20);
        runRandomCluster(12, 2500, 20_000, 3, 40, 20, 20);
        runRandomCluster(13, 500, 20_000, 3, 40, 20, 20, spreadByInstanceShapes(), noneOrDistinct());
        runRandomCluster(14, 2500, 20_000, 3, 40, 20, 20, spreadByInstanceShapes(), noneOrDistinct());
        runRandomCluster(15, 500, 20_000, 3, 40, 20, 20, randomShapes(), randomConstraints());
        runRandomCluster(16, 2500, 20_000, 3, 40, 20, 20, randomShapes(), randomConstraints());
    }
}
