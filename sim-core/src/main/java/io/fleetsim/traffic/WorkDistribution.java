package io.fleetsim.traffic;

/** A distribution of durations in nanoseconds. Stateful; owns its random stream. No allocation per sample. */
public interface WorkDistribution {

    /** One sample, nanoseconds, >= 0. */
    long sampleNanos();

    /** The distribution's mean, nanoseconds (for reports and oracles). */
    double meanNanos();
}
