package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.scenario.model.PlacementStrategySpec;
import io.fleetsim.scenario.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every scenario shipped in {@code scenarios/} loads with the real catalog and placement registry. */
class BundledScenariosTest {

    private static final Path SCENARIOS = Path.of("..", "scenarios");

    static Stream<Path> bundled() throws IOException {
        try (Stream<Path> files = Files.walk(SCENARIOS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void bundledScenario_loads(Path file) throws ScenarioException {
        ScenarioFile loaded = ScenarioLoader.load(file);
        assertThat(loaded.variants()).isNotEmpty();
    }

    @Test
    void quickstart_hasTheFourVariantsWithTheirProviders() throws ScenarioException {
        List<Scenario> variants = ScenarioLoader.load(SCENARIOS.resolve("quickstart.yaml")).variants();
        assertThat(variants).extracting(Scenario::variant)
                .containsExactly("fargate", "fargate-spot", "ec2-m6i", "ec2-graviton");
        assertThat(variants).extracting(v -> v.services().get(0).capacityProviderStrategy().get(0).capacityProvider())
                .containsExactly("fargate", "fargate-spot", "m6i", "graviton");
        assertThat(variants.get(2).cluster("prod").capacityProvider("m6i").desiredCapacity()).isEqualTo(3);
        assertThat(variants.get(0).cluster("prod").capacityProvider("m6i").desiredCapacity()).isEqualTo(0);
        // On EC2: spread over zones, then bin pack, so that scale-in empties instances for managed scaling.
        assertThat(variants.get(2).services().get(0).placementStrategy()).containsExactly(
                new PlacementStrategySpec("spread", "attribute:ecs.availability-zone"),
                new PlacementStrategySpec("binpack", "memory"));
        // Every variant scales its service on CPU; the EC2 groups have managed scaling.
        assertThat(variants).allSatisfy(v -> assertThat(v.services().get(0).autoScaling().minCapacity())
                .isEqualTo(2));
        assertThat(variants.get(2).cluster("prod").capacityProvider("m6i").managedScaling().targetCapacity())
                .isEqualTo(100);
        assertThat(variants.get(3).cluster("prod").capacityProvider("graviton").managedScaling()
                .managedTerminationProtection()).isTrue();
    }
}
