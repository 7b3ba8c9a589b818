package io.fleetsim.metrics;

import io.fleetsim.cluster.ClusterEvent;
import java.util.List;

/**
 * The elastic side of a run: every {@link ClusterEvent} (faults, managed scaling, deployment steps) in the order
 * they happened, and per service and per EC2 capacity provider how capacity followed load.
 *
 * @param events    every cluster event, in time order (emission order within an instant)
 * @param services  per service, in scenario order
 * @param providers per EC2 capacity provider, in cluster and provider order
 */
public record ElasticResult(List<ClusterEvent> events, List<ServiceElastic> services,
        List<ProviderElastic> providers) {

    public static final ElasticResult EMPTY = new ElasticResult(List.of(), List.of(), List.of());

    public ElasticResult {
        events = List.copyOf(events);
        services = List.copyOf(services);
        providers = List.copyOf(providers);
    }
}
