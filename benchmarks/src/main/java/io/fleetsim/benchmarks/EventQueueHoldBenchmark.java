package io.fleetsim.benchmarks;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.EventQueue;
import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.RandomStreams;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The classic "hold" model of event-set benchmarks (Jones, "An empirical comparison of priority-queue and
 * event-set implementations", CACM 29(4), 1986): with {@code size} events pending, one operation pops the
 * earliest event and adds one event at the popped time plus an Exp(mean 1 s) increment, so the queue size
 * stays constant. This is what a simulator's run loop does when every event schedules one successor.
 *
 * <p>Implementations ({@code impl}):
 * <ul>
 *   <li>{@code fleetsim}: {@link EventQueue}, the calendar queue with contiguous buckets and lazy cancellation
 *       (poll, then add with the popped handler and argument).</li>
 *   <li>{@code calendar}: {@link CalendarEventQueue}, the previous {@code EventQueue} (linked-list buckets
 *       through a slot table, eager cancellation), same calls.</li>
 *   <li>{@code heap}: {@link HeapEventQueue}, the {@code EventQueue} before that (a 4-ary heap), same calls.</li>
 *   <li>{@code priorityqueue}: {@link PriorityQueue} of small event objects ordered by (time, seq), the usual
 *       Java simulator design. It re-adds the popped object with a new time and sequence number instead of
 *       allocating a fresh one, so it is measured without allocation cost (its best case).</li>
 *   <li>{@code treeset}: {@link TreeSet} of the same event objects ordered by (time, seq), the design of
 *       CloudSim Plus; it re-adds the popped object too.</li>
 *   <li>{@code longheap}: calibration only, not an event queue: a 4-ary heap of bare {@code long} times with no
 *       payload, no tie-breaking and no cancellation. It shows the ceiling any array heap reaches on the
 *       machine at hand.</li>
 * </ul>
 * Increments are drawn once in {@link #setUp()} from a fixed-seed stream (65,536 of them, used cyclically), so
 * the measured method does no random-number work. Every implementation sees the same increments.
 *
 * <p>Build: {@code mvn -q -B -o -pl sim-core,benchmarks -am package -DskipTests}. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar EventQueueHold -f 1 -wi 3 -w 2s -i 5 -r 2s}; add
 * {@code -p size=10000} or {@code -p impl=fleetsim} to select a subset. Unit: hold operations per second.
 * Measured figures: {@code benchmarks/README.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventQueueHoldBenchmark {

    private static final int INCREMENTS = 1 << 16;
    private static final double MEAN_INCREMENT_NANOS = 1e9;

    @Param({"1000", "10000", "100000", "1000000"})
    public int size;

    @Param({"fleetsim", "calendar", "heap", "priorityqueue", "treeset", "longheap"})
    public String impl;

    private long[] increments;
    private int next;
    private Hold hold;

    @Setup
    public void setUp() {
        RandomStream random = new RandomStreams(42).stream("benchmarks/hold-increments");
        increments = new long[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            increments[i] = (long) random.nextExponential(MEAN_INCREMENT_NANOS);
        }
        switch (impl) {
            case "fleetsim":
                hold = new FleetsimHold();
                break;
            case "calendar":
                hold = new CalendarHold();
                break;
            case "heap":
                hold = new HeapHold();
                break;
            case "priorityqueue":
                hold = new PriorityQueueHold();
                break;
            case "treeset":
                hold = new TreeSetHold();
                break;
            case "longheap":
                hold = new LongHeapHold(size);
                break;
            default:
                throw new IllegalArgumentException("impl must be fleetsim, calendar, heap, priorityqueue, treeset or longheap, got " + impl);
        }
        // Prefill: initial times drawn from the increment distribution, as in Jones (1986).
        for (int i = 0; i < size; i++) {
            hold.add(increments[i & (INCREMENTS - 1)]);
        }
        next = size;
    }

    /** One hold: pop the earliest event, add one at its time plus the next increment. Returns the popped time. */
    @Benchmark
    public long hold() {
        int i = next;
        next = i + 1;
        return hold.hold(increments[i & (INCREMENTS - 1)]);
    }

    /** The queue under test; one implementation per JMH fork, so the call site stays monomorphic. */
    private interface Hold {
        void add(long time);

        long hold(long increment);
    }

    private static final class FleetsimHold implements Hold {
        private static final EventHandler HANDLER = (now, arg) -> { };
        private final EventQueue queue = new EventQueue();

        @Override
        public void add(long time) {
            queue.add(time, HANDLER, 0L);
        }

        @Override
        public long hold(long increment) {
            long time = queue.pollTime();
            queue.add(time + increment, queue.lastHandler(), queue.lastArg());
            return time;
        }
    }

    private static final class CalendarHold implements Hold {
        private static final EventHandler HANDLER = (now, arg) -> { };
        private final CalendarEventQueue queue = new CalendarEventQueue();

        @Override
        public void add(long time) {
            queue.add(time, HANDLER, 0L);
        }

        @Override
        public long hold(long increment) {
            long time = queue.pollTime();
            queue.add(time + increment, queue.lastHandler(), queue.lastArg());
            return time;
        }
    }

    private static final class HeapHold implements Hold {
        private static final EventHandler HANDLER = (now, arg) -> { };
        private final HeapEventQueue queue = new HeapEventQueue();

        @Override
        public void add(long time) {
            queue.add(time, HANDLER, 0L);
        }

        @Override
        public long hold(long increment) {
            long time = queue.pollTime();
            queue.add(time + increment, queue.lastHandler(), queue.lastArg());
            return time;
        }
    }

    private static final class PriorityQueueHold implements Hold {
        private static final EventHandler HANDLER = (now, arg) -> { };
        private final PriorityQueue<Event> queue = new PriorityQueue<>();
        private long seq;

        @Override
        public void add(long time) {
            queue.add(new Event(time, seq++, HANDLER, 0L));
        }

        @Override
        public long hold(long increment) {
            Event event = queue.poll();
            long time = event.time;
            event.time = time + increment;
            event.seq = seq++;
            queue.add(event);
            return time;
        }
    }

    /** CloudSim Plus's design: a TreeSet of event objects ordered by (time, seq); re-adds the polled object. */
    private static final class TreeSetHold implements Hold {
        private static final EventHandler HANDLER = (now, arg) -> { };
        private final TreeSet<Event> queue = new TreeSet<>();
        private long seq;

        @Override
        public void add(long time) {
            queue.add(new Event(time, seq++, HANDLER, 0L));
        }

        @Override
        public long hold(long increment) {
            Event event = queue.pollFirst();
            long time = event.time;
            event.time = time + increment;
            event.seq = seq++;
            queue.add(event);
            return time;
        }
    }

    /** Calibration: a 4-ary min-heap of bare longs (no payload, ties in any order, no cancellation). */
    private static final class LongHeapHold implements Hold {
        private final long[] heap;
        private int size;

        LongHeapHold(int capacity) {
            heap = new long[capacity];
        }

        @Override
        public void add(long time) {
            final long[] h = heap;
            int pos = size++;
            while (pos > 0) {
                int parent = (pos - 1) >>> 2;
                long parentTime = h[parent];
                if (parentTime <= time) {
                    break;
                }
                h[pos] = parentTime;
                pos = parent;
            }
            h[pos] = time;
        }

        @Override
        public long hold(long increment) {
            final long[] h = heap;
            final long time = h[0];
            final int n = --size;
            final long last = h[n];
            int pos = 0;
            while (true) {
                int first = (pos << 2) + 1;
                if (first >= n) {
                    break;
                }
                int end = Math.min(first + 4, n);
                int min = first;
                long minTime = h[first];
                for (int c = first + 1; c < end; c++) {
                    if (h[c] < minTime) {
                        min = c;
                        minTime = h[c];
                    }
                }
                if (last <= minTime) {
                    break;
                }
                h[pos] = minTime;
                pos = min;
            }
            h[pos] = last;
            add(time + increment);
            return time;
        }
    }

    /** What a PriorityQueue-based simulator keeps per event. */
    private static final class Event implements Comparable<Event> {
        long time;
        long seq;
        final EventHandler handler;
        final long arg;

        Event(long time, long seq, EventHandler handler, long arg) {
            this.time = time;
            this.seq = seq;
            this.handler = handler;
            this.arg = arg;
        }

        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }
}
