package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.scenario.model.ArrivalSpec;
import io.fleetsim.scenario.model.ArrivalSpec.BurstSpec;
import io.fleetsim.scenario.model.ArrivalSpec.DailySpec;
import io.fleetsim.scenario.model.ArrivalSpec.ProfileSpec;
import io.fleetsim.scenario.model.ArrivalSpec.StepSpec;
import io.fleetsim.scenario.model.ArrivalSpec.TraceSpec;
import io.fleetsim.scenario.model.DistributionSpec;
import io.fleetsim.scenario.model.LoadBalancerSpec;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.ServiceSpec;
import io.fleetsim.scenario.model.ServingSpec;
import io.fleetsim.scenario.model.SloSpec;
import io.fleetsim.scenario.model.TrafficSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding of a service's {@code traffic} and {@code slo} into exact model records, defaults and variants. */
class TrafficBindTest {

    /** A valid service without traffic; tests append its {@code traffic} and {@code slo} lines. */
    static final String SERVICE = """
            name: t
            duration: 7d
            region: us-east-1
            clusters:
              - name: prod
                capacityProviders: [{ name: fargate, type: FARGATE }]
            services:
              - name: api
                desiredCount: 2
                taskDefinition: { cpu: 512, memory: 1GiB, image: { repository: api, size: 250MiB } }
            """;

    private static ServiceSpec api(String yaml) throws ScenarioException {
        return Load.ok(yaml).variants().get(0).services().get(0);
    }

    private static ServiceSpec api(String yaml, Path folder) throws ScenarioException {
        return Load.ok(yaml, folder).variants().get(0).services().get(0);
    }

    // rate 18000/m = 18000 / 60 = 300 per second. peakAt 14:30 = 14.5 h = 52,200 s.
    // weekly [4, 4, 4, 4, 4, 2, 6]: sum 28, normalised w x 7 / 28 = w / 4: [1, 1, 1, 1, 1, 0.5, 1.5] (exact).
    // burst start 2d = 172,800 s, duration 30m = 1,800 s. steps 3d = 259,200 s at 500/s; 4d = 345,600 s at
    // 7200/h = 2 per second. p99.9 250ms; errorRate 0.1% = 0.001.
    @Test
    void fullTrafficSection_bindsToExactRecords() throws Exception {
        ServiceSpec s = api(SERVICE + """
                    traffic:
                      arrivals:
                        process: poisson
                        rate: 18000/m
                        profile:
                          daily: { peakToMean: 1.5, peakAt: "14:30" }
                          weekly: [4, 4, 4, 4, 4, 2, 6]
                          bursts: [{ start: 2d, duration: 30m, multiplier: 3 }]
                          steps: [{ at: 3d, rate: 500/s }, { at: 4d, rate: 7200/h }]
                      work: { distribution: lognormal, mean: 20ms, p99: 150ms }
                      io: { distribution: constant, value: 5ms }
                      serving: { discipline: ps, maxConcurrency: 64 }
                      loadBalancer:
                        algorithm: least_outstanding_requests
                        deregistrationDelay: 30s
                        healthCheckGracePeriod: 1m
                    slo: { latency: { p99.9: 250ms }, errorRate: 0.1% }
                """);
        ProfileSpec profile = new ProfileSpec(new DailySpec(1.5, 52_200_000_000_000L),
                List.of(1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 1.5),
                List.of(new BurstSpec(172_800_000_000_000L, 1_800_000_000_000L, 3.0)),
                List.of(new StepSpec(259_200_000_000_000L, 500.0), new StepSpec(345_600_000_000_000L, 2.0)));
        assertThat(s.traffic()).isEqualTo(new TrafficSpec(
                new ArrivalSpec("poisson", 300.0, profile, null),
                new DistributionSpec("lognormal", 20_000_000.0, 150_000_000.0, 0, List.of()),
                new DistributionSpec("constant", 5_000_000.0, 0, 0, List.of()),
                new ServingSpec("ps", 64, 0),
                new LoadBalancerSpec("least_outstanding_requests", 30_000_000_000L, 60_000_000_000L)));
        assertThat(s.slo()).isEqualTo(new SloSpec(99.9, 250_000_000L, 0.001));
    }

    // Defaults: no io; serving fcfs, unlimited concurrency and queue; ALB round_robin, 300 s deregistration
    // delay, ECS grace period 0. An SLO with only latency has errorRate 1 (no bound). A constant process at 2.5/s.
    @Test
    void minimalTraffic_getsDocumentedDefaults() throws Exception {
        ServiceSpec s = api(SERVICE + """
                    traffic:
                      arrivals: { process: constant, rate: 2.5/s }
                      work: { distribution: exponential, mean: 4ms }
                    slo: { latency: { p95: 1s } }
                """);
        assertThat(s.traffic()).isEqualTo(new TrafficSpec(
                new ArrivalSpec("constant", 2.5, null, null),
                new DistributionSpec("exponential", 4_000_000.0, 0, 0, List.of()),
                null,
                new ServingSpec("fcfs", 0, 0),
                new LoadBalancerSpec("round_robin", 300_000_000_000L, 0)));
        assertThat(s.slo()).isEqualTo(new SloSpec(95.0, 1_000_000_000L, 1.0));
    }

    // errorRate 0.002 alone: latencyPercentile 0 and bound 0 (no latency bound).
    @Test
    void sloWithOnlyErrorRate_hasNoLatencyBound() throws Exception {
        ServiceSpec s = api(SERVICE + """
                    slo: { errorRate: 0.002 }
                """);
        assertThat(s.traffic()).isNull();
        assertThat(s.slo()).isEqualTo(new SloSpec(0, 0, 0.002));
    }

    @Test
    void serviceWithoutTrafficOrSlo_hasNulls() throws Exception {
        ServiceSpec s = api(SERVICE);
        assertThat(s.traffic()).isNull();
        assertThat(s.slo()).isNull();
    }

    // gamma and weibull keep mean and shape; an unquoted 9:05 peakAt (YAML 1.1 would read it as sexagesimal 545)
    // is kept as written: 9 h 5 m = 32,700 s.
    @Test
    void gammaWeibullAndUnquotedPeakAt_bind() throws Exception {
        ServiceSpec s = api(SERVICE + """
                    traffic:
                      arrivals: { process: poisson, rate: 10/s, profile: { daily: { peakToMean: 1, peakAt: 9:05 } } }
                      work: { distribution: gamma, mean: 10ms, shape: 0.5 }
                      io: { distribution: weibull, mean: 2ms, shape: 1.5 }
                """);
        assertThat(s.traffic().arrivals().profile().daily()).isEqualTo(new DailySpec(1.0, 32_700_000_000_000L));
        assertThat(s.traffic().work()).isEqualTo(new DistributionSpec("gamma", 10_000_000.0, 0, 0.5, List.of()));
        assertThat(s.traffic().io()).isEqualTo(new DistributionSpec("weibull", 2_000_000.0, 0, 1.5, List.of()));
    }

    // Samples 10ms, 20ms, 1.5ms (blank line and comment skipped): mean (10 + 20 + 1.5) / 3 = 10.5 ms.
    @Test
    void empiricalSamples_areReadRelativeToTheFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/samples.txt"), "# measured\n10ms\n\n20ms\n1500us\n");
        ServiceSpec s = api(SERVICE + """
                    traffic:
                      arrivals: { process: poisson, rate: 1/s }
                      work: { distribution: empirical, samples: data/samples.txt }
                """, dir);
        assertThat(s.traffic().work()).isEqualTo(new DistributionSpec("empirical", 10_500_000.0, 0, 0,
                List.of(10_000_000L, 20_000_000L, 1_500_000L)));
    }

    // The scenario at DIR/scenarios/web.yaml names traces/t.txt: resolved against DIR/scenarios, not the current
    // directory. scale 2, shift 10m = 600 s.
    @Test
    void tracePath_isResolvedAgainstTheScenarioFilesFolder(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scenarios"));
        Files.createDirectories(folder.resolve("traces"));
        Files.writeString(folder.resolve("traces/t.txt"), "0\n0.5\n1.25\n");
        Path file = folder.resolve("web.yaml");
        Files.writeString(file, SERVICE + """
                    traffic:
                      arrivals: { process: trace, trace: "seconds:traces/t.txt", scale: 2, shift: 10m }
                      work: { distribution: constant, value: 1ms }
                """);
        Scenario s = Load.ok(file).variants().get(0);
        assertThat(s.services().get(0).traffic().arrivals()).isEqualTo(new ArrivalSpec("trace", 0, null,
                new TraceSpec("seconds", folder.resolve("traces/t.txt"), 2.0, 600_000_000_000L)));
    }

    // Variant "peak" sets services.api.traffic.arrivals.rate to 600/s; the base keeps 300/s. The variant also
    // adds slo.errorRate (a missing last key is added).
    @Test
    void variant_overridesTheArrivalRate() throws Exception {
        List<Scenario> variants = Load.ok(SERVICE + """
                    traffic:
                      arrivals: { process: poisson, rate: 300/s }
                      work: { distribution: exponential, mean: 4ms }
                    slo: { latency: { p99: 250ms } }
                variants:
                  - name: base
                  - name: peak
                    set:
                      services.api.traffic.arrivals.rate: 600/s
                      services.api.slo.errorRate: 1%
                """).variants();
        assertThat(variants.get(0).services().get(0).traffic().arrivals().ratePerSecond()).isEqualTo(300.0);
        assertThat(variants.get(1).services().get(0).traffic().arrivals().ratePerSecond()).isEqualTo(600.0);
        assertThat(variants.get(0).services().get(0).slo()).isEqualTo(new SloSpec(99.0, 250_000_000L, 1.0));
        assertThat(variants.get(1).services().get(0).slo()).isEqualTo(new SloSpec(99.0, 250_000_000L, 0.01));
    }
}
