package io.fleetsim.traffic;

import io.fleetsim.engine.EventQueue;

/**
 * First-come-first-served serving of one task of {@code c} vCPU (ServingSpec {@code fcfs}): {@code ceil(c)}
 * workers, each running at speed {@code min(c, 1)} vCPU, so a request of CPU work {@code w} (nanoseconds at
 * 1 vCPU) occupies a worker for {@code w / speed}. Requests that find every worker busy wait in one FIFO queue of
 * at most {@code queueCapacity} entries (0 = unbounded); beyond it, or beyond {@code maxConcurrency} requests held,
 * the request is refused. This is the M/G/k queue of queueing theory (k = ceil(c)), with a half-speed single
 * worker for a 0.5 vCPU task; the tests check it against M/M/1, M/M/c (Erlang C) and M/D/1 (Pollaczek-Khinchine).
 *
 * <p>One event per request: the worker's completion, {@code arg} = slot. The waiting line is a ring buffer of slot
 * numbers grown by doubling.
 *
 * <p>Caveats: a thread-per-request server on a CPU-limited container, not a model of the Linux CFS quota:
 * a 0.5 vCPU Fargate task really runs at full speed for part of every 100 ms CFS period and is throttled for the
 * rest, which this smooths into a constant half speed. For fractional {@code c > 1} (1.5, 2.5 ...) the spec's
 * {@code ceil(c)} workers at speed 1 can deliver up to {@code ceil(c)} vCPU, more than the task's {@code c}.
 * Service times are rounded to whole nanoseconds.
 */
final class FcfsServer extends TaskServer {

    private final int workers;
    private final double speed;
    private final int queueCapacity;
    private int busy;

    private int[] queue = new int[16];
    private int queueHead;
    private int queueSize;

    FcfsServer(ServiceTraffic owner, int target, double vcpus, int maxConcurrency, int queueCapacity) {
        super(owner, owner.simulator(), target, vcpus, maxConcurrency);
        this.workers = (int) Math.ceil(vcpus);
        this.speed = Math.min(vcpus, 1.0);
        this.queueCapacity = queueCapacity;
    }

    @Override
    boolean arrive(long now, long workNanos, long ioNanos) {
        if (full()) {
            return false;
        }
        if (busy < workers) {
            settle(now);
            busy++;
            startCpu(allocate(now, workNanos, ioNanos), now);
        } else {
            if (queueCapacity > 0 && queueSize >= queueCapacity) {
                return false;
            }
            int slot = allocate(now, workNanos, ioNanos);
            state[slot] = WAITING;
            enqueue(slot);
        }
        return true;
    }

    private void startCpu(int slot, long now) {
        start[slot] = now;
        state[slot] = IN_CPU;
        long w = work[slot];
        long duration = speed == 1.0 ? w : Math.round(w / speed);
        handle[slot] = sim.schedule(now + duration, this, KIND_CPU | slot);
    }

    @Override
    void cpuEvent(long now, long arg) {
        int slot = (int) arg;
        handle[slot] = EventQueue.NO_HANDLE;
        if (queueSize > 0) {
            // the worker passes straight to the head of the line: busy count unchanged, nothing to settle
            startCpu(dequeue(), now);
        } else {
            settle(now);
            busy--;
        }
        cpuDone(slot, now);
    }

    @Override
    double cpuInUse() {
        return busy * speed;
    }

    @Override
    void clearCpu() {
        busy = 0;
        queueHead = 0;
        queueSize = 0;
    }

    private void enqueue(int slot) {
        if (queueSize == queue.length) {
            growQueue();
        }
        queue[(queueHead + queueSize) & (queue.length - 1)] = slot;
        queueSize++;
    }

    private int dequeue() {
        int slot = queue[queueHead];
        queueHead = (queueHead + 1) & (queue.length - 1);
        queueSize--;
        return slot;
    }

    private void growQueue() {
        int[] bigger = new int[queue.length * 2];
        for (int i = 0; i < queueSize; i++) {
            bigger[i] = queue[(queueHead + i) & (queue.length - 1)];
        }
        queue = bigger;
        queueHead = 0;
    }
}
