package io.fleetsim.benchmarks;

import io.fleetsim.engine.EventHandler;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The previous {@code io.fleetsim.engine.EventQueue} (the two-level calendar queue, until the contiguous-bucket
 * design with lazy cancellation replaced it), kept unchanged for comparison in {@link EventQueueHoldBenchmark}
 * as {@code impl=calendar}: a calendar of power-of-two-wide buckets that are doubly linked lists threaded through
 * a slot table, an overflow list, and a 4-ary near heap of the current bucket with a tie batch; O(1) eager cancel
 * through a {@code position} index. Same API and semantics as {@code EventQueue}; figures in
 * {@code benchmarks/README.md}.
 *
 * <p>Caveats: benchmark code only; not thread-safe; at most 2^30 pending events.
 */
public final class CalendarEventQueue {

    /** A value that is never a live handle; callers may use it for "no event scheduled". */
    public static final long NO_HANDLE = 0L;

    /** log2 of the near heap's arity: 4-ary (see the class comment for the measurements). */
    private static final int LOG_ARITY = 2;
    private static final int ARITY = 1 << LOG_ARITY;

    private static final int MAX_CAPACITY = 1 << 30;
    private static final int DEFAULT_CAPACITY = 64;

    /** Upper bound of log2(number of calendar buckets): 2^22 ints are 16 MiB. */
    private static final int MAX_LOG_BUCKETS = 22;
    /** Bucket width is the power of two at or below (span / count) >> WIDTH_SHIFT_BIAS (see the class comment). */
    private static final int WIDTH_SHIFT_BIAS = 1;

    /** position[slot] of a free slot. */
    private static final int FREE = -1;
    /** position[slot] of an event in a calendar bucket. */
    private static final int IN_CALENDAR = -2;
    /** position[slot] of an event in the overflow list. */
    private static final int IN_OVERFLOW = -3;
    /** position[slot] = BATCHED - i: the event is entry i of the tie batch. */
    private static final int BATCHED = -4;

    /** End of a list in {@code next}, and an empty bucket in {@code bucketHead}. */
    private static final int NONE = -1;
    /** prev[slot] of the first event of the overflow list; the first event of bucket b has prev -2 - b. */
    private static final int OVERFLOW_HEAD = -1;

    // The near heap: every pending event with time <= nearLast, outside the tie batch. Entries 0..heapSize-1;
    // entry 0 is a hole (no event) while holeAtRoot.
    private long[] heapTime;
    private int[] heapSlot;
    private int heapSize;
    private boolean holeAtRoot;
    /** Last time covered by the near heap: the end of bucket {@code current}, saturated at Long.MAX_VALUE. */
    private long nearLast = Long.MIN_VALUE;

    // The tie batch: events at batchTime in sequence order; entries batchHead..batchEnd-1, cancelled ones are -1.
    private long[] batchSeq = new long[ARITY];
    private int[] batchSlot = new int[ARITY];
    private int batchHead;
    private int batchEnd;
    private int batchLive;
    private long batchTime;

    // The calendar: bucket b holds, unsorted in a doubly linked list through next/prev, the events with
    // time in [base + b * 2^shift, base + (b + 1) * 2^shift), for current < b; every event after nearLast and
    // at or before calendarLast is in a bucket.
    private int[] bucketHead;
    private long base;
    private int shift;
    /** The bucket last moved into the near heap; -1 right after a rebuild. */
    private int current = -1;
    private long calendarLast = Long.MIN_VALUE;
    private int calendarCount;

    // The overflow: every event after calendarLast, unsorted in one list; min and max bound its times.
    private int overflowHead = NONE;
    private int overflowCount;
    private long overflowMin = Long.MAX_VALUE;
    private long overflowMax = Long.MIN_VALUE;

    // Slot table: per-event payload and bookkeeping, indexed by slot.
    private EventHandler[] handlers;
    private long[] args;
    private long[] seqOfSlot;
    private long[] slotTime;
    private int[] next;
    private int[] prev;
    private int[] generation;
    /** Heap position of the slot's event, IN_CALENDAR, IN_OVERFLOW, BATCHED - i, or FREE. */
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
    public CalendarEventQueue() {
        this(DEFAULT_CAPACITY);
    }

    /** An empty queue with room for {@code initialCapacity} events before it first grows (by doubling). */
    public CalendarEventQueue(int initialCapacity) {
        if (initialCapacity < 1 || initialCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "initialCapacity must be in [1, " + MAX_CAPACITY + "], got " + initialCapacity);
        }
        heapTime = new long[initialCapacity];
        heapSlot = new int[initialCapacity];
        handlers = new EventHandler[initialCapacity];
        args = new long[initialCapacity];
        seqOfSlot = new long[initialCapacity];
        slotTime = new long[initialCapacity];
        next = new int[initialCapacity];
        prev = new int[initialCapacity];
        generation = new int[initialCapacity];
        position = new int[initialCapacity];
        freeSlots = new int[initialCapacity];
        bucketHead = new int[ARITY];
        Arrays.fill(bucketHead, NONE);
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
        if (heapSize == 0) {
            if (size == 0) {
                return Long.MAX_VALUE;
            }
            refill();
        }
        return heapTime[0];
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
        if (time > nearLast) {
            if (time <= calendarLast) {
                slotTime[slot] = time;
                position[slot] = IN_CALENDAR;
                link(slot, (int) ((time - base) >>> shift));
                calendarCount++;
            } else {
                addToOverflow(slot, time);
            }
        } else if (holeAtRoot) {
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
        if (heapSize == 0) {
            if (size == 0) {
                throw new NoSuchElementException(
                        "pollTime() called on an empty event queue; check size() or peekTime()");
            }
            refill();
        }
        final int n = heapSize;
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
     * Cancels a pending event: O(1) in the calendar or the overflow, O(log n) in the near heap.
     *
     * @return true if the event was pending and is now removed; false if it already fired, was already
     *         cancelled, or {@code handle} was never issued by this queue
     */
    public boolean cancel(long handle) {
        final int slot = slotOf(handle);
        if (slot < 0) {
            return false;
        }
        final int pos = position[slot];
        if (pos >= 0) {
            // A hole at the root may stay: it still holds the last polled time, which is <= every pending time,
            // so no sift moves an entry into it.
            removeAt(pos);
        } else if (pos == IN_CALENDAR) {
            unlink(slot);
            calendarCount--;
        } else if (pos == IN_OVERFLOW) {
            unlink(slot);
            if (--overflowCount == 0) {
                overflowMin = Long.MAX_VALUE;
                overflowMax = Long.MIN_VALUE;
            }
        } else {
            batchSlot[BATCHED - pos] = -1;
            if (--batchLive == 0) {
                batchHead = batchEnd = 0;
            }
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
        slotTime = Arrays.copyOf(slotTime, newCapacity);
        next = Arrays.copyOf(next, newCapacity);
        prev = Arrays.copyOf(prev, newCapacity);
        generation = Arrays.copyOf(generation, newCapacity);
        position = Arrays.copyOf(position, newCapacity);
        freeSlots = Arrays.copyOf(freeSlots, newCapacity);
    }

    // ---------------------------------------------------------------- calendar and overflow

    /** Pushes {@code slot} on the front of bucket {@code b}. */
    private void link(int slot, int b) {
        final int[] heads = bucketHead;
        final int first = heads[b];
        next[slot] = first;
        prev[slot] = -2 - b;
        if (first >= 0) {
            prev[first] = slot;
        }
        heads[b] = slot;
    }

    /** Removes {@code slot} from its bucket or from the overflow list in O(1). */
    private void unlink(int slot) {
        final int p = prev[slot];
        final int n = next[slot];
        if (p >= 0) {
            next[p] = n;
        } else if (p == OVERFLOW_HEAD) {
            overflowHead = n;
        } else {
            bucketHead[-2 - p] = n;
        }
        if (n >= 0) {
            prev[n] = p;
        }
    }

    /** Rare path of {@link #add}: an event after the calendar's last time goes on the overflow list. */
    private void addToOverflow(int slot, long time) {
        slotTime[slot] = time;
        position[slot] = IN_OVERFLOW;
        final int first = overflowHead;
        next[slot] = first;
        prev[slot] = OVERFLOW_HEAD;
        if (first >= 0) {
            prev[first] = slot;
        }
        overflowHead = slot;
        overflowCount++;
        if (time < overflowMin) {
            overflowMin = time;
        }
        if (time > overflowMax) {
            overflowMax = time;
        }
    }

    /** Last time of bucket {@code b}: base + (b + 1) * 2^shift - 1, saturated at Long.MAX_VALUE. */
    private long lastTimeOfBucket(int b) {
        final long offset = ((long) (b + 1) << shift) - 1; // in [0, 2^63 - 1] because shift + log2(B) <= 63
        return base > Long.MAX_VALUE - offset ? Long.MAX_VALUE : base + offset;
    }

    /**
     * The near heap and the tie batch are empty but events are pending: moves the next non-empty bucket into the
     * near heap, first spreading the overflow over a new calendar if every bucket is empty.
     */
    private void refill() {
        while (calendarCount == 0) {
            // Twice at most: min and max of the overflow are bounds that cancels may have left loose; a rebuild
            // that spreads nothing (possible only for spans over 2^63 ns) leaves them exact for the next one,
            // whose first bucket then holds the earliest event.
            rebuild();
        }
        final int[] heads = bucketHead;
        int b = current + 1;
        while (heads[b] < 0) { // terminates: a non-empty bucket after current exists since calendarCount > 0
            b++;
        }
        current = b;
        nearLast = lastTimeOfBucket(b);
        int slot = heads[b];
        heads[b] = NONE;
        final int[] nexts = next;
        final long[] times = slotTime;
        int moved = 0;
        while (slot >= 0) {
            final int following = nexts[slot];
            siftUp(heapSize++, times[slot], slot);
            slot = following;
            moved++;
        }
        calendarCount -= moved;
    }

    /**
     * Spreads the overflow (every pending event: the near heap, the tie batch and the calendar are empty) over a
     * new calendar starting at its earliest time, with about one to two events per bucket on average.
     */
    private void rebuild() {
        final long min = overflowMin;
        final long span = overflowMax - min; // unsigned: max >= min
        final int n = overflowCount;
        final long width = Long.divideUnsigned(span, n) >>> WIDTH_SHIFT_BIAS;
        int newShift = width == 0 ? 0 : 63 - Long.numberOfLeadingZeros(width);
        // Enough buckets to cover the span: 2^bitLength(span >> shift), 1 to 2 times the span.
        int logBuckets = Math.max(LOG_ARITY, 64 - Long.numberOfLeadingZeros(span >>> newShift));
        if (logBuckets > MAX_LOG_BUCKETS) { // very many events: wider buckets rather than more of them
            newShift += logBuckets - MAX_LOG_BUCKETS;
            logBuckets = MAX_LOG_BUCKETS;
        }
        if (newShift + logBuckets > 63) { // spans of 2^63 ns or more: the calendar covers 2^63 ns, the rest waits
            newShift = 63 - logBuckets;
        }
        final int buckets = 1 << logBuckets;
        if (bucketHead.length < buckets) { // grows only: every bucket is empty here, so the old array is all NONE
            bucketHead = new int[buckets];
            Arrays.fill(bucketHead, NONE);
        }
        base = min;
        shift = newShift;
        current = -1;
        nearLast = min - 1; // min > Long.MIN_VALUE: an event at Long.MIN_VALUE always goes to the near heap
        calendarLast = lastTimeOfBucket(buckets - 1);

        int slot = overflowHead;
        overflowHead = NONE;
        overflowCount = 0;
        overflowMin = Long.MAX_VALUE;
        overflowMax = Long.MIN_VALUE;
        final int[] nexts = next;
        final long[] times = slotTime;
        final int[] positions = position;
        int spread = 0;
        while (slot >= 0) {
            final int following = nexts[slot];
            final long time = times[slot];
            if (time <= calendarLast) {
                positions[slot] = IN_CALENDAR;
                link(slot, (int) ((time - min) >>> newShift));
                spread++;
            } else {
                addToOverflow(slot, time);
            }
            slot = following;
        }
        calendarCount = spread;
    }

    // ---------------------------------------------------------------- near heap and tie batch

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
     * Rare path of {@link #pollTime()}: several events are due at {@code time}. They are the top of the near
     * heap (every pending event at or before nearLast is there); move them all into the batch, order it by
     * sequence, and serve the first.
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
