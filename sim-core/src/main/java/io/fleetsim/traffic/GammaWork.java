package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;
import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * Gamma durations with shape k and scale {@code mean / k} (so the mean is as given): coefficient of variation
 * {@code 1 / sqrt(k)}; k = 1 is exponential, larger k is more regular (k = 4: CV 0.5). Samples from Commons Math's
 * {@link GammaDistribution} (Marsaglia and Tsang's method for k >= 1, Ahrens and Dieter's GS for k < 1) over the
 * run's stream, with FastMath: pure Java, identical on every CPU.
 */
public final class GammaWork implements WorkDistribution {

    private final GammaDistribution distribution;
    private final double mean;

    /** @param shape k, finite and > 0 */
    public GammaWork(double meanNanos, double shape, RandomStream random) {
        WorkChecks.mean("gamma", meanNanos, false);
        WorkChecks.shape("gamma", shape);
        this.mean = meanNanos;
        this.distribution = new GammaDistribution(random.asCommonsMath(), shape, meanNanos / shape);
    }

    @Override
    public long sampleNanos() {
        return WorkChecks.round(distribution.sample());
    }

    @Override
    public double meanNanos() {
        return mean;
    }
}
