package io.fleetsim.experiment;

/** Receives progress of running variants (called from the run threads; implementations must be thread-safe). */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (variant, simNanos, durationNanos) -> { };

    /** {@code variant} has simulated {@code simNanos} of {@code durationNanos}. */
    void progress(String variant, long simNanos, long durationNanos);

    /**
     * {@code variant} has finished after {@code wallNanos} of wall-clock time, of which its run thread spent
     * {@code cpuNanos} on the CPU ({@code -1} when the JVM cannot measure thread CPU time). Wall-clock figures are
     * for the terminal only, never for a report (reports are deterministic). Does nothing by default.
     */
    default void finished(String variant, long wallNanos, long cpuNanos) {
    }
}
