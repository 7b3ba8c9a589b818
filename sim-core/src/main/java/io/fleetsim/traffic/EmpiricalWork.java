package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;
import java.util.List;

/**
 * Resamples measured durations: each sample is one of the given values, chosen uniformly (with replacement) by
 * {@link RandomStream#nextInt(int)}, which is exactly unbiased. Reproduces the measured distribution, tail
 * included, without fitting a family.
 *
 * <p>Caveats: it never produces a value that was not measured, so the tail beyond the largest sample is cut off;
 * a few thousand samples are needed for a trustworthy p99.
 */
public final class EmpiricalWork implements WorkDistribution {

    private final long[] samples;
    private final double mean;
    private final RandomStream random;

    /** @param samplesNanos at least one value, each >= 0 */
    public EmpiricalWork(List<Long> samplesNanos, RandomStream random) {
        if (samplesNanos.isEmpty()) {
            throw new IllegalArgumentException("empirical distribution: expected at least one sample, got none");
        }
        samples = new long[samplesNanos.size()];
        double sum = 0;
        for (int i = 0; i < samples.length; i++) {
            long v = samplesNanos.get(i);
            if (v < 0) {
                throw new IllegalArgumentException("empirical distribution: sample " + (i + 1)
                        + ": expected a duration >= 0 ns, got " + v);
            }
            samples[i] = v;
            sum += v;
        }
        this.mean = sum / samples.length;
        this.random = random;
    }

    @Override
    public long sampleNanos() {
        return samples[random.nextInt(samples.length)];
    }

    /** The mean of the samples. */
    @Override
    public double meanNanos() {
        return mean;
    }
}
