package io.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.TestStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacerTest {

    private static final String API = "service:api";
    private static final String ZONE_A = "us-east-1a";
    private static final String ZONE_B = "us-east-1b";
    private static final String ZONE_C = "us-east-1c";

    private static PlacementStrategy strategy(String type, String field) {
        return PlacementPolicies.strategy(type, field);
    }

    private static PlacementRequest task(int cpu, int memory, PlacementStrategy... strategies) {
        return new PlacementRequest(cpu, memory, false, API, List.of(), List.of(strategies));
    }

    private static PlacementRequest task(int cpu, int memory, List<PlacementConstraint> constraints,
            PlacementStrategy... strategies) {
        return new PlacementRequest(cpu, memory, false, API, constraints, List.of(strategies));
    }

    // Remaining memory 4096, 2048, 1024, 3072; the task needs 1536. C (1024) has the least but does not fit;
    // of A, B, D the least remaining is B (2048) -> index 1.
    @Test
    void binpack_prefersLeastRemainingMemory() {
        List<FakeNode> nodes = List.of(new FakeNode("A").memory(4096), new FakeNode("B").memory(2048),
                new FakeNode("C").memory(1024), new FakeNode("D").memory(3072));

        int chosen = Placer.place(task(256, 1536, strategy("binpack", "memory")), nodes, null);

        assertThat(chosen).isEqualTo(1);
    }

    // Remaining CPU 2048, 512, 1024, 4096; the task needs 768. B (512) does not fit; of A, C, D the least is
    // C (1024) -> index 2.
    @Test
    void binpack_prefersLeastRemainingCpu() {
        List<FakeNode> nodes = List.of(new FakeNode("A").cpu(2048), new FakeNode("B").cpu(512),
                new FakeNode("C").cpu(1024), new FakeNode("D").cpu(4096));

        int chosen = Placer.place(task(768, 512, strategy("binpack", "cpu")), nodes, null);

        assertThat(chosen).isEqualTo(2);
    }

    // B and C both have 1024 MiB left, the least; the tie goes to the first in node-list order, B -> index 1.
    @Test
    void binpack_tieGoesToFirstNodeInListOrder() {
        List<FakeNode> nodes = List.of(new FakeNode("A").memory(2048), new FakeNode("B").memory(1024),
                new FakeNode("C").memory(1024));

        assertThat(Placer.place(task(256, 512, strategy("binpack", "memory")), nodes, null)).isEqualTo(1);
    }

    // binpack cpu keeps A and B (1024 CPU each; C has 2048); binpack memory then keeps B (2048 < 4096) -> 1,
    // although C has the least memory of all (it was ruled out by the first strategy).
    @Test
    void binpackCpuThenMemory_secondStrategyBreaksTiesOfTheFirst() {
        List<FakeNode> nodes = List.of(new FakeNode("A").cpu(1024).memory(4096),
                new FakeNode("B").cpu(1024).memory(2048), new FakeNode("C").cpu(2048).memory(1024));

        int chosen = Placer.place(task(256, 512, strategy("binpack", "cpu"), strategy("binpack", "memory")),
                nodes, null);

        assertThat(chosen).isEqualTo(1);
    }

    // Tasks of service:api per zone: a = 1 (a1) + 1 (a2, which has no memory left) = 2, b = 1, c = 1.
    // Candidates a1, c1, b1; zones b and c tie at 1; first in node order is c1 -> index 1.
    // (Counting only feasible nodes would give a = 1 and pick a1 at index 0.)
    @Test
    void spreadZone_choosesAmongLeastLoadedZonesFirstByOrder_countingTasksOnInfeasibleNodes() {
        List<FakeNode> nodes = List.of(new FakeNode("a1").zone(ZONE_A).tasks(API, 1),
                new FakeNode("c1").zone(ZONE_C).tasks(API, 1), new FakeNode("b1").zone(ZONE_B).tasks(API, 1),
                new FakeNode("a2").zone(ZONE_A).memory(0).tasks(API, 1));

        int chosen = Placer.place(task(256, 512, strategy("spread", "attribute:ecs.availability-zone")), nodes,
                null);

        assertThat(chosen).isEqualTo(1);
    }

    // a1 runs 5 tasks of another service and none of service:api; b1 runs one of service:api.
    // Zone a counts 0 for service:api -> a1, index 0.
    @Test
    void spreadZone_countsOnlyTheRequestsGroup() {
        List<FakeNode> nodes = List.of(new FakeNode("a1").zone(ZONE_A).tasks("service:other", 5),
                new FakeNode("b1").zone(ZONE_B).tasks(API, 1));

        assertThat(Placer.place(task(256, 512, strategy("spread", "attribute:ecs.availability-zone")), nodes,
                null)).isEqualTo(0);
    }

    // Nodes a1 a2 b1 b2 c1 c2 (indices 0..5), all empty. Each placement goes to the least-loaded zone, ties to
    // the first node in order: a1(0), b1(2), c1(4), then all zones at 1 -> a1, b1, c1 again, and so on.
    // Nine tasks -> 3 per zone, picks 0,2,4,0,2,4,0,2,4.
    @Test
    void spreadZone_nineTasksOverThreeZonesPutThreeInEachZone() {
        List<FakeNode> nodes = List.of(new FakeNode("a1").zone(ZONE_A), new FakeNode("a2").zone(ZONE_A),
                new FakeNode("b1").zone(ZONE_B), new FakeNode("b2").zone(ZONE_B),
                new FakeNode("c1").zone(ZONE_C), new FakeNode("c2").zone(ZONE_C));
        PlacementRequest request = task(256, 512, strategy("spread", "attribute:ecs.availability-zone"));

        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            int chosen = Placer.place(request, nodes, null);
            nodes.get(chosen).reserve(request);
            picks.add(chosen);
        }

        assertThat(picks).containsExactly(0, 2, 4, 0, 2, 4, 0, 2, 4);
        assertThat(perZone(nodes, ZONE_A)).isEqualTo(3);
        assertThat(perZone(nodes, ZONE_B)).isEqualTo(3);
        assertThat(perZone(nodes, ZONE_C)).isEqualTo(3);
    }

    private static int perZone(List<FakeNode> nodes, String zone) {
        int sum = 0;
        for (FakeNode node : nodes) {
            if (node.zone().equals(zone)) {
                sum += node.tasksInGroup(API);
            }
        }
        return sum;
    }

    // service:api tasks per node: a1 2, a2 1, b1 1. Fewest is 1: a2 and b1; first is a2 -> index 1.
    // host is a synonym of instanceId.
    @Test
    void spreadInstanceId_prefersNodeWithFewestTasksOfTheGroup_hostIsSynonym() {
        List<FakeNode> nodes = List.of(new FakeNode("a1").tasks(API, 2), new FakeNode("a2").tasks(API, 1),
                new FakeNode("b1").tasks(API, 1));

        assertThat(Placer.place(task(256, 512, strategy("spread", "instanceId")), nodes, null)).isEqualTo(1);
        assertThat(Placer.place(task(256, 512, strategy("spread", "host")), nodes, null)).isEqualTo(1);
    }

    // Case 1: rack r1 has 1 task, r2 has 1, the node without a rack 0 -> "no rack" counts 0 -> index 2.
    // Case 2: two rack-less nodes with 1 task each pool to 2 under "no rack"; r1 = 1, r2 = 1 -> r1 at index 2.
    // (Counting each rack-less node on its own would give 1 and pick index 0.)
    @Test
    void spreadAttribute_nodesWithoutTheAttributeShareOneValueOfTheirOwn() {
        List<FakeNode> noneEmpty = List.of(new FakeNode("r1").attribute("rack", "r1").tasks(API, 1),
                new FakeNode("r2").attribute("rack", "r2").tasks(API, 1), new FakeNode("n1"));
        List<FakeNode> nonePooled = List.of(new FakeNode("n1").tasks(API, 1), new FakeNode("n2").tasks(API, 1),
                new FakeNode("r1").attribute("rack", "r1").tasks(API, 1),
                new FakeNode("r2").attribute("rack", "r2").tasks(API, 1));
        PlacementRequest request = task(256, 512, strategy("spread", "attribute:rack"));

        assertThat(Placer.place(request, noneEmpty, null)).isEqualTo(2);
        assertThat(Placer.place(request, nonePooled, null)).isEqualTo(2);
    }

    // Tasks per zone: a 1, b 0, c 1 -> zone b; inside it b1 has 8192 MiB left, b2 3072 -> b2, index 3.
    // a1 has the least memory of all (1024) but sits in a loaded zone.
    @Test
    void spreadZoneThenBinpackMemory_picksLeastRemainingNodeInLeastLoadedZone() {
        List<FakeNode> nodes = List.of(new FakeNode("a1").zone(ZONE_A).memory(1024).tasks(API, 1),
                new FakeNode("b1").zone(ZONE_B).memory(8192), new FakeNode("c1").zone(ZONE_C).memory(4096)
                        .tasks(API, 1), new FakeNode("b2").zone(ZONE_B).memory(3072));

        int chosen = Placer.place(task(256, 512, strategy("spread", "attribute:ecs.availability-zone"),
                strategy("binpack", "memory")), nodes, null);

        assertThat(chosen).isEqualTo(3);
    }

    // Memory 4096, 2048, 8192; each task 256 MiB, binpack memory + distinctInstance.
    // 1st: least memory is node 1 (2048). 2nd: node 1 runs one -> excluded; least of 0 (4096) and 2 -> 0.
    // 3rd: only node 2 left -> 2. 4th: every node runs one -> -1.
    // A task of another group is not blocked: binpack memory picks node 1 (2048 - 256 = 1792 left).
    @Test
    void distinctInstance_neverPutsTwoTasksOfAGroupOnOneNode() {
        List<FakeNode> nodes = List.of(new FakeNode("n0").memory(4096), new FakeNode("n1").memory(2048),
                new FakeNode("n2").memory(8192));
        PlacementRequest request = task(128, 256, List.of(PlacementPolicies.constraint("distinctInstance", null)),
                strategy("binpack", "memory"));

        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int chosen = Placer.place(request, nodes, null);
            if (chosen >= 0) {
                nodes.get(chosen).reserve(request);
            }
            picks.add(chosen);
        }
        PlacementRequest other = new PlacementRequest(128, 256, false, "service:other", request.constraints(),
                request.strategies());

        assertThat(picks).containsExactly(1, 0, 2, -1);
        assertThat(Placer.place(other, nodes, null)).isEqualTo(1);
    }

    // distinctInstance rules out n0 (runs a service:api task); memberOf rules out n1 (zone a); n2 remains.
    // With only the memberOf constraint n0 would be chosen (first).
    @Test
    void constraints_everyConstraintMustAllowTheNode() {
        List<FakeNode> nodes = List.of(new FakeNode("n0").zone(ZONE_B).tasks(API, 1),
                new FakeNode("n1").zone(ZONE_A), new FakeNode("n2").zone(ZONE_C));
        PlacementConstraint notZoneA = PlacementPolicies.constraint("memberOf",
                "attribute:ecs.availability-zone != us-east-1a");
        PlacementConstraint distinct = PlacementPolicies.constraint("distinctInstance", "");

        assertThat(Placer.place(task(1, 1, List.of(notZoneA, distinct)), nodes, null)).isEqualTo(2);
        assertThat(Placer.place(task(1, 1, List.of(notZoneA)), nodes, null)).isEqualTo(0);
    }

    // The task needs 8192 CPU, 2048 MiB; nodes have 4096 CPU -> nowhere -> -1 (stays PENDING).
    @Test
    void taskThatFitsNowhere_returnsMinusOne() {
        List<FakeNode> nodes = List.of(new FakeNode("n0").cpu(4096), new FakeNode("n1").cpu(4096));

        assertThat(Placer.place(task(8192, 2048), nodes, null)).isEqualTo(-1);
        assertThat(Placer.place(task(256, 512), List.<FakeNode>of(), null)).isEqualTo(-1);
    }

    // n0 has exactly 1024 CPU and 2048 MiB left: an exact fit is a fit (remaining >= requested).
    @Test
    void exactFit_isFeasible() {
        List<FakeNode> nodes = List.of(new FakeNode("n0").cpu(1024).memory(2048));

        assertThat(Placer.place(task(1024, 2048), nodes, null)).isEqualTo(0);
        assertThat(Placer.place(task(1025, 2048), nodes, null)).isEqualTo(-1);
        assertThat(Placer.place(task(1024, 2049), nodes, null)).isEqualTo(-1);
    }

    // Both nodes have CPU and memory but no ENI slot left: an awsvpc task fits nowhere; a bridge-mode task
    // (needsEni false) ignores ENIs and goes to n0.
    @Test
    void eniSlotsExhausted_returnsMinusOneEvenWithCpuAndMemoryFree() {
        List<FakeNode> nodes = List.of(new FakeNode("n0").eni(0), new FakeNode("n1").eni(0));
        PlacementRequest awsvpc = new PlacementRequest(256, 512, true, API, List.of(), List.of());
        PlacementRequest bridge = new PlacementRequest(256, 512, false, API, List.of(), List.of());

        assertThat(Placer.place(awsvpc, nodes, null)).isEqualTo(-1);
        assertThat(Placer.place(bridge, nodes, null)).isEqualTo(0);
        nodes.get(1).eni(1);
        assertThat(Placer.place(awsvpc, nodes, null)).isEqualTo(1);
    }

    // Only n1 fits; the random strategy is not reached (one candidate), so it needs no stream.
    @Test
    void strategies_areSkippedOnceOneCandidateIsLeft() {
        List<FakeNode> nodes = List.of(new FakeNode("n0").cpu(0), new FakeNode("n1"));

        assertThat(Placer.place(task(256, 512, strategy("random", null)), nodes, null)).isEqualTo(1);
    }

    @Test
    void noStrategy_choosesFirstFeasibleNode() {
        List<FakeNode> nodes = List.of(new FakeNode("n0").memory(100), new FakeNode("n1"), new FakeNode("n2"));

        assertThat(new Placer().select(task(256, 512), nodes, null)).isEqualTo(1);
    }

    @Test
    void negativeRequest_isRejected() {
        assertThatThrownBy(() -> Placer.place(task(-1, 512), List.of(new FakeNode("n0")), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a task reserves a non-negative amount of CPU and memory; found cpu=-1 units,"
                        + " memory=512 MiB");
    }

    @Test
    void randomWithoutStream_failsWithClearMessage() {
        List<FakeNode> nodes = List.of(new FakeNode("n0"), new FakeNode("n1"));

        assertThatThrownBy(() -> Placer.place(task(1, 1, strategy("random", null)), nodes, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the random placement strategy needs a RandomStream; got null");
    }

    // Feasible nodes are 0, 1, 3 (node 2 has no CPU). random keeps candidates.get(nextInt(3)), so with a twin
    // stream of the same seed the expected index is feasible[twin.nextInt(3)], for every one of 50 placements.
    @Test
    void random_choosesCandidateAtNextIntOfTheCandidateCount() {
        List<FakeNode> nodes = List.of(new FakeNode("n0"), new FakeNode("n1"), new FakeNode("n2").cpu(0),
                new FakeNode("n3"));
        int[] feasible = {0, 1, 3};
        RandomStream stream = TestStreams.of(42);
        RandomStream twin = TestStreams.of(42);
        PlacementRequest request = task(256, 512, strategy("random", null));

        boolean[] seen = new boolean[nodes.size()];
        for (int i = 0; i < 50; i++) {
            int chosen = Placer.place(request, nodes, stream);
            assertThat(chosen).isEqualTo(feasible[twin.nextInt(3)]);
            seen[chosen] = true;
        }
        assertThat(seen).containsExactly(true, true, false, true);
    }
}
