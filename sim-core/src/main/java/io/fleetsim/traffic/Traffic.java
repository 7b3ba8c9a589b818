package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.scenario.model.ArrivalSpec;
import io.fleetsim.scenario.model.ArrivalSpec.TraceSpec;
import io.fleetsim.scenario.model.DistributionSpec;
import io.fleetsim.text.NearMiss;
import io.fleetsim.traffic.TraceFormat.TraceException;
import java.time.Instant;
import java.util.List;

/**
 * Builds the runtime traffic objects from the scenario's specs: the registry of arrival processes and duration
 * distributions by name (DESIGN.md principle 6; trace formats are in {@link TraceFormat}).
 *
 * <p>Arrival processes: {@code constant} ({@link ConstantArrivals}, first arrival at 0), {@code poisson}
 * ({@link PoissonArrivals}, or {@link ThinnedPoissonArrivals} over the {@link RateProfile} when the spec has a
 * profile) and {@code trace} ({@link TraceArrivals}). Distributions: {@code constant}, {@code exponential},
 * {@code lognormal}, {@code gamma}, {@code weibull}, {@code empirical} (the classes named {@code ...Work}).
 */
public final class Traffic {

    /** Arrival process names, sorted. */
    public static final List<String> PROCESSES = List.of("constant", "poisson", "trace");
    /** Distribution type names, sorted. */
    public static final List<String> DISTRIBUTIONS =
            List.of("constant", "empirical", "exponential", "gamma", "lognormal", "weibull");

    private Traffic() {
    }

    /**
     * The arrival process of a spec.
     *
     * @param start  wall-clock instant of simulated time 0 (daily and weekly profiles are in UTC from it)
     * @param random the stream the process draws from
     * @param endNanos no arrivals at or after this time are needed (lets a trace stop early)
     * @throws IllegalArgumentException for an unknown process, invalid parameters, or a trace that cannot be read
     *         (the message of its {@link TraceException}: file, line, what was expected)
     */
    public static ArrivalProcess arrivals(ArrivalSpec spec, Instant start, long endNanos, RandomStream random) {
        String process = spec.process();
        if ("constant".equals(process)) {
            if (spec.profile() != null) {
                throw new IllegalArgumentException("arrival process `constant` takes no profile (rate profiles apply to"
                        + " `poisson`); remove the profile or use process `poisson`");
            }
            return new ConstantArrivals(spec.ratePerSecond(), endNanos);
        }
        if ("poisson".equals(process)) {
            if (spec.profile() == null) {
                return new PoissonArrivals(spec.ratePerSecond(), endNanos, random);
            }
            return new ThinnedPoissonArrivals(RateProfile.of(spec.ratePerSecond(), spec.profile(), start), endNanos, random);
        }
        if ("trace".equals(process)) {
            TraceSpec trace = spec.trace();
            if (trace == null) {
                throw new IllegalArgumentException("arrival process `trace` needs a trace (format and path), got none");
            }
            if (spec.profile() != null) {
                throw new IllegalArgumentException("arrival process `trace` takes no profile; scale the trace instead");
            }
            long[] offsets;
            try {
                offsets = TraceFormat.read(trace.format(), trace.path());
            } catch (TraceException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return new TraceArrivals(offsets, trace.scale(), trace.shiftNanos(), endNanos);
        }
        throw new IllegalArgumentException("unknown arrival process `" + process + "`"
                + NearMiss.hintAndList(process, PROCESSES, "known processes"));
    }

    /**
     * A duration distribution of a spec, drawing from {@code random}.
     *
     * @throws IllegalArgumentException for an unknown type or invalid parameters (e.g. a lognormal p99 no
     *         lognormal can have)
     */
    public static WorkDistribution distribution(DistributionSpec spec, RandomStream random) {
        String type = spec.type();
        if (type != null) {
            switch (type) {
                case "constant":
                    return new ConstantWork(spec.meanNanos());
                case "exponential":
                    return new ExponentialWork(spec.meanNanos(), random);
                case "lognormal":
                    return new LogNormalWork(spec.meanNanos(), spec.p99Nanos(), random);
                case "gamma":
                    return new GammaWork(spec.meanNanos(), spec.shape(), random);
                case "weibull":
                    return new WeibullWork(spec.meanNanos(), spec.shape(), random);
                case "empirical":
                    return new EmpiricalWork(spec.samplesNanos(), random);
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown distribution `" + type + "`"
                + NearMiss.hintAndList(type, DISTRIBUTIONS, "known distributions"));
    }
}
