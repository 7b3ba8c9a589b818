package io.fleetsim.traffic;

/**
 * Receives the outcome of every request of a service (the metrics package implements it). Called from the event
 * loop; implementations must not allocate per call.
 */
public interface RequestListener {

    /** A request arrived at the load balancer (before routing; every arrival ends in one of the calls below). */
    default void arrived(long nowNanos) {
    }

    /**
     * A request completed.
     *
     * @param arrivalNanos when it arrived at the load balancer
     * @param startNanos   when it first got a worker (FCFS) or the CPU (PS): arrival + queueing delay
     * @param endNanos     when the response left the task
     */
    void completed(long arrivalNanos, long startNanos, long endNanos);

    /** A request was refused (HTTP 503): no healthy target, or the target's concurrency or queue was full. */
    void rejected(long nowNanos);

    /** An in-flight request was lost because its target stopped before finishing it. */
    void dropped(long nowNanos);
}
