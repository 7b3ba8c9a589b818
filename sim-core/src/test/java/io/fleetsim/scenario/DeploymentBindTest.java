package io.fleetsim.scenario;

import static io.fleetsim.scenario.Load.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.scenario.model.DeploymentConfigurationSpec;
import io.fleetsim.scenario.model.DeploymentSpec;
import io.fleetsim.scenario.model.ImageSpec;
import io.fleetsim.scenario.model.ServiceSpec;
import org.junit.jupiter.api.Test;

/**
 * {@code services[].deploymentConfiguration}, {@code services[].deployments} and {@code timings.restartThrottleBase}:
 * values bound, and mistakes reported at their line and column. {@link FaultsBindTest#BASE} has 17 lines; the
 * service's keys are indented by 4, so a key appended to it is at line 18, column 5.
 */
class DeploymentBindTest {

    private static final long S = 1_000_000_000L;
    private static final long MIB = 1024L * 1024;

    private static ServiceSpec service(String keys) throws ScenarioException {
        return Load.ok(FaultsBindTest.BASE + keys).variants().get(0).services().get(0);
    }

    @Test
    void withoutKeys_theServiceGetsEcsDefaultsAndNoDeployments() throws Exception {
        ServiceSpec s = service("");
        assertThat(s.deploymentConfiguration()).isEqualTo(new DeploymentConfigurationSpec(100, 200, false, false));
        assertThat(s.deployments()).isEmpty();
    }

    @Test
    void deploymentsAndConfiguration_areBound() throws Exception {
        ServiceSpec s = service("""
                    deploymentConfiguration:
                      minimumHealthyPercent: 50
                      maximumPercent: 150
                      circuitBreaker: { enable: true, rollback: true }
                    deployments:
                      - { at: 30m, image: { repository: api, tag: v2, size: 300MiB } }
                      - { at: 45m, image: { repository: api, tag: v3, size: 300MiB }, failing: true }
                """);
        assertThat(s.deploymentConfiguration()).isEqualTo(new DeploymentConfigurationSpec(50, 150, true, true));
        assertThat(s.deployments()).containsExactly(
                new DeploymentSpec(1800 * S, new ImageSpec("api", "v2", 300 * MIB), false),
                new DeploymentSpec(2700 * S, new ImageSpec("api", "v3", 300 * MIB), true));
    }

    // "    deployments: [{ at: 2h, image: ..." : 4 + "deployments: " (13) + "[{ at: " (7) = 24, the value at column 25.
    @Test
    void deploymentAfterTheEnd_isRejected() {
        assertProblem(Load.only(FaultsBindTest.BASE
                + "    deployments: [{ at: 2h, image: { repository: api, tag: v2, size: 1MiB } }]\n"),
                "services[0].deployments[0].at", 18, 25,
                "deployment at 2h must be before the end of the scenario (duration 1h)");
    }

    // Line 19 is the second item; "      - { at: " is 14 characters, the value at column 15.
    @Test
    void deploymentsOutOfOrder_areRejected() {
        assertProblem(Load.only(FaultsBindTest.BASE + """
                    deployments:
                      - { at: 30m, image: { repository: api, tag: v2, size: 1MiB } }
                      - { at: 20m, image: { repository: api, tag: v3, size: 1MiB } }
                """), "services[0].deployments[1].at", 20, 15, "must be after the one before it (at 30m)");
    }

    // "    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 }": the map at 4 + 25 + 1 = 30.
    @Test
    void boundsThatCannotMakeProgress_areAnErrorSayingWhy() {
        assertProblem(Load.only(FaultsBindTest.BASE
                + "    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 }\n"
                + "    deployments: [{ at: 30m, image: { repository: api, tag: v2, size: 1MiB } }]\n"),
                "services[0].deploymentConfiguration", 18, 30,
                "a deployment cannot make progress with minimumHealthyPercent 100 and maximumPercent 100 at "
                        + "desiredCount 2: the upper bound floor(2 x 100%) = 2 leaves no room to start a new task "
                        + "and the lower bound ceil(2 x 100%) = 2 allows no old task to stop");
    }

    // Rounding decides: desiredCount 2 with min 60 / max 140: ceil(1.2) = 2 and floor(2.8) = 2, stuck as well.
    @Test
    void boundsStuckOnlyByRounding_areAnErrorToo() {
        assertThat(Load.only(FaultsBindTest.BASE
                + "    deploymentConfiguration: { minimumHealthyPercent: 60, maximumPercent: 140 }\n"
                + "    deployments: [{ at: 30m, image: { repository: api, tag: v2, size: 1MiB } }]\n").message())
                .contains("floor(2 x 140%) = 2", "ceil(2 x 60%) = 2");
    }

    // "{ minimumHealthyPercent: " is 25 characters from the map at column 30: the value at column 55.
    @Test
    void minimumHealthyPercentAbove100_isRejected() {
        assertProblem(Load.only(FaultsBindTest.BASE
                + "    deploymentConfiguration: { minimumHealthyPercent: 120 }\n"),
                "services[0].deploymentConfiguration.minimumHealthyPercent", 18, 55,
                "must be between 0 and 100, found 120");
    }

    // "{ maximumPercent: " is 18 characters from column 30: the value at column 48.
    @Test
    void maximumPercentBelow100_isRejected() {
        assertProblem(Load.only(FaultsBindTest.BASE + "    deploymentConfiguration: { maximumPercent: 90 }\n"),
                "services[0].deploymentConfiguration.maximumPercent", 18, 48, "must be between 100 and 1000, found 90");
    }

    // Line 19 "      circuitBreaker: { enable: false, rollback: true }": the map at 23, rollback's value at column 50.
    @Test
    void rollbackWithoutTheCircuitBreaker_isNotSilentlyIgnored() {
        assertProblem(Load.only(FaultsBindTest.BASE + """
                    deploymentConfiguration:
                      circuitBreaker: { enable: false, rollback: true }
                """), "services[0].deploymentConfiguration.circuitBreaker.rollback", 19, 50,
                "rollback needs the circuit breaker: set `enable: true`");
    }

    @Test
    void misspelledDeploymentKey_suggestsTheNearMiss() {
        ScenarioProblem p = Load.only(FaultsBindTest.BASE
                + "    deployments: [{ at: 30m, image: { repository: api, size: 1MiB }, failng: true }]\n");
        assertThat(p.path()).isEqualTo("services[0].deployments[0].failng");
        assertThat(p.message()).contains("did you mean `failing`?");
    }

    @Test
    void deploymentImage_isCheckedLikeTheTaskDefinitionImage() {
        ScenarioProblem p = Load.only(FaultsBindTest.BASE
                + "    deployments: [{ at: 30m, image: { repository: API, size: 1MiB } }]\n");
        assertThat(p.path()).isEqualTo("services[0].deployments[0].image.repository");
        assertThat(p.message()).contains("is not a valid ECR repository name");
    }

    @Test
    void restartThrottleBase_isBoundAndCappedAt15Minutes() throws Exception {
        String base = FaultsBindTest.BASE.replace("region: us-east-1\n", "region: us-east-1\ntimings:\n"
                + "  restartThrottleBase: %s\n");
        assertThat(Load.ok(base.formatted("10s")).variants().get(0).timings().restartThrottleBaseNanos())
                .isEqualTo(10 * S);
        assertThat(Load.ok(FaultsBindTest.BASE).variants().get(0).timings().restartThrottleBaseNanos())
                .isEqualTo(30 * S);
        // "  restartThrottleBase: 20m" on line 5: the value at 2 + 21 + 1 = column 24.
        assertProblem(Load.only(base.formatted("20m")), "timings.restartThrottleBase", 5, 24,
                "restartThrottleBase must be longer than 0s and at most 15m");
    }
}
