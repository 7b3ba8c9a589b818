package io.fleetsim.traffic;

/** Every request takes exactly the mean (rounded to a nanosecond): deterministic service, the D of M/D/1. */
public final class ConstantWork implements WorkDistribution {

    private final long nanos;
    private final double mean;

    /** @param meanNanos the duration, finite and >= 0 */
    public ConstantWork(double meanNanos) {
        WorkChecks.mean("constant", meanNanos, true);
        this.mean = meanNanos;
        this.nanos = Math.round(meanNanos);
    }

    @Override
    public long sampleNanos() {
        return nanos;
    }

    @Override
    public double meanNanos() {
        return mean;
    }
}
