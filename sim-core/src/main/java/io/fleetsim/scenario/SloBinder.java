package io.fleetsim.scenario;

import io.fleetsim.scenario.YamlNode.Entry;
import io.fleetsim.scenario.model.SloSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a service's {@code slo}: a latency bound on one percentile, a bound on the error rate, or both. A part
 * left out is no bound: {@code errorRate} 1, {@code latencyPercentile} 0 (model {@link SloSpec}).
 */
final class SloBinder {

    static final List<String> KEYS = List.of("latency", "errorRate");
    /** The percentiles a latency bound may name, and their value. */
    static final Map<String, Double> PERCENTILES = new LinkedHashMap<>();

    static {
        PERCENTILES.put("p50", 50.0);
        PERCENTILES.put("p90", 90.0);
        PERCENTILES.put("p95", 95.0);
        PERCENTILES.put("p99", 99.0);
        PERCENTILES.put("p99.9", 99.9);
    }

    private static final String FRACTION = "a fraction such as `0.1%` or `0.001`";

    private SloBinder() {
    }

    /** The SLO at {@code node}, or {@code null} after reporting its problems. */
    static SloSpec bind(Reader r, YamlNode node, String path) {
        Reader.Fields f = r.fields(node, path, KEYS, Map.of());
        if (f == null) {
            return null;
        }
        int before = r.problems().size();
        if (!f.has("latency") && !f.has("errorRate")) {
            r.problems().at(node, path, "an SLO needs `latency`, `errorRate` or both, e.g. "
                    + "`slo: { latency: { p99: 250ms }, errorRate: 0.1% }`");
            return null;
        }
        double percentile = 0;
        long bound = 0;
        if (f.has("latency")) {
            String lPath = f.path("latency");
            Reader.Fields l = r.fields(f.get("latency"), lPath, new ArrayList<>(PERCENTILES.keySet()), Map.of());
            if (l != null) {
                List<Entry> given = new ArrayList<>();
                for (Entry e : l.node().entries().values()) {
                    if (PERCENTILES.containsKey(e.key())) {
                        given.add(e);
                    }
                }
                if (given.isEmpty() && l.node().entries().isEmpty()) {
                    r.problems().at(l.node(), lPath, "a latency bound names one percentile, e.g. `{ p99: 250ms }`; "
                            + "one of " + String.join(", ", PERCENTILES.keySet()));
                } else if (given.size() > 1) {
                    r.problems().atKey(given.get(1), Reader.child(lPath, given.get(1).key()), "an SLO bounds one "
                            + "latency percentile; found `" + given.get(0).key() + "` and `" + given.get(1).key()
                            + "` (keep one)");
                } else if (given.size() == 1) {
                    Entry e = given.get(0);
                    String bPath = Reader.child(lPath, e.key());
                    Long b = r.quantity(e.value(), bPath, Reader.DURATION, Units::parseDuration);
                    if (b != null && b <= 0) {
                        r.problems().at(e.value(), bPath, "a latency bound must be longer than 0s");
                    } else if (b != null) {
                        percentile = PERCENTILES.get(e.key());
                        bound = b;
                    }
                }
            }
        }
        double errorRate = 1;
        if (f.has("errorRate")) {
            BigDecimal v = r.quantity(f.get("errorRate"), f.path("errorRate"), FRACTION,
                    Units::parseFraction);
            errorRate = v == null ? 1 : v.doubleValue();
        }
        return r.problems().size() > before ? null : new SloSpec(percentile, bound, errorRate);
    }
}
