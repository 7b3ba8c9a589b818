package io.fleetsim.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * All runs of one scenario file, in variant order: what the report writers turn into files.
 *
 * @param scenarioName scenario name
 * @param source       the scenario file as given by the user
 * @param runs         one per variant and seed
 * @param baseVariants for each run, the variant it replicates (its own name when it is the only seed)
 */
public record ExperimentResult(String scenarioName, String source, List<RunResult> runs, List<String> baseVariants) {

    public ExperimentResult {
        runs = List.copyOf(runs);
        baseVariants = List.copyOf(baseVariants);
        if (baseVariants.size() != runs.size()) {
            throw new IllegalArgumentException(baseVariants.size() + " base variants for " + runs.size() + " runs");
        }
    }

    /** One run per variant, each its own base. */
    public ExperimentResult(String scenarioName, String source, List<RunResult> runs) {
        this(scenarioName, source, runs, variantNames(runs));
    }

    private static List<String> variantNames(List<RunResult> runs) {
        List<String> names = new ArrayList<>(runs.size());
        for (RunResult r : runs) {
            names.add(r.variant());
        }
        return names;
    }

    /** Whether some variant ran on more than one seed. */
    public boolean hasReplicates() {
        return baseVariants.stream().distinct().count() < baseVariants.size();
    }
}
