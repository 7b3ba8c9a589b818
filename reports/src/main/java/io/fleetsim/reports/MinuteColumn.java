package io.fleetsim.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import io.fleetsim.metrics.MinuteSample;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The per-minute figures of a run, one constant per column of timeseries.csv and of the {@code series} object
 * of report.json, in that order. A new {@link MinuteSample} figure is one constant here and appears in both files.
 *
 * <p>The minute number and the time are not here: each file writes them its own way (CSV an ISO instant, JSON
 * nanoseconds since the start).
 */
enum MinuteColumn {

    TASKS_PROVISIONING("tasks_provisioning", "tasksProvisioning", Value.count(MinuteSample::tasksProvisioning)),
    TASKS_PENDING("tasks_pending", "tasksPending", Value.count(MinuteSample::tasksPending)),
    TASKS_RUNNING("tasks_running", "tasksRunning", Value.count(MinuteSample::tasksRunning)),
    TASKS_STOPPING("tasks_stopping", "tasksStopping", Value.count(MinuteSample::tasksStopping)),
    TASKS_UNPLACED("tasks_unplaced", "tasksUnplaced", Value.count(MinuteSample::tasksUnplaced)),
    INSTANCES("instances", "instances", Value.count(MinuteSample::instances)),
    CPU_REGISTERED("cpu_registered", "cpuRegistered", Value.count(MinuteSample::cpuRegistered)),
    CPU_RESERVED("cpu_reserved", "cpuReserved", Value.count(MinuteSample::cpuReserved)),
    /** Cluster CPUReservation (platform-semantics.md section 5.5, ECS {@code cloudwatch-metrics.md}). */
    CPU_RESERVATION_PCT("cpu_reservation_pct", "cpuReservationPercent",
            Value.percent(MinuteSample::cpuReserved, MinuteSample::cpuRegistered)),
    MEMORY_REGISTERED("memory_registered", "memoryRegistered", Value.count(MinuteSample::memoryRegistered)),
    MEMORY_RESERVED("memory_reserved", "memoryReserved", Value.count(MinuteSample::memoryReserved)),
    /** Cluster MemoryReservation (same source). */
    MEMORY_RESERVATION_PCT("memory_reservation_pct", "memoryReservationPercent",
            Value.percent(MinuteSample::memoryReserved, MinuteSample::memoryRegistered)),
    FARGATE_TASKS("fargate_tasks", "fargateTasks", Value.count(MinuteSample::fargateTasks)),
    ACCRUED_COST_USD("accrued_cost_usd", "accruedCostUsd", Value.usd(MinuteSample::accruedCost));

    /** Every column in order (one shared copy: {@code values()} clones its array per call). */
    static final List<MinuteColumn> ALL = List.of(values());

    /** Decimals of a percentage in the CSV (a display figure, rounded HALF_UP). */
    static final int CSV_PERCENT_SCALE = 2;

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final String csvName;
    private final String jsonName;
    private final Value value;

    MinuteColumn(String csvName, String jsonName, Value value) {
        this.csvName = csvName;
        this.jsonName = jsonName;
        this.value = value;
    }

    /**
     * The number of the simulated minute a sample closes: a sample taken at the end of the first minute
     * ({@code timeNanos} = 60 s) is minute 1; a sample at the end of a final partial minute (90 s) is minute 2.
     */
    static long minuteNumber(long timeNanos) {
        if (timeNanos < 0) {
            throw new IllegalArgumentException("expected a sample time >= 0 ns, found " + timeNanos);
        }
        return timeNanos / NANOS_PER_MINUTE + (timeNanos % NANOS_PER_MINUTE == 0 ? 0 : 1);
    }

    String csvName() {
        return csvName;
    }

    String jsonName() {
        return jsonName;
    }

    /** The CSV field of this column for {@code m}: an integer, a 2-decimal percentage or empty, an exact amount. */
    String csv(MinuteSample m) {
        return value.csv(m);
    }

    /** Writes the JSON value of this column for {@code m}. */
    void json(JsonGenerator g, MinuteSample m) throws IOException {
        value.json(g, m);
    }

    /** How one kind of figure is read from a sample and written. */
    private interface Value {

        String csv(MinuteSample m);

        void json(JsonGenerator g, MinuteSample m) throws IOException;

        /** An integer count or quantity. */
        static Value count(ToLongFunction<MinuteSample> f) {
            return new Value() {
                @Override
                public String csv(MinuteSample m) {
                    return Long.toString(f.applyAsLong(m));
                }

                @Override
                public void json(JsonGenerator g, MinuteSample m) throws IOException {
                    g.writeNumber(f.applyAsLong(m));
                }
            };
        }

        /**
         * {@code part * 100 / whole}, exact from the integers: CSV 2 decimals HALF_UP, JSON
         * {@link Text#CANONICAL_SCALE} decimals HALF_EVEN; empty / null when {@code whole} is 0.
         */
        static Value percent(ToLongFunction<MinuteSample> part, ToLongFunction<MinuteSample> whole) {
            return new Value() {
                @Override
                public String csv(MinuteSample m) {
                    BigDecimal p = Text.percent(part.applyAsLong(m), whole.applyAsLong(m), CSV_PERCENT_SCALE,
                            RoundingMode.HALF_UP);
                    return p == null ? "" : p.toPlainString();
                }

                @Override
                public void json(JsonGenerator g, MinuteSample m) throws IOException {
                    BigDecimal p = Text.percent(part.applyAsLong(m), whole.applyAsLong(m), Text.CANONICAL_SCALE,
                            RoundingMode.HALF_EVEN);
                    if (p == null) {
                        g.writeNull();
                    } else {
                        g.writeNumber(p.stripTrailingZeros());
                    }
                }
            };
        }

        /** US dollars, exact: the plain decimal string in both files (a JSON string, as all money in it). */
        static Value usd(Function<MinuteSample, BigDecimal> f) {
            return new Value() {
                @Override
                public String csv(MinuteSample m) {
                    return Text.accrued(f.apply(m));
                }

                @Override
                public void json(JsonGenerator g, MinuteSample m) throws IOException {
                    g.writeString(Text.exact(f.apply(m)));
                }
            };
        }
    }
}
