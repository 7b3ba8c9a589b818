package io.fleetsim.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * The pending-event set of a {@link Simulator}: events pop in (time, insertion sequence) order, can be cancelled
 * by a {@code long} handle in O(1), and live in primitive arrays, so that adding and polling allocate nothing in
 * the steady state.
 *
 * <p>It is a calendar queue (Brown, "Calendar queues: a fast O(1) priority queue implementation for the
 * simulation event set problem", CACM 31(10), 1988) whose buckets are unsorted, as in the rungs of a ladder queue
 * (Tang, Goh and Thng, "Ladder queue: an O(1) priority queue structure for large-scale discrete event
 * simulation", ACM TOMACS 15(3), 2005), in front of which a small 4-ary heap holds only the current bucket. Why
 * not {@link java.util.PriorityQueue} or a {@link java.util.TreeSet} (the CloudSim Plus design): one object per
 * event (allocation and GC work on the hottest path), a linear {@code remove(Object)} (PriorityQueue), a
 * {@code compareTo} call per comparison, O(log n) per operation. {@code benchmarks/README.md} has the figures
 * ({@code EventQueueHoldBenchmark}, with the previous designs side by side).
 *
 * <p>How it is built, and what each choice measured (hold model, Exp(1 s) increments, 2-core machine shared with
 * other jobs, so only same-run ratios are meaningful):
 * <ul>
 *   <li><b>Entries move, events stay.</b> An event's payload (handler, argument, insertion sequence) stays in a
 *       slot table from add to poll; what moves between the tiers is a 16-byte entry {@code (time, handle)}.
 *       Every tier stores its entries contiguously, so moving a bucket reads a few cache lines instead of
 *       following a linked list through the slot table (the previous design did: at 10^6 pending events each
 *       hop was a cache miss on the slot's time, link and position; see the README's profile-guided pass).</li>
 *   <li><b>Four tiers by time</b>, a two-rung ladder. Every entry with time at or before {@code nearLast} (the
 *       end of the current bucket) is in the near heap; every entry after it and at or before {@code fineLast}
 *       is in a bucket of the <i>fine rung</i>; every later one up to {@code calendarLast} is in a bucket of the
 *       <i>calendar</i> ({@code (time - base) >>> shift}); every later one is in the overflow array. Adding to a
 *       bucket or to the overflow is an append. When the near heap runs dry, the next non-empty fine bucket moves
 *       into it. When the fine rung is empty, the next non-empty calendar bucket becomes current: with at most
 *       8 entries it moves into the near heap directly, otherwise it is spread over a new fine rung of about 4
 *       entries per bucket (the ladder queue's rung spawning). When the calendar is empty, the overflow is spread
 *       over a new calendar (the ladder queue's "top").</li>
 *   <li><b>The calendar is small on purpose</b>: at most 2^13 buckets, so the tops of all buckets stay in the L2
 *       cache and an add (which lands at a random future time) rarely misses; with 10^6 pending events each
 *       calendar bucket then holds thousands of entries, and the fine rung sorts them out a bucket at a time in
 *       cache. Calendar buckets are chains of 8-entry chunks in one shared {@code long[]} pool
 *       ({@code bucketTop[b]} is the pool index after the bucket's last entry, 0 for an empty bucket; a full
 *       chunk links to the one before it); chunks are recycled LIFO, so the chunks a spawn has just read are
 *       the ones the next adds write. A fine rung is laid out by a counting sort into one contiguous array (a
 *       fine bucket is a range of it), plus a chunk chain per fine bucket for entries added later.</li>
 *   <li><b>Bucket width</b> is a power of two (an index is one subtraction and one shift, no division): the
 *       largest at or below span / count of the entries being spread (wider if that needs more than 2^13
 *       buckets), and the calendar covers the span once or twice. Rebuilding from the overflow re-measures the
 *       width, so it follows the distribution as the simulation moves on, as Brown's resize does.</li>
 *   <li><b>Slot data is fetched a bucket ahead.</b> When a bucket moves into the near heap, each entry's slot
 *       record (argument, sequence, generation: 32 bytes, two per cache line) and handler are read to drop
 *       cancelled entries; the loads of one bucket overlap, and by the time the event is polled its slot data
 *       is in cache (+15 to 20% at 10^6 pending events).</li>
 *   <li><b>Lazy cancellation.</b> {@link #cancel(long)} only retires the slot (its generation changes, the
 *       slot is free for reuse); the entry stays where it is and is dropped when it surfaces at the top of the
 *       near heap, where the generation in its handle no longer matches. So no tier needs a position index,
 *       and moving an entry never writes to the slot table. Cancelled entries are bounded: when they outnumber
 *       both the pending events and {@value #COMPACT_MIN_DEAD}, every tier is compacted (amortized O(1) per
 *       cancel).</li>
 *   <li><b>The near heap</b> keeps the older queues' measured tricks: a 4-ary heap ordered by time alone over
 *       {@code long[] heapTime} and {@code long[] heapRef}, so the JIT picks the least of four children with
 *       conditional moves (1.75x faster than comparing (time, sequence) pairs; 4-ary beat binary by 15%);
 *       poll-then-add in one sift (a hole left at the root is filled by the next add if it lands there).</li>
 *   <li><b>Ties are ordered when they surface.</b> Equal times always share one bucket and so reach the near
 *       heap together; there they sit in any order, and when the event being polled has a twin (a child of the
 *       root with the same time, one comparison per poll) every entry at that time moves into a small batch
 *       sorted by insertion sequence and is served from there. Events added later at that time have larger
 *       sequence numbers, so (time, sequence) order holds exactly. This is why the queue only moves forward: an
 *       event may not be added before the last polled time (a simulator never does).</li>
 *   <li><b>Handles</b> are {@code (generation << 32) | slot}. A slot's generation is odd while it holds an event
 *       and even while it is free, and it changes whenever its event is added, fires or is cancelled, so a stale
 *       handle whose slot was reused by a later event cancels nothing (no ABA), and an entry whose event was
 *       cancelled is recognised when it surfaces. Live generations are odd, so {@link #NO_HANDLE} ({@code 0})
 *       is never a live handle.</li>
 * </ul>
 *
 * <p>Skewed loads degrade to the heap, not worse: when every event has the same time, one bucket holds them all
 * and the near heap does all the work. Each entry is moved a bounded number of times: overflow to bucket at most
 * once per rebuild (rebuilds happen only when the calendar is empty), bucket to near heap once.
 *
 * <p>Polling does not allocate either: {@link #pollTime()} returns the time and leaves the handler and argument
 * in {@link #lastHandler()} and {@link #lastArg()} for the caller to dispatch before its next {@code add}.
 *
 * <p>Caveats: not thread-safe (one queue belongs to one single-threaded simulation). A handle stays unique for
 * 2^31 reuses of its slot; a handle held through more reuses than that could cancel a stranger's event. At
 * most 2^30 events can be pending. A calendar covers at most 2^63 ns: entries spread over a wider span wait in
 * the overflow for a later rebuild. A fine rung has at most 2^16 buckets, so a calendar bucket with more than
 * about 2^18 entries (some 10^8 pending events) gives fuller fine buckets, which pass through the near heap at
 * O(log k). Cancelled events keep their entries (16 bytes each) until they surface or a compaction drops them.
 * Memory is never returned: the arrays keep the size of the largest pending set (and the largest calendar and
 * rung) seen.
 */
public final class EventQueue {

    /** A value that is never a live handle; callers may use it for "no event scheduled". */
    public static final long NO_HANDLE = 0L;

    /** log2 of the near heap's arity: 4-ary (see the class comment for the measurements). */
    private static final int LOG_ARITY = 2;
    private static final int ARITY = 1 << LOG_ARITY;

    private static final int MAX_CAPACITY = 1 << 30;
    private static final int DEFAULT_CAPACITY = 64;

    /**
     * Upper bound of log2(number of calendar buckets): 2^13 bucket tops (32 KiB) and the last chunk of each
     * (2^13 cache lines, 512 KiB) stay in a 1 MiB L2 cache, so an add to the calendar rarely misses. Denser
     * calendars wait for a fine rung (see the class comment). Before the rungs existed, capping the calendar at
     * 2^12 buckets instead of 2^22 already made holds at 10^6 pending events 1.4x faster; 2^12 and 2^13 with
     * rungs measured alike.
     */
    private static final int MAX_LOG_BUCKETS = 13;
    /** Lower bound of log2(number of calendar buckets). */
    private static final int MIN_LOG_BUCKETS = 2;
    /** Bucket width is the power of two at or below (span / count) << WIDTH_SHIFT (see the class comment). */
    private static final int WIDTH_SHIFT = 0;

    /** log2 of the entries per chunk of a bucket: 8 entries, 128 bytes; 4 and 16 measured no better. */
    private static final int LOG_CHUNK = 3;
    private static final int CHUNK = 1 << LOG_CHUNK;
    private static final int CHUNK_MASK = CHUNK - 1;

    /** Upper bound of log2(number of fine buckets). */
    private static final int MAX_LOG_FINE = 16;
    /** A fine rung has about this many entries per bucket (2 and 8 measured no better). */
    private static final int FINE_TARGET = 4;

    /** Longs per slot record in {@code payload}, and the offsets of its fields. */
    private static final int RECORD = 4;
    private static final int ARG = 0;
    private static final int SEQ = 1;
    private static final int GEN = 2;
    /** Generations are 32-bit, unsigned. */
    private static final long GEN_MASK = 0xFFFF_FFFFL;

    /** Cancelled entries may number max(this, pending events) before every tier is compacted. */
    private static final int COMPACT_MIN_DEAD = 4096;

    // The near heap: every entry with time <= nearLast, outside the tie batch. Entries 0..heapSize-1; entry 0 is
    // a hole (no event; its time is the last polled time) while holeAtRoot.
    private long[] heapTime;
    private long[] heapRef;
    private int heapSize;
    private boolean holeAtRoot;
    /** Last time covered by the near heap: the end of bucket {@code current}, saturated at Long.MAX_VALUE. */
    private long nearLast = Long.MIN_VALUE;

    // The tie batch: entries at batchTime in sequence order, batchHead..batchEnd-1 (cancelled ones are skipped).
    private long[] batchSeq = new long[ARITY];
    private long[] batchRef = new long[ARITY];
    private int batchHead;
    private int batchEnd;
    private long batchTime;

    // The calendar: bucket b holds, unsorted, the entries with time in [base + b * 2^shift,
    // base + (b + 1) * 2^shift), for current < b < buckets; every entry after nearLast and at or before
    // calendarLast is in a bucket. bucketTop[b] is the pool index after the bucket's last entry, 0 if empty.
    private int[] bucketTop;
    private int buckets;
    private long base;
    private int shift;
    /** The bucket last moved into the near heap; -1 right after a rebuild. */
    private int current = -1;
    private long calendarLast = Long.MIN_VALUE;
    /** Entries in buckets after current (cancelled ones included). */
    private int calendarCount;

    // The fine rung, spawned from a calendar bucket with more than CHUNK entries when it becomes current: fine
    // bucket f holds the entries with time in [fineBase + f * 2^fineShift, fineBase + (f + 1) * 2^fineShift),
    // for fineCurrent < f < fineBuckets; every entry after nearLast and at or before fineLast is in a fine
    // bucket. Without a rung, fineLast == nearLast. A fine bucket is the contiguous range fineStart[f] to
    // fineEnd[f] - 1 of fineEntries (laid out by a counting sort when the rung is spawned) plus a chunk chain
    // fineTop[f] for entries added later.
    private int[] fineTop = new int[1 << MIN_LOG_BUCKETS];
    private int[] fineStart = new int[1 << MIN_LOG_BUCKETS];
    private int[] fineEnd = new int[1 << MIN_LOG_BUCKETS];
    private long[] fineEntries = new long[2 * CHUNK];
    private int fineBuckets;
    private long fineBase;
    private int fineShift;
    private int fineCurrent = -1;
    private long fineLast = Long.MIN_VALUE;
    private int fineCount;

    // The chunk pool: entry e is (pool[2e] = time, pool[2e + 1] = handle); chunk k holds entries k*CHUNK to
    // (k+1)*CHUNK - 1. chunkNext[k] is the bucket's previous (full) chunk, or the next free chunk, or -1.
    private long[] pool;
    private int[] chunkNext;
    private int freeChunk = -1;
    private int chunksUsed;

    // The overflow: every entry after calendarLast, unsorted: (overflow[2i], overflow[2i + 1]) = (time, handle).
    private long[] overflow;
    private int overflowCount;
    private long overflowMin = Long.MAX_VALUE;
    private long overflowMax = Long.MIN_VALUE;

    // Slot table: per-event payload, indexed by slot: handlers[s], and a 32-byte record in payload (two per cache
    // line): payload[4s] = argument, payload[4s + 1] = sequence number, payload[4s + 2] = generation (odd while
    // the slot holds a pending event, even while it is free).
    private EventHandler[] handlers;
    private long[] payload;
    private int[] freeSlots;
    private int freeCount;
    /** Slots 0..slotsUsed-1 have been handed out at least once. */
    private int slotsUsed;

    private int size;
    /** Entries of cancelled events still in some tier. */
    private int dead;
    private long nextSeq;
    private long lastPolledTime = Long.MIN_VALUE;
    /** Slot of the event last polled; its handler stays in {@code handlers} until the slot is reused. */
    private int lastSlot = -1;
    private long lastArg;

    /** An empty queue with room for 64 events before it first grows. */
    public EventQueue() {
        this(DEFAULT_CAPACITY);
    }

    /** An empty queue with room for {@code initialCapacity} events before it first grows (by doubling). */
    public EventQueue(int initialCapacity) {
        if (initialCapacity < 1 || initialCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "initialCapacity must be in [1, " + MAX_CAPACITY + "], got " + initialCapacity);
        }
        final int heapCapacity = Math.max(ARITY, Math.min(initialCapacity, 1024));
        heapTime = new long[heapCapacity];
        heapRef = new long[heapCapacity];
        handlers = new EventHandler[initialCapacity];
        payload = new long[RECORD * initialCapacity];
        freeSlots = new int[initialCapacity];
        bucketTop = new int[1 << MIN_LOG_BUCKETS];
        final int chunks = Math.max(4, initialCapacity >>> LOG_CHUNK);
        pool = new long[2 * CHUNK * chunks];
        chunkNext = new int[chunks];
        overflow = new long[2 * Math.max(ARITY, Math.min(initialCapacity, 1024))];
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
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        while (batchHead < batchEnd) {
            if (isLive(batchRef[batchHead])) {
                return batchTime;
            }
            batchHead++;
            dead--;
        }
        batchHead = batchEnd = 0;
        liveRoot();
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
        final long[] p = payload;
        final int r = RECORD * slot;
        p[r + ARG] = arg;
        p[r + SEQ] = nextSeq++;
        final long g = (p[r + GEN] + 1) & GEN_MASK; // odd: pending
        p[r + GEN] = g;
        final long ref = (g << 32) | slot;
        size++;
        if (time > nearLast) {
            if (time > fineLast) {
                if (time <= calendarLast) {
                    append(bucketTop, (int) ((time - base) >>> shift), time, ref);
                    calendarCount++;
                } else {
                    addToOverflow(time, ref);
                }
            } else {
                append(fineTop, (int) ((time - fineBase) >>> fineShift), time, ref);
                fineCount++;
            }
        } else if (holeAtRoot) {
            holeAtRoot = false;
            siftDown(0, time, ref, heapSize);
        } else {
            push(time, ref);
        }
        return ref;
    }

    /**
     * Removes the earliest event and returns its time; its handler and argument are then available from
     * {@link #lastHandler()} and {@link #lastArg()} until the next add or poll.
     *
     * @throws NoSuchElementException if the queue is empty
     */
    public long pollTime() {
        forgetLast();
        if (size == 0) {
            throw new NoSuchElementException(
                    "pollTime() called on an empty event queue; check size() or peekTime()");
        }
        if (batchHead < batchEnd && pollBatch()) {
            return batchTime;
        }
        liveRoot();
        final long[] times = heapTime;
        final long time = times[0];
        final int n = heapSize;
        if (n > 1 && time == minChildTime(times, n)) {
            return pollTies(time);
        }
        holeAtRoot = true;
        deliver((int) heapRef[0], time);
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
     * Cancels a pending event in O(1) (amortized: see the class comment on lazy cancellation).
     *
     * @return true if the event was pending and is now removed; false if it already fired, was already
     *         cancelled, or {@code handle} was never issued by this queue
     */
    public boolean cancel(long handle) {
        final int slot = slotOf(handle);
        if (slot < 0) {
            return false;
        }
        size--;
        releaseSlot(slot);
        handlers[slot] = null;
        if (++dead > COMPACT_MIN_DEAD && dead > size) {
            compact();
        }
        return true;
    }

    /**
     * Hands the event in {@code slot} to the caller and frees the slot, keeping its handler reference in place
     * for {@link #lastHandler()}. Copying the handler into a field instead, and nulling the slot, costs G1
     * write barriers per event: about 5% of hold throughput.
     */
    private void deliver(int slot, long time) {
        lastSlot = slot;
        lastArg = payload[RECORD * slot + ARG];
        lastPolledTime = time;
        size--;
        releaseSlot(slot);
    }

    /** Drops the last polled event's handler reference if its slot is still free, so it does not loiter. */
    private void forgetLast() {
        final int slot = lastSlot;
        if (slot >= 0 && (payload[RECORD * slot + GEN] & 1) == 0) {
            handlers[slot] = null;
        }
    }

    /** True if the entry's event is still pending (its slot's generation is the one in the handle). */
    private boolean isLive(long ref) {
        return payload[RECORD * (int) ref + GEN] == ref >>> 32;
    }

    /** The slot of a live handle, or -1. */
    private int slotOf(long handle) {
        final int slot = (int) handle;
        final long g = handle >>> 32;
        if (slot < 0 || slot >= slotsUsed || (g & 1) == 0 || payload[RECORD * slot + GEN] != g) {
            return -1;
        }
        return slot;
    }

    private void releaseSlot(int slot) {
        final int r = RECORD * slot + GEN;
        payload[r] = (payload[r] + 1) & GEN_MASK; // even: free (2^32 - 1 wraps to 0)
        freeSlots[freeCount++] = slot;
    }

    /** Slow path of {@link #add}: hands out a never-used slot, doubling every slot array when full. */
    private int newSlot() {
        final int slot = slotsUsed;
        if (slot == handlers.length) {
            growSlots();
        }
        slotsUsed = slot + 1;
        return slot;
    }

    private void growSlots() {
        final int capacity = handlers.length;
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("event queue is full: " + capacity + " pending events is the maximum");
        }
        final int newCapacity = (int) Math.min(2L * capacity, MAX_CAPACITY);
        handlers = Arrays.copyOf(handlers, newCapacity);
        payload = Arrays.copyOf(payload, RECORD * newCapacity);
        freeSlots = Arrays.copyOf(freeSlots, newCapacity);
    }

    // ---------------------------------------------------------------- calendar and overflow

    /** Appends the entry (time, ref) to bucket {@code b} of the rung whose tops are {@code tops}. */
    private void append(int[] tops, int b, long time, long ref) {
        int top = tops[b];
        if ((top & CHUNK_MASK) == 0) { // empty (0) or its newest chunk is full
            top = newChunk(top) << LOG_CHUNK;
        }
        final long[] p = pool;
        p[2 * top] = time;
        p[2 * top + 1] = ref;
        tops[b] = top + 1;
    }

    /** A chunk from the free list (or a new one), linked to the full chunk that ends at {@code top}. */
    private int newChunk(int top) {
        int k = freeChunk;
        if (k >= 0) {
            freeChunk = chunkNext[k];
        } else {
            k = chunksUsed++;
            if (k == chunkNext.length) {
                chunkNext = Arrays.copyOf(chunkNext, 2 * k);
                pool = Arrays.copyOf(pool, 4 * CHUNK * k);
            }
        }
        chunkNext[k] = (top >>> LOG_CHUNK) - 1; // -1 for an empty bucket
        return k;
    }

    /** Rare path of {@link #add}: an entry after the calendar's last time goes to the overflow. */
    private void addToOverflow(long time, long ref) {
        final int i = overflowCount;
        if (2 * i == overflow.length) {
            overflow = Arrays.copyOf(overflow, 4 * i);
        }
        overflow[2 * i] = time;
        overflow[2 * i + 1] = ref;
        overflowCount = i + 1;
        if (time < overflowMin) {
            overflowMin = time;
        }
        if (time > overflowMax) {
            overflowMax = time;
        }
    }

    /** Last time of bucket {@code b}: base + (b + 1) * 2^shift - 1, saturated at Long.MAX_VALUE. */
    private static long lastTimeOfBucket(long base, int shift, int b) {
        final long offset = ((long) (b + 1) << shift) - 1; // in [0, 2^63 - 1] because shift + log2(B) <= 63
        return base > Long.MAX_VALUE - offset ? Long.MAX_VALUE : base + offset;
    }

    /**
     * Makes the near heap's root a live entry: fills the hole, refills from the calendar and drops cancelled
     * entries as needed. Call only while events are pending outside the tie batch.
     */
    private void liveRoot() {
        while (true) {
            if (holeAtRoot) {
                fillHole();
            }
            if (heapSize == 0) {
                refill(); // may move only cancelled entries, which it drops
                continue;
            }
            if (isLive(heapRef[0])) {
                return;
            }
            holeAtRoot = true; // a cancelled entry: drop it
            dead--;
        }
    }

    /**
     * The near heap and the tie batch are empty but events are pending: moves the next non-empty fine bucket into
     * the near heap. Without a fine rung, takes the next non-empty calendar bucket (first spreading the overflow
     * over a new calendar if every bucket is empty): a small one goes to the near heap directly, a large one is
     * spread over a new fine rung first (the ladder queue's rung spawning).
     */
    private void refill() {
        if (fineCount == 0) {
            while (calendarCount == 0) {
                // Once: the overflow's min and max are exact (entries leave it only here and in compact()), so
                // the new calendar's first bucket holds the earliest entry.
                rebuild();
            }
            final int[] tops = bucketTop;
            int b = current + 1;
            while (tops[b] == 0) { // terminates: a non-empty bucket after current exists since calendarCount > 0
                b++;
            }
            current = b;
            final long last = lastTimeOfBucket(base, shift, b);
            final int top = tops[b];
            tops[b] = 0;
            if (chunkNext[(top - 1) >>> LOG_CHUNK] < 0 || shift == 0) { // at most CHUNK entries (or unsplittable)
                nearLast = last;
                fineLast = last;
                calendarCount -= drainToHeap(top);
                return;
            }
            spawnFineRung(top, base + ((long) b << shift), last);
        }
        final int[] tops = fineTop;
        final int[] starts = fineStart;
        final int[] ends = fineEnd;
        int f = fineCurrent + 1;
        while (starts[f] == ends[f] && tops[f] == 0) { // terminates: fineCount > 0
            f++;
        }
        fineCurrent = f;
        nearLast = lastTimeOfBucket(fineBase, fineShift, f);
        final long[] entries = fineEntries;
        final int end = ends[f];
        int moved = end - starts[f];
        for (int i = starts[f]; i < end; i++) {
            pushIfLive(entries[2 * i], entries[2 * i + 1]);
        }
        final int top = tops[f];
        if (top != 0) {
            tops[f] = 0;
            moved += drainToHeap(top);
        }
        fineCount -= moved;
    }

    /**
     * Spreads the calendar bucket whose chunks end at {@code top} (covering [{@code start}, {@code last}]) over a
     * new fine rung of about FINE_TARGET entries per bucket: a counting sort by fine bucket into fineEntries.
     */
    private void spawnFineRung(int top, long start, long last) {
        final int[] links = chunkNext;
        int count = ((top - 1) & CHUNK_MASK) + 1;
        for (int k = links[(top - 1) >>> LOG_CHUNK]; k >= 0; k = links[k]) {
            count += CHUNK;
        }
        final int logFine = Math.max(1, Math.min(Math.min(shift, MAX_LOG_FINE),
                32 - Integer.numberOfLeadingZeros((count - 1) / FINE_TARGET)));
        final int nf = 1 << logFine;
        fineBuckets = nf;
        if (fineTop.length < nf) { // every fine bucket is empty here, so the old array is all 0
            fineTop = new int[nf];
            fineStart = new int[nf];
            fineEnd = new int[nf];
        }
        if (fineEntries.length < 2 * count) {
            fineEntries = new long[4 * Integer.highestOneBit(2 * count - 1)];
        }
        final int newShift = shift - logFine;
        fineBase = start;
        fineShift = newShift;
        fineCurrent = -1;
        fineLast = last;
        // Pass 1: count the entries of each fine bucket in fineEnd, reading the chunks in place.
        final int[] ends = fineEnd;
        Arrays.fill(ends, 0, nf, 0);
        final long[] p = pool;
        final int firstChunk = (top - 1) >>> LOG_CHUNK;
        int k = firstChunk;
        int end = top;
        while (true) {
            for (int e = k << LOG_CHUNK; e < end; e++) {
                ends[(int) ((p[2 * e] - start) >>> newShift)]++;
            }
            k = links[k];
            if (k < 0) {
                break;
            }
            end = (k + 1) << LOG_CHUNK;
        }
        // Pass 2: bucket starts, then scatter from the chunks (now in cache), freeing them; fineEnd[f] ends as the
        // end of bucket f.
        final int[] starts = fineStart;
        int sum = 0;
        for (int f = 0; f < nf; f++) {
            final int c = ends[f];
            starts[f] = sum;
            ends[f] = sum;
            sum += c;
        }
        final int n = sum;
        final long[] entries = fineEntries;
        k = firstChunk;
        end = top;
        while (true) {
            for (int e = k << LOG_CHUNK; e < end; e++) {
                final long time = p[2 * e];
                final int pos = ends[(int) ((time - start) >>> newShift)]++;
                entries[2 * pos] = time;
                entries[2 * pos + 1] = p[2 * e + 1];
            }
            final int older = links[k];
            links[k] = freeChunk;
            freeChunk = k;
            if (older < 0) {
                break;
            }
            k = older;
            end = (k + 1) << LOG_CHUNK;
        }
        calendarCount -= n;
        fineCount = n;
    }

    /** Moves the entries of the bucket whose chunks end at {@code top} into the near heap; returns how many. */
    private int drainToHeap(int top) {
        int k = (top - 1) >>> LOG_CHUNK;
        int end = top;
        int moved = 0;
        while (true) {
            final long[] p = pool;
            for (int e = k << LOG_CHUNK; e < end; e++) {
                pushIfLive(p[2 * e], p[2 * e + 1]);
            }
            moved += end - (k << LOG_CHUNK);
            final int older = chunkNext[k];
            chunkNext[k] = freeChunk;
            freeChunk = k;
            if (older < 0) {
                return moved;
            }
            k = older;
            end = (k + 1) << LOG_CHUNK;
        }
    }

    /**
     * Spreads the overflow (the near heap, the tie batch and the calendar are empty) over a new calendar
     * starting at its earliest time.
     */
    private void rebuild() {
        final long min = overflowMin;
        final long span = overflowMax - min; // unsigned: max >= min
        final int n = overflowCount;
        final long width = Long.divideUnsigned(span, n);
        int newShift = width == 0 ? 0 : Math.max(0, 63 - Long.numberOfLeadingZeros(width) + WIDTH_SHIFT);
        // Enough buckets to cover the span: 2^bitLength(span >> shift), 1 to 2 times the span.
        int logBuckets = Math.max(MIN_LOG_BUCKETS, 64 - Long.numberOfLeadingZeros(span >>> newShift));
        if (logBuckets > MAX_LOG_BUCKETS) { // very many events: wider buckets rather than more of them
            newShift += logBuckets - MAX_LOG_BUCKETS;
            logBuckets = MAX_LOG_BUCKETS;
        }
        if (newShift + logBuckets > 63) { // spans of 2^63 ns or more: the calendar covers 2^63 ns, the rest waits
            newShift = 63 - logBuckets;
        }
        buckets = 1 << logBuckets;
        if (bucketTop.length < buckets) { // grows only: every bucket is empty here, so the old array is all 0
            bucketTop = new int[buckets];
        }
        base = min;
        shift = newShift;
        current = -1;
        nearLast = min - 1; // min > Long.MIN_VALUE: an event at Long.MIN_VALUE always goes to the near heap
        fineLast = nearLast;
        calendarLast = lastTimeOfBucket(base, shift, buckets - 1);

        final long[] o = overflow;
        final long last = calendarLast;
        long keptMin = Long.MAX_VALUE;
        long keptMax = Long.MIN_VALUE;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            final long time = o[2 * i];
            final long ref = o[2 * i + 1];
            if (time <= last) {
                append(bucketTop, (int) ((time - min) >>> newShift), time, ref);
            } else {
                o[2 * kept] = time;
                o[2 * kept + 1] = ref;
                kept++;
                keptMin = Math.min(keptMin, time);
                keptMax = Math.max(keptMax, time);
            }
        }
        calendarCount = n - kept;
        overflowCount = kept;
        overflowMin = keptMin;
        overflowMax = keptMax;
    }

    /**
     * Drops every cancelled entry: moves the live entries of all tiers into the overflow (in no particular order;
     * the next poll rebuilds the calendar from it, and ties are ordered by sequence when they surface).
     */
    private void compact() {
        final long[] live = new long[2 * size];
        int n = 0;
        for (int i = holeAtRoot ? 1 : 0; i < heapSize; i++) {
            n = keepIfLive(live, n, heapTime[i], heapRef[i]);
        }
        for (int i = batchHead; i < batchEnd; i++) {
            n = keepIfLive(live, n, batchTime, batchRef[i]);
        }
        if (fineCount != 0) {
            for (int f = fineCurrent + 1; f < fineBuckets; f++) {
                for (int i = fineStart[f]; i < fineEnd[f]; i++) {
                    n = keepIfLive(live, n, fineEntries[2 * i], fineEntries[2 * i + 1]);
                }
                n = keepLiveOfBucket(fineTop, f, live, n);
            }
        }
        for (int b = current + 1; b < buckets; b++) {
            n = keepLiveOfBucket(bucketTop, b, live, n);
        }
        for (int i = 0; i < overflowCount; i++) {
            n = keepIfLive(live, n, overflow[2 * i], overflow[2 * i + 1]);
        }
        // Every chunk is free again; the calendar and the near heap are empty.
        freeChunk = -1;
        chunksUsed = 0;
        heapSize = 0;
        holeAtRoot = false;
        batchHead = batchEnd = 0;
        calendarCount = 0;
        current = -1;
        fineCount = 0;
        fineCurrent = -1;
        fineLast = Long.MIN_VALUE;
        nearLast = Long.MIN_VALUE;
        calendarLast = Long.MIN_VALUE;
        overflowCount = 0;
        overflowMin = Long.MAX_VALUE;
        overflowMax = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            addToOverflow(live[2 * i], live[2 * i + 1]);
        }
        dead = 0;
    }

    /** Empties bucket {@code b} of a rung, copying its live entries to {@code live} from index n; returns n. */
    private int keepLiveOfBucket(int[] tops, int b, long[] live, int n) {
        final int top = tops[b];
        if (top == 0) {
            return n;
        }
        tops[b] = 0;
        int k = (top - 1) >>> LOG_CHUNK;
        int end = top;
        while (true) {
            for (int e = k << LOG_CHUNK; e < end; e++) {
                n = keepIfLive(live, n, pool[2 * e], pool[2 * e + 1]);
            }
            final int older = chunkNext[k];
            if (older < 0) {
                return n;
            }
            k = older;
            end = (k + 1) << LOG_CHUNK;
        }
    }

    private int keepIfLive(long[] live, int n, long time, long ref) {
        if (isLive(ref)) {
            live[2 * n] = time;
            live[2 * n + 1] = ref;
            return n + 1;
        }
        return n;
    }

    // ---------------------------------------------------------------- near heap and tie batch

    /** Removes the hole at the root left by {@link #pollTime()}: the last entry moves up and sifts down. */
    private void fillHole() {
        holeAtRoot = false;
        final int last = --heapSize;
        if (last > 0) {
            siftDown(0, heapTime[last], heapRef[last], last);
        }
    }

    /**
     * Pushes a live entry on the near heap, drops a cancelled one. Reading the slot's generation here, a bucket
     * at a time, also brings the slot's cache line in before the entry is polled (the loads of one bucket
     * overlap).
     */
    private void pushIfLive(long time, long ref) {
        if (isLive(ref)) {
            if (handlers[(int) ref] == null) { // never: a pending event has a handler
                throw new IllegalStateException("pending event without a handler in slot " + (int) ref);
            }
            push(time, ref);
        } else {
            dead--;
        }
    }

    private void push(long time, long ref) {
        if (heapSize == heapTime.length) {
            heapTime = Arrays.copyOf(heapTime, 2 * heapSize);
            heapRef = Arrays.copyOf(heapRef, 2 * heapSize);
        }
        siftUp(heapSize++, time, ref);
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
     * Rare path of {@link #pollTime()}: several entries are due at {@code time}. They are the top of the near
     * heap (every entry at or before nearLast is there); move the live ones into the batch, order it by
     * sequence, and serve the first.
     */
    private long pollTies(long time) {
        int k = 0;
        while (heapSize > 0 && heapTime[0] == time) {
            final long ref = heapRef[0];
            final int last = --heapSize;
            if (last > 0) {
                siftDown(0, heapTime[last], heapRef[last], last);
            }
            if (!isLive(ref)) {
                dead--;
                continue;
            }
            if (k == batchRef.length) {
                batchRef = Arrays.copyOf(batchRef, 2 * k);
                batchSeq = Arrays.copyOf(batchSeq, 2 * k);
            }
            batchRef[k] = ref;
            batchSeq[k] = payload[RECORD * (int) ref + SEQ];
            k++;
        }
        sortBySeq(batchSeq, batchRef, k);
        batchTime = time;
        batchHead = 0;
        batchEnd = k; // k >= 1: the root was live
        pollBatch();
        return time;
    }

    /**
     * Serves the next live entry of the tie batch and returns true, or returns false with the batch emptied if
     * every remaining entry was cancelled.
     */
    private boolean pollBatch() {
        while (batchHead < batchEnd) {
            final long ref = batchRef[batchHead++];
            if (isLive(ref)) {
                if (batchHead == batchEnd) {
                    batchHead = batchEnd = 0;
                }
                deliver((int) ref, batchTime);
                return true;
            }
            dead--;
        }
        batchHead = batchEnd = 0;
        return false;
    }

    private void siftUp(int pos, long time, long ref) {
        final long[] times = heapTime;
        final long[] refs = heapRef;
        while (pos > 0) {
            final int parent = (pos - 1) >>> LOG_ARITY;
            final long parentTime = times[parent];
            if (parentTime <= time) {
                break;
            }
            times[pos] = parentTime;
            refs[pos] = refs[parent];
            pos = parent;
        }
        times[pos] = time;
        refs[pos] = ref;
    }

    /** Places (time, ref) at or below {@code pos} in a heap of {@code n} entries. */
    private void siftDown(int pos, long time, long ref, int n) {
        final long[] times = heapTime;
        final long[] refs = heapRef;
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
            times[pos] = minTime;
            refs[pos] = refs[min];
            pos = min;
        }
        times[pos] = time;
        refs[pos] = ref;
    }

    /** Heapsort of the first {@code n} entries of the parallel arrays by {@code seq}, ascending; no allocation. */
    private static void sortBySeq(long[] seq, long[] ref, int n) {
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftMax(seq, ref, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            final long s = seq[0];
            final long t = ref[0];
            seq[0] = seq[end];
            ref[0] = ref[end];
            seq[end] = s;
            ref[end] = t;
            siftMax(seq, ref, 0, end);
        }
    }

    private static void siftMax(long[] seq, long[] ref, int pos, int n) {
        final long s = seq[pos];
        final long t = ref[pos];
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
            ref[pos] = ref[child];
            pos = child;
        }
        seq[pos] = s;
        ref[pos] = t;
    }
}
