package io.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.TestStreams;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SlotSetTest {

    // 3 members spread over three pages of 4,096 slots: next() skips the empty words and pages between them.
    @Test
    void next_findsTheSmallestMemberAtOrAfter() {
        SlotSet set = new SlotSet(3 * SlotSet.PAGE_SLOTS, new SlotSet.Pages());
        set.add(5);
        set.add(4100);
        set.add(12_000);

        assertThat(set.next(0)).isEqualTo(5);
        assertThat(set.next(5)).isEqualTo(5);
        assertThat(set.next(6)).isEqualTo(4100);
        assertThat(set.next(4101)).isEqualTo(12_000);
        assertThat(set.next(12_001)).isEqualTo(-1);
        assertThat(set.size()).isEqualTo(3);
        set.remove(4100);
        assertThat(set.next(6)).isEqualTo(12_000);
        assertThat(set.contains(4100)).isFalse();
        assertThat(set.size()).isEqualTo(2);
    }

    // 409,600 slots: 100 pages, so three levels above the bits (100 words, 2 words, 1 word). Random adds and
    // removes, clustered and scattered, against a TreeSet: next() must equal TreeSet.ceiling() everywhere asked.
    @Test
    void randomOperations_matchATreeSet() {
        int capacity = 100 * SlotSet.PAGE_SLOTS;
        SlotSet set = new SlotSet(capacity, new SlotSet.Pages());
        TreeSet<Integer> expected = new TreeSet<>();
        RandomStream r = TestStreams.of(17);
        for (int op = 0; op < 200_000; op++) {
            int slot = r.nextBoolean() ? r.nextInt(capacity) : r.nextInt(200) * 64 + r.nextInt(3);
            if (r.nextInt(3) == 0) {
                set.remove(slot);
                expected.remove(slot);
            } else {
                set.add(slot);
                expected.add(slot);
            }
            int from = r.nextInt(capacity);
            Integer ceiling = expected.ceiling(from);
            assertThat(set.next(from)).isEqualTo(ceiling == null ? -1 : ceiling);
        }
        assertThat(set.size()).isEqualTo(expected.size());
        int walked = 0;
        for (int s = set.next(0); s >= 0; s = set.next(s + 1)) {
            walked++;
        }
        assertThat(walked).isEqualTo(expected.size());
    }
}
