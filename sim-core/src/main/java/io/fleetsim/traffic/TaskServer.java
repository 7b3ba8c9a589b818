package io.fleetsim.traffic;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.EventQueue;
import io.fleetsim.engine.Simulator;
import java.util.Arrays;

/**
 * The requests one task holds, and how its vCPUs serve them: the common part of {@link FcfsServer} and
 * {@link PsServer}. A server is one target of a {@link ServiceTraffic}; it reports every outcome back to it.
 *
 * <p>Why it looks like this: a service may see billions of requests, so no request is an object. A request held
 * by the task lives in a <em>slot</em>, an index into parallel primitive arrays (arrival time, start time, CPU
 * work, non-CPU latency, pending event handle, state), recycled through a LIFO free list and grown by doubling.
 * Events about a request carry {@code (kind << 32) | slot} as their {@code arg}, and the server itself is the
 * {@link EventHandler}, so scheduling allocates nothing.
 *
 * <p>Non-CPU latency ({@code io}): after its CPU work a request keeps its concurrency slot (it still counts as
 * outstanding and against {@code maxConcurrency}) but not the CPU for its io duration, then completes. Its io
 * duration is drawn on arrival (see {@link ServiceTraffic}) and kept in the slot.
 *
 * <p>CPU accounting is lazy: {@link #settle(long)} adds {@code cpuInUse() x elapsed} whenever the number of
 * requests in CPU is about to change, and {@link #cpuBusy(long)} extrapolates to any later time without mutating.
 */
abstract class TaskServer implements EventHandler {

    static final long KIND_CPU = 0L;
    static final long KIND_IO = 1L << 32;
    static final long KIND_DEPART = 2L << 32;
    /** The service's next arrival, on its {@link ServiceTraffic#arrivalServer} (see there). */
    static final long KIND_ARRIVAL = 3L << 32;
    static final long KIND_MASK = ~0xFFFF_FFFFL;

    static final byte FREE = 0;
    static final byte WAITING = 1;
    static final byte IN_CPU = 2;
    static final byte IN_IO = 3;

    private static final int INITIAL_SLOTS = 16;

    final ServiceTraffic owner;
    final Simulator sim;
    final int target;
    final double vcpus;
    final int maxConcurrency;

    long[] arrival = new long[INITIAL_SLOTS];
    long[] start = new long[INITIAL_SLOTS];
    long[] work = new long[INITIAL_SLOTS];
    long[] io = new long[INITIAL_SLOTS];
    long[] handle = new long[INITIAL_SLOTS];
    byte[] state = new byte[INITIAL_SLOTS];
    private int[] freeSlots = new int[INITIAL_SLOTS];
    private int freeCount;
    /** Requests held: waiting, in CPU or in io. */
    int held;

    private double busyAccum;
    private long lastSettle;

    TaskServer(ServiceTraffic owner, Simulator sim, int target, double vcpus, int maxConcurrency) {
        this.owner = owner;
        this.sim = sim;
        this.target = target;
        this.vcpus = vcpus;
        this.maxConcurrency = maxConcurrency;
        this.lastSettle = sim.now();
        for (int i = INITIAL_SLOTS - 1; i >= 0; i--) {
            freeSlots[freeCount++] = i;
        }
    }

    /**
     * A request routed here at {@code now} with CPU work {@code workNanos} (at 1 vCPU) and non-CPU latency
     * {@code ioNanos}. Returns false if the task refuses it (concurrency or queue full).
     */
    abstract boolean arrive(long now, long workNanos, long ioNanos);

    /** vCPUs in use right now (between events it is constant). */
    abstract double cpuInUse();

    /** Forget every request in CPU or waiting (their slots are freed by the caller); cancel CPU events. */
    abstract void clearCpu();

    /** Adds CPU use since the last settle up to {@code now}. Call before the number of requests in CPU changes. */
    final void settle(long now) {
        busyAccum += cpuInUse() * (now - lastSettle);
        lastSettle = now;
    }

    /** vCPU-nanoseconds used from the server's creation up to {@code now} (>= the last event). */
    final double cpuBusy(long now) {
        return busyAccum + cpuInUse() * (now - lastSettle);
    }

    final boolean full() {
        return maxConcurrency > 0 && held >= maxConcurrency;
    }

    /** Takes a free slot for a request arriving at {@code now}. */
    final int allocate(long now, long workNanos, long ioNanos) {
        if (freeCount == 0) {
            grow();
        }
        int slot = freeSlots[--freeCount];
        arrival[slot] = now;
        work[slot] = workNanos;
        io[slot] = ioNanos;
        handle[slot] = EventQueue.NO_HANDLE;
        held++;
        return slot;
    }

    private void release(int slot) {
        state[slot] = FREE;
        handle[slot] = EventQueue.NO_HANDLE;
        freeSlots[freeCount++] = slot;
        held--;
    }

    /** Rare path: doubles every per-slot array and frees the new slots. */
    private void grow() {
        int old = arrival.length;
        int cap = old * 2;
        arrival = Arrays.copyOf(arrival, cap);
        start = Arrays.copyOf(start, cap);
        work = Arrays.copyOf(work, cap);
        io = Arrays.copyOf(io, cap);
        handle = Arrays.copyOf(handle, cap);
        state = Arrays.copyOf(state, cap);
        freeSlots = Arrays.copyOf(freeSlots, cap);
        for (int i = cap - 1; i >= old; i--) {
            freeSlots[freeCount++] = i;
        }
        grown(cap);
    }

    /** Hook for subclasses with their own per-slot arrays. */
    void grown(int capacity) {
    }

    /** The request in {@code slot} has finished its CPU work at {@code now}: io next, or done. */
    final void cpuDone(int slot, long now) {
        long d = io[slot];
        if (d > 0) {
            state[slot] = IN_IO;
            handle[slot] = sim.schedule(now + d, this, KIND_IO | slot);
        } else {
            complete(slot, now);
        }
    }

    private void complete(int slot, long now) {
        long a = arrival[slot];
        long s = start[slot];
        release(slot);
        owner.completed(target, a, s, now);
    }

    /** Io and arrival events are common; CPU events belong to the subclass. */
    @Override
    public final void onEvent(long now, long arg) {
        long kind = arg & KIND_MASK;
        if (kind == KIND_IO) {
            int slot = (int) arg;
            handle[slot] = EventQueue.NO_HANDLE;
            complete(slot, now);
        } else if (kind == KIND_ARRIVAL) {
            owner.onArrival(now);
        } else {
            cpuEvent(now, arg);
        }
    }

    abstract void cpuEvent(long now, long arg);

    /** Drops every held request now (each reported to the owner) and cancels their events. */
    final void dropAll(long now) {
        settle(now);
        clearCpu();
        byte[] st = state;
        for (int slot = 0; slot < st.length; slot++) {
            if (st[slot] != FREE) {
                if (handle[slot] != EventQueue.NO_HANDLE) {
                    sim.cancel(handle[slot]);
                }
                release(slot);
                owner.droppedOne(target, now);
            }
        }
    }
}
