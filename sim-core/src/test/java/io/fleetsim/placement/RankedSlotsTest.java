package io.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.TestStreams;
import org.junit.jupiter.api.Test;

/** {@link RankedSlots}: count and k-th member against a plain array of flags. */
class RankedSlotsTest {

    // Members 3, 64, 65 and 4095 (the first and last blocks, and one in between): ranks 0 to 3 in slot order.
    @Test
    void select_givesTheMembersInSlotOrder() {
        RankedSlots set = new RankedSlots(4096);
        set.set(4095, true);
        set.set(65, true);
        set.set(3, true);
        set.set(64, true);
        set.set(64, true); // already a member: no change

        assertThat(set.size()).isEqualTo(4);
        assertThat(new int[] {set.select(0), set.select(1), set.select(2), set.select(3)})
                .containsExactly(3, 64, 65, 4095);
        assertThatThrownBy(() -> set.select(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    // Every rank of a full word, and of a word with only its top bit.
    @Test
    void selectInWord_findsEveryRank() {
        for (int rank = 0; rank < 64; rank++) {
            assertThat(RankedSlots.selectInWord(-1L, rank)).isEqualTo(rank);
        }
        assertThat(RankedSlots.selectInWord(1L << 63, 0)).isEqualTo(63);
        assertThat(RankedSlots.selectInWord(0b1010_0000L, 1)).isEqualTo(7);
    }

    // Random membership changes on 8,192 slots, dense and sparse phases, some filled by include and recount: the
    // size and every rank agree with the flags.
    @Test
    void property_sizeAndSelectMatchAPlainArray() {
        RandomStream r = TestStreams.of(2026);
        for (int round = 0; round < 20; round++) {
            int capacity = 64 << r.nextInt(8);
            boolean[] flags = new boolean[capacity];
            RankedSlots set = new RankedSlots(capacity);
            if (r.nextBoolean()) {
                for (int slot = 0; slot < capacity; slot++) {
                    if (r.nextInt(3) == 0) {
                        flags[slot] = true;
                        set.include(slot);
                    }
                }
                set.recount();
            }
            int density = 1 + r.nextInt(10);
            for (int op = 0; op < 3 * capacity; op++) {
                int slot = r.nextInt(capacity);
                boolean member = r.nextInt(10) < density;
                flags[slot] = member;
                set.set(slot, member);
            }
            int expected = 0;
            for (int slot = 0; slot < capacity; slot++) {
                assertThat(set.contains(slot)).isEqualTo(flags[slot]);
                if (flags[slot]) {
                    assertThat(set.select(expected)).as("round %d rank %d", round, expected).isEqualTo(slot);
                    expected++;
                }
            }
            assertThat(set.size()).isEqualTo(expected);
        }
    }
}
