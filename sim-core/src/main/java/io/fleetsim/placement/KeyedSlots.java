package io.fleetsim.placement;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Slots ordered by (key, slot), for {@link PlacementIndex}: one {@link SlotSet} per distinct key, the keys kept
 * sorted in an array. The keys are remaining amounts (MiB or CPU units), whose distinct values are few in practice
 * (instance sizes less sums of task sizes), so finding a key's bucket is a binary search over a short array, and a
 * bucket that empties is dropped (its {@link SlotSet} recycled) so that walks never visit empty buckets.
 */
final class KeyedSlots {

    private final int capacity;
    private final SlotSet.Pages pages;
    private final ArrayDeque<SlotSet> spare;
    private int[] keys = new int[8];
    private SlotSet[] sets = new SlotSet[8];
    private int count;

    KeyedSlots(int capacity, SlotSet.Pages pages, ArrayDeque<SlotSet> spare) {
        this.capacity = capacity;
        this.pages = pages;
        this.spare = spare;
    }

    /** Number of distinct keys present. */
    int keyCount() {
        return count;
    }

    int keyAt(int i) {
        return keys[i];
    }

    SlotSet setAt(int i) {
        return sets[i];
    }

    /** Index of the first key {@code >= key} ({@link #keyCount()} if none). */
    int lowerBound(int key) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    void add(int key, int slot) {
        int i = lowerBound(key);
        if (i == count || keys[i] != key) {
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                sets = Arrays.copyOf(sets, count * 2);
            }
            System.arraycopy(keys, i, keys, i + 1, count - i);
            System.arraycopy(sets, i, sets, i + 1, count - i);
            SlotSet set = spare.poll();
            keys[i] = key;
            sets[i] = set != null ? set : new SlotSet(capacity, pages);
            count++;
        }
        sets[i].add(slot);
    }

    void remove(int key, int slot) {
        int i = lowerBound(key);
        if (i == count || keys[i] != key) {
            throw new IllegalStateException("placement index: slot " + slot + " not under key " + key);
        }
        SlotSet set = sets[i];
        set.remove(slot);
        if (set.isEmpty()) {
            System.arraycopy(keys, i + 1, keys, i, count - i - 1);
            System.arraycopy(sets, i + 1, sets, i, count - i - 1);
            count--;
            sets[count] = null;
            spare.push(set);
        }
    }
}
