package io.fleetsim.traffic;

/**
 * An open-loop arrival process: successive arrival times, independent of how the system responds. Stateful; owns
 * its random stream. Implementations must not allocate per call.
 */
public interface ArrivalProcess {

    /** The next arrival, nanoseconds since scenario start, non-decreasing; {@link Long#MAX_VALUE} when exhausted. */
    long nextArrival();
}
