package io.fleetsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.TestStreams;
import java.nio.ByteBuffer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** {@link StagedCounts} must leave a histogram exactly as recording every value with {@code recordValue} does. */
class StagedCountsTest {

    private static Histogram histogram() {
        return new Histogram(1, ServiceLatency.HIGHEST_TRACKABLE_NANOS, ServiceLatency.SIGNIFICANT_DIGITS);
    }

    @Test
    void index_isHdrHistogramsBucketForEveryValue() {
        Histogram h = histogram();
        // the bucket's lowest value, through HdrHistogram's own lowestEquivalentValue: every value below 2^22
        // (the unit-resolution range 0..2047 and the first eleven doubling buckets), then both edges of every bucket
        // up to the highest trackable value
        for (long v = 0; v < (1L << 22); v++) {
            assertThat(StagedCounts.valueFromIndex(StagedCounts.index(v))).isEqualTo(h.lowestEquivalentValue(v));
        }
        for (long v = 1L << 22; v <= ServiceLatency.HIGHEST_TRACKABLE_NANOS; v = v + (v >>> 11)) {
            for (long x : new long[] {v - 1, v, v + 1, h.highestEquivalentValue(v), h.nextNonEquivalentValue(v)}) {
                if (x <= ServiceLatency.HIGHEST_TRACKABLE_NANOS) {
                    assertThat(StagedCounts.valueFromIndex(StagedCounts.index(x))).as("value %d", x)
                            .isEqualTo(h.lowestEquivalentValue(x));
                }
            }
        }
        // 1 h = 3.6e12 ns lies in bucket 31 (2048 x 2^31 = 4.4e12 > 3.6e12 >= 2.2e12): the index is below the
        // 33 x 1024 counts
        assertThat(StagedCounts.index(ServiceLatency.HIGHEST_TRACKABLE_NANOS)).isLessThan(StagedCounts.LENGTH);
        // distinct values in one bucket share its index: 2048 and 2049 (bucket 1 has a unit of 2)
        assertThat(StagedCounts.index(2048)).isEqualTo(StagedCounts.index(2049)).isEqualTo(2048);
        assertThat(StagedCounts.index(2050)).isEqualTo(2049);
    }

    @Test
    void flushInto_leavesTheHistogramEqualToRecordingEachValue() {
        RandomStream random = TestStreams.of(99);
        Histogram direct = histogram();
        Histogram staged = histogram();
        StagedCounts counts = new StagedCounts();
        for (int round = 0; round < 5; round++) {
            for (int n = 0; n < 100_000; n++) {
                // latencies spread over nine decades, a few zeros and the clamp value itself
                long v = n % 1000 == 0 ? 0 : n % 997 == 0 ? ServiceLatency.HIGHEST_TRACKABLE_NANOS
                        : (long) StrictMath.pow(10, 3 + 9 * random.nextDouble());
                direct.recordValue(v);
                counts.record(v);
            }
            assertThat(counts.isEmpty()).isFalse();
            counts.flushInto(staged);
            assertThat(counts.isEmpty()).isTrue();
            assertThat(staged).isEqualTo(direct);
            assertThat(staged.getTotalCount()).isEqualTo(direct.getTotalCount()).isEqualTo(100_000L * (round + 1));
            assertThat(staged.getMaxValue()).isEqualTo(direct.getMaxValue());
            assertThat(staged.getMinNonZeroValue()).isEqualTo(direct.getMinNonZeroValue());
            assertThat(staged.getMean()).isEqualTo(direct.getMean());
            for (double p : new double[] {0, 50, 90, 99, 99.9, 100}) {
                assertThat(staged.getValueAtPercentile(p)).isEqualTo(direct.getValueAtPercentile(p));
            }
            assertThat(encoded(staged)).isEqualTo(encoded(direct));
        }
        // a flush of nothing changes nothing
        counts.flushInto(staged);
        assertThat(staged).isEqualTo(direct);
    }

    private static byte[] encoded(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] out = new byte[length];
        buffer.flip();
        buffer.get(out);
        return out;
    }

    @Test
    void checkLayout_rejectsAHistogramOfAnotherLayout() {
        StagedCounts.checkLayout(histogram());
        assertThatThrownBy(() -> StagedCounts.checkLayout(new Histogram(1, ServiceLatency.HIGHEST_TRACKABLE_NANOS, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StagedCounts needs a histogram of lowest value 1, 3 digits and highest value "
                        + "3600000000000");
    }
}
