package io.fleetsim.experiment;

import java.util.List;

/**
 * All runs of one scenario file, in variant order: what the report writers turn into files.
 *
 * @param scenarioName scenario name
 * @param source       the scenario file as given by the user
 * @param runs         one per variant
 */
public record ExperimentResult(String scenarioName, String source, List<RunResult> runs) {

    public ExperimentResult {
        runs = List.copyOf(runs);
    }
}
