package io.fleetsim.scenario.model;

/**
 * Requests a service receives and how its tasks serve them.
 *
 * @param arrivals     the open-loop arrival process
 * @param work         CPU work per request, at 1 vCPU
 * @param io           non-CPU latency per request (I/O, downstream calls) that holds a concurrency slot but not the
 *                     CPU; {@code null} for none
 * @param serving      how a task serves requests
 * @param loadBalancer how requests reach tasks
 */
public record TrafficSpec(
        ArrivalSpec arrivals,
        DistributionSpec work,
        DistributionSpec io,
        ServingSpec serving,
        LoadBalancerSpec loadBalancer) {
}
