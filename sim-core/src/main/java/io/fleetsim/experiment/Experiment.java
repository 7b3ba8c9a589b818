package io.fleetsim.experiment;

import io.fleetsim.cloud.Catalog;
import io.fleetsim.scenario.ScenarioFile;
import io.fleetsim.scenario.model.Scenario;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every variant of a scenario file, on one or several seeds, and prices it. Each run is single-threaded and
 * deterministic; runs go in parallel, one per thread (by default one per available core), and results come back in
 * variant order, then seed order, so the output does not depend on how many threads there were.
 */
public final class Experiment {

    private Experiment() {
    }

    /** Runs all variants once, on their own seeds, one thread per core; results in variant order. */
    public static ExperimentResult run(ScenarioFile file, ProgressListener progress) {
        return run(file, 1, Runtime.getRuntime().availableProcessors(), progress);
    }

    /**
     * The runs {@code seeds} replications make: each variant on its seed and the {@code seeds - 1} seeds after it,
     * named {@code <variant>-seed<seed>} when there is more than one, in variant order, then seed order.
     */
    public static List<Scenario> expand(ScenarioFile file, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, found " + seeds);
        }
        List<Scenario> runs = new ArrayList<>();
        for (Scenario v : file.variants()) {
            for (int k = 0; k < seeds; k++) {
                Scenario s = v.withSeed(v.seed() + k);
                runs.add(seeds == 1 ? s : s.withVariant(v.variant() + "-seed" + s.seed()));
            }
        }
        return runs;
    }

    /**
     * Runs every variant on {@code seeds} seeds with at most {@code threads} runs at a time; results in variant
     * order, then seed order, identical whatever {@code threads} is.
     */
    public static ExperimentResult run(ScenarioFile file, int seeds, int threads, ProgressListener progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, found " + threads);
        }
        List<Scenario> variants = expand(file, seeds);
        List<String> bases = new ArrayList<>();
        for (Scenario v : file.variants()) {
            for (int k = 0; k < seeds; k++) {
                bases.add(v.variant());
            }
        }
        threads = Math.max(1, Math.min(variants.size(), threads));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fleetsim-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (Scenario s : variants) {
                futures.add(pool.submit(() -> timed(s, progress)));
            }
            List<RunResult> runs = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                runs.add(f.get());
            }
            String name = variants.isEmpty() ? "" : variants.get(0).name();
            return new ExperimentResult(name, file.source(), runs, bases);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@link #runOne} and then {@link ProgressListener#finished} with its wall and thread CPU time. */
    private static RunResult timed(Scenario scenario, ProgressListener progress) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0L;
        long wallStart = System.nanoTime();
        RunResult result = runOne(scenario, progress);
        long wall = System.nanoTime() - wallStart;
        progress.finished(scenario.variant(), wall, cpu ? threads.getCurrentThreadCpuTime() - cpuStart : -1L);
        return result;
    }

    /** One variant on its seed. */
    public static RunResult runOne(Scenario scenario, ProgressListener progress) {
        Catalog catalog = Catalog.forRegion(scenario.region())
                .orElseThrow(() -> new IllegalArgumentException("no catalog for region " + scenario.region()));
        return new Simulation(scenario, catalog).run(progress);
    }
}
