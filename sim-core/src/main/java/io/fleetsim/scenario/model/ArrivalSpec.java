package io.fleetsim.scenario.model;

import java.util.List;

/**
 * An open-loop arrival process (arrivals do not wait for responses, so there is no coordinated omission).
 *
 * @param process       {@code constant} (evenly spaced), {@code poisson}, or {@code trace}
 * @param ratePerSecond mean rate for constant and poisson (before the profile); 0 for trace
 * @param profile       time-varying rate for poisson (sampled exactly by thinning); {@code null} for a flat rate
 * @param trace         the trace to replay for {@code trace}; {@code null} otherwise
 */
public record ArrivalSpec(String process, double ratePerSecond, ProfileSpec profile, TraceSpec trace) {

    /**
     * Rate multipliers and changes over time. The rate at t is
     * {@code base(t) x daily(t) x weekly(t) x bursts(t)}, where base(t) is {@code ratePerSecond} changed by the
     * last step at or before t.
     *
     * @param daily  sinusoidal daily shape, or {@code null}
     * @param weekly seven day multipliers, Monday first, or empty; normalised by the loader to mean 1
     * @param bursts multiplicative bursts, possibly empty
     * @param steps  step changes of the base rate, sorted by time, possibly empty
     */
    public record ProfileSpec(DailySpec daily, List<Double> weekly, List<BurstSpec> bursts, List<StepSpec> steps) {
        public ProfileSpec {
            weekly = List.copyOf(weekly);
            bursts = List.copyOf(bursts);
            steps = List.copyOf(steps);
        }
    }

    /**
     * {@code 1 + (peakToMean - 1) x cos(2 pi (t - peakAt) / 1 day)}: mean 1 over a day, peakToMean at
     * {@code peakAt}; peakToMean in [1, 2] so the rate never goes negative.
     *
     * @param peakToMean     peak rate over mean rate
     * @param peakAtNanosOfDay time of day (UTC, from the scenario start's midnight) of the peak
     */
    public record DailySpec(double peakToMean, long peakAtNanosOfDay) {
    }

    /** The rate is multiplied by {@code multiplier} during [start, start + duration). */
    public record BurstSpec(long startNanos, long durationNanos, double multiplier) {
    }

    /** From {@code atNanos} on, the base rate is {@code ratePerSecond}. */
    public record StepSpec(long atNanos, double ratePerSecond) {
    }

    /**
     * A trace of arrival timestamps replayed in simulated time.
     *
     * @param format     trace format name, e.g. {@code azure-llm} or {@code seconds}
     * @param path       the file, resolved by the loader (relative paths against the scenario file's folder)
     * @param scale      rate scaling: 2.0 replays twice as fast (timestamps divided by 2)
     * @param shiftNanos the trace's first arrival lands at this simulated time
     */
    public record TraceSpec(String format, java.nio.file.Path path, double scale, long shiftNanos) {
    }
}
