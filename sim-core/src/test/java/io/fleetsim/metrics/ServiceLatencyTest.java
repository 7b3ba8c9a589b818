package io.fleetsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetsim.scenario.model.SloSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

/**
 * How the expected latencies are worked out. With 3 significant digits HdrHistogram keeps 2048 sub-buckets: values
 * below 2048 ns are exact; a value v in [1024 x 2^b, 2048 x 2^b) falls in a bucket 2^b ns wide, and percentiles and
 * the max report the bucket's highest equivalent value, {@code floor(v / 2^b) x 2^b + 2^b - 1}; the mean uses the
 * median equivalent, {@code floor(v / 2^b) x 2^b + 2^(b-1)}.
 * <pre>
 *   1 ms      = 1,000,000:     2^b = 512        lowest   999,936   highest 1,000,447  median 1,000,192
 *   2 ms      = 2,000,000:     2^b = 1024       lowest 1,999,872   highest 2,000,895  median 2,000,384
 *  10 ms      = 10,000,000:    2^b = 8192       lowest 9,994,240   highest 10,002,431
 * 200 ms      = 200,000,000:   2^b = 131072     lowest 199,884,800 highest 200,015,871
 * 250 ms      = 250,000,000:   2^b = 131072     lowest 249,954,304 highest 250,085,375
 *   1 h       = 3.6e12:        2^b = 2^31       lowest 1676 x 2^31 = 3,599,182,594,048  highest 3,601,330,077,695
 * </pre>
 */
class ServiceLatencyTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long MINUTE = 60 * S;

    /** A request arriving at {@code at}, served at once, finishing after {@code latency}. */
    private static void request(ServiceLatency l, long at, long latency) {
        l.arrived(at);
        l.completed(at, at, at + latency);
    }

    private static ServiceMinute close(ServiceLatency l, long end) {
        return l.closeMinute(end, 50.0, 10.0, 2);
    }

    // Values 1..100 ns are below 2048, so exact. Rank of p = ceil(p/100 x 100): p50 -> 50th value = 50,
    // p90 -> 90, p99 -> 99, p99.9 -> ceil(99.9) = 100th = 100; max 100; mean (1 + 100) / 2 = 50.5.
    /*
     * Warm-up 90 s: minute 1 [0, 60) is all warm-up; minute 2 [60, 120) straddles it; minute 3 [120, 180) is after
     * it and still open when the summary is taken at 150 s. Requests of 1, 2, 3, 4 ms complete at 30 s, 80 s, 100 s
     * and 130 s: the summary counts the last two (3 and 4 ms), whether they reached the run-long histogram request
     * by request (straddling minute) or will be added with their minute (open minute).
     */
    @Test
    void summary_countsRequestsAfterWarmupInStraddlingAndOpenMinutes() {
        ServiceLatency l = new ServiceLatency("api", 90 * S, null);
        request(l, 30 * S, MS);
        close(l, MINUTE);
        request(l, 80 * S, 2 * MS);
        request(l, 100 * S, 3 * MS);
        close(l, 2 * MINUTE);
        request(l, 130 * S, 4 * MS);
        // HdrHistogram reports the highest value equivalent to the recorded one (3 significant digits).
        org.HdrHistogram.Histogram same = new org.HdrHistogram.Histogram(1, 3_600 * S, 3);
        LatencySummary sum = l.summary(150 * S);
        assertThat(sum.completed()).isEqualTo(2);
        assertThat(sum.p50Nanos()).isEqualTo(same.highestEquivalentValue(3 * MS));
        assertThat(sum.maxNanos()).isEqualTo(same.highestEquivalentValue(4 * MS));
        close(l, 3 * MINUTE);
        assertThat(l.summary(3 * MINUTE).maxNanos()).isEqualTo(same.highestEquivalentValue(4 * MS));
        assertThat(l.summary(3 * MINUTE).completed()).isEqualTo(2);
    }

    @Test
    void closeMinute_reportsExactPercentilesOfSmallValues() {
        ServiceLatency l = new ServiceLatency("api", 0, null);
        for (long v = 1; v <= 100; v++) {
            request(l, 0, v);
        }
        ServiceMinute m = close(l, MINUTE);
        assertThat(List.of(m.p50Nanos(), m.p90Nanos(), m.p99Nanos(), m.p999Nanos(), m.maxNanos()))
                .containsExactly(50L, 90L, 99L, 100L, 100L);
        LatencySummary s = l.summary(MINUTE);
        assertThat(s.meanNanos()).isEqualTo(50.5);
        assertThat(s.p50Nanos()).isEqualTo(50);
    }

    // 99 requests of 1 ms and one of 250 ms: ranks p50 = 50, p90 = 90, p99 = 99 are all 1 ms -> 1,000,447;
    // p99.9 = rank 100 and max are the 250 ms request -> 250,085,375 (see the class comment).
    @Test
    void closeMinute_reportsHighestEquivalentValuesOfTheBucket() {
        ServiceLatency l = new ServiceLatency("api", 0, null);
        for (int i = 0; i < 99; i++) {
            request(l, 0, MS);
        }
        request(l, 0, 250 * MS);
        ServiceMinute m = close(l, MINUTE);
        assertThat(List.of(m.p50Nanos(), m.p90Nanos(), m.p99Nanos(), m.p999Nanos(), m.maxNanos()))
                .containsExactly(1_000_447L, 1_000_447L, 1_000_447L, 250_085_375L, 250_085_375L);
        // the same figures from HdrHistogram's own bucket arithmetic
        Histogram h = new Histogram(1, ServiceLatency.HIGHEST_TRACKABLE_NANOS, 3);
        assertThat(m.p50Nanos()).isEqualTo(h.highestEquivalentValue(MS));
        assertThat(m.maxNanos()).isEqualTo(h.highestEquivalentValue(250 * MS));
    }

    @Test
    void closeMinute_givesZeroLatenciesAndCountsForAnEmptyMinute() {
        ServiceLatency l = new ServiceLatency("api", 0, null);
        ServiceMinute m = l.closeMinute(MINUTE, 0.0, 0.0, 0);
        assertThat(m).isEqualTo(new ServiceMinute(MINUTE, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0.0, 0, false));
    }

    // Minute 1: 2 requests of 1 ms and one rejection; minute 2: one request of 1 ms. The second minute's
    // percentiles see only its own request, and the callers' CPU and target figures pass through.
    @Test
    void closeMinute_countsEachMinuteOnItsOwnAndPassesTheSampledFiguresThrough() {
        ServiceLatency l = new ServiceLatency("api", 0, null);
        request(l, S, MS);
        request(l, 2 * S, MS);
        l.arrived(3 * S);
        l.rejected(3 * S);
        ServiceMinute first = l.closeMinute(MINUTE, 37.5, 1.5, 3);
        request(l, 61 * S, 250 * MS);
        ServiceMinute second = l.closeMinute(2 * MINUTE, 12.25, 0.5, 2);
        assertThat(first).isEqualTo(new ServiceMinute(MINUTE, 3, 2, 1, 1_000_447, 1_000_447, 1_000_447, 1_000_447,
                1_000_447, 37.5, 1.5, 3, false));
        assertThat(second).isEqualTo(new ServiceMinute(2 * MINUTE, 1, 1, 0, 250_085_375, 250_085_375, 250_085_375,
                250_085_375, 250_085_375, 12.25, 0.5, 2, false));
    }

    // Warm-up 60 s. Warm-up: arrival at 10 s (0.5 s latency), a rejection at 30 s. After: arrival at 70 s,
    // queued 1 ms, served 1 ms (2 ms end to end); a drop at 90 s.
    // Per minute: both minutes have 1 arrival, 1 completion, 1 error.
    // Summary: arrivals 1, completed 1, rejected 0, dropped 1; throughput 1 / (180 s - 60 s) = 1/120 per s;
    // latency 2 ms -> p50 = max = 2,000,895, mean = median equivalent 2,000,384;
    // queueing 1 ms -> p50 = p99 = 1,000,447, mean 1,000,192. Error rate 1 / 1.
    @Test
    void summary_leavesWarmUpOutButPerMinuteCountsKeepIt() {
        ServiceLatency l = new ServiceLatency("api", MINUTE, null);
        request(l, 10 * S, 500 * MS);
        l.rejected(30 * S);
        ServiceMinute warm = close(l, MINUTE);
        l.arrived(70 * S);
        l.completed(70 * S, 70 * S + MS, 70 * S + 2 * MS);
        l.dropped(90 * S);
        ServiceMinute after = close(l, 2 * MINUTE);

        assertThat(List.of(warm.arrivals(), warm.completed(), warm.errors())).containsExactly(1L, 1L, 1L);
        assertThat(List.of(after.arrivals(), after.completed(), after.errors())).containsExactly(1L, 1L, 1L);
        LatencySummary s = l.summary(3 * MINUTE);
        assertThat(s).isEqualTo(new LatencySummary("api", 1, 1, 0, 1, 1.0 / 120.0, 2_000_384.0, 2_000_895,
                2_000_895, 2_000_895, 2_000_895, 2_000_895, 1_000_447, 1_000_447, 1_000_192.0, null, 0, 0));
        assertThat(s.errorRate()).isEqualTo(1.0);
    }

    // Warm-up 60 s: a request arriving at 59 s and ending at 61 s belongs to the summary by its end time,
    // its arrival (59 s) does not.
    @Test
    void summary_countsACompletionByItsEndTimeAndAnArrivalByItsArrivalTime() {
        ServiceLatency l = new ServiceLatency("api", MINUTE, null);
        l.arrived(59 * S);
        l.completed(59 * S, 59 * S, 61 * S);
        LatencySummary s = l.summary(2 * MINUTE);
        assertThat(s.arrivals()).isZero();
        assertThat(s.completed()).isEqualTo(1);
    }

    @Test
    void summary_withoutRequestsHasZeroThroughputAndLatencies() {
        LatencySummary s = new ServiceLatency("api", MINUTE, null).summary(MINUTE);
        assertThat(s).isEqualTo(new LatencySummary("api", 0, 0, 0, 0, 0.0, 0.0, 0, 0, 0, 0, 0, 0, 0, 0.0, null, 0,
                0));
    }

    // SLO p99 <= 100 ms, errors <= 1%, warm-up 60 s. Latencies of 10 ms report 10,002,431 (OK), 200 ms
    // 200,015,871 (breach).
    //  minute 1 [0, 60):    one 500 ms request         warm-up: not checked, not flagged
    //  minute 2 [60, 120):  100 x 10 ms                 checked, p99 10 ms               ok
    //  minute 3 [120, 180): 98 x 10 ms + 2 x 200 ms     checked, p99 = rank 99 = 200 ms  latency breach
    //  minute 4 [180, 240): 98 x 10 ms + 2 rejected     checked, errors 2/100 = 2% > 1%  error breach
    //  minute 5 [240, 300): nothing                     no data: not checked
    //  minute 6 [300, 360): 990 x 10 ms + 10 rejected   checked, 10/1000 = 1%, not > 1%  ok
    // -> 4 minutes checked, 2 violations, attainment 0.5
    @Test
    void closeMinute_flagsLatencyAndErrorBreachesAfterWarmUpOnly() {
        SloSpec slo = new SloSpec(99.0, 100 * MS, 0.01);
        ServiceLatency l = new ServiceLatency("api", MINUTE, slo);
        List<Boolean> flags = new ArrayList<>();

        request(l, S, 500 * MS);
        flags.add(close(l, MINUTE).sloViolated());
        for (int i = 0; i < 100; i++) {
            request(l, 61 * S, 10 * MS);
        }
        flags.add(close(l, 2 * MINUTE).sloViolated());
        for (int i = 0; i < 98; i++) {
            request(l, 121 * S, 10 * MS);
        }
        request(l, 122 * S, 200 * MS);
        request(l, 122 * S, 200 * MS);
        flags.add(close(l, 3 * MINUTE).sloViolated());
        for (int i = 0; i < 98; i++) {
            request(l, 181 * S, 10 * MS);
        }
        for (int i = 0; i < 2; i++) {
            l.arrived(182 * S);
            l.rejected(182 * S);
        }
        flags.add(close(l, 4 * MINUTE).sloViolated());
        flags.add(close(l, 5 * MINUTE).sloViolated());
        for (int i = 0; i < 990; i++) {
            request(l, 301 * S, 10 * MS);
        }
        for (int i = 0; i < 10; i++) {
            l.arrived(302 * S);
            l.rejected(302 * S);
        }
        flags.add(close(l, 6 * MINUTE).sloViolated());

        assertThat(flags).containsExactly(false, false, true, true, false, false);
        LatencySummary s = l.summary(6 * MINUTE);
        assertThat(s.sloMinutes()).isEqualTo(4);
        assertThat(s.sloViolations()).isEqualTo(2);
        assertThat(s.sloAttainment()).isEqualTo(0.5);
        assertThat(s.slo()).isEqualTo(slo);
    }

    // errorRate 1 means no error bound: a minute whose errors exceed its arrivals (drops of requests that arrived
    // earlier) does not violate it; latency percentile 0 means no latency bound.
    @Test
    void closeMinute_ignoresBoundsTheSloDoesNotSet() {
        ServiceLatency l = new ServiceLatency("api", 0, new SloSpec(0.0, 0, 1.0));
        l.arrived(S);
        l.dropped(2 * S);
        l.dropped(3 * S);
        request(l, 4 * S, 250 * MS);
        assertThat(close(l, MINUTE).sloViolated()).isFalse();
        assertThat(l.summary(MINUTE).sloMinutes()).isEqualTo(1);
    }

    // Minutes with 5, 0 and 7 completions: the log holds 3 intervals starting at 0, 60 and 120 s whose counts
    // add up to the 12 completions, and whose maxima are the minutes' maxima.
    @Test
    void intervalLog_readsBackWithHdrHistogramsReaderAndCountsEveryCompletion() {
        ServiceLatency l = new ServiceLatency("api", 0, null);
        List<ServiceMinute> minutes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            request(l, S, MS);
        }
        minutes.add(close(l, MINUTE));
        minutes.add(close(l, 2 * MINUTE));
        for (int i = 0; i < 7; i++) {
            request(l, 121 * S, 250 * MS);
        }
        minutes.add(close(l, 3 * MINUTE));

        String text = l.intervalLog();
        assertThat(text).startsWith("#fleetsim end-to-end request latency of service api;")
                .contains("\n#[BaseTime: 0.000 (seconds since epoch)]\n")
                .contains("\n\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\","
                        + "\"Interval_Compressed_Histogram\"\n")
                // The log keeps 2 significant digits: 256 sub-buckets, so 250 ms falls in a bucket of 2^20 ns,
                // [238 x 2^20, 239 x 2^20) = [249,561,088, 250,609,664): Interval_Max 250,609,663 ns = 250.610 ms.
                .contains("\n120.000,60.000,250.610,")
                .doesNotContain("\r");
        HistogramLogReader reader = new HistogramLogReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        List<Histogram> intervals = new ArrayList<>();
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            intervals.add((Histogram) h);
        }
        assertThat(intervals).hasSize(3);
        assertThat(intervals.stream().mapToLong(Histogram::getTotalCount).sum())
                .isEqualTo(minutes.stream().mapToLong(ServiceMinute::completed).sum())
                .isEqualTo(12);
        assertThat(intervals.stream().map(Histogram::getStartTimeStamp).toList())
                .containsExactly(0L, 60_000L, 120_000L);
        // The minute's own max is at 3 digits (250,085,375 ns); the log's at 2 digits (see above).
        assertThat(minutes.get(2).maxNanos()).isEqualTo(250_085_375L);
        assertThat(intervals.get(2).getMaxValue()).isEqualTo(250_609_663L);
    }

    @Test
    void intervalLog_isIdenticalForIdenticalInput() {
        ServiceLatency a = new ServiceLatency("api", 0, null);
        ServiceLatency b = new ServiceLatency("api", 0, null);
        for (ServiceLatency l : List.of(a, b)) {
            request(l, S, 3 * MS);
            close(l, MINUTE);
        }
        assertThat(a.intervalLog()).isEqualTo(b.intervalLog());
    }

    // 2 h end to end is recorded as 1 h: reported as 1 h's highest equivalent 3,601,330,077,695 and counted once.
    @Test
    void completed_clampsLatenciesAboveOneHourAndCountsThem() {
        ServiceLatency l = new ServiceLatency("api", 0, null);
        l.completed(0, 0, 7200 * S);
        assertThat(close(l, 7201 * S).maxNanos()).isEqualTo(3_601_330_077_695L);
        assertThat(l.clampedValues()).isEqualTo(1);
        assertThat(l.summary(7201 * S).throughput()).isCloseTo(1.0 / 7201, within(1e-15));
    }

    @Test
    void completed_rejectsAStartBeforeTheArrival() {
        ServiceLatency l = new ServiceLatency("api", 0, null);
        assertThatThrownBy(() -> l.completed(10, 5, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected arrival <= start <= end for a request of service 'api', found arrival 10 ns, "
                        + "start 5 ns, end 20 ns");
    }

    @Test
    void closeMinute_rejectsAnEndNotAfterThePreviousMinute() {
        ServiceLatency l = new ServiceLatency("api", 0, null);
        close(l, MINUTE);
        assertThatThrownBy(() -> close(l, MINUTE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected the end of a minute of service 'api' after 60000000000 ns (the previous "
                        + "minute's end), found 60000000000 ns");
    }

    @Test
    void constructor_rejectsANegativeWarmUpAndAnSloOutOfRange() {
        assertThatThrownBy(() -> new ServiceLatency("api", -1, null))
                .hasMessage("expected a warm-up >= 0 ns for service 'api', found -1");
        assertThatThrownBy(() -> new ServiceLatency("api", 0, new SloSpec(101.0, MS, 0.01)))
                .hasMessage("expected an SLO latency percentile in [0, 100] (0 = no latency bound) for service "
                        + "'api', found 101.0");
        assertThatThrownBy(() -> new ServiceLatency("api", 0, new SloSpec(99.0, MS, 1.5)))
                .hasMessage("expected an SLO error rate in [0, 1] (1 = no error bound) for service 'api', found 1.5");
        assertThatThrownBy(() -> new ServiceLatency(" ", 0, null))
                .hasMessage("expected a service name, found ' '");
    }
}
