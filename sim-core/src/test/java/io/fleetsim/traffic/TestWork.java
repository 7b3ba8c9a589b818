package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;

/** Test work distributions: exponential, constant, and a cyclic script. */
final class TestWork {

    private TestWork() {
    }

    static WorkDistribution exponential(RandomStream random, double mean) {
        return new WorkDistribution() {
            @Override
            public long sampleNanos() {
                return Math.round(random.nextExponential(mean));
            }

            @Override
            public double meanNanos() {
                return mean;
            }
        };
    }

    static WorkDistribution constant(long value) {
        return script(value);
    }

    /** The given values in turn, cyclically. */
    static WorkDistribution script(long... values) {
        return new WorkDistribution() {
            private int i;

            @Override
            public long sampleNanos() {
                long v = values[i];
                i = (i + 1) % values.length;
                return v;
            }

            @Override
            public double meanNanos() {
                double sum = 0;
                for (long v : values) {
                    sum += v;
                }
                return sum / values.length;
            }
        };
    }
}
