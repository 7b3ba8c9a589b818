package io.fleetsim.scenario.model;

/**
 * How one task serves requests.
 *
 * @param discipline     {@code fcfs}: ceil(c) workers, each at speed min(c, 1) vCPU, first come first served;
 *                       {@code ps}: processor sharing of c vCPU, each request at most 1 vCPU
 * @param maxConcurrency requests a task holds at once (in CPU or in non-CPU latency); 0 = unlimited
 * @param queueCapacity  fcfs: requests that may wait for a worker; beyond it they are rejected (HTTP 503);
 *                       0 = unlimited
 */
public record ServingSpec(String discipline, int maxConcurrency, int queueCapacity) {
}
