package io.fleetsim.traffic;

/**
 * ALB's {@code round_robin} routing algorithm (the default): targets in turn, in registration order.
 * Source: AWS, "Target groups for your Application Load Balancers", routing algorithm
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#modify-routing-algorithm), paraphrased: round robin
 * routes requests evenly across the healthy targets, in sequential order; it is the default.
 *
 * <p>Keeps the position of the next target; a removal before it moves it back by one so that the rotation carries
 * on with the target that followed the last chosen one. A target registered later joins at the end of the cycle.
 *
 * <p>Caveats: a real ALB has several nodes (at least one per enabled zone) that each rotate on their own, and
 * cross-zone load balancing settings change who sees which target; this is one logical rotation.
 */
public final class RoundRobin implements LoadBalancer {

    /** Registry name, as in the ALB target group attribute {@code load_balancing.algorithm.type}. */
    public static final String NAME = "round_robin";

    private int next;

    @Override
    public int choose(int[] targets, int count, int[] outstanding) {
        int p = next;
        if (p >= count) {
            p = 0;
        }
        next = p + 1;
        return p;
    }

    @Override
    public void removed(int position) {
        if (position < next) {
            next--;
        }
    }
}
