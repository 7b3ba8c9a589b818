package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;

/**
 * Exponential durations (the M of M/M/1): coefficient of variation 1, p99 = mean x ln(100) = 4.6 x mean. Drawn by
 * inversion with {@link StrictMath#log}: the values of {@link RandomStream#nextExponential(double)}, computed by
 * {@link FdlibmLog} (no native call).
 */
public final class ExponentialWork implements WorkDistribution {

    private final RandomStream random;
    private final double mean;

    /** @param meanNanos finite and > 0 */
    public ExponentialWork(double meanNanos, RandomStream random) {
        WorkChecks.mean("exponential", meanNanos, false);
        this.mean = meanNanos;
        this.random = random;
    }

    @Override
    public long sampleNanos() {
        return WorkChecks.round(FdlibmLog.exponential(random, mean));
    }

    @Override
    public double meanNanos() {
        return mean;
    }
}
