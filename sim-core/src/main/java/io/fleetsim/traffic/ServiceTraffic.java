package io.fleetsim.traffic;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.EventQueue;
import io.fleetsim.engine.Simulator;
import io.fleetsim.scenario.model.LoadBalancerSpec;
import io.fleetsim.scenario.model.ServingSpec;
import io.fleetsim.text.NearMiss;
import java.util.Arrays;
import java.util.List;

/**
 * Every request of one service, from arrival at its Application Load Balancer to a task and back: arrivals from
 * an {@link ArrivalProcess}, routing by a {@link LoadBalancer} over the healthy targets, queueing and service on
 * the chosen task's vCPUs ({@link FcfsServer} or {@link PsServer}, per {@link ServingSpec#discipline()}),
 * optional non-CPU latency, and the outcome reported to a {@link RequestListener}. Targets (tasks) join when the
 * cluster says they are healthy ({@link #addTarget(double)}) and leave when they stop ({@link #deregister(int)},
 * {@link #kill(int)}).
 *
 * <p><b>Arrivals.</b> {@link #start()} schedules the first arrival; each arrival event routes its request and
 * schedules the next one, so a service has exactly one pending arrival event. The request's CPU work and io
 * duration are drawn on arrival for <em>every</em> request, also those refused, so that request k gets the same
 * work in every variant run on the same seed (common random numbers, DESIGN.md principle 2).
 *
 * <p><b>Routing</b> (ALB target groups, https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html):
 * only healthy registered targets receive requests; with none, the request is refused (ALB answers HTTP 503). {@link #routed(int)} counts every request sent to a target,
 * also those the task then refuses (a full queue or concurrency limit is the task's 503, after the ALB counted
 * the request for {@code RequestCountPerTarget}).
 *
 * <p><b>Deregistration</b> (ALB deregistration delay, default 300 s,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#deregistration-delay;
 * paraphrased): the load balancer stops sending requests to a deregistering target; in-flight requests may
 * complete during the delay; a target that holds nothing is removed at once; when the delay ends, the requests
 * still held are dropped ({@link RequestListener#dropped(long)}) and the target is gone.
 *
 * <p><b>Health check grace period</b>: {@link LoadBalancerSpec#healthCheckGracePeriodNanos()} is applied by the
 * caller (the cluster calls {@link #addTarget(double)} when the task has become healthy); this class does not
 * delay a target it is given.
 *
 * <p><b>Cost per request</b>: no allocation in the steady state (requests are slots in per-task primitive
 * arrays, events carry {@code (kind, slot)} in their {@code long} argument); events per request: one arrival, one
 * completion (FCFS: the worker's; PS: the task's departure event, re-planned when an arrival changes the share),
 * plus one io completion when io latency is configured. Per-target state lives in arrays indexed by target id;
 * a target that is gone releases its server and keeps 41 bytes of counters.
 *
 * <p>Caveats: one logical load balancer (not one per zone node); no connection modelling (keep-alive,
 * slow start, ALB's own latency); the health check grace period is the caller's.
 */
public final class ServiceTraffic {

    private static final byte HEALTHY = 1;
    private static final byte DRAINING = 2;
    private static final byte GONE = 3;

    private final Simulator sim;
    private final ArrivalProcess arrivalProcess;
    private final WorkDistribution work;
    private final WorkDistribution io;
    private final RequestListener listener;
    private final LoadBalancer balancer;
    private final boolean processorSharing;
    private final int maxConcurrency;
    private final int queueCapacity;
    private final long deregistrationDelay;
    /**
     * Handler of the arrival events: a server of the same class as the targets' that never holds a request, so that
     * the run loop's one {@code EventHandler.onEvent} call site sees a single receiver class for both events of a
     * request (arrival and completion) and the JIT can inline it; with a separate handler class that call site is
     * megamorphic in a real run (cluster and sampling handlers share it) and costs an interface dispatch per event
     * (benchmarks/README.md, "profile-guided pass").
     */
    private final TaskServer arrivalServer;
    private final EventHandler drainHandler = this::onDrainDeadline;

    /** Healthy target ids in registration (= id) order. */
    private int[] healthy = new int[16];
    private int healthyCount;

    // Per target id (ids are never reused).
    private int targetCount;
    private TaskServer[] servers = new TaskServer[16];
    private byte[] status = new byte[16];
    private int[] outstanding = new int[16];
    private long[] routedCount = new long[16];
    private double[] cpuAtRemoval = new double[16];
    private long[] drainAt = new long[16];
    private long[] drainHandle = new long[16];

    private boolean started;
    private long arrivals;
    private long completed;
    private long rejected;
    private long dropped;

    /**
     * @param work     CPU work per request at 1 vCPU
     * @param io       non-CPU latency per request, or {@code null}
     * @param listener receives every outcome
     * @throws IllegalArgumentException for an unknown discipline or algorithm, or a negative limit or delay
     */
    public ServiceTraffic(Simulator sim, ArrivalProcess arrivals, WorkDistribution work, WorkDistribution io,
            ServingSpec serving, LoadBalancerSpec loadBalancer, RequestListener listener) {
        this.sim = requireNonNull(sim, "sim");
        this.arrivalProcess = requireNonNull(arrivals, "arrivals");
        this.work = requireNonNull(work, "work");
        this.io = io;
        requireNonNull(serving, "serving");
        requireNonNull(loadBalancer, "loadBalancer");
        this.listener = requireNonNull(listener, "listener");
        this.processorSharing = isProcessorSharing(serving.discipline());
        if (serving.maxConcurrency() < 0) {
            throw new IllegalArgumentException("serving.maxConcurrency must be >= 0 (0 = unlimited), got "
                    + serving.maxConcurrency());
        }
        if (serving.queueCapacity() < 0) {
            throw new IllegalArgumentException("serving.queueCapacity must be >= 0 (0 = unlimited), got "
                    + serving.queueCapacity());
        }
        if (processorSharing && serving.queueCapacity() != 0) {
            throw new IllegalArgumentException("serving.queueCapacity applies to discipline `fcfs` only (ps has no "
                    + "waiting line; bound it with maxConcurrency), got queueCapacity " + serving.queueCapacity()
                    + " with discipline `ps`");
        }
        if (loadBalancer.deregistrationDelayNanos() < 0) {
            throw new IllegalArgumentException("loadBalancer.deregistrationDelay must be >= 0 ns, got "
                    + loadBalancer.deregistrationDelayNanos());
        }
        this.maxConcurrency = serving.maxConcurrency();
        this.queueCapacity = serving.queueCapacity();
        this.deregistrationDelay = loadBalancer.deregistrationDelayNanos();
        this.balancer = LoadBalancers.create(loadBalancer.algorithm());
        this.arrivalServer = processorSharing ? new PsServer(this, -1, 1.0, 0) : new FcfsServer(this, -1, 1.0, 0, 0);
    }

    private static boolean isProcessorSharing(String discipline) {
        if ("ps".equals(discipline)) {
            return true;
        }
        if ("fcfs".equals(discipline)) {
            return false;
        }
        throw new IllegalArgumentException("unknown serving discipline `" + discipline + "`"
                + NearMiss.hintAndList(discipline, List.of("fcfs", "ps"),
                        "known disciplines"));
    }

    private static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    Simulator simulator() {
        return sim;
    }

    /**
     * Schedules the first arrival. Call once, at or before the first arrival time.
     *
     * @throws IllegalStateException if called twice, or if the first arrival is before {@code sim.now()}
     */
    public void start() {
        if (started) {
            throw new IllegalStateException("ServiceTraffic.start() called twice");
        }
        started = true;
        scheduleNext(arrivalProcess.nextArrival());
    }

    private void scheduleNext(long next) {
        if (next == Long.MAX_VALUE) {
            return;
        }
        if (next < sim.now()) {
            throw new IllegalStateException("arrival process returned " + next + " ns, before now = " + sim.now()
                    + " ns (arrival times must be non-decreasing and start() must be called before the first one)");
        }
        sim.schedule(next, arrivalServer, TaskServer.KIND_ARRIVAL);
    }

    /** The arrival event (fired on {@link #arrivalServer}). */
    void onArrival(long now) {
        arrivals++;
        listener.arrived(now);
        long w = work.sampleNanos();
        long d = io == null ? 0L : io.sampleNanos();
        if ((w | d) < 0) {
            throw new IllegalStateException("work and io samples must be >= 0 ns, got work " + w + ", io " + d);
        }
        if (healthyCount == 0) {
            reject(now);
        } else {
            int id = healthy[balancer.choose(healthy, healthyCount, outstanding)];
            routedCount[id]++;
            outstanding[id]++;
            if (!servers[id].arrive(now, w, d)) {
                outstanding[id]--;
                reject(now);
            }
        }
        scheduleNext(arrivalProcess.nextArrival());
    }

    private void reject(long now) {
        rejected++;
        listener.rejected(now);
    }

    /** Called by a server when one of its requests completed (after the server released it). */
    void completed(int target, long arrival, long start, long end) {
        completed++;
        int left = --outstanding[target];
        listener.completed(arrival, start, end);
        if (left == 0 && status[target] == DRAINING) {
            sim.cancel(drainHandle[target]);
            remove(target, end);
        }
    }

    /** Called by a server for each request it drops. */
    void droppedOne(int target, long now) {
        dropped++;
        outstanding[target]--;
        listener.dropped(now);
    }

    /**
     * A task of {@code vcpus} becomes a healthy target; returns its target id (ids are never reused, they count
     * from 0 in registration order).
     *
     * @throws IllegalArgumentException if {@code vcpus} is not finite and > 0
     */
    public int addTarget(double vcpus) {
        if (!(vcpus > 0) || Double.isInfinite(vcpus)) {
            throw new IllegalArgumentException("a target needs vcpus finite and > 0 (CPU units / 1024), got " + vcpus);
        }
        int id = targetCount;
        if (id == servers.length) {
            growTargets();
        }
        targetCount++;
        servers[id] = processorSharing
                ? new PsServer(this, id, vcpus, maxConcurrency)
                : new FcfsServer(this, id, vcpus, maxConcurrency, queueCapacity);
        status[id] = HEALTHY;
        if (healthyCount == healthy.length) {
            healthy = Arrays.copyOf(healthy, healthyCount * 2);
        }
        healthy[healthyCount++] = id;
        return id;
    }

    private void growTargets() {
        int cap = servers.length * 2;
        servers = Arrays.copyOf(servers, cap);
        status = Arrays.copyOf(status, cap);
        outstanding = Arrays.copyOf(outstanding, cap);
        routedCount = Arrays.copyOf(routedCount, cap);
        cpuAtRemoval = Arrays.copyOf(cpuAtRemoval, cap);
        drainAt = Arrays.copyOf(drainAt, cap);
        drainHandle = Arrays.copyOf(drainHandle, cap);
    }

    /**
     * The target is deregistered now: it gets no new requests; requests it holds may finish within the load
     * balancer's deregistration delay, after which the rest are dropped (counted) and the target is gone.
     * Returns when, at the latest, the target will be empty (now if it holds nothing). Deregistering a target
     * that is already draining returns its existing deadline; one that is gone, now.
     */
    public long deregister(int target) {
        long now = sim.now();
        switch (checkTarget(target)) {
            case GONE:
                return now;
            case DRAINING:
                return drainAt[target];
            default:
                break;
        }
        removeFromHealthy(target);
        if (outstanding[target] == 0) {
            remove(target, now);
            return now;
        }
        if (deregistrationDelay == 0) {
            servers[target].dropAll(now);
            remove(target, now);
            return now;
        }
        long deadline = deregistrationDelay > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + deregistrationDelay;
        status[target] = DRAINING;
        drainAt[target] = deadline;
        drainHandle[target] = sim.schedule(deadline, drainHandler, target);
        return deadline;
    }

    private void onDrainDeadline(long now, long target) {
        int id = (int) target;
        servers[id].dropAll(now);
        remove(id, now);
    }

    /** The target's task stopped abruptly (no draining): every request it holds is dropped now. No-op if gone. */
    public void kill(int target) {
        long now = sim.now();
        switch (checkTarget(target)) {
            case GONE:
                return;
            case DRAINING:
                sim.cancel(drainHandle[target]);
                break;
            default:
                removeFromHealthy(target);
                break;
        }
        servers[target].dropAll(now);
        remove(target, now);
    }

    private void removeFromHealthy(int target) {
        int pos = Arrays.binarySearch(healthy, 0, healthyCount, target);
        System.arraycopy(healthy, pos + 1, healthy, pos, healthyCount - pos - 1);
        healthyCount--;
        balancer.removed(pos);
    }

    /** The target holds nothing any more: keep its CPU total, release its server. */
    private void remove(int target, long now) {
        cpuAtRemoval[target] = servers[target].cpuBusy(now);
        servers[target] = null;
        status[target] = GONE;
        drainHandle[target] = EventQueue.NO_HANDLE;
        drainAt[target] = now;
    }

    private byte checkTarget(int target) {
        if (target < 0 || target >= targetCount) {
            throw new IllegalArgumentException("unknown target id " + target + ": this service has "
                    + (targetCount == 0 ? "no targets yet" : "target ids 0.." + (targetCount - 1)));
        }
        return status[target];
    }

    /**
     * Cumulative CPU time the target has spent serving, in vCPU-nanoseconds, up to {@code sim.now()}: FCFS
     * busy workers x speed x time, PS min(n, c) x time. A 0.5 vCPU FCFS task serving one request of 10 ms of work
     * (at 1 vCPU) is busy 20 ms of wall time and has used 10 ms of vCPU time. Frozen when the target is gone.
     */
    public double cpuBusyNanos(int target) {
        if (checkTarget(target) == GONE) {
            return cpuAtRemoval[target];
        }
        return servers[target].cpuBusy(sim.now());
    }

    /** Requests routed to the target so far, including those the task refused (for ALBRequestCountPerTarget). */
    public long routed(int target) {
        checkTarget(target);
        return routedCount[target];
    }

    /** Requests the target holds now (in CPU, waiting, or in non-CPU latency). */
    public int outstanding(int target) {
        checkTarget(target);
        return outstanding[target];
    }

    /** Healthy targets now. */
    public int healthyTargets() {
        return healthyCount;
    }

    /** True while the target is deregistered but still holds requests within its deregistration delay. */
    public boolean draining(int target) {
        return checkTarget(target) == DRAINING;
    }

    public long arrivals() {
        return arrivals;
    }

    public long completed() {
        return completed;
    }

    public long rejected() {
        return rejected;
    }

    public long dropped() {
        return dropped;
    }
}
