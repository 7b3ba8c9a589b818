package io.fleetsim.engine;

/**
 * SKELETON (contract): the run loop. Virtual clock in nanoseconds since scenario start, an event queue ordered by
 * (time, insertion sequence), cancellation by handle, and the scenario's named random streams.
 */
public final class Simulator {

    public Simulator(long seed) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Current simulated time, nanoseconds since scenario start. */
    public long now() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Schedules {@code handler.onEvent(at, arg)} at absolute time {@code at >= now()}; returns a handle for cancel. */
    public long schedule(long at, EventHandler handler, long arg) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Convenience for control-plane events (allocates a lambda; not for hot paths). */
    public long schedule(long at, Runnable action) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Cancels a pending event; returns false if it already fired or was cancelled. */
    public boolean cancel(long handle) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Fires every event with time <= end in (time, sequence) order, then sets the clock to {@code end}. */
    public void runUntil(long end) {
        throw new UnsupportedOperationException("skeleton");
    }

    public long eventsFired() {
        throw new UnsupportedOperationException("skeleton");
    }

    public int pendingEvents() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The named random streams of this run, derived from (seed, name). */
    public RandomStreams random() {
        throw new UnsupportedOperationException("skeleton");
    }
}
