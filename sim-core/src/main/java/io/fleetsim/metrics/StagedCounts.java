package io.fleetsim.metrics;

import org.HdrHistogram.Histogram;

/**
 * Per-request recording in front of an HdrHistogram of {@link ServiceLatency}'s layout (lowest discernible value 1,
 * {@value ServiceLatency#SIGNIFICANT_DIGITS} significant digits, highest {@link ServiceLatency#HIGHEST_TRACKABLE_NANOS}):
 * {@link #record(long)} increments a count in a plain {@code long[]} laid out like the histogram's counts array;
 * {@link #flushInto(Histogram)} adds the staged counts to the histogram, one {@code recordValueWithCount} per
 * non-empty bucket, and clears them.
 *
 * <p>Why: the profile of {@code scenarios/bench/day-1k-rps.yaml} put about 15% of the samples in
 * {@code Histogram.recordValue}, mostly in its {@code updateMinAndMax} (two volatile fields read on every call, kept
 * for HdrHistogram's concurrent variants). Here a record is the index arithmetic and one array increment.
 *
 * <p>Same result: a bucket's count, the total count and every figure read from the histogram are those of
 * recording each value. HdrHistogram maps a value to the index computed below (its {@code countsArrayIndex}), counts
 * per index only, and reports minimum and maximum through {@code lowestEquivalentValue} and
 * {@code highestEquivalentValue} of the recorded extremes, so recording the bucket's lowest value {@code count}
 * times leaves every public figure, percentile, mean, max, the encoded interval log, equal (StagedCountsTest
 * checks it value by value).
 *
 * <p>Index arithmetic for this layout (HdrHistogram's constructor, AbstractHistogram): unit magnitude 0;
 * sub-buckets of 2^11 = 2048 (the power of two at or above 2 x 10^3), half count 1024; 33 x 1024 = 33,792 counts
 * (32 buckets reach 2048 x 2^31 > 3.6 x 10^12); bucket index = 53 - numberOfLeadingZeros(v | 2047), sub-bucket
 * index = v >>> bucket index, counts index = (bucket index + 1) x 1024 + sub-bucket index - 1024.
 *
 * <p>Caveats: values must be in [0, {@link ServiceLatency#HIGHEST_TRACKABLE_NANOS}] (the caller clamps);
 * the histogram is up to date only after {@link #flushInto(Histogram)}.
 */
final class StagedCounts {

    private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = 10;
    private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
    private static final long SUB_BUCKET_MASK = 2 * SUB_BUCKET_HALF_COUNT - 1;
    private static final int LEADING_ZERO_COUNT_BASE = 64 - 11;
    static final int LENGTH = 33 * SUB_BUCKET_HALF_COUNT;

    private final long[] counts = new long[LENGTH];
    /** Lowest and highest index recorded since the last flush (empty when low > high). */
    private int low = LENGTH;
    private int high = -1;

    /** Checks that {@code histogram} has the layout this class computes indices for. */
    static void checkLayout(Histogram histogram) {
        if (histogram.getLowestDiscernibleValue() != 1
                || histogram.getNumberOfSignificantValueDigits() != ServiceLatency.SIGNIFICANT_DIGITS
                || histogram.getHighestTrackableValue() != ServiceLatency.HIGHEST_TRACKABLE_NANOS) {
            throw new IllegalArgumentException("StagedCounts needs a histogram of lowest value 1, "
                    + ServiceLatency.SIGNIFICANT_DIGITS + " digits and highest value "
                    + ServiceLatency.HIGHEST_TRACKABLE_NANOS);
        }
    }

    static int index(long value) {
        int bucket = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
        int subBucket = (int) (value >>> bucket);
        return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + subBucket - SUB_BUCKET_HALF_COUNT;
    }

    /** The lowest value of the bucket at {@code index} (HdrHistogram's {@code valueFromIndex}). */
    static long valueFromIndex(int index) {
        int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
        int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
        if (bucket < 0) {
            subBucket -= SUB_BUCKET_HALF_COUNT;
            bucket = 0;
        }
        return (long) subBucket << bucket;
    }

    void record(long value) {
        int i = index(value);
        counts[i]++;
        if (i < low) {
            low = i;
        }
        if (i > high) {
            high = i;
        }
    }

    boolean isEmpty() {
        return low > high;
    }

    /** Adds the staged counts to {@code histogram} and clears them. */
    void flushInto(Histogram histogram) {
        long[] c = counts;
        for (int i = low; i <= high; i++) {
            long n = c[i];
            if (n != 0) {
                histogram.recordValueWithCount(valueFromIndex(i), n);
                c[i] = 0;
            }
        }
        low = LENGTH;
        high = -1;
    }
}
