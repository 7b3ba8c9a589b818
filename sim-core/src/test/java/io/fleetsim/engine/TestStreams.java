package io.fleetsim.engine;

/** Seeded {@link RandomStream}s for tests of other packages (the constructor is package-private). */
public final class TestStreams {

    private TestStreams() {
    }

    public static RandomStream of(long seed) {
        return new RandomStream(seed);
    }
}
