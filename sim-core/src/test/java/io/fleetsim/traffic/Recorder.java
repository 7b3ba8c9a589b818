package io.fleetsim.traffic;

import java.util.ArrayList;
import java.util.List;

/**
 * A test {@link RequestListener}: keeps every outcome (for hand-worked cases) or only sums over requests that
 * complete at or after {@code from} (for the queueing oracles, with a warm-up).
 */
final class Recorder implements RequestListener {

    private final boolean keep;
    private final long from;
    final List<long[]> completions = new ArrayList<>();
    final List<Long> rejections = new ArrayList<>();
    final List<Long> drops = new ArrayList<>();
    long count;
    double sumResponse;
    double sumWait;
    long rejectedCount;
    long droppedCount;

    private Recorder(boolean keep, long from) {
        this.keep = keep;
        this.from = from;
    }

    /** Keeps every outcome. */
    static Recorder keepAll() {
        return new Recorder(true, 0);
    }

    /** Sums over requests completed at or after {@code from}. */
    static Recorder sumsFrom(long from) {
        return new Recorder(false, from);
    }

    @Override
    public void completed(long arrivalNanos, long startNanos, long endNanos) {
        if (keep) {
            completions.add(new long[] {arrivalNanos, startNanos, endNanos});
        }
        if (endNanos >= from) {
            count++;
            sumResponse += endNanos - arrivalNanos;
            sumWait += startNanos - arrivalNanos;
        }
    }

    @Override
    public void rejected(long nowNanos) {
        rejectedCount++;
        if (keep) {
            rejections.add(nowNanos);
        }
    }

    @Override
    public void dropped(long nowNanos) {
        droppedCount++;
        if (keep) {
            drops.add(nowNanos);
        }
    }
}
