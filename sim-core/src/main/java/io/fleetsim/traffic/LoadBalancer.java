package io.fleetsim.traffic;

/**
 * A routing algorithm of a load balancer's target group: picks which healthy target receives the next request.
 * Instances are created by name through {@link LoadBalancers#create(String)}; one instance serves one service.
 *
 * <p>The caller keeps the healthy targets in registration order in {@code targets[0..count)} (target ids, which
 * only grow, so the list is also sorted by id) and the number of requests each target holds in
 * {@code outstanding[targetId]}. When a target leaves the list, the caller shifts the later entries down by one
 * and calls {@link #removed(int)} with the position it had, so that an algorithm that remembers a position can
 * keep rotating from the same place. New targets are appended at the end.
 *
 * <p>Implementations are called once per request from the event loop: they must not allocate.
 */
public interface LoadBalancer {

    /**
     * The position in {@code targets} of the target for the next request.
     *
     * @param targets     healthy target ids in registration order, entries {@code 0..count-1}
     * @param count       number of healthy targets, at least 1
     * @param outstanding requests held by each target, indexed by target id
     */
    int choose(int[] targets, int count, int[] outstanding);

    /** The target at {@code position} left the list (later entries moved down by one). */
    void removed(int position);
}
