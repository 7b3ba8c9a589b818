package io.fleetsim.engine;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * One deterministic random stream: a xoshiro256** generator (Blackman and Vigna, "Scrambled linear pseudorandom
 * number generators", ACM TOMS 2021; reference code https://prng.di.unimi.it/xoshiro256starstar.c) whose 256-bit
 * state is filled from the stream seed by SplitMix64 (Steele, Lea and Flood, OOPSLA 2014), as its authors
 * recommend. Obtain streams from {@link RandomStreams#stream(String)}.
 *
 * <p>Every value is defined by this class's integer arithmetic and {@link StrictMath}, not by
 * {@code java.util.Random} or the JDK's {@code RandomGenerator} algorithms, so a stream gives the identical
 * sequence on every JVM version and CPU (DESIGN.md, principle 2: {@code Math.log} may differ between CPUs,
 * {@code StrictMath.log} may not).
 *
 * <p>Derived variates: {@link #nextDouble()} takes the top 53 bits; {@link #nextInt(int)} uses Lemire's
 * multiply-and-reject method ("Fast random integer generation in an interval", ACM TOMACS 2019) and
 * {@link #nextLong(long, long)} rejection on the unsigned remainder, both exactly unbiased;
 * {@link #nextExponential(double)} is inversion, {@link #nextGaussian()} Marsaglia's polar method.
 *
 * <p>Caveats: not thread-safe (a stream belongs to one simulation). xoshiro256** has period 2^256 - 1 and passes
 * BigCrush, but it is not a cryptographic generator.
 */
public final class RandomStream {

    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private RandomGenerator commonsMath;

    /**
     * A stream whose state is the SplitMix64 outputs number 1 to 4 from {@code seed}: mix64(seed + k * GOLDEN_GAMMA)
     * for k = 1..4. mix64 is a bijection, so the four words are distinct and never all zero.
     */
    RandomStream(long seed) {
        this(RandomStreams.mix64(seed + RandomStreams.GOLDEN_GAMMA),
                RandomStreams.mix64(seed + 2 * RandomStreams.GOLDEN_GAMMA),
                RandomStreams.mix64(seed + 3 * RandomStreams.GOLDEN_GAMMA),
                RandomStreams.mix64(seed + 4 * RandomStreams.GOLDEN_GAMMA));
    }

    /** A stream with the given raw xoshiro256** state (tests check it against the reference vectors). */
    RandomStream(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("xoshiro256** state must not be all zero");
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /** Uniform over all 2^64 long values (xoshiro256** output). */
    public long nextLong() {
        final long result = Long.rotateLeft(s1 * 5, 7) * 9;
        final long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1): the top 53 bits of {@link #nextLong()} times 2^-53. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), exactly unbiased (Lemire's method on the top 32 bits). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFF_FFFFL;
        if (low < bound) {
            // 2^32 mod bound: the number of 32-bit values that would make the result biased
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFF_FFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Uniform in [min, maxInclusive] for longs (nanosecond durations), exactly unbiased. */
    public long nextLong(long min, long maxInclusive) {
        if (min > maxInclusive) {
            throw new IllegalArgumentException("need min <= maxInclusive, got min=" + min + ", maxInclusive=" + maxInclusive);
        }
        long range = maxInclusive - min + 1; // unsigned; 0 means all 2^64 values
        if (range == 0) {
            return nextLong();
        }
        // Values below 2^64 mod range are rejected so the remainder is uniform.
        long threshold = Long.remainderUnsigned(-range, range);
        long r = nextLong();
        while (Long.compareUnsigned(r, threshold) < 0) {
            r = nextLong();
        }
        return min + Long.remainderUnsigned(r, range);
    }

    /** Exponential with the given mean, by inversion: {@code -mean * StrictMath.log(1 - nextDouble())}. */
    public double nextExponential(double mean) {
        if (!(mean > 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be finite and > 0, got " + mean);
        }
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    /** Standard normal (mean 0, standard deviation 1) by Marsaglia's polar method; the second variate is dropped. */
    public double nextGaussian() {
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        return v1 * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }

    /** True or false with probability 1/2 each (the top bit of {@link #nextLong()}). */
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /**
     * This stream as a Commons Math {@link RandomGenerator}, so that its distributions (for example
     * {@code new LogNormalDistribution(rng, scale, shape)}) draw from it. Draws from the adapter and from this
     * stream advance the same state. {@code setSeed} throws: a stream's seed is fixed by (master seed, name).
     */
    public RandomGenerator asCommonsMath() {
        RandomGenerator adapter = commonsMath;
        if (adapter == null) {
            adapter = new CommonsMathAdapter(this);
            commonsMath = adapter;
        }
        return adapter;
    }

    /** Commons Math view of a {@link RandomStream}; every value comes from the stream's own methods. */
    private static final class CommonsMathAdapter implements RandomGenerator {
        private final RandomStream stream;

        CommonsMathAdapter(RandomStream stream) {
            this.stream = stream;
        }

        @Override
        public void setSeed(int seed) {
            throw reseed();
        }

        @Override
        public void setSeed(int[] seed) {
            throw reseed();
        }

        @Override
        public void setSeed(long seed) {
            throw reseed();
        }

        private static UnsupportedOperationException reseed() {
            return new UnsupportedOperationException(
                    "a RandomStream cannot be reseeded: its seed is derived from (master seed, stream name)");
        }

        @Override
        public void nextBytes(byte[] bytes) {
            int i = 0;
            while (i < bytes.length) {
                long r = stream.nextLong();
                for (int k = 0; k < Long.BYTES && i < bytes.length; k++, r >>>= 8) {
                    bytes[i++] = (byte) r;
                }
            }
        }

        @Override
        public int nextInt() {
            return (int) (stream.nextLong() >>> 32);
        }

        @Override
        public int nextInt(int n) {
            return stream.nextInt(n);
        }

        @Override
        public long nextLong() {
            return stream.nextLong();
        }

        @Override
        public boolean nextBoolean() {
            return stream.nextBoolean();
        }

        @Override
        public float nextFloat() {
            return (stream.nextLong() >>> 40) * 0x1.0p-24f;
        }

        @Override
        public double nextDouble() {
            return stream.nextDouble();
        }

        @Override
        public double nextGaussian() {
            return stream.nextGaussian();
        }
    }
}
