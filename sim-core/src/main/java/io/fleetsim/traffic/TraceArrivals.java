package io.fleetsim.traffic;

/**
 * Replays recorded arrivals: offset i of the trace (nanoseconds from its first arrival, from
 * {@link TraceFormat#read}) arrives at {@code shift + round(offset_i / scale)}. Scale 2 replays the trace twice as
 * fast (twice the rate, half the duration); the shape of the traffic, bursts included, is kept. The process ends
 * after the last offset or at {@code endNanos}, whichever comes first; it never loops.
 *
 * <p>With scale 1 the replay is exact to the nanosecond; otherwise each arrival is the correctly rounded quotient
 * (offsets below 2^53 ns, 104 days, are exact doubles).
 *
 * <p>Caveats: scaling by a factor compresses time; it does not add independent users, so a trace scaled by 10
 * has bursts ten times sharper than ten copies of the trace would.
 */
public final class TraceArrivals implements ArrivalProcess {

    private final long[] offsets;
    private final double scale;
    private final long shiftNanos;
    private final long endNanos;
    private int next;

    /**
     * @param offsets    nanoseconds from the first arrival, non-decreasing, first 0 (not copied: do not modify)
     * @param scale      rate factor, finite and > 0
     * @param shiftNanos simulated time of the first arrival, >= 0
     * @param endNanos   arrivals at or after this time are not produced
     */
    public TraceArrivals(long[] offsets, double scale, long shiftNanos, long endNanos) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("trace scale: expected a finite factor > 0, got " + scale);
        }
        if (shiftNanos < 0) {
            throw new IllegalArgumentException("trace shift: expected a time >= 0, got " + shiftNanos + " ns");
        }
        for (int i = 1; i < offsets.length; i++) {
            if (offsets[i] < offsets[i - 1]) {
                throw new IllegalArgumentException("trace offsets must be non-decreasing, but offset " + i + " ("
                        + offsets[i] + " ns) is before offset " + (i - 1) + " (" + offsets[i - 1] + " ns)");
            }
        }
        this.offsets = offsets;
        this.scale = scale;
        this.shiftNanos = shiftNanos;
        this.endNanos = endNanos;
    }

    @Override
    public long nextArrival() {
        if (next >= offsets.length) {
            return Long.MAX_VALUE;
        }
        long offset = offsets[next];
        long scaled = scale == 1 ? offset : Math.round(offset / scale);
        long at = shiftNanos + scaled;
        if (at >= endNanos || at < shiftNanos) { // at < shift: overflow of a huge shift + offset
            next = offsets.length;
            return Long.MAX_VALUE;
        }
        next++;
        return at;
    }
}
