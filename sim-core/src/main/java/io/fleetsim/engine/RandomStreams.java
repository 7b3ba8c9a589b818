package io.fleetsim.engine;

/** SKELETON (contract): named random streams derived from (seed, name). Same seed and name, same sequence. */
public final class RandomStreams {

    public RandomStreams(long seed) {
        throw new UnsupportedOperationException("skeleton");
    }

    public long seed() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The stream for {@code name}; asking twice for one name returns the same stream object. */
    public RandomStream stream(String name) {
        throw new UnsupportedOperationException("skeleton");
    }
}
