package io.fleetsim.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The named random streams of one run. Every random consumer (an arrival process, a service-time distribution,
 * a placement tie-break ...) asks for its own stream by a stable name, and each stream's seed is derived from
 * (master seed, name) alone:
 *
 * <pre>
 *   nameHash   = FNV-1a 64 over the UTF-8 bytes of name
 *   streamSeed = mix64(mix64(masterSeed) + nameHash * GOLDEN_GAMMA)
 * </pre>
 *
 * where {@code mix64} is the SplitMix64 finalizer (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014; the constants are Stafford's "Mix13") and {@code GOLDEN_GAMMA} is 2^64 divided by the
 * golden ratio, an odd number. FNV-1a is the public-domain hash by Fowler, Noll and Vo
 * (http://www.isthe.com/chongo/tech/comp/fnv/). Consequences:
 * <ul>
 *   <li>The same (seed, name) gives the identical sequence on every JVM and CPU, whatever other streams exist
 *       and in whatever order they were created: adding a consumer does not perturb another, and variants run on
 *       the same seed see the same arrivals (common random numbers, DESIGN.md principle 2).</li>
 *   <li>For one master seed, names with different FNV-1a hashes get different stream seeds (every step is a
 *       bijection of the hash), and the streams start at unrelated points of xoshiro256**'s 2^256 - 1 period.</li>
 * </ul>
 *
 * <p>Caveats: not thread-safe; a run owns its {@code RandomStreams}. Two names with the same 64-bit FNV-1a hash
 * would share a sequence (astronomically unlikely for human-chosen names, but not impossible). Independence
 * between streams is statistical (distinct seeds through a strong mixer), not a proven non-overlap of
 * sub-sequences as with xoshiro's jump functions.
 */
public final class RandomStreams {

    /** 2^64 / golden ratio, the SplitMix64 increment (odd, so multiplying by it is a bijection). */
    static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private static final long FNV_OFFSET_BASIS = 0xCBF2_9CE4_8422_2325L;
    private static final long FNV_PRIME = 0x0000_0100_0000_01B3L;

    private final long seed;
    /** Insertion order is irrelevant to values; a TreeMap keeps any iteration (debug output) deterministic. */
    private final Map<String, RandomStream> streams = new TreeMap<>();

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The master seed of the run. */
    public long seed() {
        return seed;
    }

    /**
     * The stream for {@code name}; asking twice for one name returns the same stream object.
     *
     * @throws IllegalArgumentException if {@code name} is empty
     */
    public RandomStream stream(String name) {
        RandomStream stream = streams.get(checkName(name));
        if (stream == null) {
            stream = new RandomStream(streamSeed(seed, name));
            streams.put(name, stream);
        }
        return stream;
    }

    /** The seed of stream {@code name} under master seed {@code seed} (formula in the class comment). */
    static long streamSeed(long seed, String name) {
        return mix64(mix64(seed) + fnv1a64(checkName(name).getBytes(StandardCharsets.UTF_8)) * GOLDEN_GAMMA);
    }

    private static String checkName(String name) {
        if (name == null) {
            throw new NullPointerException("stream name must not be null");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("stream name must not be empty; use a stable name such as \"arrivals/api\"");
        }
        return name;
    }

    /** 64-bit FNV-1a. */
    static long fnv1a64(byte[] bytes) {
        long h = FNV_OFFSET_BASIS;
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** The SplitMix64 finalizer (a bijection on longs). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
