package io.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.TestStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every strategy chain keeps: a few thousand randomly sized tasks placed onto (and stopped from) a
 * randomized cluster never over-commit a node's CPU, memory or ENIs; -1 comes back exactly when no node fits; and
 * the same seed gives the same placements.
 */
class PlacementContractTest {

    private static final int NODES = 40;
    private static final int STEPS = 3000;
    private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};

    static Stream<Arguments> chains() {
        return Stream.of(
                arguments("binpack cpu", List.of(strategy("binpack", "cpu"))),
                arguments("binpack memory", List.of(strategy("binpack", "memory"))),
                arguments("spread zone", List.of(strategy("spread", "attribute:ecs.availability-zone"))),
                arguments("spread instanceId", List.of(strategy("spread", "instanceId"))),
                arguments("random", List.of(strategy("random", null))),
                arguments("spread zone, binpack memory", List.of(strategy("spread",
                        "attribute:ecs.availability-zone"), strategy("binpack", "memory"))));
    }

    private static PlacementStrategy strategy(String type, String field) {
        return PlacementPolicies.strategy(type, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void noChainEverOverCommitsANode_andMinusOneMeansNothingFits(String name, List<PlacementStrategy> chain) {
        boolean draws = name.contains("random");
        List<Integer> first = run(chain, draws ? TestStreams.of(7) : null);
        List<Integer> second = run(chain, draws ? TestStreams.of(7) : null);

        assertThat(second).as("same seed, same placements").isEqualTo(first);
        long placed = first.stream().filter(i -> i >= 0).count();
        long pending = first.stream().filter(i -> i < 0).count();
        assertThat(placed).as("placements made").isGreaterThan(1000);
        assertThat(pending).as("placements refused").isGreaterThan(500);
    }

    /** One randomized run; returns the chosen index of every placement attempt (-1 for none). */
    private static List<Integer> run(List<PlacementStrategy> chain, RandomStream stream) {
        SplittableRandom rng = new SplittableRandom(20261115);
        List<FakeNode> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            int cpu = 1024 << rng.nextInt(4); // 1024 .. 8192
            int memory = cpu * (2 + rng.nextInt(7)); // 2 .. 8 MiB per CPU unit
            int[] eni = {2, 3, 7, 1000};
            nodes.add(new FakeNode("n" + i).zone(ZONES[rng.nextInt(ZONES.length)]).cpu(cpu).memory(memory)
                    .eni(eni[rng.nextInt(eni.length)]));
        }
        List<FakeNode> hosts = new ArrayList<>();
        List<PlacementRequest> running = new ArrayList<>();
        List<Integer> picks = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            if (!running.isEmpty() && rng.nextInt(10) < 3) {
                int k = rng.nextInt(running.size());
                hosts.remove(k).release(running.remove(k));
                continue;
            }
            PlacementRequest task = new PlacementRequest(128 * (1 + rng.nextInt(16)), 256 * (1 + rng.nextInt(16)),
                    rng.nextInt(3) == 0, "service:s" + rng.nextInt(4), List.of(), chain);
            boolean anyFits = nodes.stream().anyMatch(n -> n.fits(task));

            int chosen = Placer.place(task, nodes, stream);

            picks.add(chosen);
            if (chosen < 0) {
                assertThat(anyFits).as("step %d returned -1 although a node fits", step).isFalse();
                continue;
            }
            FakeNode node = nodes.get(chosen);
            assertThat(node.fits(task)).as("step %d chose %s, which does not fit", step, node).isTrue();
            node.reserve(task);
            assertThat(node.remainingCpu()).isNotNegative();
            assertThat(node.remainingMemoryMiB()).isNotNegative();
            assertThat(node.remainingEniSlots()).isNotNegative();
            hosts.add(node);
            running.add(task);
        }
        return picks;
    }
}
