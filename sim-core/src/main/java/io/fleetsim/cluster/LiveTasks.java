package io.fleetsim.cluster;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A workload's live (not STOPPED) tasks in launch order, with O(1) amortised add and remove: a removed task leaves
 * a hole ({@code null}) that iteration skips, and the array is compacted once holes outnumber the tasks. Each task
 * knows its position ({@link Task#livePos}). A service of 100,000 tasks whose tasks crash and are replaced would
 * otherwise pay an O(n) {@code ArrayList.remove} per stop.
 */
final class LiveTasks implements Iterable<Task> {

    private Task[] slots = new Task[8];
    /** Positions used, holes included. */
    private int end;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(Task t) {
        if (end == slots.length) {
            // Compact only when holes are at least a quarter of the array, else grow: amortised O(1) either way.
            if ((end - size) * 4 >= end) {
                compact();
            } else {
                slots = Arrays.copyOf(slots, slots.length * 2);
            }
        }
        t.livePos = end;
        slots[end++] = t;
        size++;
    }

    void remove(Task t) {
        int pos = t.livePos;
        if (pos < 0 || pos >= end || slots[pos] != t) {
            throw new IllegalStateException(t + " is not live");
        }
        slots[pos] = null;
        t.livePos = -1;
        size--;
        if (pos == end - 1) {
            end--;
        }
        if (end - size > size && end > 16) {
            compact();
        }
    }

    private void compact() {
        int to = 0;
        for (int i = 0; i < end; i++) {
            Task t = slots[i];
            if (t != null) {
                t.livePos = to;
                slots[to++] = t;
            }
        }
        Arrays.fill(slots, to, end, null);
        end = to;
    }

    /** Positions {@code 0 .. end() - 1}, holes included, for newest-first loops over {@link #at}. */
    int end() {
        return end;
    }

    /** The task at a position, or {@code null} for a hole. */
    Task at(int pos) {
        return slots[pos];
    }

    /** Oldest first. */
    @Override
    public Iterator<Task> iterator() {
        return new Iterator<>() {
            private int next = skip(0);

            private int skip(int from) {
                while (from < end && slots[from] == null) {
                    from++;
                }
                return from;
            }

            @Override
            public boolean hasNext() {
                return next < end;
            }

            @Override
            public Task next() {
                if (next >= end) {
                    throw new NoSuchElementException();
                }
                Task t = slots[next];
                next = skip(next + 1);
                return t;
            }
        };
    }
}
