package io.fleetsim.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Median and maximum of the lags of a service's scale-outs ({@link ScaleOutLag}). The median of an even number of
 * values is the mean of the two middle ones, rounded down to the nanosecond. Load change to decision is over every
 * scale-out; decision to capacity and load change to capacity over those that reached their capacity. A figure
 * without values is -1.
 *
 * @param scaleOuts scale-outs decided by an alarm
 * @param reached   of those, the ones whose capacity was RUNNING within the run
 */
public record LagStats(int scaleOuts, int reached,
        long medianLoadToDecisionNanos, long maxLoadToDecisionNanos,
        long medianDecisionToCapacityNanos, long maxDecisionToCapacityNanos,
        long medianLoadToCapacityNanos, long maxLoadToCapacityNanos) {

    public static LagStats of(List<ScaleOutLag> lags) {
        List<ScaleOutLag> reached = lags.stream().filter(ScaleOutLag::reached).toList();
        long[] ld = sorted(lags, ScaleOutLag::loadToDecisionNanos);
        long[] dc = sorted(reached, ScaleOutLag::decisionToCapacityNanos);
        long[] lc = sorted(reached, ScaleOutLag::loadToCapacityNanos);
        return new LagStats(lags.size(), reached.size(), median(ld), max(ld), median(dc), max(dc), median(lc),
                max(lc));
    }

    private static long[] sorted(List<ScaleOutLag> lags, ToLongFunction<ScaleOutLag> f) {
        long[] v = lags.stream().mapToLong(f).toArray();
        Arrays.sort(v);
        return v;
    }

    static long median(long[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return -1;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }
}
