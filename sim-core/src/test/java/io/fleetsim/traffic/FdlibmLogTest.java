package io.fleetsim.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.TestStreams;
import org.junit.jupiter.api.Test;

/**
 * {@link FdlibmLog#log(double)} must return the bits of {@link StrictMath#log(double)} (fdlibm's e_log.c, which the
 * JDK specifies StrictMath.log to be) for every argument: the request path's exponential draws depend on it.
 */
class FdlibmLogTest {

    private static void assertSameBits(double x) {
        long expected = Double.doubleToRawLongBits(StrictMath.log(x));
        long actual = Double.doubleToRawLongBits(FdlibmLog.log(x));
        if (expected != actual) {
            // NaN payloads may differ between the C and Java NaN-producing expressions; both must be NaN then.
            if (Double.isNaN(StrictMath.log(x))) {
                assertThat(FdlibmLog.log(x)).as("log(%s)", x).isNaN();
                return;
            }
            assertThat(actual).as("bits of log(%s) = %s, StrictMath.log = %s", x, FdlibmLog.log(x),
                    StrictMath.log(x)).isEqualTo(expected);
        }
    }

    @Test
    void log_specialCasesAreFdlibms() {
        // fdlibm: log(+-0) = -inf, log(x < 0) = NaN, log(NaN) = NaN, log(+inf) = +inf, log(1) = +0 exactly
        assertThat(FdlibmLog.log(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FdlibmLog.log(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FdlibmLog.log(-1.0)).isNaN();
        assertThat(FdlibmLog.log(Double.NEGATIVE_INFINITY)).isNaN();
        assertThat(FdlibmLog.log(Double.NaN)).isNaN();
        assertThat(FdlibmLog.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(FdlibmLog.log(1.0))).isZero();
        // log(2) = k ln2_hi + k ln2_lo with k = 1, f = 0: the double nearest ln 2, 0x3FE62E42FEFA39EF
        assertThat(Double.doubleToRawLongBits(FdlibmLog.log(2.0))).isEqualTo(0x3FE62E42FEFA39EFL);
        double[] xs = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, 2.0,
            0.5, Math.E, 10.0, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
            Double.MAX_VALUE, Math.nextUp(1.0), Math.nextDown(1.0), 0x1.0p-53, 1.0 - 0x1.0p-53};
        for (double x : xs) {
            assertSameBits(x);
        }
    }

    @Test
    void log_matchesStrictMathAroundEveryPowerOfTwoAndNearOne() {
        // every binade, subnormals included, at its edges and at the sqrt(2) reduction threshold
        for (int e = -1074; e <= 1023; e++) {
            double p = StrictMath.scalb(1.0, e);
            assertSameBits(p);
            assertSameBits(Math.nextUp(p));
            assertSameBits(Math.nextDown(p));
            assertSameBits(p * 1.4142135623730951);
            assertSameBits(p * 1.9999999999999998);
        }
        // |f| < 2^-20 takes fdlibm's short path: arguments within 2^-19 of 1 and of powers of two
        for (int n = 1; n <= 100_000; n++) {
            double d = n * 0x1.0p-37;
            assertSameBits(1.0 + d);
            assertSameBits(1.0 - d);
            assertSameBits(8.0 + 8 * d);
            assertSameBits(0.25 - 0.25 * d);
        }
    }

    @Test
    void log_matchesStrictMathOnRandomArguments() {
        RandomStream random = TestStreams.of(20261125L);
        // the request path's arguments: 1 - u for u uniform on the 2^53 grid of [0, 1)
        for (int n = 0; n < 3_000_000; n++) {
            assertSameBits(1.0 - random.nextDouble());
        }
        // any positive finite double: random bit patterns (sign cleared, exponent below the all-ones one)
        for (int n = 0; n < 3_000_000; n++) {
            long bits = random.nextLong() & 0x7FFF_FFFF_FFFF_FFFFL;
            double x = Double.longBitsToDouble(bits);
            assertSameBits(x);
        }
    }

    @Test
    void exponential_isTheStreamsOwnDrawBitForBit() {
        // two streams on the same seed advance identically; each value must equal nextExponential's
        RandomStream a = TestStreams.of(7);
        RandomStream b = TestStreams.of(7);
        for (int n = 0; n < 200_000; n++) {
            double mean = 1 + (n % 1000) * 1e3;
            double expected = a.nextExponential(mean);
            double actual = FdlibmLog.exponential(b, mean);
            assertThat(Double.doubleToRawLongBits(actual)).isEqualTo(Double.doubleToRawLongBits(expected));
        }
        assertThat(b.nextLong()).isEqualTo(a.nextLong());
    }

    @Test
    void exponential_rejectsAMeanThatIsNotFiniteAndPositive() {
        RandomStream random = TestStreams.of(1);
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> FdlibmLog.exponential(random, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("mean must be finite and > 0, got " + bad);
        }
    }
}
