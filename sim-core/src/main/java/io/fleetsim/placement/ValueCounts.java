package io.fleetsim.placement;

/**
 * Reusable counts per string value, for {@link SpreadStrategy}: open addressing over parallel arrays, cleared in
 * O(distinct values) by remembering the used slots, so a spread over N nodes costs O(N) and allocates nothing once
 * the table has grown to the number of distinct values (a handful for zones). The {@code null} value ("no such
 * attribute") has its own counter.
 *
 * <p>Only lookups by value are offered, never iteration, so the hash layout cannot leak into any result.
 */
final class ValueCounts {

    private static final int INITIAL_CAPACITY = 16;

    private String[] keys = new String[INITIAL_CAPACITY];
    private int[] counts = new int[INITIAL_CAPACITY];
    private int[] usedSlots = new int[INITIAL_CAPACITY];
    private int size;
    private int absentCount;

    void clear() {
        final String[] k = keys;
        final int[] c = counts;
        for (int i = 0; i < size; i++) {
            int slot = usedSlots[i];
            k[slot] = null;
            c[slot] = 0;
        }
        size = 0;
        absentCount = 0;
    }

    void add(String value, int delta) {
        if (value == null) {
            absentCount += delta;
            return;
        }
        int slot = slotOf(value);
        if (keys[slot] == null) {
            if (2 * (size + 1) > keys.length) {
                grow();
                slot = slotOf(value);
            }
            keys[slot] = value;
            usedSlots[size++] = slot;
        }
        counts[slot] += delta;
    }

    /** The count of {@code value}; 0 if never added. */
    int get(String value) {
        if (value == null) {
            return absentCount;
        }
        return counts[slotOf(value)];
    }

    /** The slot holding {@code value}, or the empty slot where it would go (load factor stays at most 1/2). */
    private int slotOf(String value) {
        final String[] k = keys;
        final int mask = k.length - 1;
        int h = value.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            String key = k[slot];
            if (key == null || key == value || key.equals(value)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldCounts = counts;
        int[] oldUsed = usedSlots;
        int oldSize = size;
        int capacity = oldKeys.length * 2;
        keys = new String[capacity];
        counts = new int[capacity];
        usedSlots = new int[capacity];
        size = 0;
        for (int i = 0; i < oldSize; i++) {
            int oldSlot = oldUsed[i];
            int slot = slotOf(oldKeys[oldSlot]);
            keys[slot] = oldKeys[oldSlot];
            counts[slot] = oldCounts[oldSlot];
            usedSlots[size++] = slot;
        }
    }
}
