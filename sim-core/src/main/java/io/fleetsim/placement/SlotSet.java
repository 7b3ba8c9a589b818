package io.fleetsim.placement;

import java.util.ArrayDeque;

/**
 * An ordered set of slot numbers in {@code [0, capacity)}, for {@link PlacementIndex}: a hierarchical bitset
 * (one bit per slot, then one bit per non-empty 64-bit word, and so on up to a single word), so that
 * {@link #add}, {@link #remove} and {@link #next} (the smallest member at or after a slot) each touch one word per
 * level: three levels for 262,144 slots, four for 16 M.
 *
 * <p>The bottom level is split into pages of 64 words (4,096 slots), allocated when a slot of the page is first
 * added and handed back to the shared {@link Pages} pool when the page empties, so a set costs memory in proportion
 * to the pages it uses, not to the capacity.
 */
final class SlotSet {

    /** Slots per bottom page: 64 words of 64 bits. */
    static final int PAGE_SLOTS = 4096;

    /** Recycled bottom pages (all zero), shared by the sets of one index. */
    static final class Pages {
        private final ArrayDeque<long[]> free = new ArrayDeque<>();

        long[] take() {
            long[] page = free.poll();
            return page != null ? page : new long[64];
        }

        void give(long[] page) {
            free.push(page);
        }
    }

    private final Pages pool;
    private final long[][] pages;
    /** upper[0]: a bit per bottom word (one word per page); upper[k]: a bit per word of upper[k-1]. */
    private final long[][] upper;
    private int size;

    /** {@code capacity}: a positive multiple of {@link #PAGE_SLOTS}. */
    SlotSet(int capacity, Pages pool) {
        if (capacity <= 0 || capacity % PAGE_SLOTS != 0) {
            throw new IllegalArgumentException("capacity must be a positive multiple of " + PAGE_SLOTS + ", got "
                    + capacity);
        }
        this.pool = pool;
        int words = capacity / PAGE_SLOTS;
        this.pages = new long[words][];
        int levels = 1;
        for (int w = words; w > 1; w = (w + 63) >>> 6) {
            levels++;
        }
        this.upper = new long[levels][];
        int w = words;
        for (int k = 0; k < levels; k++) {
            upper[k] = new long[w];
            w = (w + 63) >>> 6;
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(int slot) {
        long[] page = pages[slot >>> 12];
        return page != null && (page[(slot >>> 6) & 63] & (1L << slot)) != 0;
    }

    void add(int slot) {
        int p = slot >>> 12;
        long[] page = pages[p];
        if (page == null) {
            page = pool.take();
            pages[p] = page;
        }
        int w = (slot >>> 6) & 63;
        long old = page[w];
        long now = old | (1L << slot);
        if (now == old) {
            return;
        }
        page[w] = now;
        size++;
        if (old != 0) {
            return;
        }
        // The bottom word became non-empty: mark it, and each word up the levels that was empty.
        int index = slot >>> 6;
        for (long[] level : upper) {
            int word = index >>> 6;
            long before = level[word];
            level[word] = before | (1L << index);
            if (before != 0) {
                return;
            }
            index = word;
        }
    }

    void remove(int slot) {
        int p = slot >>> 12;
        long[] page = pages[p];
        if (page == null) {
            return;
        }
        int w = (slot >>> 6) & 63;
        long old = page[w];
        long now = old & ~(1L << slot);
        if (now == old) {
            return;
        }
        page[w] = now;
        size--;
        if (now != 0) {
            return;
        }
        int index = slot >>> 6;
        for (int k = 0; k < upper.length; k++) {
            long[] level = upper[k];
            int word = index >>> 6;
            long after = level[word] & ~(1L << index);
            level[word] = after;
            if (k == 0 && after == 0) {
                pages[p] = null; // upper[0][p] covers exactly page p: it is all zero now
                pool.give(page);
            }
            if (after != 0) {
                return;
            }
            index = word;
        }
    }

    /** The smallest member {@code >= from}, or -1. */
    int next(int from) {
        if (from < 0) {
            from = 0;
        }
        int w = from >>> 6;
        if (w >= pages.length * 64) {
            return -1;
        }
        long[] page = pages[w >>> 6];
        if (page != null) {
            long bits = page[w & 63] & (-1L << from);
            if (bits != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        int nextWord = nextSet(0, w + 1);
        if (nextWord < 0) {
            return -1;
        }
        return (nextWord << 6) + Long.numberOfTrailingZeros(pages[nextWord >>> 6][nextWord & 63]);
    }

    /** The smallest set bit {@code >= from} of level {@code k}'s bitmap, or -1. */
    private int nextSet(int k, int from) {
        long[] level = upper[k];
        int w = from >>> 6;
        if (w >= level.length) {
            return -1;
        }
        long bits = level[w] & (-1L << from);
        if (bits != 0) {
            return (w << 6) + Long.numberOfTrailingZeros(bits);
        }
        if (k + 1 == upper.length) {
            return -1;
        }
        int nextWord = nextSet(k + 1, w + 1);
        if (nextWord < 0) {
            return -1;
        }
        return (nextWord << 6) + Long.numberOfTrailingZeros(level[nextWord]);
    }
}
