package io.fleetsim.metrics;

import java.util.List;

/**
 * Everything the run measured of one service's requests.
 *
 * @param service     service name
 * @param summary     the whole run after warm-up
 * @param minutes     one per simulated minute (warm-up included, flagged by time)
 * @param intervalLog HdrHistogram interval log of end-to-end latency, one interval per minute, in the text format
 *                    HdrHistogram's {@code HistogramLogWriter} writes and its tools read (values in nanoseconds)
 */
public record ServiceTrafficResult(String service, LatencySummary summary, List<ServiceMinute> minutes,
        String intervalLog) {

    public ServiceTrafficResult {
        minutes = List.copyOf(minutes);
    }
}
