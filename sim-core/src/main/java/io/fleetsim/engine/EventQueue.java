package io.fleetsim.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The pending-event set of a {@link Simulator}: a priority queue of events ordered by (time, insertion sequence),
 * with cancellation by a {@code long} handle, built over primitive arrays so that the steady state allocates
 * nothing per add or poll.
 *
 * <p>Why not {@link java.util.PriorityQueue}: it needs one object per event (allocation and GC pressure on the
 * hottest path of the simulator), its {@code remove(Object)} is a linear scan, and a {@code Comparable} call per
 * comparison stops the JIT from keeping keys in registers. OpenDC replaced it for the same reasons with a binary
 * heap over parallel primitive arrays (atlarge-research/opendc
 * {@code opendc-simulator-core/src/main/java/org/opendc/simulator/TaskQueue.java}); this class follows that design
 * and adds O(log n) cancellation by handle and a 4-ary layout. {@code benchmarks/README.md} has the measured
 * figures against {@code PriorityQueue} (JMH {@code EventQueueHoldBenchmark}).
 *
 * <p>How it is built:
 * <ul>
 *   <li><b>Heap</b>: an implicit 4-ary min-heap in one {@code long[]} with two words per entry,
 *       {@code heap[2i] = time} and {@code heap[2i + 1] = key = (seq << 32) | slot}. Comparing entries is
 *       "time, then key": the key's high bits are the insertion sequence, so equal times pop in insertion order,
 *       and keys are unique, so the order is total. Interleaving time and key keeps an entry in 16 bytes and the
 *       four children of a node in 64 contiguous bytes (one or two cache lines). A 4-ary heap is half as deep as
 *       a binary one; it measured faster in the hold benchmark (see {@code benchmarks/README.md}).</li>
 *   <li><b>Slots</b>: the payload of an event ({@link EventHandler}, {@code long arg}) lives in a slot table that
 *       does not move while the heap reorders; freed slots go on a LIFO free list and are reused.
 *       {@code heapIndexOfSlot} follows every heap move, so {@link #cancel(long)} finds its entry in O(1) and
 *       removes it in O(log n).</li>
 *   <li><b>Handles</b>: {@code (generation << 32) | slot}. A slot's generation changes whenever its event fires
 *       or is cancelled, so a stale handle whose slot was reused by a later event cancels nothing (no ABA).
 *       Generations start at 1, so {@link #NO_HANDLE} ({@code 0}) is never a live handle.</li>
 *   <li><b>Sequence numbers</b> take 31 bits of the key. When they run out (after 2^31 adds) the pending
 *       events are renumbered 0..n-1 in their existing order: a rare O(n log n) pass that preserves the
 *       order and therefore the heap.</li>
 * </ul>
 *
 * <p>Popping does not allocate: {@link #pollTime()} removes the earliest event, returns its time, and leaves its
 * handler and argument in {@link #lastHandler()} and {@link #lastArg()} for the caller to dispatch.
 *
 * <p>Caveats: not thread-safe (one queue belongs to one single-threaded simulation). A handle is kept unique for
 * 2^32 - 1 reuses of its slot; a handle held through more reuses than that could cancel a stranger's event.
 * At most 2^30 events can be pending (the heap is one Java array with two words per entry).
 */
public final class EventQueue {

    /** A value that is never a live handle; callers may use it for "no event scheduled". */
    public static final long NO_HANDLE = 0L;

    /** log2 of the heap's arity. 2 = 4-ary; 1 = binary (slower in {@code EventQueueHoldBenchmark}). */
    private static final int LOG_ARITY = 2;
    private static final int ARITY = 1 << LOG_ARITY;

    /** Sequence numbers occupy the key's bits 32..62 so that keys stay non-negative. */
    private static final long SEQ_LIMIT = 1L << 31;
    private static final long SLOT_MASK = 0xFFFF_FFFFL;

    /** The largest number of pending events: the heap array holds two longs per entry. */
    private static final int MAX_CAPACITY = 1 << 30;
    private static final int DEFAULT_CAPACITY = 64;

    /** Implicit heap, two words per entry: time at 2i, key = (seq << 32) | slot at 2i+1. */
    private long[] heap;
    private int size;

    /** Per-slot payload and bookkeeping; a slot keeps its index while the heap reorders. */
    private EventHandler[] handlers;
    private long[] args;
    private int[] generation;
    /** Heap position of the slot's entry, or -1 when the slot is free. */
    private int[] heapIndexOfSlot;
    /** Stack of freed slots (LIFO: the most recently freed slot is the most likely to be in cache). */
    private int[] freeSlots;
    private int freeCount;
    /** Slots 0..slotsUsed-1 have been handed out at least once. */
    private int slotsUsed;

    private long nextSeq;
    private final long seqLimit;

    private EventHandler lastHandler;
    private long lastArg;

    /** An empty queue with room for 64 events before it first grows. */
    public EventQueue() {
        this(DEFAULT_CAPACITY);
    }

    /** An empty queue with room for {@code initialCapacity} events before it first grows (doubling). */
    public EventQueue(int initialCapacity) {
        this(initialCapacity, SEQ_LIMIT);
    }

    /** For tests: a small {@code seqLimit} exercises the renumbering path. */
    EventQueue(int initialCapacity, long seqLimit) {
        if (initialCapacity < 1 || initialCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "initialCapacity must be in [1, " + MAX_CAPACITY + "], got " + initialCapacity);
        }
        if (seqLimit < 2 || seqLimit > SEQ_LIMIT) {
            throw new IllegalArgumentException("seqLimit must be in [2, 2^31], got " + seqLimit);
        }
        this.seqLimit = seqLimit;
        this.heap = new long[2 * initialCapacity];
        this.handlers = new EventHandler[initialCapacity];
        this.args = new long[initialCapacity];
        this.generation = new int[initialCapacity];
        this.heapIndexOfSlot = new int[initialCapacity];
        this.freeSlots = new int[initialCapacity];
    }

    /** Number of pending events. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest pending event, or {@link Long#MAX_VALUE} when the queue is empty. */
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : heap[0];
    }

    /**
     * Adds an event; among events with equal {@code time} it pops after every event added before it.
     *
     * @return a handle for {@link #cancel(long)}; never {@link #NO_HANDLE}
     */
    public long add(long time, EventHandler handler, long arg) {
        if (handler == null) {
            throw new NullPointerException("handler must not be null (event time " + time + ")");
        }
        int slot = freeCount != 0 ? freeSlots[--freeCount] : newSlot();
        handlers[slot] = handler;
        args[slot] = arg;
        long seq = nextSeq;
        if (seq >= seqLimit) {
            seq = renumber();
        }
        nextSeq = seq + 1;
        int pos = size;
        size = pos + 1;
        siftUp(pos, time, (seq << 32) | slot);
        return ((long) generation[slot] << 32) | slot;
    }

    /**
     * Removes the earliest event and returns its time; its handler and argument are then available from
     * {@link #lastHandler()} and {@link #lastArg()} until the next poll.
     *
     * @throws NoSuchElementException if the queue is empty
     */
    public long pollTime() {
        final int n = size - 1;
        if (n < 0) {
            throw new NoSuchElementException("pollTime() called on an empty event queue; check size() or peekTime()");
        }
        final long[] h = heap;
        final long time = h[0];
        final int slot = (int) h[1];
        lastHandler = handlers[slot];
        lastArg = args[slot];
        releaseSlot(slot);
        size = n;
        if (n > 0) {
            siftDown(0, h[2 * n], h[2 * n + 1], n);
        }
        return time;
    }

    /** Handler of the event most recently removed by {@link #pollTime()} ({@code null} before the first poll). */
    public EventHandler lastHandler() {
        return lastHandler;
    }

    /** Argument of the event most recently removed by {@link #pollTime()}. */
    public long lastArg() {
        return lastArg;
    }

    /** True if {@code handle} names an event that has neither fired nor been cancelled. */
    public boolean isPending(long handle) {
        return slotOf(handle) >= 0;
    }

    /**
     * Cancels a pending event in O(log n).
     *
     * @return true if the event was pending and is now removed; false if it already fired, was already
     *         cancelled, or {@code handle} was never issued by this queue
     */
    public boolean cancel(long handle) {
        int slot = slotOf(handle);
        if (slot < 0) {
            return false;
        }
        int pos = heapIndexOfSlot[slot];
        releaseSlot(slot);
        int n = size - 1;
        size = n;
        if (pos != n) {
            final long[] h = heap;
            long time = h[2 * n];
            long key = h[2 * n + 1];
            if (pos > 0 && before(time, key, h, (pos - 1) >>> LOG_ARITY)) {
                siftUp(pos, time, key);
            } else {
                siftDown(pos, time, key, n);
            }
        }
        return true;
    }

    /** The slot of a live handle, or -1. */
    private int slotOf(long handle) {
        int slot = (int) (handle & SLOT_MASK);
        if (slot < 0 || slot >= slotsUsed || generation[slot] != (int) (handle >>> 32)) {
            return -1;
        }
        return heapIndexOfSlot[slot] >= 0 ? slot : -1;
    }

    private void releaseSlot(int slot) {
        handlers[slot] = null;
        heapIndexOfSlot[slot] = -1;
        int g = generation[slot] + 1;
        generation[slot] = g == 0 ? 1 : g;
        freeSlots[freeCount++] = slot;
    }

    /** Slow path of {@link #add}: hands out a never-used slot, growing every array by doubling when full. */
    private int newSlot() {
        int slot = slotsUsed;
        if (slot == handlers.length) {
            grow();
        }
        generation[slot] = 1;
        slotsUsed = slot + 1;
        return slot;
    }

    private void grow() {
        int capacity = handlers.length;
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("event queue is full: " + capacity + " pending events is the maximum");
        }
        int newCapacity = (int) Math.min((long) capacity * 2, MAX_CAPACITY);
        heap = Arrays.copyOf(heap, 2 * newCapacity);
        handlers = Arrays.copyOf(handlers, newCapacity);
        args = Arrays.copyOf(args, newCapacity);
        generation = Arrays.copyOf(generation, newCapacity);
        heapIndexOfSlot = Arrays.copyOf(heapIndexOfSlot, newCapacity);
        freeSlots = Arrays.copyOf(freeSlots, newCapacity);
    }

    /**
     * Rare path of {@link #add}: sequence numbers are exhausted, so renumber the pending events 0..n-1 in their
     * current (seq) order. The mapping is monotone, so every comparison keeps its result and the heap stays valid.
     *
     * @return the next free sequence number
     */
    private long renumber() {
        final long[] h = heap;
        final int n = size;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = h[2 * i + 1];
        }
        Arrays.sort(keys);
        for (int newSeq = 0; newSeq < n; newSeq++) {
            int slot = (int) (keys[newSeq] & SLOT_MASK);
            h[2 * heapIndexOfSlot[slot] + 1] = ((long) newSeq << 32) | slot;
        }
        return n;
    }

    /** True if the entry (time, key) orders before the heap entry at {@code pos}. */
    private static boolean before(long time, long key, long[] h, int pos) {
        long t = h[2 * pos];
        return time < t || (time == t && key < h[2 * pos + 1]);
    }

    private void siftUp(int pos, long time, long key) {
        final long[] h = heap;
        final int[] index = heapIndexOfSlot;
        while (pos > 0) {
            int parent = (pos - 1) >>> LOG_ARITY;
            long pt = h[2 * parent];
            long pk = h[2 * parent + 1];
            if (pt < time || (pt == time && pk < key)) {
                break;
            }
            h[2 * pos] = pt;
            h[2 * pos + 1] = pk;
            index[(int) pk] = pos;
            pos = parent;
        }
        h[2 * pos] = time;
        h[2 * pos + 1] = key;
        index[(int) key] = pos;
    }

    /** Places (time, key) at or below {@code pos} in a heap of {@code n} entries. */
    private void siftDown(int pos, long time, long key, int n) {
        final long[] h = heap;
        final int[] index = heapIndexOfSlot;
        while (true) {
            int first = (pos << LOG_ARITY) + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + ARITY, n);
            int min = first;
            long mt = h[2 * first];
            long mk = h[2 * first + 1];
            for (int c = first + 1; c < end; c++) {
                long ct = h[2 * c];
                long ck = h[2 * c + 1];
                if (ct < mt || (ct == mt && ck < mk)) {
                    min = c;
                    mt = ct;
                    mk = ck;
                }
            }
            if (time < mt || (time == mt && key < mk)) {
                break;
            }
            h[2 * pos] = mt;
            h[2 * pos + 1] = mk;
            index[(int) mk] = pos;
            pos = min;
        }
        h[2 * pos] = time;
        h[2 * pos + 1] = key;
        index[(int) key] = pos;
    }
}
