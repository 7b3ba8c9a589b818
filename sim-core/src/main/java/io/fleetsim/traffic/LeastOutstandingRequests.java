package io.fleetsim.traffic;

/**
 * ALB's {@code least_outstanding_requests} routing algorithm: the healthy target with the fewest requests in
 * flight. Source: AWS, "Target groups for your Application Load Balancers", routing algorithm
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#modify-routing-algorithm), paraphrased: it routes
 * each request to the target with the lowest number of in-progress requests.
 *
 * <p><b>Ties</b> (AWS does not document them; our choice): among the targets with the fewest outstanding
 * requests, the first one in round-robin order after the last chosen target wins. So with all targets equal
 * (for example all idle) the algorithm rotates exactly like {@link RoundRobin}, instead of piling every request
 * of a light load onto the first target.
 *
 * <p>One scan over the healthy targets per request, starting after the last chosen one and stopping early at the
 * first idle target (nobody can beat 0), which at moderate load ends most scans within a few entries.
 *
 * <p>Caveats: a real ALB's nodes each know only their own in-flight requests; this is one global view. O(n) in
 * the number of healthy targets per request when none is idle.
 */
public final class LeastOutstandingRequests implements LoadBalancer {

    /** Registry name, as in the ALB target group attribute {@code load_balancing.algorithm.type}. */
    public static final String NAME = "least_outstanding_requests";

    /** Position of the last chosen target; -1 before the first choice. */
    private int last = -1;

    @Override
    public int choose(int[] targets, int count, int[] outstanding) {
        int p = last + 1;
        if (p >= count) {
            p = 0;
        }
        int best = p;
        int bestCount = outstanding[targets[p]];
        for (int i = 1; i < count && bestCount != 0; i++) {
            if (++p == count) {
                p = 0;
            }
            int o = outstanding[targets[p]];
            if (o < bestCount) {
                best = p;
                bestCount = o;
            }
        }
        last = best;
        return best;
    }

    @Override
    public void removed(int position) {
        if (position <= last) {
            last--;
        }
    }
}
