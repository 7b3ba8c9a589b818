package io.fleetsim.metrics;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A count that changes at instants (RUNNING tasks of a service, instances of a capacity provider, a service's
 * shortfall below its desired count): a right-continuous step function of simulated time from 0, built in time
 * order. Several changes at one instant keep the last value. Queries are exact (integrals in count x nanoseconds,
 * as {@link BigInteger}).
 */
public final class StepSeries {

    private long[] times = new long[8];
    private int[] values = new int[8];
    private int size;

    /** @param initial the value from time 0 */
    public StepSeries(int initial) {
        times[0] = 0L;
        values[0] = initial;
        size = 1;
    }

    /** The value becomes {@code value} at {@code timeNanos} (not before the last change). */
    public void set(long timeNanos, int value) {
        long last = times[size - 1];
        if (timeNanos < last) {
            throw new IllegalArgumentException("expected a time at or after " + last + " ns, found " + timeNanos);
        }
        if (timeNanos == last) {
            values[size - 1] = value;
            if (size > 1 && values[size - 2] == value) {
                size--; // the change at this instant was undone
            }
            return;
        }
        if (values[size - 1] == value) {
            return;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = timeNanos;
        values[size] = value;
        size++;
    }

    /** The value at {@code timeNanos} (after the changes at that instant). */
    public int valueAt(long timeNanos) {
        return values[indexAt(timeNanos)];
    }

    /** The current (last) value. */
    public int last() {
        return values[size - 1];
    }

    private int indexAt(long timeNanos) {
        int i = Arrays.binarySearch(times, 0, size, timeNanos);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    /** The first instant at or after {@code fromNanos} when the value is at least {@code threshold}; -1 if never. */
    public long firstAtLeast(long fromNanos, int threshold) {
        int i = indexAt(fromNanos);
        if (values[i] >= threshold) {
            return fromNanos;
        }
        for (int j = i + 1; j < size; j++) {
            if (values[j] >= threshold) {
                return times[j];
            }
        }
        return -1;
    }

    /** The first instant at or after {@code fromNanos} when the value is at most {@code threshold}; -1 if never. */
    public long firstAtMost(long fromNanos, int threshold) {
        int i = indexAt(fromNanos);
        if (values[i] <= threshold) {
            return fromNanos;
        }
        for (int j = i + 1; j < size; j++) {
            if (values[j] <= threshold) {
                return times[j];
            }
        }
        return -1;
    }

    /** The integral over [0, endNanos) of max(0, value - floor), in count x nanoseconds. */
    public BigInteger integralAbove(int floor, long endNanos) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < size && times[i] < endNanos; i++) {
            long until = i + 1 < size ? Math.min(times[i + 1], endNanos) : endNanos;
            long above = (long) values[i] - floor;
            if (above > 0) {
                sum = sum.add(BigInteger.valueOf(above).multiply(BigInteger.valueOf(until - times[i])));
            }
        }
        return sum;
    }
}
