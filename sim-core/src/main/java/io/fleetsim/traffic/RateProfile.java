package io.fleetsim.traffic;

import io.fleetsim.scenario.model.ArrivalSpec.ProfileSpec;
import java.time.Instant;

/**
 * A time-varying arrival rate, in requests per second, as a function of simulated time. Non-homogeneous Poisson
 * arrivals sample it exactly by thinning ({@link ThinnedPoissonArrivals}), which needs an upper bound of the rate:
 * {@link #maxRatePerSecond()} over all time, and optionally a tighter bound over a window.
 *
 * <p>Implementations are cheap to evaluate and allocate nothing per call (thinning calls
 * {@link #ratePerSecond(long)} once per candidate arrival).
 */
public interface RateProfile {

    /** The rate at {@code tNanos} (nanoseconds since scenario start), requests per second, finite and >= 0. */
    double ratePerSecond(long tNanos);

    /** An upper bound of {@link #ratePerSecond(long)} over all t >= 0 (exact or conservative), finite. */
    double maxRatePerSecond();

    /**
     * An upper bound of the rate over {@code [fromNanos, toNanos)} ({@code fromNanos < toNanos}). The default is
     * the global bound; implementations give a tighter one so that thinning rejects fewer candidates.
     */
    default double maxRatePerSecond(long fromNanos, long toNanos) {
        return maxRatePerSecond();
    }

    /**
     * A lower bound of the rate over the closed interval {@code [fromNanos, toNanos]} ({@code fromNanos <=
     * toNanos}), which must hold for the {@code double} values {@link #ratePerSecond(long)} returns, not only for
     * the real function (so an implementation that computes the rate with rounding leaves a margin). Thinning
     * accepts a candidate whose uniform draw falls below it without evaluating the rate (a squeeze, Marsaglia's
     * term for a cheap inner bound); the decision, and so every arrival, is the same. The default, 0, never
     * squeezes.
     */
    default double minRatePerSecond(long fromNanos, long toNanos) {
        return 0;
    }

    /**
     * The profile of a scenario: {@code base(t) x daily(t) x weekly(t) x bursts(t)} (the formula of
     * {@link ProfileSpec}), where base is {@code ratePerSecond} changed by the steps.
     *
     * @param start wall-clock instant of simulated time 0; the daily and weekly shapes are in UTC from it
     * @throws IllegalArgumentException for a negative or non-finite rate, or an invalid part of the profile
     */
    static RateProfile of(double ratePerSecond, ProfileSpec profile, Instant start) {
        RateProfile rate = new StepRate(ratePerSecond, profile.steps());
        if (profile.daily() != null) {
            rate = new DailyProfile(rate, profile.daily(), start);
        }
        if (!profile.weekly().isEmpty()) {
            rate = new WeeklyProfile(rate, profile.weekly(), start);
        }
        if (!profile.bursts().isEmpty()) {
            rate = new BurstProfile(rate, profile.bursts());
        }
        return rate;
    }
}
