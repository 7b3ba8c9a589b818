package io.fleetsim.scenario.model;

/**
 * When a job fires. EventBridge Scheduler expressions: {@code cron(minutes hours day-of-month month day-of-week
 * year)} in UTC, {@code rate(value unit)}, or {@code at-start} (once, at simulated time 0). Simulated time 0 is
 * the scenario's {@code start} instant, so cron fields have a calendar meaning.
 * Implementations live in {@code io.fleetsim.scenario} and are produced by the loader.
 */
public interface Schedule {

    /** The expression as written, for reports. */
    String expression();

    /**
     * The first firing at or after {@code simNanos} (nanoseconds since scenario start), or {@link Long#MAX_VALUE}
     * when the schedule never fires again.
     */
    long nextAtOrAfter(long simNanos);
}
