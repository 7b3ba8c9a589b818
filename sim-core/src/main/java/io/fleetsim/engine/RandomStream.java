package io.fleetsim.engine;

/** SKELETON (contract): one deterministic random stream. Variates use StrictMath so results match across CPUs. */
public final class RandomStream {

    RandomStream(long seed) {
        throw new UnsupportedOperationException("skeleton");
    }

    public long nextLong() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Uniform in [min, max] for longs (nanosecond durations). */
    public long nextLong(long min, long maxInclusive) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Exponential with the given mean, by inversion with StrictMath.log. */
    public double nextExponential(double mean) {
        throw new UnsupportedOperationException("skeleton");
    }
}
