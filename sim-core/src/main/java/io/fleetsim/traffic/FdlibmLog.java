package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;

/**
 * The natural logarithm of fdlibm 5.3 ({@code e_log.c}, {@code __ieee754_log}) in Java, so that the request path
 * draws exponential variates with the exact values of {@link StrictMath#log} without its native call.
 *
 * <p>Why: {@link StrictMath#log} is defined as fdlibm's result, bit for bit (its Javadoc), and the simulator uses it
 * for every exponential draw so that a run is the same on every JVM and CPU (DESIGN.md principle 2). On Java 17 it is
 * a JNI call into the JDK's C fdlibm; the profile of {@code scenarios/bench/day-1k-rps.yaml} showed that call and
 * its transition as the largest single cost of a request (about 40% of the samples, benchmarks/README.md,
 * "profile-guided pass"). The same algorithm compiled by the JIT returns the same bits (fdlibm uses only IEEE 754
 * double operations in round-to-nearest, which Java's strict arithmetic reproduces exactly) and costs a few
 * nanoseconds. Java 21 made the same move in the JDK itself ({@code java.lang.FdLibm.Log}).
 * {@code FdlibmLogTest} checks the bits against {@link StrictMath#log} on every special case, every binade and
 * millions of random arguments.
 *
 * <p>Method (fdlibm's comment, abridged): reduce {@code x} to {@code 2^k (1 + f)} with {@code sqrt(2)/2 < 1 + f <
 * sqrt(2)}; approximate {@code log(1 + f) = f - s (f - R)} with {@code s = f / (2 + f)} and {@code R} a degree-14
 * polynomial in {@code s} (error below 2^-58.45); return {@code k ln2_hi + (f - (hfsq - (s (hfsq + R) + k ln2_lo)))}.
 * Special cases: log(x) is NaN for x &lt; 0 or NaN, -Infinity at +-0, +Infinity at +Infinity.
 *
 * <p>fdlibm's notice, which its licence asks to keep: "Copyright (C) 1993 by Sun Microsystems, Inc. All rights
 * reserved. Developed at SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and distribute
 * this software is freely granted, provided that this notice is preserved."
 */
final class FdlibmLog {

    private static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 fee00000
    private static final double LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
    private static final double TWO54 = 1.80143985094819840000e+16;  // 0x43500000 00000000
    private static final double LG1 = 6.666666666666735130e-01;      // 0x3FE55555 55555593
    private static final double LG2 = 3.999999999940941908e-01;      // 0x3FD99999 9997FA04
    private static final double LG3 = 2.857142874366239149e-01;      // 0x3FD24924 94229359
    private static final double LG4 = 2.222219843214978396e-01;      // 0x3FCC71C5 1D8E78AF
    private static final double LG5 = 1.818357216161805012e-01;      // 0x3FC74664 96CB03DE
    private static final double LG6 = 1.531383769920937332e-01;      // 0x3FC39A09 D078C69F
    private static final double LG7 = 1.479819860511658591e-01;      // 0x3FC2F112 DF3E5244

    private FdlibmLog() {
    }

    /** {@code StrictMath.log(x)}, bit for bit. */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        int lx = (int) bits;
        int k = 0;
        if (hx < 0x00100000) { // x < 2^-1022
            if (((hx & 0x7fffffff) | lx) == 0) {
                return -TWO54 / 0.0; // log(+-0) = -inf
            }
            if (hx < 0) {
                return (x - x) / 0.0; // log(-#) = NaN
            }
            k -= 54;
            x *= TWO54; // subnormal, scale up x
            bits = Double.doubleToRawLongBits(x);
            hx = (int) (bits >> 32);
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        // normalize x or x/2: set the high word, keep the low word
        x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xFFFF_FFFFL));
        k += i >> 20;
        double f = x - 1.0;
        if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                double dk = k;
                return dk * LN2_HI + dk * LN2_LO;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) {
                return f - r;
            }
            double dk = k;
            return dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        double s = f / (2.0 + f);
        double dk = k;
        double z = s * s;
        i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        i |= j;
        double r = t2 + t1;
        if (i > 0) {
            double hfsq = 0.5 * f * f;
            if (k == 0) {
                return f - (hfsq - s * (hfsq + r));
            }
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }

    /**
     * {@code random.nextExponential(mean)}, the same value and the same draw: {@code -mean * log(1 - nextDouble())},
     * with the same argument check.
     */
    static double exponential(RandomStream random, double mean) {
        if (!(mean > 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be finite and > 0, got " + mean);
        }
        return -mean * log(1.0 - random.nextDouble());
    }
}
