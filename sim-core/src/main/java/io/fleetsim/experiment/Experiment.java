package io.fleetsim.experiment;

import io.fleetsim.cloud.Catalog;
import io.fleetsim.scenario.ScenarioFile;
import io.fleetsim.scenario.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every variant of a scenario file and prices it. Each run is single-threaded and deterministic; variants run
 * in parallel, one per available core, and results come back in variant order, so the output does not depend on
 * how many cores there were.
 */
public final class Experiment {

    private Experiment() {
    }

    /** Runs all variants; results in variant order. */
    public static ExperimentResult run(ScenarioFile file, ProgressListener progress) {
        List<Scenario> variants = file.variants();
        int threads = Math.max(1, Math.min(variants.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fleetsim-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (Scenario s : variants) {
                futures.add(pool.submit(() -> runOne(s, progress)));
            }
            List<RunResult> runs = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                runs.add(f.get());
            }
            String name = variants.isEmpty() ? "" : variants.get(0).name();
            return new ExperimentResult(name, file.source(), runs);
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

    /** One variant on its seed. */
    public static RunResult runOne(Scenario scenario, ProgressListener progress) {
        Catalog catalog = Catalog.forRegion(scenario.region())
                .orElseThrow(() -> new IllegalArgumentException("no catalog for region " + scenario.region()));
        return new Simulation(scenario, catalog).run(progress);
    }
}
