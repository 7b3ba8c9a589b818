package io.fleetsim.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.RandomStreams;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry, and contract checks every registered algorithm must pass. */
class LoadBalancersTest {

    static java.util.List<String> names() {
        return LoadBalancers.names();
    }

    @Test
    void names_areSorted() {
        assertThat(LoadBalancers.names()).containsExactly("least_outstanding_requests", "round_robin");
    }

    @Test
    void create_unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> LoadBalancers.create("round-robin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown load balancing algorithm `round-robin`; did you mean `round_robin`? "
                        + "known algorithms: least_outstanding_requests, round_robin");
        assertThatThrownBy(() -> LoadBalancers.create(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void create_givesAFreshInstanceEachTime() {
        assertThat(LoadBalancers.create("round_robin")).isNotSameAs(LoadBalancers.create("round_robin"));
    }

    // Contract: with all targets equal, every algorithm cycles through them once per count choices (LOR's tie
    // rule makes it rotate like round robin), and every choice is a valid position, also after removals.
    @ParameterizedTest
    @MethodSource("names")
    void everyAlgorithm_withEqualTargetsVisitsEachOncePerCycle(String name) {
        LoadBalancer lb = LoadBalancers.create(name);
        int[] targets = {0, 1, 2, 3, 4};
        int[] outstanding = new int[5];
        int[] seen = new int[5];
        for (int i = 0; i < 10; i++) {
            seen[lb.choose(targets, 5, outstanding)]++;
        }
        assertThat(seen).containsOnly(2);
    }

    // Contract: random removals never make an algorithm return a position outside 0..count-1.
    @ParameterizedTest
    @MethodSource("names")
    void everyAlgorithm_staysInRangeAcrossRemovals(String name) {
        LoadBalancer lb = LoadBalancers.create(name);
        RandomStream random = new RandomStreams(7).stream("lb-contract");
        int[] targets = new int[64];
        int count = 0;
        int nextId = 0;
        int[] outstanding = new int[10_000];
        for (int step = 0; step < 5000; step++) {
            int action = random.nextInt(10);
            if (count < 2 || action == 0) {
                targets[count++] = nextId++;
            } else if (action == 1) {
                int p = random.nextInt(count);
                System.arraycopy(targets, p + 1, targets, p, count - p - 1);
                count--;
                lb.removed(p);
            } else {
                int p = lb.choose(targets, count, outstanding);
                assertThat(p).isBetween(0, count - 1);
                outstanding[targets[p]] = random.nextInt(3);
            }
            if (count == targets.length) {
                targets = Arrays.copyOf(targets, count * 2);
            }
        }
    }
}
