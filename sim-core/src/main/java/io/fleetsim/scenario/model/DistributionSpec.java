package io.fleetsim.scenario.model;

import java.util.List;

/**
 * A distribution of durations, parametrised the way a performance engineer knows their service: by its mean
 * (and its p99 or shape where the family needs a second parameter).
 *
 * @param type      {@code constant}, {@code exponential}, {@code lognormal}, {@code gamma}, {@code weibull} or
 *                  {@code empirical}
 * @param meanNanos the mean (the value, for constant); for empirical the mean of the samples
 * @param p99Nanos  lognormal: the 99th percentile; 0 otherwise
 * @param shape     gamma and weibull: the shape parameter k; 0 otherwise
 * @param samplesNanos empirical: the samples, in file order; empty otherwise
 */
public record DistributionSpec(String type, double meanNanos, double p99Nanos, double shape, List<Long> samplesNanos) {

    public DistributionSpec {
        samplesNanos = List.copyOf(samplesNanos);
    }
}
