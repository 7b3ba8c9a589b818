package io.fleetsim.traffic;

import io.fleetsim.engine.Simulator;
import io.fleetsim.scenario.model.LoadBalancerSpec;
import io.fleetsim.scenario.model.ServingSpec;

/**
 * SKELETON (contract): every request of one service, from arrival at its load balancer to a task and back.
 * Targets (tasks) join when the cluster says they are healthy and leave when they stop; the class schedules its
 * own events on the simulator (arrivals, completions) and reports outcomes to a {@link RequestListener}.
 * No allocation per request in the steady state.
 */
public final class ServiceTraffic {

    /**
     * @param work     CPU work per request at 1 vCPU
     * @param io       non-CPU latency per request, or {@code null}
     * @param listener receives every outcome
     */
    public ServiceTraffic(Simulator sim, ArrivalProcess arrivals, WorkDistribution work, WorkDistribution io,
            ServingSpec serving, LoadBalancerSpec loadBalancer, RequestListener listener) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Schedules the first arrival. Call once. */
    public void start() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** A task of {@code vcpus} becomes a healthy target; returns its target id (ids are never reused). */
    public int addTarget(double vcpus) {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * The target is deregistered now: it gets no new requests; requests it holds may finish within the load
     * balancer's deregistration delay, after which the rest are dropped (counted) and the target is gone.
     * Returns when, at the latest, the target will be empty (now if it holds nothing).
     */
    public long deregister(int target) {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * The target's task stopped abruptly (no draining): every request it holds is dropped now.
     */
    public void kill(int target) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Cumulative CPU time the target has spent serving, in vCPU-nanoseconds (for utilization). */
    public double cpuBusyNanos(int target) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Requests routed to the target so far (for ALBRequestCountPerTarget). */
    public long routed(int target) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Requests the target holds now (in CPU, waiting, or in non-CPU latency). */
    public int outstanding(int target) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Healthy targets now. */
    public int healthyTargets() {
        throw new UnsupportedOperationException("skeleton");
    }

    public long arrivals() {
        throw new UnsupportedOperationException("skeleton");
    }

    public long completed() {
        throw new UnsupportedOperationException("skeleton");
    }

    public long rejected() {
        throw new UnsupportedOperationException("skeleton");
    }

    public long dropped() {
        throw new UnsupportedOperationException("skeleton");
    }
}
