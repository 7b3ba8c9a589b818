package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Weibull durations with shape k and scale {@code mean / Gamma(1 + 1/k)} (the Weibull mean is
 * {@code scale x Gamma(1 + 1/k)}). k < 1 gives a heavy tail, k = 1 is exponential, k > 1 a lighter one. Samples
 * by inversion from Commons Math's {@link WeibullDistribution} over the run's stream ({@code scale x
 * (-ln(1 - u))^(1/k)}, FastMath, identical on every CPU).
 */
public final class WeibullWork implements WorkDistribution {

    private final WeibullDistribution distribution;
    private final double mean;

    /** @param shape k, finite and > 0 */
    public WeibullWork(double meanNanos, double shape, RandomStream random) {
        WorkChecks.mean("weibull", meanNanos, false);
        WorkChecks.shape("weibull", shape);
        double scale = meanNanos / Gamma.gamma(1 + 1 / shape);
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("weibull distribution: shape k = " + shape + " is too small (Gamma(1 + 1/k)"
                    + " overflows); expected k above 1/170");
        }
        this.mean = meanNanos;
        this.distribution = new WeibullDistribution(random.asCommonsMath(), shape, scale);
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
