package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;
import org.apache.commons.math3.distribution.LogNormalDistribution;

/**
 * Lognormal durations given by their mean and 99th percentile, the two numbers an engineer reads off a latency
 * dashboard. With X = exp(mu + sigma Z), Z standard normal:
 *
 * <pre>
 *   mean = exp(mu + sigma^2 / 2)       p99 = exp(mu + z99 sigma),   z99 = Phi^-1(0.99) = 2.3263478740408408
 *   =>  ln(p99) - ln(mean) = z99 sigma - sigma^2 / 2
 *   =>  sigma = z99 - sqrt(z99^2 - 2 (ln(p99) - ln(mean)))     (the smaller root),   mu = ln(mean) - sigma^2 / 2
 * </pre>
 *
 * The larger root also fits both numbers but puts nearly all the mass far below the mean (a median of
 * mean x exp(-sigma^2/2) with sigma > 2.33); the smaller root is the one whose tail grows with the p99. A solution
 * exists only when {@code 0 < ln(p99 / mean) <= z99^2 / 2}, that is {@code mean < p99 <= exp(z99^2 / 2) x mean}
 * = 14.97 x mean: a lognormal cannot have a p99 below its mean, nor more than 14.97 times it.
 *
 * <p>Samples come from Commons Math's {@link LogNormalDistribution} over the run's stream: {@code exp(mu + sigma
 * x nextGaussian())} with {@code FastMath.exp}, pure Java and therefore identical on every CPU.
 *
 * <p>Caveats: real latency tails are often heavier than lognormal beyond p99.9; use an empirical distribution when
 * the far tail matters.
 */
public final class LogNormalWork implements WorkDistribution {

    /** Phi^-1(0.99), the standard normal 0.99 quantile (to double precision). */
    static final double Z99 = 2.3263478740408408;
    /** exp(Z99^2 / 2): the largest p99 / mean ratio of any lognormal (reached at sigma = Z99). */
    static final double MAX_P99_OVER_MEAN = StrictMath.exp(Z99 * Z99 / 2);

    private final LogNormalDistribution distribution;
    private final double mean;
    private final double p99;

    /**
     * @param meanNanos finite and > 0
     * @param p99Nanos  in (mean, 14.97 x mean]
     * @throws IllegalArgumentException when no lognormal has this mean and p99 (the message gives the bound)
     */
    public LogNormalWork(double meanNanos, double p99Nanos, RandomStream random) {
        WorkChecks.mean("lognormal", meanNanos, false);
        if (!(p99Nanos > meanNanos) || Double.isInfinite(p99Nanos)) {
            throw new IllegalArgumentException("lognormal distribution: expected p99 above the mean (" + meanNanos
                    + " ns), got p99 = " + p99Nanos + " ns; every lognormal has its p99 above its mean");
        }
        double gap = StrictMath.log(p99Nanos) - StrictMath.log(meanNanos);
        double discriminant = Z99 * Z99 - 2 * gap;
        if (discriminant < 0) {
            throw new IllegalArgumentException("lognormal distribution: expected p99 <= " + MAX_P99_OVER_MEAN
                    + " x mean = " + (MAX_P99_OVER_MEAN * meanNanos) + " ns (the largest p99 of a lognormal with mean "
                    + meanNanos + " ns), got p99 = " + p99Nanos + " ns (" + (p99Nanos / meanNanos) + " x mean);"
                    + " use a lower p99, a higher mean, or an empirical distribution");
        }
        double sigma = Z99 - StrictMath.sqrt(discriminant);
        double mu = StrictMath.log(meanNanos) - sigma * sigma / 2;
        this.mean = meanNanos;
        this.p99 = p99Nanos;
        this.distribution = new LogNormalDistribution(random.asCommonsMath(), mu, sigma);
    }

    @Override
    public long sampleNanos() {
        return WorkChecks.round(distribution.sample());
    }

    @Override
    public double meanNanos() {
        return mean;
    }

    /** The requested 99th percentile, nanoseconds. */
    public double p99Nanos() {
        return p99;
    }

    /** mu of the underlying normal (log-nanoseconds). */
    public double mu() {
        return distribution.getScale();
    }

    /** sigma of the underlying normal. */
    public double sigma() {
        return distribution.getShape();
    }
}
