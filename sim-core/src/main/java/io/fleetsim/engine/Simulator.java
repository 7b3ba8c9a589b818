package io.fleetsim.engine;

/**
 * The run loop of one simulation: a virtual clock in nanoseconds since scenario start, an {@link EventQueue}
 * ordered by (time, insertion sequence), cancellation by handle, and the run's named {@link RandomStreams}.
 *
 * <p>Time only moves when {@link #runUntil(long)} fires an event (the clock jumps to that event's time) or reaches
 * its end (the clock jumps to {@code end}). Model code never reads the wall clock (DESIGN.md, principle 1). Two
 * events at the same time fire in the order they were scheduled, so a run is a pure function of the scenario and
 * the seed (DESIGN.md, principle 2).
 *
 * <p>Handlers may schedule and cancel events while a run is in progress; an event scheduled at a time
 * {@code <= end} during {@code runUntil(end)} fires in the same call. The hot-path API is
 * {@link #schedule(long, EventHandler, long)}: one long-lived handler per kind of event, with {@code arg}
 * naming the subject (a task index, a node index ...), so scheduling allocates nothing.
 *
 * <p>Caveats: not thread-safe; one simulator belongs to one thread (parallel runs use one simulator each).
 * An exception thrown by a handler propagates out of {@code runUntil}, leaving the clock at that event's time
 * and the remaining events pending.
 */
public final class Simulator {

    private final EventQueue queue = new EventQueue(1024);
    private final RandomStreams random;
    private long now;
    private long eventsFired;
    private boolean running;
    private boolean stopRequested;

    /** A simulator at time 0 with no pending events and random streams derived from {@code seed}. */
    public Simulator(long seed) {
        this.random = new RandomStreams(seed);
    }

    /** Current simulated time, nanoseconds since scenario start. */
    public long now() {
        return now;
    }

    /**
     * Schedules {@code handler.onEvent(at, arg)} at absolute time {@code at >= now()}.
     *
     * @return a handle for {@link #cancel(long)}; never {@link EventQueue#NO_HANDLE}
     * @throws IllegalArgumentException if {@code at} is before {@link #now()}
     */
    public long schedule(long at, EventHandler handler, long arg) {
        if (at < now) {
            throw new IllegalArgumentException("cannot schedule an event in the past: at=" + at
                    + " ns (" + Durations.format(at) + ") is before now=" + now + " ns (" + Durations.format(now) + ")");
        }
        return queue.add(at, handler, arg);
    }

    /** Convenience for control-plane events (allocates a lambda; not for hot paths). */
    public long schedule(long at, Runnable action) {
        if (action == null) {
            throw new NullPointerException("action must not be null (event time " + at + " ns)");
        }
        return schedule(at, (time, arg) -> action.run(), 0L);
    }

    /**
     * Schedules {@code handler.onEvent(now() + delay, arg)}.
     *
     * @throws IllegalArgumentException if {@code delay} is negative or {@code now() + delay} overflows
     */
    public long scheduleAfter(long delay, EventHandler handler, long arg) {
        return schedule(timeAfter(delay), handler, arg);
    }

    /** {@link #scheduleAfter(long, EventHandler, long)} for control-plane events (allocates a lambda). */
    public long scheduleAfter(long delay, Runnable action) {
        return schedule(timeAfter(delay), action);
    }

    private long timeAfter(long delay) {
        if (delay < 0) {
            throw new IllegalArgumentException("delay must be >= 0 ns, got " + delay);
        }
        if (delay > Long.MAX_VALUE - now) {
            throw new IllegalArgumentException("delay " + delay + " ns from now=" + now
                    + " ns overflows the clock (max " + Long.MAX_VALUE + " ns)");
        }
        return now + delay;
    }

    /** Cancels a pending event; returns false if it already fired or was cancelled. */
    public boolean cancel(long handle) {
        return queue.cancel(handle);
    }

    /** True if {@code handle} names an event that has neither fired nor been cancelled. */
    public boolean isPending(long handle) {
        return queue.isPending(handle);
    }

    /** Time of the earliest pending event, or {@link Long#MAX_VALUE} if none is pending. */
    public long nextEventTime() {
        return queue.peekTime();
    }

    /**
     * Fires every event with time {@code <= end} in (time, sequence) order, including events those handlers
     * schedule at times {@code <= end}, then sets the clock to {@code end}. If a handler calls {@link #stop()},
     * returns right after that handler instead, with the clock at its event's time.
     *
     * @throws IllegalArgumentException if {@code end < now()}
     * @throws IllegalStateException if called from inside a handler of this simulator
     */
    public void runUntil(long end) {
        if (end < now) {
            throw new IllegalArgumentException("runUntil(end) needs end >= now: end=" + end + " ns ("
                    + Durations.format(end) + "), now=" + now + " ns (" + Durations.format(now) + ")");
        }
        if (running) {
            throw new IllegalStateException("runUntil() called from inside an event handler; schedule an event instead");
        }
        running = true;
        stopRequested = false;
        final EventQueue q = queue;
        try {
            while (q.size() != 0 && q.peekTime() <= end) {
                long t = q.pollTime();
                now = t;
                eventsFired++;
                q.lastHandler().onEvent(t, q.lastArg());
                if (stopRequested) {
                    return;
                }
            }
            now = end;
        } finally {
            running = false;
            stopRequested = false;
        }
    }

    /**
     * Makes the {@link #runUntil(long)} in progress return after the current event, leaving the clock at that
     * event's time and later events pending; a later {@code runUntil} carries on from there.
     *
     * @throws IllegalStateException if no run is in progress
     */
    public void stop() {
        if (!running) {
            throw new IllegalStateException("stop() called while no runUntil() is in progress");
        }
        stopRequested = true;
    }

    /** Number of events fired since construction (cancelled events are not counted). */
    public long eventsFired() {
        return eventsFired;
    }

    public int pendingEvents() {
        return queue.size();
    }

    /** The named random streams of this run, derived from (seed, name). */
    public RandomStreams random() {
        return random;
    }
}
