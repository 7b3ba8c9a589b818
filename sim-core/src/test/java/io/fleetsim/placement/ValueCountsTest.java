package io.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueCountsTest {

    // v0..v99 get counts 1..100, forcing the table to grow from 16 slots (load <= 1/2) to 256.
    // v7 then gets 5 more: 8 + 5 = 13. null (no attribute) has its own counter: 2 + 3 = 5.
    @Test
    void counts_surviveGrowthAndKeepAbsentValueApart() {
        ValueCounts counts = new ValueCounts();
        for (int i = 0; i < 100; i++) {
            counts.add("v" + i, i + 1);
        }
        counts.add("v7", 5);
        counts.add(null, 2);
        counts.add(null, 3);

        assertThat(counts.get("v0")).isEqualTo(1);
        assertThat(counts.get("v7")).isEqualTo(13);
        assertThat(counts.get("v99")).isEqualTo(100);
        assertThat(counts.get("v100")).isZero();
        assertThat(counts.get(null)).isEqualTo(5);
    }

    @Test
    void clear_forgetsEveryValue() {
        ValueCounts counts = new ValueCounts();
        for (int i = 0; i < 20; i++) {
            counts.add("v" + i, 1);
        }
        counts.add(null, 4);

        counts.clear();

        for (int i = 0; i < 20; i++) {
            assertThat(counts.get("v" + i)).as("v%d", i).isZero();
        }
        assertThat(counts.get(null)).isZero();
        counts.add("v3", 2);
        assertThat(counts.get("v3")).isEqualTo(2);
    }
}
