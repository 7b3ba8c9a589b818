package io.fleetsim.scenario;

import static io.fleetsim.scenario.ScenarioLoaderErrorsTest.BASE;
import static io.fleetsim.scenario.ScenarioLoaderErrorsTest.replace;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.scenario.model.CapacityProviderSpec;
import io.fleetsim.scenario.model.ManagedScalingSpec;
import io.fleetsim.scenario.model.TimingSpec;
import org.junit.jupiter.api.Test;

/** {@code managedScaling} on an EC2 provider and the EC2 boot and registration ranges in {@code timings}. */
class ManagedScalingBindTest {

    private static final long S = 1_000_000_000L;

    private static CapacityProviderSpec m6i(String yaml) throws ScenarioException {
        return Load.ok(yaml).variants().get(0).clusters().get(0).capacityProviders().get(1);
    }

    @Test
    void noManagedScaling_isAFixedGroup() throws ScenarioException {
        assertThat(m6i(BASE).managedScaling()).isNull();
    }

    @Test
    void emptyManagedScaling_takesTheApiDefaults() throws ScenarioException {
        CapacityProviderSpec p = m6i(replace("maxSize: 4 }", "maxSize: 4, managedScaling: {} }"));
        assertThat(p.managedScaling()).isEqualTo(new ManagedScalingSpec(100, 1, 10_000, 300 * S, 1, 15, false, true));
    }

    @Test
    void everyKey_isBound() throws ScenarioException {
        CapacityProviderSpec p = m6i(replace("maxSize: 4 }", "maxSize: 4, managedScaling: { targetCapacity: 90, "
                + "minimumScalingStepSize: 2, maximumScalingStepSize: 5, instanceWarmupPeriod: 3m, "
                + "scaleOutDatapoints: 2, scaleInDatapoints: 10, managedTerminationProtection: true, "
                + "managedDraining: false } }"));
        assertThat(p.managedScaling()).isEqualTo(new ManagedScalingSpec(90, 2, 5, 180 * S, 2, 10, true, false));
    }

    @Test
    void bootAndRegistration_acceptARangeOrAFixedTime() throws ScenarioException {
        TimingSpec fixed = Load.ok(BASE.replace("region: us-east-1\n",
                "region: us-east-1\ntimings:\n  ec2Boot: 20s\n")).variants().get(0).timings();
        assertThat(fixed.ec2BootNanos()).isEqualTo(20 * S);
        assertThat(fixed.ec2BootMaxNanos()).isEqualTo(20 * S);
        TimingSpec ranged = Load.ok(BASE.replace("region: us-east-1\n", "region: us-east-1\ntimings:\n"
                + "  ec2Boot: { min: 6s, max: 21s }\n  ec2AgentRegistration: { max: 30s }\n")).variants().get(0)
                .timings();
        assertThat(ranged.ec2BootNanos()).isEqualTo(6 * S);
        assertThat(ranged.ec2BootMaxNanos()).isEqualTo(21 * S);
        assertThat(ranged.ec2AgentRegistrationNanos()).isEqualTo(10 * S);  // the default lower bound
        assertThat(ranged.ec2AgentRegistrationMaxNanos()).isEqualTo(30 * S);
    }

    @Test
    void bootRange_minAboveMax_isLocated() {
        var problems = Load.problems(BASE.replace("region: us-east-1\n",
                "region: us-east-1\ntimings:\n  ec2Boot: { min: 30s, max: 20s }\n"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("timings.ec2Boot.min");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("min 30s is above max 20s");
        });
    }

    @Test
    void imagePullBehavior_defaultsToTheAgentDefaultAndTakesTheAgentSpelling() throws ScenarioException {
        assertThat(Load.ok(BASE).variants().get(0).clusters().get(0).imagePullBehavior())
                .isEqualTo(io.fleetsim.scenario.model.ClusterSpec.ImagePullBehavior.DEFAULT);
        assertThat(Load.ok(BASE.replace("  - name: prod\n", "  - name: prod\n    imagePullBehavior: prefer-cached\n"))
                .variants().get(0).clusters().get(0).imagePullBehavior())
                .isEqualTo(io.fleetsim.scenario.model.ClusterSpec.ImagePullBehavior.PREFER_CACHED);
    }

    // "    imagePullBehavior: " is 23 characters: the value at column 24 of line 6.
    @Test
    void imagePullBehavior_nearMissIsSuggested() {
        var problems = Load.problems(BASE.replace("  - name: prod\n",
                "  - name: prod\n    imagePullBehavior: prefer_cached\n"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("clusters[0].imagePullBehavior");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(24);
            assertThat(p.message()).contains("did you mean `prefer-cached`?");
        });
    }
}
