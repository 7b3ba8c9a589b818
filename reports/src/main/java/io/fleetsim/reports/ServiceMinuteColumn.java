package io.fleetsim.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import io.fleetsim.metrics.ServiceMinute;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The per-minute figures of one service's traffic ({@link ServiceMinute}), one constant per column: timeseries.csv
 * writes those with a CSV name as {@code <service>.<name>} in this order, the {@code series} object of each
 * {@code traffic} entry of report.json writes all of them.
 *
 * <p>{@code requests} in the CSV is the minute's arrivals (what a load balancer's RequestCount counts). Latencies
 * are of the requests completed in the minute, in milliseconds, exact (nanoseconds / 10^6, no rounding); a minute
 * that completed no request has no latency: an empty CSV cell, a JSON {@code null} (not the 0 of the record, which
 * would plot as a perfect minute).
 */
enum ServiceMinuteColumn {

    ARRIVALS("requests", "arrivals", Value.count(ServiceMinute::arrivals)),
    COMPLETED(null, "completed", Value.count(ServiceMinute::completed)),
    ERRORS("errors", "errors", Value.count(ServiceMinute::errors)),
    P50_MS("p50_ms", "p50Ms", Value.latency(ServiceMinute::p50Nanos)),
    P90_MS("p90_ms", "p90Ms", Value.latency(ServiceMinute::p90Nanos)),
    P99_MS("p99_ms", "p99Ms", Value.latency(ServiceMinute::p99Nanos)),
    P999_MS("p999_ms", "p999Ms", Value.latency(ServiceMinute::p999Nanos)),
    MAX_MS("max_ms", "maxMs", Value.latency(ServiceMinute::maxNanos)),
    /** Service CPUUtilization (platform-semantics.md section 5.5, ECS {@code cloudwatch-metrics.md}). */
    CPU_UTILIZATION_PCT("cpu_utilization_pct", "cpuUtilizationPercent",
            Value.decimal(ServiceMinute::cpuUtilization)),
    /** ALBRequestCountPerTarget (platform-semantics.md section 5.5, Application Auto Scaling API reference). */
    REQUESTS_PER_TARGET("requests_per_target", "requestCountPerTarget",
            Value.decimal(ServiceMinute::requestCountPerTarget)),
    HEALTHY_TARGETS("healthy_targets", "healthyTargets", Value.count(ServiceMinute::healthyTargets)),
    SLO_VIOLATED(null, "sloViolated", Value.flag(ServiceMinute::sloViolated));

    /** Every column in order. */
    static final List<ServiceMinuteColumn> ALL = List.of(values());
    /** The columns timeseries.csv writes, in order. */
    static final List<ServiceMinuteColumn> CSV = csvColumns();

    private final String csvName;
    private final String jsonName;
    private final Value value;

    ServiceMinuteColumn(String csvName, String jsonName, Value value) {
        this.csvName = csvName;
        this.jsonName = jsonName;
        this.value = value;
    }

    private static List<ServiceMinuteColumn> csvColumns() {
        List<ServiceMinuteColumn> columns = new ArrayList<>();
        for (ServiceMinuteColumn c : values()) {
            if (c.csvName != null) {
                columns.add(c);
            }
        }
        return List.copyOf(columns);
    }

    /** The CSV column name's suffix (after {@code <service>.}). */
    String csvName() {
        return csvName;
    }

    String jsonName() {
        return jsonName;
    }

    String csv(ServiceMinute m) {
        return value.csv(m);
    }

    void json(JsonGenerator g, ServiceMinute m) throws IOException {
        value.json(g, m);
    }

    /** How one kind of figure is read from a minute and written. */
    private interface Value {

        String csv(ServiceMinute m);

        void json(JsonGenerator g, ServiceMinute m) throws IOException;

        static Value count(ToLongFunction<ServiceMinute> f) {
            return new Value() {
                @Override
                public String csv(ServiceMinute m) {
                    return Long.toString(f.applyAsLong(m));
                }

                @Override
                public void json(JsonGenerator g, ServiceMinute m) throws IOException {
                    g.writeNumber(f.applyAsLong(m));
                }
            };
        }

        /** Nanoseconds as exact milliseconds; empty / null when the minute completed nothing. */
        static Value latency(ToLongFunction<ServiceMinute> nanos) {
            return new Value() {
                @Override
                public String csv(ServiceMinute m) {
                    return m.completed() == 0 ? "" : Text.millis(nanos.applyAsLong(m)).toPlainString();
                }

                @Override
                public void json(JsonGenerator g, ServiceMinute m) throws IOException {
                    if (m.completed() == 0) {
                        g.writeNull();
                    } else {
                        g.writeNumber(Text.millis(nanos.applyAsLong(m)));
                    }
                }
            };
        }

        /** A double: CSV 2 decimals HALF_UP, JSON {@link Text#canonical}; empty / null when not finite. */
        static Value decimal(ToDoubleFunction<ServiceMinute> f) {
            return new Value() {
                @Override
                public String csv(ServiceMinute m) {
                    double v = f.applyAsDouble(m);
                    return Double.isFinite(v)
                            ? new BigDecimal(v).setScale(MinuteColumn.CSV_PERCENT_SCALE, RoundingMode.HALF_UP)
                                    .toPlainString()
                            : "";
                }

                @Override
                public void json(JsonGenerator g, ServiceMinute m) throws IOException {
                    BigDecimal v = Text.canonical(f.applyAsDouble(m));
                    if (v == null) {
                        g.writeNull();
                    } else {
                        g.writeNumber(v);
                    }
                }
            };
        }

        static Value flag(Predicate<ServiceMinute> f) {
            return new Value() {
                @Override
                public String csv(ServiceMinute m) {
                    return Boolean.toString(f.test(m));
                }

                @Override
                public void json(JsonGenerator g, ServiceMinute m) throws IOException {
                    g.writeBoolean(f.test(m));
                }
            };
        }
    }
}
