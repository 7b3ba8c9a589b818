package io.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    private static final EventHandler HANDLER = (now, arg) -> { };

    /** Polls everything; returns the args in poll order. */
    private static List<Long> drainArgs(EventQueue queue) {
        List<Long> args = new ArrayList<>();
        while (!queue.isEmpty()) {
            queue.pollTime();
            args.add(queue.lastArg());
        }
        return args;
    }

    @Test
    void pollTime_returnsEventsInTimeOrder() {
        EventQueue queue = new EventQueue();
        queue.add(30, HANDLER, 3);
        queue.add(10, HANDLER, 1);
        queue.add(20, HANDLER, 2);

        assertThat(queue.peekTime()).isEqualTo(10);
        assertThat(queue.pollTime()).isEqualTo(10);
        assertThat(queue.lastArg()).isEqualTo(1);
        assertThat(queue.lastHandler()).isSameAs(HANDLER);
        assertThat(queue.pollTime()).isEqualTo(20);
        assertThat(queue.lastArg()).isEqualTo(2);
        assertThat(queue.pollTime()).isEqualTo(30);
        assertThat(queue.lastArg()).isEqualTo(3);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void equalTimes_pollInInsertionOrder_evenWhenTheHeapScramblesThem() {
        // 200 events at time 5 (arg = 0..199 in insertion order), interleaved with events at 1000 - i and at
        // 1, 2, 3, 4 (first four rounds) or 6 + i (later rounds), so sifting moves the time-5 events around.
        // Expected: times never decrease, and the 200 events at time 5 come out as 0, 1, ..., 199.
        EventQueue queue = new EventQueue(1);
        List<Long> expectedAtFive = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            queue.add(5, HANDLER, i);
            expectedAtFive.add((long) i);
            queue.add(1000 - i, HANDLER, -1);
            queue.add(i < 4 ? 1 + i : 6 + i, HANDLER, -2);
        }
        List<Long> atFive = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        while (!queue.isEmpty()) {
            long time = queue.pollTime();
            assertThat(time).isGreaterThanOrEqualTo(previous);
            previous = time;
            if (time == 5) {
                atFive.add(queue.lastArg());
            }
        }
        assertThat(atFive).containsExactlyElementsOf(expectedAtFive);
    }

    @Test
    void eventAddedAtTheCurrentTimeDuringATieBatch_pollsAfterTheBatch() {
        // a0, a1, a2 at time 5. Poll a0 (forms the batch), then add b at time 5: b is newer, so a1, a2, b.
        EventQueue queue = new EventQueue();
        queue.add(5, HANDLER, 0);
        queue.add(5, HANDLER, 1);
        queue.add(5, HANDLER, 2);
        queue.add(9, HANDLER, 9);
        queue.pollTime();
        assertThat(queue.lastArg()).isEqualTo(0);
        queue.add(5, HANDLER, 3);
        assertThat(queue.peekTime()).isEqualTo(5);
        assertThat(drainArgs(queue)).containsExactly(1L, 2L, 3L, 9L);
    }

    @Test
    void cancel_beforeFiring_removesTheEventAndReturnsTrueOnce() {
        EventQueue queue = new EventQueue();
        queue.add(10, HANDLER, 1);
        long handle = queue.add(20, HANDLER, 2);
        queue.add(30, HANDLER, 3);

        assertThat(queue.isPending(handle)).isTrue();
        assertThat(queue.cancel(handle)).isTrue();
        assertThat(queue.isPending(handle)).isFalse();
        assertThat(queue.cancel(handle)).isFalse();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(drainArgs(queue)).containsExactly(1L, 3L);
    }

    @Test
    void cancel_afterFiring_returnsFalse() {
        EventQueue queue = new EventQueue();
        long handle = queue.add(10, HANDLER, 1);
        queue.add(20, HANDLER, 2);
        queue.pollTime();

        assertThat(queue.cancel(handle)).isFalse();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void staleHandle_ofAReusedSlot_cancelsNothing() {
        // e1 takes slot 0 and fires; e2 reuses slot 0 (LIFO free list) with a new generation.
        EventQueue queue = new EventQueue();
        long first = queue.add(10, HANDLER, 1);
        queue.pollTime();
        long second = queue.add(20, HANDLER, 2);

        assertThat((int) second).as("same slot").isEqualTo((int) first);
        assertThat(second).isNotEqualTo(first);
        assertThat(queue.cancel(first)).isFalse();
        assertThat(queue.isPending(second)).isTrue();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.pollTime()).isEqualTo(20);
        assertThat(queue.lastArg()).isEqualTo(2);
    }

    @Test
    void cancel_ofTheRoot_makesTheNextEarliestPollFirst() {
        EventQueue queue = new EventQueue();
        long[] handles = new long[21];
        for (int t = 20; t >= 1; t--) {
            handles[t] = queue.add(t, HANDLER, t);
        }
        assertThat(queue.cancel(handles[1])).isTrue();
        assertThat(queue.peekTime()).isEqualTo(2);
        assertThat(queue.pollTime()).isEqualTo(2);
    }

    @Test
    void cancel_ofMiddleElements_keepsTheRestInOrder() {
        // Times 1..20; cancel 10 and 15 (inner heap nodes and leaves) -> 1..20 without 10 and 15.
        EventQueue queue = new EventQueue();
        long[] handles = new long[21];
        for (int t = 1; t <= 20; t++) {
            handles[t] = queue.add(t, HANDLER, t);
        }
        assertThat(queue.cancel(handles[10])).isTrue();
        assertThat(queue.cancel(handles[15])).isTrue();
        List<Long> expected = new ArrayList<>();
        for (long t = 1; t <= 20; t++) {
            if (t != 10 && t != 15) {
                expected.add(t);
            }
        }
        assertThat(drainArgs(queue)).containsExactlyElementsOf(expected);
    }

    @Test
    void cancel_rightAfterAPoll_fillsTheRootHoleFirst() {
        EventQueue queue = new EventQueue();
        queue.add(1, HANDLER, 1);
        long two = queue.add(2, HANDLER, 2);
        queue.add(3, HANDLER, 3);
        queue.add(4, HANDLER, 4);
        queue.pollTime();

        assertThat(queue.cancel(two)).isTrue();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(drainArgs(queue)).containsExactly(3L, 4L);
    }

    @Test
    void cancel_ofAnEventInATieBatch_skipsIt() {
        // a0..a3 at time 5; poll a0 forms the batch {a1, a2, a3}; cancel a2 -> a1, a3.
        EventQueue queue = new EventQueue();
        long[] handles = new long[4];
        for (int i = 0; i < 4; i++) {
            handles[i] = queue.add(5, HANDLER, i);
        }
        queue.pollTime();
        assertThat(queue.cancel(handles[2])).isTrue();
        assertThat(queue.cancel(handles[2])).isFalse();
        assertThat(queue.size()).isEqualTo(2);
        assertThat(drainArgs(queue)).containsExactly(1L, 3L);
    }

    @Test
    void handles_areNeverNoHandle_andNoHandleCancelsNothing() {
        EventQueue queue = new EventQueue();
        long handle = queue.add(0, HANDLER, 0);
        assertThat(handle).isNotEqualTo(EventQueue.NO_HANDLE);
        assertThat(queue.cancel(EventQueue.NO_HANDLE)).isFalse();
        assertThat(queue.cancel(-1L)).isFalse();
        assertThat(queue.cancel(Long.MAX_VALUE)).isFalse();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void emptyQueue_peeksMaxValue_andPollThrows() {
        EventQueue queue = new EventQueue();
        assertThat(queue.peekTime()).isEqualTo(Long.MAX_VALUE);
        assertThat(queue.lastHandler()).isNull();
        assertThatThrownBy(queue::pollTime).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("empty event queue");
        queue.add(7, HANDLER, 0);
        queue.pollTime();
        assertThat(queue.peekTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void add_beforeTheLastPolledTime_isRejected() {
        EventQueue queue = new EventQueue();
        queue.add(100, HANDLER, 0);
        queue.pollTime();
        assertThatThrownBy(() -> queue.add(99, HANDLER, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event time 99").hasMessageContaining("last polled event time 100");
        queue.add(100, HANDLER, 0); // equal is fine
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void add_nullHandler_isRejected() {
        EventQueue queue = new EventQueue();
        assertThatThrownBy(() -> queue.add(1, null, 0)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("handler");
        assertThatThrownBy(() -> new EventQueue(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void growsFromCapacityOne_andKeepsOrder() {
        // 1000 events with times 7*i mod 1000 (a permutation of 0..999 since gcd(7, 1000) = 1) -> 0..999.
        EventQueue queue = new EventQueue(1);
        for (int i = 0; i < 1000; i++) {
            queue.add(7L * i % 1000, HANDLER, 7L * i % 1000);
        }
        List<Long> expected = new ArrayList<>();
        for (long t = 0; t < 1000; t++) {
            expected.add(t);
        }
        assertThat(drainArgs(queue)).containsExactlyElementsOf(expected);
    }

    /** Reference model entry: (time, seq) order, as the class promises. */
    private record Ref(long time, long seq) {
    }

    @Test
    void randomizedOperations_matchAPriorityQueueReferenceModel() {
        // 100,000 operations: 50% add (times drawn from a small range above the last polled time, so ties are
        // frequent), 20% cancel of any handle ever issued (pending, fired or cancelled), 30% poll. The model is a
        // TreeSet ordered by (time, seq); every poll, cancel result, size and peek must agree.
        SplittableRandom random = new SplittableRandom(20240501L);
        EventQueue queue = new EventQueue(4);
        TreeSet<Ref> model = new TreeSet<>(Comparator.comparingLong(Ref::time).thenComparingLong(Ref::seq));
        List<Long> handles = new ArrayList<>();
        List<Ref> refs = new ArrayList<>();
        long now = 0;
        int polls = 0;
        int ties = 0;
        for (int op = 0; op < 100_000; op++) {
            int kind = random.nextInt(10);
            if (kind < 5 || model.isEmpty()) {
                long time = now + random.nextInt(random.nextBoolean() ? 4 : 400);
                long seq = handles.size();
                handles.add(queue.add(time, HANDLER, seq));
                Ref ref = new Ref(time, seq);
                refs.add(ref);
                model.add(ref);
            } else if (kind < 7) {
                int id = random.nextInt(handles.size());
                assertThat(queue.cancel(handles.get(id))).as("cancel #%d at op %d", id, op)
                        .isEqualTo(model.remove(refs.get(id)));
            } else {
                Ref expected = model.pollFirst();
                assertThat(queue.peekTime()).isEqualTo(expected.time());
                now = queue.pollTime();
                assertThat(now).isEqualTo(expected.time());
                assertThat(queue.lastArg()).as("poll at op %d", op).isEqualTo(expected.seq());
                polls++;
                if (!model.isEmpty() && model.first().time() == now) {
                    ties++;
                }
            }
            assertThat(queue.size()).isEqualTo(model.size());
        }
        assertThat(polls).isGreaterThan(25_000);
        assertThat(ties).as("the test must exercise equal times").isGreaterThan(1_000);
        while (!model.isEmpty()) {
            Ref expected = model.pollFirst();
            assertThat(queue.pollTime()).isEqualTo(expected.time());
            assertThat(queue.lastArg()).isEqualTo(expected.seq());
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    /**
     * Differential run against the TreeSet model: {@code ops} operations, 50% add at the last polled time plus
     * {@code gap}, 15% cancel of any handle ever issued, 35% poll (with a peek first); every poll, cancel result,
     * size and peek must agree, and then the rest drains in model order. Returns the number of polls that had a
     * twin at the same time (to check that ties were exercised).
     */
    private static int runAgainstModel(long seed, int ops, long start, ToLongFunction<SplittableRandom> gap) {
        SplittableRandom random = new SplittableRandom(seed);
        EventQueue queue = new EventQueue(1);
        TreeSet<Ref> model = new TreeSet<>(Comparator.comparingLong(Ref::time).thenComparingLong(Ref::seq));
        List<Long> handles = new ArrayList<>();
        List<Ref> refs = new ArrayList<>();
        long now = start;
        int ties = 0;
        for (int op = 0; op < ops; op++) {
            int kind = random.nextInt(20);
            if (kind < 10 || model.isEmpty()) {
                long g = gap.applyAsLong(random);
                long time = g > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + g; // saturates at the end of time
                long seq = handles.size();
                handles.add(queue.add(time, HANDLER, seq));
                Ref ref = new Ref(time, seq);
                refs.add(ref);
                model.add(ref);
            } else if (kind < 13) {
                int id = random.nextInt(handles.size());
                assertThat(queue.cancel(handles.get(id))).as("cancel #%d at op %d", id, op)
                        .isEqualTo(model.remove(refs.get(id)));
            } else {
                Ref expected = model.pollFirst();
                assertThat(queue.peekTime()).as("peek at op %d", op).isEqualTo(expected.time());
                now = queue.pollTime();
                assertThat(now).isEqualTo(expected.time());
                assertThat(queue.lastArg()).as("poll at op %d", op).isEqualTo(expected.seq());
                if (!model.isEmpty() && model.first().time() == now) {
                    ties++;
                }
            }
            assertThat(queue.size()).isEqualTo(model.size());
        }
        while (!model.isEmpty()) {
            Ref expected = model.pollFirst();
            assertThat(queue.pollTime()).isEqualTo(expected.time());
            assertThat(queue.lastArg()).isEqualTo(expected.seq());
        }
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.peekTime()).isEqualTo(Long.MAX_VALUE);
        return ties;
    }

    @Test
    void randomized_allEventsAtTheSameTime_matchTheModel() {
        // Every add is at the current time (gap 0): one bucket, one long tie batch after another.
        int ties = runAgainstModel(11L, 50_000, 1_000_000L, random -> 0L);
        assertThat(ties).isGreaterThan(10_000);
    }

    @Test
    void randomized_bimodalGapsOfOneMicrosecondAndOneDay_matchTheModel() {
        // Gaps of exactly 1 us or 1 day (86,400 s), half each: a cluster near now and a far one, the calendar's
        // hard case. Exact repeats of 1 us and 1 day make ties frequent too.
        int ties = runAgainstModel(12L, 60_000, 0L,
                random -> random.nextBoolean() ? 1_000L : 86_400_000_000_000L);
        assertThat(ties).isGreaterThan(100);
    }

    @Test
    void randomized_gapsFromOneNanosecondToDays_atMonthsOfSimulatedTime_matchTheModel() {
        // Log-uniform gaps from 1 ns to 2^47 ns (1.6 days), starting 10^16 ns (about 116 days) into a run.
        runAgainstModel(13L, 60_000, 10_000_000_000_000_000L,
                random -> random.nextLong(1L << random.nextInt(48)));
    }

    @Test
    void randomized_holdModelWithExponentialGaps_matchesTheModel() {
        // Exp(mean 1 s) gaps as in EventQueueHoldBenchmark, rounded to whole microseconds so that ties occur.
        int ties = runAgainstModel(14L, 60_000, 0L,
                random -> 1_000L * (long) (-StrictMath.log(1.0 - random.nextDouble()) * 1e6));
        assertThat(ties).isGreaterThan(0);
    }

    @Test
    void randomized_smallAndHugeTimesMixed_matchTheModel() {
        // A quarter of the adds 2^62 ns or more ahead (saturating at Long.MAX_VALUE once the clock is past 2^62),
        // the rest within 100 ns: spans beyond 2^63 ns and many ties at Long.MAX_VALUE.
        int ties = runAgainstModel(15L, 40_000, 0L,
                random -> random.nextInt(4) == 0 ? (1L << 62) + random.nextInt(3) : random.nextInt(100));
        assertThat(ties).isGreaterThan(100);
    }

    @Test
    void burstOfAMillionEvents_thenDrain_pollsInTimeThenInsertionOrder() {
        // 10^6 events at random times in [0, 10^12) ns, one in eight of them on a coarse grid of 10^9 ns so that
        // ties occur; arg = insertion index. Drained, (time, arg) must be strictly increasing, which is exactly
        // (time, insertion sequence) order, and every arg must come out once (count and sum 0 + ... + 999,999).
        SplittableRandom random = new SplittableRandom(16L);
        EventQueue queue = new EventQueue();
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            long time = random.nextInt(8) == 0 ? 1_000_000_000L * random.nextInt(1000)
                    : random.nextLong(1_000_000_000_000L);
            queue.add(time, HANDLER, i);
        }
        long previousTime = Long.MIN_VALUE;
        long previousArg = -1;
        long argSum = 0;
        int polled = 0;
        int ties = 0;
        while (!queue.isEmpty()) {
            long time = queue.pollTime();
            long arg = queue.lastArg();
            if (time == previousTime) {
                ties++;
                if (arg <= previousArg) {
                    assertThat(arg).as("tie at time %d", time).isGreaterThan(previousArg);
                }
            } else if (time < previousTime) {
                assertThat(time).as("poll #%d", polled).isGreaterThan(previousTime);
            }
            previousTime = time;
            previousArg = arg;
            argSum += arg;
            polled++;
        }
        assertThat(polled).isEqualTo(n);
        assertThat(argSum).isEqualTo((long) n * (n - 1) / 2);
        assertThat(ties).isGreaterThan(100_000);
    }

    @Test
    void eventsAtLongMaxValue_pollLast_inInsertionOrder() {
        // a0 at MAX, b at 5, a1 at MAX, c at MAX - 1 -> 5 (b), MAX - 1 (c), MAX (a0), MAX (a1).
        EventQueue queue = new EventQueue();
        queue.add(Long.MAX_VALUE, HANDLER, 10);
        queue.add(5, HANDLER, 1);
        queue.add(Long.MAX_VALUE, HANDLER, 11);
        queue.add(Long.MAX_VALUE - 1, HANDLER, 2);
        assertThat(queue.pollTime()).isEqualTo(5);
        queue.add(Long.MAX_VALUE, HANDLER, 12);
        assertThat(drainArgs(queue)).containsExactly(2L, 10L, 11L, 12L);
    }

    @Test
    void cancel_ofAFarFutureEvent_andOfAnEventBehindIt_leavesTheRestInOrder() {
        // Near events at 1..3, far ones at 10^15 + {0, 1, 2}; poll 1 (the queue lays out its calendar), then
        // cancel the far 10^15 + 1 and the near 3 -> 2, 10^15, 10^15 + 2.
        EventQueue queue = new EventQueue();
        queue.add(1, HANDLER, 1);
        queue.add(2, HANDLER, 2);
        long three = queue.add(3, HANDLER, 3);
        long far = 1_000_000_000_000_000L;
        queue.add(far, HANDLER, 10);
        long farOne = queue.add(far + 1, HANDLER, 11);
        queue.add(far + 2, HANDLER, 12);
        assertThat(queue.pollTime()).isEqualTo(1);
        assertThat(queue.cancel(farOne)).isTrue();
        assertThat(queue.cancel(three)).isTrue();
        assertThat(queue.cancel(farOne)).isFalse();
        assertThat(queue.size()).isEqualTo(3);
        assertThat(drainArgs(queue)).containsExactly(2L, 10L, 12L);
    }

    @Test
    void aMillionRandomEvents_holdModelWithCancels_matchAPriorityQueueReference() {
        // Property test, fixed seed: 100,000 events prefilled, then holds until 10^6 events have been added:
        // poll the earliest, check (time, arg) against a java.util.PriorityQueue ordered by (time, insertion
        // sequence), add one at the polled time plus a gap: Exp(mean 1 s) rounded down to whole milliseconds (so
        // ties are frequent), one in 64 a huge gap of up to 2^50 ns (13 days). Every 8th hold also cancels a
        // random earlier event, pending or not: cancel must return true exactly when the event was neither polled
        // nor cancelled before, and the reference skips cancelled events when they reach its head. 10^5 pending
        // events make the queue spawn fine rungs from its calendar buckets; the cancels exercise lazy removal.
        SplittableRandom random = new SplittableRandom(20261125L);
        int total = 1_000_000;
        EventQueue queue = new EventQueue();
        PriorityQueue<long[]> reference =
                new PriorityQueue<>(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        long[] handles = new long[total];
        boolean[] gone = new boolean[total]; // polled or cancelled
        int added = 0;
        int pending = 0;
        for (; added < 100_000; added++) {
            long time = holdGap(random);
            handles[added] = queue.add(time, HANDLER, added);
            reference.add(new long[] {time, added});
            pending++;
        }
        long ties = 0;
        long cancels = 0;
        long previous = Long.MIN_VALUE;
        int holds = 0;
        while (added < total) {
            long[] expected = pollReference(reference, gone);
            long time = queue.pollTime();
            if (time != expected[0] || queue.lastArg() != expected[1]) {
                assertThat(new long[] {time, queue.lastArg()}).as("hold %d", holds).containsExactly(expected);
            }
            ties += time == previous ? 1 : 0;
            previous = time;
            gone[(int) expected[1]] = true;
            pending--;
            long next = time + holdGap(random);
            handles[added] = queue.add(next, HANDLER, added);
            reference.add(new long[] {next, added});
            added++;
            pending++;
            if (++holds % 8 == 0) {
                int id = random.nextInt(added);
                boolean wasPending = !gone[id];
                if (queue.cancel(handles[id]) != wasPending) {
                    assertThat(!wasPending).as("cancel of event %d at hold %d", id, holds).isTrue();
                }
                if (wasPending) {
                    gone[id] = true;
                    pending--;
                    cancels++;
                }
            }
            if (queue.size() != pending) {
                assertThat(queue.size()).as("size at hold %d", holds).isEqualTo(pending);
            }
        }
        while (pending > 0) {
            long[] expected = pollReference(reference, gone);
            assertThat(queue.pollTime()).isEqualTo(expected[0]);
            assertThat(queue.lastArg()).isEqualTo(expected[1]);
            gone[(int) expected[1]] = true;
            pending--;
        }
        assertThat(queue.isEmpty()).isTrue();
        assertThat(holds).isEqualTo(900_000);
        assertThat(ties).as("the test must exercise equal times").isGreaterThan(10_000);
        assertThat(cancels).as("the test must exercise cancels of pending events").isGreaterThan(10_000);
    }

    private static long holdGap(SplittableRandom random) {
        if (random.nextInt(64) == 0) {
            return random.nextLong(1L << 50);
        }
        return 1_000_000L * (long) (-StrictMath.log(1.0 - random.nextDouble()) * 1000.0);
    }

    private static long[] pollReference(PriorityQueue<long[]> reference, boolean[] gone) {
        long[] head = reference.poll();
        while (gone[(int) head[1]]) { // cancelled
            head = reference.poll();
        }
        return head;
    }

    @Test
    void cancellingMostPendingEvents_keepsTheRestInOrder_andLaterAddsTieAfterThem() {
        // 100 near events at times 1..100 (arg = time) and 20,000 far ones at 10^12 + 1,000 i (arg 1,000 + i).
        // Poll time 1, then cancel every far event except each 100th: 19,800 cancels, more than both the 4,096
        // minimum and the 300 events left pending, so the queue compacts its tiers. Then add arg 5,000 at time 50,
        // a tie with the pending arg 50, added later, so it polls right after it.
        // Expected: 2..50, 5000, 51..100, then 1000, 1100, ..., 20900 (i = 0, 100, ..., 19,900).
        EventQueue queue = new EventQueue();
        for (int t = 1; t <= 100; t++) {
            queue.add(t, HANDLER, t);
        }
        long[] far = new long[20_000];
        for (int i = 0; i < far.length; i++) {
            far[i] = queue.add(1_000_000_000_000L + 1_000L * i, HANDLER, 1_000 + i);
        }
        assertThat(queue.pollTime()).isEqualTo(1);
        for (int i = 0; i < far.length; i++) {
            if (i % 100 != 0) {
                assertThat(queue.cancel(far[i])).isTrue();
            }
        }
        assertThat(queue.size()).isEqualTo(99 + 200);
        assertThat(queue.isPending(far[1])).isFalse();
        assertThat(queue.isPending(far[100])).isTrue();
        queue.add(50, HANDLER, 5_000);
        List<Long> expected = new ArrayList<>();
        for (long t = 2; t <= 100; t++) {
            expected.add(t);
            if (t == 50) {
                expected.add(5_000L);
            }
        }
        for (int i = 0; i < far.length; i += 100) {
            expected.add(1_000L + i);
        }
        assertThat(drainArgs(queue)).containsExactlyElementsOf(expected);
    }

    @Test
    void handleOfAFreedSlot_withTheFollowingGeneration_isNotPending_andCancelsNothing() {
        // Handles are (generation << 32) | slot. After its event fires, a slot's generation moves on by one; a
        // handle carrying that generation was never issued and must not name anything, before or after the slot
        // is reused by a new event (whose handle is yet another one).
        EventQueue queue = new EventQueue();
        long fired = queue.add(10, HANDLER, 1);
        queue.pollTime();
        long forged = fired + (1L << 32);
        assertThat(queue.isPending(forged)).isFalse();
        assertThat(queue.cancel(forged)).isFalse();
        long reused = queue.add(20, HANDLER, 2);
        assertThat(reused).isNotEqualTo(fired).isNotEqualTo(forged);
        assertThat(queue.isPending(forged)).isFalse();
        assertThat(queue.cancel(forged)).isFalse();
        assertThat(queue.cancel(fired)).isFalse();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.pollTime()).isEqualTo(20);
        assertThat(queue.lastArg()).isEqualTo(2);
    }

    @Test
    void hugeGapsBetweenEvents_pollInTimeOrder() {
        // Times 1, 1 + 2^62, 2, 2^61, Long.MAX_VALUE, 3 (args 1..6) -> 1, 2, 3, 2^61, 1 + 2^62, MAX (args 1, 3,
        // 6, 4, 2, 5); then, at 2^61 + 5 after polling 2^61, one more (arg 7), polled before 1 + 2^62.
        EventQueue queue = new EventQueue();
        queue.add(1, HANDLER, 1);
        queue.add(1 + (1L << 62), HANDLER, 2);
        queue.add(2, HANDLER, 3);
        queue.add(1L << 61, HANDLER, 4);
        queue.add(Long.MAX_VALUE, HANDLER, 5);
        queue.add(3, HANDLER, 6);
        assertThat(queue.pollTime()).isEqualTo(1);
        assertThat(queue.pollTime()).isEqualTo(2);
        assertThat(queue.pollTime()).isEqualTo(3);
        assertThat(queue.pollTime()).isEqualTo(1L << 61);
        assertThat(queue.lastArg()).isEqualTo(4);
        queue.add((1L << 61) + 5, HANDLER, 7);
        assertThat(drainArgs(queue)).containsExactly(7L, 2L, 5L);
    }

    @Test
    void interleavedAddsAndPollsAtTheSameTime_pollInInsertionOrder() {
        // Three events at 100 (args 1..3) and one at 101 (arg 4) among 5,000 others at 200 + i. Poll arg 1, add
        // arg 5 at 100, poll arg 2, add arg 6 at 100, then drain: 3, 5, 6 (all at 100, insertion order), 4, ...
        EventQueue queue = new EventQueue();
        for (int i = 0; i < 5_000; i++) {
            queue.add(200 + i, HANDLER, 1_000 + i);
        }
        queue.add(100, HANDLER, 1);
        queue.add(100, HANDLER, 2);
        queue.add(101, HANDLER, 4);
        queue.add(100, HANDLER, 3);
        assertThat(queue.pollTime()).isEqualTo(100);
        assertThat(queue.lastArg()).isEqualTo(1);
        queue.add(100, HANDLER, 5);
        assertThat(queue.pollTime()).isEqualTo(100);
        assertThat(queue.lastArg()).isEqualTo(2);
        queue.add(100, HANDLER, 6);
        List<Long> args = drainArgs(queue);
        assertThat(args.subList(0, 4)).containsExactly(3L, 5L, 6L, 4L);
        assertThat(args).hasSize(4 + 5_000);
        assertThat(args.get(4)).isEqualTo(1_000L);
        assertThat(args.get(args.size() - 1)).isEqualTo(5_999L);
    }
}
