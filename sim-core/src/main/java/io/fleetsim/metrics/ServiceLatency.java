package io.fleetsim.metrics;

import io.fleetsim.scenario.model.SloSpec;
import io.fleetsim.traffic.RequestListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Measures one service's requests: end-to-end latency and queueing delay in HdrHistograms (nanoseconds, 3
 * significant digits) over the run after warm-up and per simulated minute, request and error counts, the per-minute
 * SLO check, and an HdrHistogram interval log with one interval per minute.
 *
 * <p>Latency is measured from the request's scheduled arrival (the traffic model's arrivals are open-loop), so the
 * figures include all queueing and have no coordinated omission (G. Tene, "How NOT to Measure Latency", and the
 * HdrHistogram README, github.com/HdrHistogram/HdrHistogram). Queueing delay is {@code start - arrival}.
 *
 * <p>Which period an event belongs to is decided by the time it happened: an arrival by its arrival time, a
 * completion by its end time, a rejection or drop by its time. The run summary counts events at or after the
 * warm-up ({@code t >= warmupNanos}); per-minute counts include the warm-up. A minute is checked against the SLO
 * only if it starts at or after the warm-up and saw any request (an arrival, completion or error): a minute
 * without traffic has no data, as in CloudWatch, and counts neither as met nor as violated. A checked minute
 * violates the SLO when the SLO's latency percentile of the requests completed in it exceeds the bound (only if
 * it completed any), or when its errors over its arrivals exceed the SLO's error rate (only if it had arrivals).
 * ECS publishes service metrics in 1-minute periods (platform-semantics.md section 5.5, ECS
 * {@code cloudwatch-metrics.md}), hence the minute.
 *
 * <p>Built for the event loop: the histograms have a fixed range, so recording a value is HdrHistogram's bit
 * arithmetic into a {@code long[]} and never allocates or resizes; per request it goes into a {@link StagedCounts}
 * (the same arithmetic without HdrHistogram's volatile min/max updates), added to the histogram when it is read. The minute's histogram is {@code reset()} when
 * the minute closes (a few hundred kB cleared once a minute), not replaced. HdrHistogram's {@code Recorder} is not
 * used: it exists to hand histograms between threads, and the simulation is single-threaded.
 *
 * <p>The interval log is written with HdrHistogram's own {@link HistogramLogWriter} into memory, in the text format
 * its tools read ({@code HistogramLogProcessor}, {@code HistogramLogReader}): a comment naming the service, the
 * format version, {@code #[BaseTime: 0.000 ...]}, the legend, then one line per minute with start and length in
 * seconds since the scenario start, the interval's maximum in milliseconds and the histogram compressed with
 * DEFLATE and encoded in base64.
 *
 * <p>Caveats: values above {@link #HIGHEST_TRACKABLE_NANOS} (one hour) are recorded as one hour and counted in
 * {@link #clampedValues()}. Percentiles are HdrHistogram's: the highest value equivalent (within 3 significant
 * digits) to the bucket holding the requested rank, so a reported p99 can exceed every recorded value by up to
 * 0.1%; the mean uses each bucket's median-equivalent value. The log's {@code #[StartTime]} line is not written
 * because HdrHistogram formats it with the machine's time zone (the output would differ between machines);
 * readers then take timestamps as relative to the scenario start. The legend line is written here, not with
 * {@code outputLegend()}, which ends the line with the platform's line separator. A minute whose requests all wait
 * beyond the minute (no completion, no error) is checked but cannot break the latency bound.
 */
public final class ServiceLatency implements RequestListener {

    /** Highest latency the histograms resolve: one hour in nanoseconds; longer values are clamped to it. */
    public static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;

    /** HdrHistogram precision: 3 significant decimal digits (a relative error of at most 0.1%). */
    public static final int SIGNIFICANT_DIGITS = 3;

    /**
     * Precision of the interval log: 2 significant digits (1% value resolution). At 3 digits a week of one-minute
     * intervals of a web service measured 44 MB per log (4.4 kB per compressed interval); 2 digits keep plots of the
     * log's percentile distributions indistinguishable and the files about a tenth of that size. The report's own
     * percentiles come from the 3-digit histograms.
     */
    public static final int LOG_SIGNIFICANT_DIGITS = 2;

    private static final double NANOS_PER_SECOND = 1e9;
    private static final String LEGEND =
            "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n";

    private final String service;
    private final long warmupNanos;
    private final SloSpec slo;

    private final Histogram latency = newHistogram();
    private final Histogram queueing = newHistogram();
    private final Histogram minute = newHistogram();
    /** Per-request recording for {@link #minute} and {@link #queueing}, flushed into them when read (StagedCounts). */
    private final StagedCounts minuteStaged = new StagedCounts();
    private final StagedCounts queueingStaged = new StagedCounts();
    /** The closed minute at the log's precision, reused each minute. */
    private final Histogram logInterval = new Histogram(1, HIGHEST_TRACKABLE_NANOS, LOG_SIGNIFICANT_DIGITS);

    // summary counts, events at or after the warm-up
    private long arrivals;
    private long completed;
    private long rejected;
    private long dropped;
    // counts of the current minute, warm-up included
    private long minuteArrivals;
    private long minuteCompleted;
    private long minuteErrors;

    private long minuteStartNanos;
    private long sloMinutes;
    private long sloViolations;
    private long clamped;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream(1 << 12);
    private final PrintStream logStream = new PrintStream(logBytes, false, StandardCharsets.US_ASCII);
    private final HistogramLogWriter log = new HistogramLogWriter(logStream);

    /**
     * @param service     the service's name (for the summary and the log's header comment)
     * @param warmupNanos events before this time are left out of the summary and minutes starting before it are not
     *                    checked against the SLO
     * @param slo         the service's SLO, or {@code null} for none
     * @throws IllegalArgumentException on a blank name, a negative warm-up or an SLO out of range
     */
    public ServiceLatency(String service, long warmupNanos, SloSpec slo) {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("expected a service name, found " + (service == null ? "null"
                    : "'" + service + "'"));
        }
        if (warmupNanos < 0) {
            throw new IllegalArgumentException("expected a warm-up >= 0 ns for service '" + service + "', found "
                    + warmupNanos);
        }
        if (slo != null) {
            checkSlo(service, slo);
        }
        this.service = service;
        this.warmupNanos = warmupNanos;
        this.slo = slo;
        StagedCounts.checkLayout(minute);
        log.outputComment("fleetsim end-to-end request latency of service " + oneLine(service)
                + "; values in nanoseconds, one interval per simulated minute, timestamps in seconds since the "
                + "scenario start");
        log.outputLogFormatVersion();
        log.outputBaseTime(0);
        logStream.print(LEGEND);
    }

    private static void checkSlo(String service, SloSpec slo) {
        // NaN fails every comparison below and is rejected with the same messages
        if (!(slo.latencyPercentile() >= 0 && slo.latencyPercentile() <= 100)) {
            throw new IllegalArgumentException("expected an SLO latency percentile in [0, 100] (0 = no latency "
                    + "bound) for service '" + service + "', found " + slo.latencyPercentile());
        }
        if (slo.latencyBoundNanos() < 0) {
            throw new IllegalArgumentException("expected an SLO latency bound >= 0 ns for service '" + service
                    + "', found " + slo.latencyBoundNanos());
        }
        if (!(slo.errorRate() >= 0 && slo.errorRate() <= 1)) {
            throw new IllegalArgumentException("expected an SLO error rate in [0, 1] (1 = no error bound) for "
                    + "service '" + service + "', found " + slo.errorRate());
        }
    }

    private static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    /** The service's name with line breaks and other control characters replaced, for a one-line log comment. */
    private static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) || c > 0x7e ? '?' : c);
        }
        return sb.toString();
    }

    /** A request arrived (counted per minute and, after warm-up, in the summary). */
    @Override
    public void arrived(long nowNanos) {
        minuteArrivals++;
        if (nowNanos >= warmupNanos) {
            arrivals++;
        }
    }

    @Override
    public void completed(long arrivalNanos, long startNanos, long endNanos) {
        if (arrivalNanos > startNanos || startNanos > endNanos) {
            throw badTimes(arrivalNanos, startNanos, endNanos);
        }
        long total = clamp(endNanos - arrivalNanos);
        minuteCompleted++;
        minuteStaged.record(total);
        if (endNanos >= warmupNanos) {
            completed++;
            // Minutes that start after the warm-up are added to the run-long histogram whole when they close (one
            // add per minute instead of a second record per request: measured 17% of a request's cost); only
            // the minute the warm-up ends in records into it request by request.
            if (minuteStartNanos < warmupNanos) {
                latency.recordValue(total);
            }
            queueingStaged.record(clamp(startNanos - arrivalNanos));
        }
    }

    private long clamp(long nanos) {
        if (nanos > HIGHEST_TRACKABLE_NANOS) {
            clamped++;
            return HIGHEST_TRACKABLE_NANOS;
        }
        return nanos;
    }

    private IllegalArgumentException badTimes(long arrivalNanos, long startNanos, long endNanos) {
        return new IllegalArgumentException("expected arrival <= start <= end for a request of service '" + service
                + "', found arrival " + arrivalNanos + " ns, start " + startNanos + " ns, end " + endNanos + " ns");
    }

    @Override
    public void rejected(long nowNanos) {
        minuteErrors++;
        if (nowNanos >= warmupNanos) {
            rejected++;
        }
    }

    @Override
    public void dropped(long nowNanos) {
        minuteErrors++;
        if (nowNanos >= warmupNanos) {
            dropped++;
        }
    }

    /**
     * Closes the minute that ends at {@code minuteEndNanos}: its percentiles, SLO check and interval-log entry;
     * the CPU and target figures come from the caller (the simulation samples them from the tasks). The minute
     * starts where the previous one ended (at 0 for the first).
     *
     * @throws IllegalArgumentException if {@code minuteEndNanos} is not after the previous minute's end
     */
    public ServiceMinute closeMinute(long minuteEndNanos, double cpuUtilization, double requestCountPerTarget,
            int healthyTargets) {
        if (minuteEndNanos <= minuteStartNanos) {
            throw new IllegalArgumentException("expected the end of a minute of service '" + service + "' after "
                    + minuteStartNanos + " ns (the previous minute's end), found " + minuteEndNanos + " ns");
        }
        minuteStaged.flushInto(minute);
        queueingStaged.flushInto(queueing);
        boolean empty = minute.getTotalCount() == 0;
        long p50 = empty ? 0 : minute.getValueAtPercentile(50.0);
        long p90 = empty ? 0 : minute.getValueAtPercentile(90.0);
        long p99 = empty ? 0 : minute.getValueAtPercentile(99.0);
        long p999 = empty ? 0 : minute.getValueAtPercentile(99.9);
        long max = empty ? 0 : minute.getMaxValue();
        boolean violated = checkSlo();

        // HdrHistogram's own timestamps are milliseconds; the log line gets exact seconds from the writer call.
        logInterval.reset();
        logInterval.add(minute);
        logInterval.setStartTimeStamp(minuteStartNanos / 1_000_000);
        logInterval.setEndTimeStamp(minuteEndNanos / 1_000_000);
        log.outputIntervalHistogram(minuteStartNanos / NANOS_PER_SECOND, minuteEndNanos / NANOS_PER_SECOND,
                logInterval);

        if (minuteStartNanos >= warmupNanos) {
            latency.add(minute);
        }
        ServiceMinute closed = new ServiceMinute(minuteEndNanos, minuteArrivals, minuteCompleted, minuteErrors, p50,
                p90, p99, p999, max, cpuUtilization, requestCountPerTarget, healthyTargets, violated);
        minute.reset();
        minuteArrivals = 0;
        minuteCompleted = 0;
        minuteErrors = 0;
        minuteStartNanos = minuteEndNanos;
        return closed;
    }

    /** Checks the minute being closed against the SLO and counts it (see the class comment). */
    private boolean checkSlo() {
        if (slo == null || minuteStartNanos < warmupNanos
                || (minuteArrivals == 0 && minuteCompleted == 0 && minuteErrors == 0)) {
            return false;
        }
        sloMinutes++;
        boolean latencyBreached = slo.latencyPercentile() > 0 && minuteCompleted > 0
                && minute.getValueAtPercentile(slo.latencyPercentile()) > slo.latencyBoundNanos();
        // errorRate 1 means no error bound (SloSpec); errors can exceed arrivals in a minute (drops of requests
        // that arrived earlier), which must not count against an SLO without one.
        boolean errorsBreached = slo.errorRate() < 1.0 && minuteArrivals > 0
                && (double) minuteErrors / minuteArrivals > slo.errorRate();
        boolean violated = latencyBreached || errorsBreached;
        if (violated) {
            sloViolations++;
        }
        return violated;
    }

    /**
     * The run after warm-up, ending at {@code endNanos}: throughput is completions over {@code endNanos - warmup}
     * seconds (0 when that period is empty); latencies are 0 without completions.
     *
     * @throws IllegalArgumentException if {@code endNanos} is before the last closed minute's end
     */
    public LatencySummary summary(long endNanos) {
        if (endNanos < minuteStartNanos) {
            throw new IllegalArgumentException("expected the end of the run of service '" + service + "' at or after "
                    + minuteStartNanos + " ns (the last closed minute), found " + endNanos + " ns");
        }
        minuteStaged.flushInto(minute);
        queueingStaged.flushInto(queueing);
        long measured = endNanos - warmupNanos;
        double throughput = measured <= 0 ? 0.0 : completed / (measured / NANOS_PER_SECOND);
        // The minute still open (a run that does not end on a minute boundary) is not in the run-long histogram yet.
        Histogram latency = this.latency;
        if (minuteStartNanos >= warmupNanos && minute.getTotalCount() > 0) {
            latency = this.latency.copy();
            latency.add(minute);
        }
        boolean empty = latency.getTotalCount() == 0;
        return new LatencySummary(service, arrivals, completed, rejected, dropped, throughput,
                empty ? 0.0 : latency.getMean(),
                empty ? 0 : latency.getValueAtPercentile(50.0),
                empty ? 0 : latency.getValueAtPercentile(90.0),
                empty ? 0 : latency.getValueAtPercentile(99.0),
                empty ? 0 : latency.getValueAtPercentile(99.9),
                empty ? 0 : latency.getMaxValue(),
                empty ? 0 : queueing.getValueAtPercentile(50.0),
                empty ? 0 : queueing.getValueAtPercentile(99.0),
                empty ? 0.0 : queueing.getMean(),
                slo, sloMinutes, sloViolations);
    }

    /** The interval log so far (see {@link ServiceTrafficResult#intervalLog()}). */
    public String intervalLog() {
        logStream.flush();
        return logBytes.toString(StandardCharsets.US_ASCII);
    }

    /** Latencies and queueing delays longer than {@link #HIGHEST_TRACKABLE_NANOS}, recorded as that value. */
    public long clampedValues() {
        return clamped;
    }

    /** The service's name. */
    public String service() {
        return service;
    }
}
