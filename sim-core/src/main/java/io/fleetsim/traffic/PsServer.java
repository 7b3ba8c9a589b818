package io.fleetsim.traffic;

import io.fleetsim.engine.EventQueue;
import java.util.Arrays;

/**
 * Processor-sharing serving of one task of {@code c} vCPU (ServingSpec {@code ps}): with {@code n} requests in
 * CPU, each progresses at rate {@code r(n) = min(1, c / n)} vCPU (a request cannot use more than one vCPU), so
 * the task uses {@code min(n, c)} vCPU. There is no waiting line: a request enters the CPU on arrival
 * ({@code start = arrival}) unless {@code maxConcurrency} refuses it. This is the M/G/1-PS queue for
 * {@code c = 1} (Kleinrock, "Queueing Systems, Vol. 2", 1976, section 4.4: {@code E[T | x] = x / (1 - rho)}) and
 * the limited processor-sharing queue with c servers in general.
 *
 * <p>How it is exact without touching every request at every event: a virtual clock {@code V} counts the
 * service a request in CPU has attained; it grows at {@code r(n)} between events. A request of work {@code w}
 * entering at virtual time {@code V0} finishes when {@code V = V0 + w}: its finish tag. Tags do not change when
 * {@code n} changes (only the speed of {@code V} does), so they sit in a binary min-heap of primitives
 * ({@code double} tag, {@code int} slot), and the task has a single pending departure event for the smallest tag,
 * at {@code now + (tag - V) / r(n)}, re-planned (cancel + add) when an arrival changes {@code r(n)} or brings a
 * smaller tag. {@code V} restarts at 0 whenever the task empties, which keeps its magnitude (and the rounding of
 * {@code double}) bounded by one busy period.
 *
 * <p>Caveats: departure times are rounded up to the next whole nanosecond, so a request may finish up to 1 ns
 * late and the others gain at most 1 ns of virtual service; tags are {@code double}, exact to about 1 ns for
 * busy periods shorter than 10^6 s. Like {@link FcfsServer}, a smooth share of the CPU, not the Linux CFS quota.
 */
final class PsServer extends TaskServer {

    /** Virtual time: service attained by any request present since the task last emptied. */
    private double virtual;
    /** When {@code virtual} was last advanced. */
    private long lastAdvance;
    /** Requests in CPU (the heap size). */
    private int n;
    private double[] tags = new double[16];
    private int[] slots = new int[16];
    private long departure = EventQueue.NO_HANDLE;

    PsServer(ServiceTraffic owner, int target, double vcpus, int maxConcurrency) {
        super(owner, owner.simulator(), target, vcpus, maxConcurrency);
        this.lastAdvance = sim.now();
    }

    private double rate(int k) {
        return k <= vcpus ? 1.0 : vcpus / k;
    }

    /** Brings the virtual clock and the CPU account to {@code now}. */
    private void advance(long now) {
        if (n > 0) {
            virtual += (now - lastAdvance) * rate(n);
        }
        lastAdvance = now;
        settle(now);
    }

    @Override
    boolean arrive(long now, long workNanos, long ioNanos) {
        if (full()) {
            return false;
        }
        advance(now);
        int slot = allocate(now, workNanos, ioNanos);
        start[slot] = now;
        state[slot] = IN_CPU;
        double oldRate = n == 0 ? 0.0 : rate(n);
        double oldTop = n == 0 ? Double.POSITIVE_INFINITY : tags[0];
        double tag = virtual + workNanos;
        push(tag, slot);
        if (tag < oldTop || rate(n) != oldRate) {
            plan(now);
        }
        return true;
    }

    @Override
    void cpuEvent(long now, long arg) {
        departure = EventQueue.NO_HANDLE;
        advance(now);
        double tag = tags[0];
        int slot = pop();
        if (n == 0) {
            virtual = 0.0;
        } else {
            if (tag > virtual) {
                virtual = tag; // the event time was rounded up; never let V lag the tag it was planned for
            }
            plan(now);
        }
        cpuDone(slot, now);
    }

    /** (Re)schedules the single departure event for the smallest tag. */
    private void plan(long now) {
        if (departure != EventQueue.NO_HANDLE) {
            sim.cancel(departure);
            departure = EventQueue.NO_HANDLE;
        }
        if (n == 0) {
            return;
        }
        double dt = (tags[0] - virtual) / rate(n);
        long at = dt <= 0 ? now : now + (long) Math.ceil(dt);
        departure = sim.schedule(at, this, KIND_DEPART);
    }

    @Override
    double cpuInUse() {
        return Math.min(n, vcpus);
    }

    @Override
    void clearCpu() {
        if (departure != EventQueue.NO_HANDLE) {
            sim.cancel(departure);
            departure = EventQueue.NO_HANDLE;
        }
        n = 0;
        virtual = 0.0;
    }

    @Override
    void grown(int capacity) {
        tags = Arrays.copyOf(tags, capacity);
        slots = Arrays.copyOf(slots, capacity);
    }

    private void push(double tag, int slot) {
        int i = n++;
        double[] t = tags;
        int[] s = slots;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (t[parent] <= tag) {
                break;
            }
            t[i] = t[parent];
            s[i] = s[parent];
            i = parent;
        }
        t[i] = tag;
        s[i] = slot;
    }

    private int pop() {
        double[] t = tags;
        int[] s = slots;
        int top = s[0];
        int size = --n;
        if (size > 0) {
            double tag = t[size];
            int slot = s[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && t[child + 1] < t[child]) {
                    child++;
                }
                if (t[child] >= tag) {
                    break;
                }
                t[i] = t[child];
                s[i] = s[child];
                i = child;
            }
            t[i] = tag;
            s[i] = slot;
        }
        return top;
    }
}
