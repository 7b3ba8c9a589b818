package io.fleetsim.cli;

import io.fleetsim.experiment.ProgressListener;
import io.fleetsim.reports.ResultTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The progress line on stderr while variants run: {@code fargate 45% | fargate-spot 30% | ec2-m6i 12%}, redrawn
 * in place with a carriage return a few times a second, and erased when the run ends.
 *
 * <p>Shown only when enabled (the caller passes: not {@code --quiet}, and {@code System.console()} is present, i.e.
 * a person is watching) and only once the run has taken {@value #DELAY_MILLIS} ms, so quick runs and scripts
 * never see it (DESIGN.md: "a progress bar on stderr for runs longer than a couple of seconds"). Run threads only
 * store a percentage per variant ({@link #progress} is lock-free); a daemon thread draws.
 *
 * <p>Caveats: the line is not fitted to the terminal width (Java cannot ask for it); with many variants, or a
 * line over {@value #MAX_LINE} characters, it shows the mean percentage instead.
 */
final class TerminalProgress implements ProgressListener, AutoCloseable {

    static final long DELAY_MILLIS = 2_000;
    static final long PERIOD_MILLIS = 250;
    static final int MAX_LINE = 79;

    private final List<String> variants;
    private final AtomicIntegerArray percents;
    private final PrintWriter err;
    private final ScheduledExecutorService drawer;
    private final Object lock = new Object();
    private int drawnLength;

    private TerminalProgress(List<String> variants, PrintWriter err, boolean enabled) {
        this.variants = List.copyOf(variants);
        this.percents = new AtomicIntegerArray(variants.size());
        this.err = err;
        if (enabled) {
            drawer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "fleetsim-progress");
                t.setDaemon(true);
                return t;
            });
            drawer.scheduleAtFixedRate(this::draw, DELAY_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            drawer = null;
        }
    }

    /** Starts a progress line for {@code variants} on {@code err}; a silent listener when not {@code enabled}. */
    static TerminalProgress start(List<String> variants, PrintWriter err, boolean enabled) {
        return new TerminalProgress(variants, err, enabled);
    }

    @Override
    public void progress(String variant, long simNanos, long durationNanos) {
        int index = variants.indexOf(variant);
        if (index >= 0) {
            percents.set(index, percent(simNanos, durationNanos));
        }
    }

    /** Stops drawing and erases the line if one was drawn. */
    @Override
    public void close() {
        if (drawer == null) {
            return;
        }
        drawer.shutdownNow();
        try {
            drawer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (drawnLength > 0) {
                err.print("\r" + " ".repeat(drawnLength) + "\r");
                err.flush();
                drawnLength = 0;
            }
        }
    }

    private void draw() {
        int[] snapshot = new int[variants.size()];
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i] = percents.get(i);
        }
        String line = line(variants, snapshot);
        synchronized (lock) {
            // pad with spaces to overwrite the rest of a longer previous line
            err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
            err.flush();
            drawnLength = Math.max(drawnLength, line.length());
        }
    }

    /** The text of the line for these percentages. */
    static String line(List<String> variants, int[] percents) {
        StringBuilder sb = new StringBuilder();
        long sum = 0;
        for (int i = 0; i < percents.length; i++) {
            if (i > 0) {
                sb.append(" | ");
            }
            sb.append(ResultTable.terminalSafe(variants.get(i))).append(' ').append(percents[i]).append('%');
            sum += percents[i];
        }
        if (sb.length() <= MAX_LINE) {
            return sb.toString();
        }
        return "running " + percents.length + " variants: " + (percents.length == 0 ? 0 : sum / percents.length)
                + "% done";
    }

    /** Whole percent of {@code simNanos} in {@code durationNanos}, clamped to [0, 100]. */
    static int percent(long simNanos, long durationNanos) {
        if (durationNanos <= 0) {
            return 100;
        }
        double fraction = (double) simNanos / durationNanos;
        return (int) Math.max(0, Math.min(100, Math.floor(fraction * 100)));
    }
}
