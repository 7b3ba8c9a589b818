package io.fleetsim.scenario;

import io.fleetsim.scenario.model.Scenario;
import java.util.List;

/**
 * A loaded scenario file: every variant, each a complete validated {@link Scenario} on the file's seed.
 * A file without {@code variants} has one variant named {@code default}.
 *
 * @param source   the file name as the user gave it
 * @param variants in file order
 */
public record ScenarioFile(String source, List<Scenario> variants) {

    public ScenarioFile {
        variants = List.copyOf(variants);
    }
}
