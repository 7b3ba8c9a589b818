package io.fleetsim.experiment;

/** Receives progress of running variants (called from the run threads; implementations must be thread-safe). */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (variant, simNanos, durationNanos) -> { };

    /** {@code variant} has simulated {@code simNanos} of {@code durationNanos}. */
    void progress(String variant, long simNanos, long durationNanos);
}
