package io.fleetsim.benchmarks;

import io.fleetsim.engine.EventHandler;
import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The previous {@code io.fleetsim.engine.EventQueue} (until the two-level calendar design replaced it), kept for
 * comparison in {@link EventQueueHoldBenchmark} as {@code impl=heap}: a 4-ary heap by time alone over primitive
 * arrays, a tie batch sorted by insertion sequence, O(log n) cancel through a {@code position} index, and
 * poll-then-add in one sift. Same API and semantics as {@code EventQueue}; the design notes and measurements of
 * each choice are in {@code benchmarks/README.md} ("Design iterations").
 *
 * <p>Caveats: benchmark code only; not thread-safe; at most 2^30 pending events.
 */
public final class HeapEventQueue {

    /** A value that is never a live handle; callers may use it for "no event scheduled". */
    public static final long NO_HANDLE = 0L;

    /** log2 of the heap's arity: 4-ary (see the class comment for the measurements). */
    private static final int LOG_ARITY = 2;
    private static final int ARITY = 1 << LOG_ARITY;

    private static final int MAX_CAPACITY = 1 << 30;
    private static final int DEFAULT_CAPACITY = 64;

    /** position[slot] of a free slot. */
    private static final int FREE = -1;
    /** position[slot] = BATCHED - i: the event is entry i of the tie batch. */
    private static final int BATCHED = -2;

    // The heap: entries 0..heapSize-1; entry 0 is a hole (no event) while holeAtRoot.
    private long[] heapTime;
    private int[] heapSlot;
    private int heapSize;
    private boolean holeAtRoot;

    // The tie batch: events at batchTime in sequence order; entries batchHead..batchEnd-1, cancelled ones are -1.
    private long[] batchSeq = new long[ARITY];
    private int[] batchSlot = new int[ARITY];
    private int batchHead;
    private int batchEnd;
    private int batchLive;
    private long batchTime;

    // Slot table: per-event payload and bookkeeping, indexed by slot.
    private EventHandler[] handlers;
    private long[] args;
    private long[] seqOfSlot;
    private int[] generation;
    /** Heap position of the slot's event, {@code BATCHED - i} while in the tie batch, or {@code FREE}. */
    private int[] position;
    private int[] freeSlots;
    private int freeCount;
    /** Slots 0..slotsUsed-1 have been handed out at least once. */
    private int slotsUsed;

    private int size;
    private long nextSeq;
    private long lastPolledTime = Long.MIN_VALUE;
    /** Slot of the event last polled; its handler stays in {@code handlers} until the slot is reused. */
    private int lastSlot = -1;
    private long lastArg;

    /** An empty queue with room for 64 events before it first grows. */
    public HeapEventQueue() {
        this(DEFAULT_CAPACITY);
    }

    /** An empty queue with room for {@code initialCapacity} events before it first grows (by doubling). */
    public HeapEventQueue(int initialCapacity) {
        if (initialCapacity < 1 || initialCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "initialCapacity must be in [1, " + MAX_CAPACITY + "], got " + initialCapacity);
        }
        heapTime = new long[initialCapacity];
        heapSlot = new int[initialCapacity];
        handlers = new EventHandler[initialCapacity];
        args = new long[initialCapacity];
        seqOfSlot = new long[initialCapacity];
        generation = new int[initialCapacity];
        position = new int[initialCapacity];
        freeSlots = new int[initialCapacity];
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
        if (batchLive != 0) {
            return batchTime;
        }
        if (holeAtRoot) {
            fillHole();
        }
        return heapSize == 0 ? Long.MAX_VALUE : heapTime[0];
    }

    /**
     * Adds an event; among events with equal {@code time} it pops after every event added before it.
     *
     * @return a handle for {@link #cancel(long)}; never {@link #NO_HANDLE}
     * @throws IllegalArgumentException if {@code time} is before the time of the last polled event
     */
    public long add(long time, EventHandler handler, long arg) {
        if (handler == null) {
            throw new NullPointerException("handler must not be null (event time " + time + ")");
        }
        if (time < lastPolledTime) {
            throw new IllegalArgumentException("event time " + time + " is before the last polled event time "
                    + lastPolledTime + "; an event queue only moves forward");
        }
        final int slot = freeCount != 0 ? freeSlots[--freeCount] : newSlot();
        if (handlers[slot] != handler) { // skips the G1 write barrier when a slot is reused for the same handler
            handlers[slot] = handler;
        }
        args[slot] = arg;
        seqOfSlot[slot] = nextSeq++;
        size++;
        if (holeAtRoot) {
            holeAtRoot = false;
            siftDown(0, time, slot, heapSize);
        } else {
            siftUp(heapSize++, time, slot);
        }
        return ((long) generation[slot] << 32) | slot;
    }

    /**
     * Removes the earliest event and returns its time; its handler and argument are then available from
     * {@link #lastHandler()} and {@link #lastArg()} until the next add or poll.
     *
     * @throws NoSuchElementException if the queue is empty
     */
    public long pollTime() {
        forgetLast();
        if (batchLive != 0) {
            return pollBatch();
        }
        if (holeAtRoot) {
            fillHole();
        }
        final int n = heapSize;
        if (n == 0) {
            throw new NoSuchElementException("pollTime() called on an empty event queue; check size() or peekTime()");
        }
        final long[] times = heapTime;
        final long time = times[0];
        if (n > 1 && time == minChildTime(times, n)) {
            return pollTies(time);
        }
        holeAtRoot = true;
        deliver(heapSlot[0], time);
        return time;
    }

    /**
     * Handler of the event most recently removed by {@link #pollTime()}; read it before the next {@link #add}
     * (which may reuse the event's slot). {@code null} before the first poll.
     */
    public EventHandler lastHandler() {
        return lastSlot < 0 ? null : handlers[lastSlot];
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
        final int slot = slotOf(handle);
        if (slot < 0) {
            return false;
        }
        if (position[slot] <= BATCHED) {
            batchSlot[BATCHED - position[slot]] = -1;
            if (--batchLive == 0) {
                batchHead = batchEnd = 0;
            }
        } else {
            // A hole at the root may stay: it still holds the last polled time, which is <= every pending time,
            // so no sift moves an entry into it.
            removeAt(position[slot]);
        }
        size--;
        releaseSlot(slot);
        handlers[slot] = null;
        return true;
    }

    /**
     * Hands the event in {@code slot} to the caller and frees the slot, keeping its handler reference in place
     * for {@link #lastHandler()}. Copying the handler into a field instead, and nulling the slot, costs G1
     * write barriers per event: about 5% of hold throughput.
     */
    private void deliver(int slot, long time) {
        lastSlot = slot;
        lastArg = args[slot];
        lastPolledTime = time;
        size--;
        releaseSlot(slot);
    }

    /** Drops the last polled event's handler reference if its slot is still free, so it does not loiter. */
    private void forgetLast() {
        final int slot = lastSlot;
        if (slot >= 0 && position[slot] == FREE) {
            handlers[slot] = null;
        }
    }

    /** The slot of a live handle, or -1. */
    private int slotOf(long handle) {
        final int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || generation[slot] != (int) (handle >>> 32) || position[slot] == FREE) {
            return -1;
        }
        return slot;
    }

    private void releaseSlot(int slot) {
        position[slot] = FREE;
        final int g = generation[slot] + 1;
        generation[slot] = g == 0 ? 1 : g;
        freeSlots[freeCount++] = slot;
    }

    /** Slow path of {@link #add}: hands out a never-used slot, doubling every array when full. */
    private int newSlot() {
        final int slot = slotsUsed;
        if (slot == handlers.length) {
            grow();
        }
        generation[slot] = 1;
        slotsUsed = slot + 1;
        return slot;
    }

    private void grow() {
        final int capacity = handlers.length;
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("event queue is full: " + capacity + " pending events is the maximum");
        }
        final int newCapacity = (int) Math.min(2L * capacity, MAX_CAPACITY);
        heapTime = Arrays.copyOf(heapTime, newCapacity);
        heapSlot = Arrays.copyOf(heapSlot, newCapacity);
        handlers = Arrays.copyOf(handlers, newCapacity);
        args = Arrays.copyOf(args, newCapacity);
        seqOfSlot = Arrays.copyOf(seqOfSlot, newCapacity);
        generation = Arrays.copyOf(generation, newCapacity);
        position = Arrays.copyOf(position, newCapacity);
        freeSlots = Arrays.copyOf(freeSlots, newCapacity);
    }

    /** Removes the hole at the root left by {@link #pollTime()}: the last entry moves up and sifts down. */
    private void fillHole() {
        holeAtRoot = false;
        final int last = --heapSize;
        if (last > 0) {
            siftDown(0, heapTime[last], heapSlot[last], last);
        }
    }

    private void removeAt(int pos) {
        final int last = --heapSize;
        if (pos == last) {
            return;
        }
        final long time = heapTime[last];
        final int slot = heapSlot[last];
        if (pos > 0 && time < heapTime[(pos - 1) >>> LOG_ARITY]) {
            siftUp(pos, time, slot);
        } else {
            siftDown(pos, time, slot, last);
        }
    }

    private static long minChildTime(long[] times, int n) {
        final int end = Math.min(1 + ARITY, n);
        long min = times[1];
        for (int c = 2; c < end; c++) {
            min = Math.min(min, times[c]);
        }
        return min;
    }

    /**
     * Rare path of {@link #pollTime()}: several events are due at {@code time}. They are the top of the heap;
     * move them all into the batch, order it by sequence, and serve the first.
     */
    private long pollTies(long time) {
        int k = 0;
        while (heapSize > 0 && heapTime[0] == time) {
            final int slot = heapSlot[0];
            removeAt(0);
            if (k == batchSlot.length) {
                batchSlot = Arrays.copyOf(batchSlot, 2 * k);
                batchSeq = Arrays.copyOf(batchSeq, 2 * k);
            }
            batchSlot[k] = slot;
            batchSeq[k] = seqOfSlot[slot];
            k++;
        }
        sortBySeq(batchSeq, batchSlot, k);
        for (int i = 0; i < k; i++) {
            position[batchSlot[i]] = BATCHED - i;
        }
        batchTime = time;
        batchHead = 0;
        batchEnd = k;
        batchLive = k;
        return pollBatch();
    }

    private long pollBatch() {
        int i = batchHead;
        while (batchSlot[i] < 0) { // cancelled entries
            i++;
        }
        final int slot = batchSlot[i];
        batchHead = i + 1;
        if (--batchLive == 0) {
            batchHead = batchEnd = 0;
        }
        deliver(slot, batchTime);
        return batchTime;
    }

    private void siftUp(int pos, long time, int slot) {
        final long[] times = heapTime;
        final int[] slots = heapSlot;
        final int[] positions = position;
        while (pos > 0) {
            final int parent = (pos - 1) >>> LOG_ARITY;
            final long parentTime = times[parent];
            if (parentTime <= time) {
                break;
            }
            final int parentSlot = slots[parent];
            times[pos] = parentTime;
            slots[pos] = parentSlot;
            positions[parentSlot] = pos;
            pos = parent;
        }
        times[pos] = time;
        slots[pos] = slot;
        positions[slot] = pos;
    }

    /** Places (time, slot) at or below {@code pos} in a heap of {@code n} entries. */
    private void siftDown(int pos, long time, int slot, int n) {
        final long[] times = heapTime;
        final int[] slots = heapSlot;
        final int[] positions = position;
        while (true) {
            final int first = (pos << LOG_ARITY) + 1;
            if (first >= n) {
                break;
            }
            // Written so that the JIT selects the minimum with conditional moves (see the class comment).
            final int end = Math.min(first + ARITY, n);
            int min = first;
            long minTime = times[first];
            for (int c = first + 1; c < end; c++) {
                final long t = times[c];
                if (t < minTime) {
                    min = c;
                    minTime = t;
                }
            }
            if (time <= minTime) {
                break;
            }
            final int minSlot = slots[min];
            times[pos] = minTime;
            slots[pos] = minSlot;
            positions[minSlot] = pos;
            pos = min;
        }
        times[pos] = time;
        slots[pos] = slot;
        positions[slot] = pos;
    }

    /** Heapsort of the first {@code n} entries of the parallel arrays by {@code seq}, ascending; no allocation. */
    private static void sortBySeq(long[] seq, int[] slot, int n) {
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftMax(seq, slot, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            final long s = seq[0];
            final int t = slot[0];
            seq[0] = seq[end];
            slot[0] = slot[end];
            seq[end] = s;
            slot[end] = t;
            siftMax(seq, slot, 0, end);
        }
    }

    private static void siftMax(long[] seq, int[] slot, int pos, int n) {
        final long s = seq[pos];
        final int t = slot[pos];
        while (true) {
            int child = 2 * pos + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && seq[child + 1] > seq[child]) {
                child++;
            }
            if (seq[child] <= s) {
                break;
            }
            seq[pos] = seq[child];
            slot[pos] = slot[child];
            pos = child;
        }
        seq[pos] = s;
        slot[pos] = t;
    }
}
