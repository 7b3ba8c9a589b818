package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.scenario.model.ArrivalSpec;
import io.fleetsim.scenario.model.DistributionSpec;
import java.time.Instant;

/**
 * SKELETON (contract): builds the runtime traffic objects from the scenario's specs (the registry of arrival
 * processes, distributions and trace formats by name, DESIGN.md principle 6).
 */
public final class Traffic {

    private Traffic() {
    }

    /**
     * The arrival process of a spec.
     *
     * @param start  wall-clock instant of simulated time 0 (daily and weekly profiles are in UTC from it)
     * @param random the stream the process draws from
     * @param endNanos no arrivals at or after this time are needed (lets a trace stop early)
     */
    public static ArrivalProcess arrivals(ArrivalSpec spec, Instant start, long endNanos, RandomStream random) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** A duration distribution of a spec, drawing from {@code random}. */
    public static WorkDistribution distribution(DistributionSpec spec, RandomStream random) {
        throw new UnsupportedOperationException("skeleton");
    }
}
