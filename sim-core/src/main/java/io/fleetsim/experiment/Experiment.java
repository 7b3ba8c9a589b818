package io.fleetsim.experiment;

import io.fleetsim.scenario.ScenarioFile;

/** SKELETON (contract): runs every variant of a scenario file (each single-threaded, deterministic) and prices it. */
public final class Experiment {

    private Experiment() {
    }

    /** Runs all variants; variants may run in parallel, results come back in variant order. */
    public static ExperimentResult run(ScenarioFile file, ProgressListener progress) {
        throw new UnsupportedOperationException("skeleton");
    }
}
