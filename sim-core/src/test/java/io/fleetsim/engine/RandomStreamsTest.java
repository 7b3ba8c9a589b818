package io.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Expected numbers come from outside this code: published test vectors for FNV-1a, SplitMix64 and xoshiro256**,
 * and for derived streams an independent Python transcription of the formulas in {@link RandomStreams} and
 * {@link RandomStream} (arbitrary-precision integers masked to 64 bits).
 */
class RandomStreamsTest {

    @Test
    void fnv1a64_matchesThePublishedTestVectors() {
        // http://www.isthe.com/chongo/tech/comp/fnv/ test vectors: "" -> cbf29ce484222325, "a" -> af63dc4c8601ec8c,
        // "foobar" -> 85944171f73967e8.
        assertThat(RandomStreams.fnv1a64(new byte[0])).isEqualTo(0xcbf29ce484222325L);
        assertThat(RandomStreams.fnv1a64("a".getBytes(StandardCharsets.UTF_8))).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(RandomStreams.fnv1a64("foobar".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x85944171f73967e8L);
    }

    @Test
    void mix64_ofTheFirstSplitMix64State_matchesTheReferenceOutput() {
        // SplitMix64 seeded with 0: state becomes 0x9E3779B97F4A7C15, first output 0xE220A8397B1DCDAF.
        assertThat(RandomStreams.mix64(RandomStreams.GOLDEN_GAMMA)).isEqualTo(0xE220A8397B1DCDAFL);
    }

    @Test
    void xoshiro256StarStar_fromState1234_matchesTheReferenceVector() {
        // Reference C code (prng.di.unimi.it/xoshiro256starstar.c) with s = {1, 2, 3, 4}.
        RandomStream stream = new RandomStream(1, 2, 3, 4);
        assertThat(new long[] {stream.nextLong(), stream.nextLong(), stream.nextLong(), stream.nextLong(),
                stream.nextLong(), stream.nextLong()})
                .containsExactly(11520L, 0L, 1509978240L, 1215971899390074240L, 1216172134540287360L,
                        607988272756665600L);
        assertThatThrownBy(() -> new RandomStream(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameSeedAndName_giveTheSameFirstFiveValues() {
        // streamSeed(42, "arrivals/api") = mix64(mix64(42) + fnv1a64("arrivals/api") * GOLDEN_GAMMA)
        //                               = 6475005029405498533 (Python oracle), then xoshiro256** outputs:
        long[] expected = {-1004146267743954821L, -8539354756138615415L, 6947549820361934470L,
                -7172048450952576353L, -5015009885570212586L};
        assertThat(RandomStreams.streamSeed(42, "arrivals/api")).isEqualTo(6475005029405498533L);
        assertThat(firstFive(new RandomStreams(42).stream("arrivals/api"))).containsExactly(expected);
        assertThat(firstFive(new RandomStreams(42).stream("arrivals/api"))).containsExactly(expected);
    }

    @Test
    void streamValues_doNotDependOnOtherStreamsOrTheirCreationOrder() {
        long[] expected = {-1004146267743954821L, -8539354756138615415L, 6947549820361934470L,
                -7172048450952576353L, -5015009885570212586L};
        RandomStreams streams = new RandomStreams(42);
        // Create and draw from other streams first, in a different order than a fresh instance would.
        for (String other : new String[] {"zz/last", "service-time/api", "placement/random", "aa/first"}) {
            streams.stream(other).nextLong();
        }
        assertThat(firstFive(streams.stream("arrivals/api"))).containsExactly(expected);
    }

    @Test
    void differentNamesOrSeeds_giveDifferentSequences() {
        // Python oracle: seed 42 "service-time/api" and seed 7 "arrivals/api".
        assertThat(firstFive(new RandomStreams(42).stream("service-time/api"))).containsExactly(
                -3971228783652458211L, -3687707511102408587L, 2645861017520779352L, 2725486903306756377L,
                6230890767806992372L);
        assertThat(firstFive(new RandomStreams(7).stream("arrivals/api"))).containsExactly(
                -5945034883904399050L, 9038566605179204387L, 5160774683686293592L, 2490730182186060897L,
                2325818395426199321L);
    }

    @Test
    void differentNames_areUncorrelated() {
        // Pearson correlation of 20,000 paired uniforms; for independent streams |r| ~ 1/sqrt(20000) = 0.007.
        RandomStreams streams = new RandomStreams(3);
        RandomStream a = streams.stream("a");
        RandomStream b = streams.stream("b");
        int n = 20_000;
        double sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double x = a.nextDouble();
            double y = b.nextDouble();
            sa += x;
            sb += y;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        double r = (n * sab - sa * sb) / Math.sqrt((n * saa - sa * sa) * (n * sbb - sb * sb));
        assertThat(Math.abs(r)).isLessThan(0.03);
    }

    @Test
    void stream_returnsTheSameObjectForOneName_andRejectsEmptyNames() {
        RandomStreams streams = new RandomStreams(1);
        assertThat(streams.stream("x")).isSameAs(streams.stream("x"));
        assertThat(streams.seed()).isEqualTo(1);
        assertThatThrownBy(() -> streams.stream("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> streams.stream(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void nextDouble_isTheTop53BitsScaled() {
        // Python oracle, seed 42 "placement/random": (nextLong >>> 11) * 2^-53.
        RandomStream stream = new RandomStreams(42).stream("placement/random");
        assertThat(stream.nextDouble()).isEqualTo(0.510027056214608);
        assertThat(stream.nextDouble()).isEqualTo(0.3632198745071644);
        assertThat(stream.nextDouble()).isEqualTo(0.493449979188467);
    }

    @Test
    void nextInt_matchesLemiresMethod_andStaysInBound() {
        // Python oracle, seed 42 "placement/random", bound 10: 5, 3, 4, 7, 8.
        RandomStream stream = new RandomStreams(42).stream("placement/random");
        assertThat(new int[] {stream.nextInt(10), stream.nextInt(10), stream.nextInt(10), stream.nextInt(10),
                stream.nextInt(10)}).containsExactly(5, 3, 4, 7, 8);
        for (int bound : new int[] {1, 2, 3, 7, 1000, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE}) {
            for (int i = 0; i < 5_000; i++) {
                assertThat(stream.nextInt(bound)).isBetween(0, bound - 1);
            }
        }
        assertThatThrownBy(() -> stream.nextInt(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void nextInt_ofThree_isUniform() {
        // 300,000 draws: each count is 100,000 +- 258 (one sd); allow 1,000 (about 4 sd).
        RandomStream stream = new RandomStreams(5).stream("uniformity");
        int[] counts = new int[3];
        for (int i = 0; i < 300_000; i++) {
            counts[stream.nextInt(3)]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(99_000, 101_000);
        }
    }

    @Test
    void nextLongInRange_matchesTheOracle_andHandlesEdgeRanges() {
        // Python oracle, seed 42 "startup/delay", [1_000_000, 5_000_000]: 1172160, 1011290, 2067237.
        RandomStream stream = new RandomStreams(42).stream("startup/delay");
        assertThat(stream.nextLong(1_000_000, 5_000_000)).isEqualTo(1_172_160L);
        assertThat(stream.nextLong(1_000_000, 5_000_000)).isEqualTo(1_011_290L);
        assertThat(stream.nextLong(1_000_000, 5_000_000)).isEqualTo(2_067_237L);
        assertThat(stream.nextLong(5, 5)).isEqualTo(5);
        for (int i = 0; i < 5_000; i++) {
            assertThat(stream.nextLong(-3, 3)).isBetween(-3L, 3L);
            assertThat(stream.nextLong(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isGreaterThanOrEqualTo(Long.MAX_VALUE - 1);
        }
        // The full range is every long: it consumes exactly one nextLong, as a twin stream shows.
        RandomStream twin = new RandomStreams(42).stream("full");
        assertThat(new RandomStreams(42).stream("full").nextLong(Long.MIN_VALUE, Long.MAX_VALUE))
                .isEqualTo(twin.nextLong());
        assertThatThrownBy(() -> stream.nextLong(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min=2, maxInclusive=1");
    }

    @Test
    void nextExponential_isInversionWithStrictMathLog_andHasTheRequestedMean() {
        // First two values, seed 42 "service-time/api", mean 2.5: -2.5 * ln(1 - u) = 3.8395307946059..., 4.02470721915952...
        RandomStream stream = new RandomStreams(42).stream("service-time/api");
        assertThat(stream.nextExponential(2.5)).isCloseTo(3.839530794605908, within(1e-12));
        assertThat(stream.nextExponential(2.5)).isCloseTo(4.024707219159523, within(1e-12));
        // Mean of 200,000 draws: sd of the mean = 2.5 / sqrt(200000) = 0.0056; 1% of 2.5 = 0.025 (4.5 sd).
        double sum = 0;
        for (int i = 0; i < 200_000; i++) {
            sum += stream.nextExponential(2.5);
        }
        assertThat(sum / 200_000).isCloseTo(2.5, within(0.025));
        assertThatThrownBy(() -> stream.nextExponential(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stream.nextExponential(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stream.nextExponential(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextGaussian_hasMeanZeroAndUnitVariance() {
        // 100,000 draws: sd of the mean = 0.0032, of the variance about sqrt(2/100000) = 0.0045.
        RandomStream stream = new RandomStreams(9).stream("gauss");
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < 100_000; i++) {
            double g = stream.nextGaussian();
            sum += g;
            sumSquares += g * g;
        }
        double mean = sum / 100_000;
        assertThat(mean).isCloseTo(0, within(0.015));
        assertThat(sumSquares / 100_000 - mean * mean).isCloseTo(1, within(0.02));
    }

    @Test
    void asCommonsMath_drawsFromTheStream_andCannotBeReseeded() {
        RandomStream stream = new RandomStreams(42).stream("latency");
        RandomGenerator rng = stream.asCommonsMath();
        RandomStream twin = new RandomStreams(42).stream("latency");
        assertThat(stream.asCommonsMath()).as("one adapter per stream").isSameAs(rng);

        // NormalDistribution.sample() = mean + sd * random.nextGaussian() (Commons Math 3.6.1).
        NormalDistribution normal = new NormalDistribution(rng, 10, 2);
        assertThat(normal.sample()).isEqualTo(10 + 2 * twin.nextGaussian());
        assertThat(rng.nextInt(6)).isEqualTo(twin.nextInt(6));
        assertThat(rng.nextLong()).isEqualTo(twin.nextLong());
        assertThat(rng.nextDouble()).isEqualTo(twin.nextDouble());
        assertThat(rng.nextInt()).isEqualTo((int) (twin.nextLong() >>> 32));
        byte[] bytes = new byte[9];
        rng.nextBytes(bytes);
        long little = twin.nextLong();
        for (int i = 0; i < 8; i++) {
            assertThat(bytes[i]).isEqualTo((byte) (little >>> (8 * i)));
        }
        assertThat(bytes[8]).isEqualTo((byte) twin.nextLong());
        assertThat(rng.nextFloat()).isEqualTo((twin.nextLong() >>> 40) * 0x1.0p-24f);
        assertThat(rng.nextBoolean()).isEqualTo(twin.nextLong() < 0);
        // Draws through the adapter and the stream share one state.
        assertThat(stream.nextLong()).isEqualTo(twin.nextLong());

        assertThatThrownBy(() -> rng.setSeed(1L)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("cannot be reseeded");
        assertThatThrownBy(() -> rng.setSeed(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rng.setSeed(new int[] {1})).isInstanceOf(UnsupportedOperationException.class);
    }

    private static long[] firstFive(RandomStream stream) {
        return new long[] {stream.nextLong(), stream.nextLong(), stream.nextLong(), stream.nextLong(),
                stream.nextLong()};
    }
}
