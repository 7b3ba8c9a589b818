package io.fleetsim.reports;

import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.ServiceTrafficResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The services with traffic across the runs of a result, for the formats that lay services out side by side:
 * each service once, in the order of first appearance (run order, then the run's traffic order, which is scenario
 * order). A variant may lack a service another variant has.
 */
final class TrafficServices {

    private TrafficServices() {
    }

    /** The service names with traffic in any run, in order of first appearance. */
    static List<String> names(List<RunResult> runs) {
        Set<String> names = new LinkedHashSet<>();
        for (RunResult run : runs) {
            for (ServiceTrafficResult t : run.traffic()) {
                names.add(t.service());
            }
        }
        return List.copyOf(names);
    }

    /** Whether any run has traffic. */
    static boolean any(List<RunResult> runs) {
        for (RunResult run : runs) {
            if (!run.traffic().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The run's traffic result for each of {@code services}, in that order; {@code null} where it has none. */
    static List<ServiceTrafficResult> of(RunResult run, List<String> services) {
        List<ServiceTrafficResult> found = new ArrayList<>(services.size());
        for (String service : services) {
            found.add(find(run, service));
        }
        return found;
    }

    /** The run's traffic result for {@code service}, or {@code null}. */
    static ServiceTrafficResult find(RunResult run, String service) {
        for (ServiceTrafficResult t : run.traffic()) {
            if (t.service().equals(service)) {
                return t;
            }
        }
        return null;
    }
}
