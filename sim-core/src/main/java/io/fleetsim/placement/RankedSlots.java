package io.fleetsim.placement;

/**
 * A set of slot numbers that answers "how many" and "the k-th member in slot order" without walking the slots:
 * what {@link PlacementIndex} needs for {@code random}, which draws an index into the feasible nodes in node-list
 * (slot) order (platform-semantics.md section 5.2; {@link RandomStrategy}).
 *
 * <p>A bit per slot, and the members per 64-slot block in a Fenwick tree (binary indexed tree) over the blocks.
 * {@link #size} is O(1); {@link #select} is a descent of the tree, O(log(capacity / 64)), then a select in one
 * 64-bit word; {@link #set} is O(1) when the membership does not change (the common case: a reservation that
 * leaves the node feasible for the shape) and O(log(capacity / 64)) when it does. Memory: one bit per slot plus
 * one int per 64 slots (about 48 KB at a capacity of 262,144 slots). No allocation after construction.
 */
final class RankedSlots {

    private final long[] words;
    /**
     * Fenwick tree over the blocks, 1-based: {@code tree[i]} counts the members of blocks
     * {@code (i - (i & -i), i]} (1-based block numbers).
     */
    private final int[] tree;
    /** The highest power of two not above the number of blocks: the first step of the descent. */
    private final int top;
    private int size;

    /** An empty set for slots {@code [0, capacity)}; {@code capacity} a positive multiple of 64. */
    RankedSlots(int capacity) {
        if (capacity <= 0 || (capacity & 63) != 0) {
            throw new IllegalArgumentException("capacity must be a positive multiple of 64, got " + capacity);
        }
        int blocks = capacity >>> 6;
        this.words = new long[blocks];
        this.tree = new int[blocks + 1];
        this.top = Integer.highestOneBit(blocks);
    }

    /** Number of members. */
    int size() {
        return size;
    }

    boolean contains(int slot) {
        return (words[slot >>> 6] & (1L << slot)) != 0;
    }

    /** Makes {@code slot} a member or not. */
    void set(int slot, boolean member) {
        final int w = slot >>> 6;
        final long bit = 1L << slot;
        if (((words[w] & bit) != 0) == member) {
            return;
        }
        words[w] ^= bit;
        final int delta = member ? 1 : -1;
        size += delta;
        final int[] t = tree;
        for (int i = w + 1; i < t.length; i += i & -i) {
            t[i] += delta;
        }
    }

    /**
     * Adds {@code slot} without updating the counts: for filling an empty set in one pass, which
     * {@link #recount()} must then follow before any other call.
     */
    void include(int slot) {
        words[slot >>> 6] |= 1L << slot;
    }

    /** Rebuilds the counts from the bits, O(capacity / 64): after {@link #include} calls. */
    void recount() {
        final int[] t = tree;
        int total = 0;
        for (int i = 1; i < t.length; i++) {
            int c = Long.bitCount(words[i - 1]);
            total += c;
            t[i] = c;
        }
        for (int i = 1; i < t.length; i++) {
            int parent = i + (i & -i);
            if (parent < t.length) {
                t[parent] += t[i];
            }
        }
        size = total;
    }

    /** The member of rank {@code k} (0 the first) in slot order; {@code 0 <= k < size()}. */
    int select(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("rank " + k + " of a set of " + size);
        }
        // Descend to the last block whose preceding blocks hold at most k members: the member is in the next one.
        final int[] t = tree;
        int pos = 0;
        int rest = k;
        for (int step = top; step > 0; step >>>= 1) {
            int next = pos + step;
            if (next < t.length && t[next] <= rest) {
                pos = next;
                rest -= t[next];
            }
        }
        return (pos << 6) + selectInWord(words[pos], rest);
    }

    /** The position of the set bit of rank {@code rank} (0 the lowest) in {@code word}, which has more. */
    static int selectInWord(long word, int rank) {
        int base = 0;
        long w = word;
        int low = Long.bitCount(w & 0xFFFF_FFFFL);
        if (rank >= low) {
            rank -= low;
            w >>>= 32;
            base = 32;
        }
        low = Long.bitCount(w & 0xFFFFL);
        if (rank >= low) {
            rank -= low;
            w >>>= 16;
            base += 16;
        }
        low = Long.bitCount(w & 0xFFL);
        if (rank >= low) {
            rank -= low;
            w >>>= 8;
            base += 8;
        }
        for (; rank > 0; rank--) {
            w &= w - 1; // at most 7 lower bits to clear
        }
        return base + Long.numberOfTrailingZeros(w);
    }
}
