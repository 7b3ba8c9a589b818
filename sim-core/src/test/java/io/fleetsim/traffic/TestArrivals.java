package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;

/** Test arrival processes: Poisson (exponential gaps, rounded to ns) and a fixed script. */
final class TestArrivals {

    private TestArrivals() {
    }

    /** Poisson arrivals of mean gap {@code meanGapNanos}, the first one gap after 0, none at or after {@code end}. */
    static ArrivalProcess poisson(RandomStream random, double meanGapNanos, long end) {
        return new ArrivalProcess() {
            private long t;

            @Override
            public long nextArrival() {
                t += Math.round(random.nextExponential(meanGapNanos));
                return t < end ? t : Long.MAX_VALUE;
            }
        };
    }

    /** The given times, then exhausted. */
    static ArrivalProcess script(long... times) {
        return new ArrivalProcess() {
            private int i;

            @Override
            public long nextArrival() {
                return i < times.length ? times[i++] : Long.MAX_VALUE;
            }
        };
    }
}
