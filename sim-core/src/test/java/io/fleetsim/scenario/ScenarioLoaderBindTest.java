package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.PurchaseOption;
import io.fleetsim.scenario.model.FaultsSpec;
import io.fleetsim.scenario.model.CapacityProviderSpec;
import io.fleetsim.scenario.model.CapacityProviderSpec.CapacityProviderType;
import io.fleetsim.scenario.model.ClusterSpec;
import io.fleetsim.scenario.model.ImageSpec;
import io.fleetsim.scenario.model.JobSpec;
import io.fleetsim.scenario.model.PlacementStrategySpec;
import io.fleetsim.scenario.model.PricingSpec;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.ServiceSpec;
import io.fleetsim.scenario.model.StrategyItem;
import io.fleetsim.scenario.model.TaskDefinitionSpec;
import io.fleetsim.scenario.model.TaskDefinitionSpec.NetworkMode;
import io.fleetsim.scenario.model.TimingSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioLoaderBindTest {

    private static final long S = 1_000_000_000L;
    private static final long MIB = 1024L * 1024L;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private static final String SMALL = """
            name: small
            description: one API on Fargate, one job on EC2
            seed: 42
            duration: 7d
            warmup: 10m
            region: us-east-1
            pricing:
              fargateSpotDiscount: 65%
            timings:
              ec2Boot: 20s
              fargateProvisioning: { max: 30s }
            clusters:
              - name: prod
                capacityProviders:
                  - name: fargate
                    type: FARGATE
                  - name: m6i
                    type: EC2
                    instanceType: m6i.large
                    purchaseOption: spot
                    maxSize: 10
                    desiredCapacity: 2
                    attributes: { tier: "1", team: web }
            services:
              - name: api
                desiredCount: 6
                capacityProviderStrategy: [{ capacityProvider: fargate }]
                taskDefinition:
                  cpu: 0.5 vCPU
                  memory: 1GiB
                  image: { repository: api, size: 250MiB }
            jobs:
              - name: nightly-report
                schedule: "cron(0 2 * * ? *)"
                count: 5
                duration: 10m
                capacityProviderStrategy: [{ capacityProvider: m6i, base: 1, weight: 2 }]
                taskDefinition:
                  family: report
                  cpu: 1024
                  memory: 2GB
                  image: { repository: tools/report, tag: v1.2, size: 1.5GiB }
                  networkMode: bridge
                  stopTimeout: 2m
                placementStrategy:
                  - { type: binpack, field: memory }
            """;

    // Every field, worked out by hand:
    // duration 7d = 604800 s; warmup 10m = 600 s; fargateSpotDiscount 65% = 0.65; ec2SpotDiscount from the catalog
    // 0.60 -> 0.6; timings: defaults except ec2Boot 20 s and provisioning max 30 s; zones: the first 3 of a..f;
    // fargate provider has null/0 EC2 fields; m6i minSize default 0; service: 0.5 vCPU = 512 units, 1GiB =
    // 1024 MiB, tag latest, 250MiB = 262144000 bytes, awsvpc, 20 GiB, X86_64, stopTimeout 30 s, weight 1,
    // placement default spread by zone; job: 2GB = 2048 MiB, 1.5GiB = 1610612736 bytes, stopTimeout 2m = 120 s.
    @Test
    void smallScenario_bindsEveryFieldWithDefaults() throws Exception {
        ScenarioFile file = Load.ok(SMALL);

        TimingSpec timings = new TimingSpec(10 * S, 30 * S, 5 * S, 40 * MIB, 100 * MIB, 2 * S, 20 * S, 10 * S);
        ClusterSpec prod = new ClusterSpec("prod", ClusterSpec.Orchestrator.ECS,
                List.of("us-east-1a", "us-east-1b", "us-east-1c"), false, List.of(
                        new CapacityProviderSpec("fargate", CapacityProviderType.FARGATE, null, null, 0, 0, 0, Map.of()),
                        new CapacityProviderSpec("m6i", CapacityProviderType.EC2, "m6i.large", PurchaseOption.SPOT, 0,
                                10, 2, Map.of("team", "web", "tier", "1"))));
        ServiceSpec api = new ServiceSpec("api", "prod", 6, List.of(new StrategyItem("fargate", 0, 1)),
                new TaskDefinitionSpec("api", 512, 1024, new ImageSpec("api", "latest", 262_144_000L),
                        NetworkMode.AWSVPC, 20, Architecture.X86_64, 30 * S),
                List.of(new PlacementStrategySpec("spread", "attribute:ecs.availability-zone")), List.of(), null, null, null);
        JobSpec report = new JobSpec("nightly-report", "prod", CronSchedule.parse("cron(0 2 * * ? *)", START), 5,
                600 * S, List.of(new StrategyItem("m6i", 1, 2)),
                new TaskDefinitionSpec("report", 1024, 2048, new ImageSpec("tools/report", "v1.2", 1_610_612_736L),
                        NetworkMode.BRIDGE, 20, Architecture.X86_64, 120 * S),
                List.of(new PlacementStrategySpec("binpack", "memory")), List.of());
        Scenario expected = new Scenario("small", "one API on Fargate, one job on EC2", "default", 42, START,
                604_800 * S, 600 * S, "us-east-1", new PricingSpec(new BigDecimal("0.65"), new BigDecimal("0.6")),
                timings, List.of(prod), List.of(api), List.of(report), FaultsSpec.NONE);

        assertThat(file.source()).isEqualTo("test.yaml");
        assertThat(file.variants()).containsExactly(expected);
    }

    @Test
    void attributes_iterateSortedByKey() throws Exception {
        CapacityProviderSpec m6i = Load.ok(SMALL).variants().get(0).cluster("prod").capacityProvider("m6i");
        assertThat(m6i.attributes().keySet()).containsExactly("team", "tier");
    }

    private static final String MINIMAL = """
            name: minimal
            duration: 1h
            region: eu-west-1
            clusters:
              - name: c1
                capacityProviders: [{ name: ec2, type: EC2, instanceType: m6i.large, minSize: 1, maxSize: 3 }]
            jobs:
              - name: once
                schedule: at-start
                duration: 90s
                taskDefinition: { cpu: 256, memory: 512, image: { repository: batch, size: 100MB } }
            """;

    // Defaults: seed 1, start 2024-01-01Z, warmup 0, description "", Fargate Spot 0.7, zones = all 3 of eu-west-1,
    // cluster and strategy from the only cluster/provider, count 1, desiredCapacity = minSize 1, job placement on
    // EC2 = random (RunTask's default).
    @Test
    void minimalScenario_fillsDocumentedDefaults() throws Exception {
        Scenario s = Load.ok(MINIMAL).variants().get(0);
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.start()).isEqualTo(START);
        assertThat(s.warmupNanos()).isZero();
        assertThat(s.description()).isEmpty();
        assertThat(s.pricing()).isEqualTo(new PricingSpec(new BigDecimal("0.7"), new BigDecimal("0.6")));
        assertThat(s.timings()).isEqualTo(TimingDefaults.spec());
        assertThat(s.cluster("c1").zones()).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
        assertThat(s.cluster("c1").capacityProvider("ec2").desiredCapacity()).isEqualTo(1);
        assertThat(s.services()).isEmpty();
        JobSpec job = s.jobs().get(0);
        assertThat(job.cluster()).isEqualTo("c1");
        assertThat(job.count()).isEqualTo(1);
        assertThat(job.schedule()).isSameAs(AtStartSchedule.INSTANCE);
        assertThat(job.capacityProviderStrategy()).containsExactly(new StrategyItem("ec2", 0, 1));
        assertThat(job.placementStrategy()).containsExactly(new PlacementStrategySpec("random", null));
        assertThat(job.taskDefinition().image().sizeBytes()).isEqualTo(104_857_600L);
    }

    private static final String SKETCH = """
            name: web-api-fargate-vs-ec2
            description: One web API for a week, on Fargate and on EC2.
            seed: 42
            duration: 7d
            warmup: 10m
            region: us-east-1
            clusters:
              - name: prod
                orchestrator: ecs
                zones: [us-east-1a, us-east-1b, us-east-1c]
                capacityProviders:
                  - name: fargate
                    type: FARGATE
                  - name: fargate-spot
                    type: FARGATE_SPOT
                  - name: m6i
                    type: EC2
                    instanceType: m6i.large
                    purchaseOption: on-demand
                    minSize: 0
                    maxSize: 40
                    desiredCapacity: 4
            services:
              - name: api
                cluster: prod
                desiredCount: 6
                capacityProviderStrategy: [{ capacityProvider: fargate, weight: 1 }]
                taskDefinition:
                  cpu: 512
                  memory: 1GiB
                  image: { repository: api, size: 250MiB }
                  networkMode: awsvpc
            jobs:
              - name: nightly-report
                cluster: prod
                schedule: "cron(0 2 * * ? *)"
                count: 5
                duration: 10m
                taskDefinition: { cpu: 1024, memory: 2GiB, ephemeralStorage: 30GiB,
                                  image: { repository: report, size: 1GiB } }
                capacityProviderStrategy: [{ capacityProvider: fargate, weight: 1 }]
            variants:
              - name: fargate
              - name: fargate-spot
                set: { services.api.capacityProviderStrategy: [{ capacityProvider: fargate-spot, weight: 1 }] }
              - name: ec2-m6i
                set:
                  services.api.capacityProviderStrategy: [{ capacityProvider: m6i, weight: 1 }]
                  services.api.placementStrategy:
                    - { type: spread, field: "attribute:ecs.availability-zone" }
                    - { type: binpack, field: memory }
                  clusters.prod.capacityProviders.m6i.desiredCapacity: 8
                  jobs.0.count: 2
            """;

    @Test
    void sketchVariants_eachIsTheBaseWithItsOverrides() throws Exception {
        List<Scenario> variants = Load.ok(SKETCH).variants();
        assertThat(variants).extracting(Scenario::variant).containsExactly("fargate", "fargate-spot", "ec2-m6i");
        assertThat(variants).extracting(Scenario::seed).containsOnly(42L);

        Scenario fargate = variants.get(0);
        Scenario spot = variants.get(1);
        Scenario ec2 = variants.get(2);
        assertThat(fargate.services().get(0).capacityProviderStrategy())
                .containsExactly(new StrategyItem("fargate", 0, 1));
        assertThat(spot.services().get(0).capacityProviderStrategy())
                .containsExactly(new StrategyItem("fargate-spot", 0, 1));
        assertThat(ec2.services().get(0).capacityProviderStrategy()).containsExactly(new StrategyItem("m6i", 0, 1));
        assertThat(ec2.services().get(0).placementStrategy()).containsExactly(
                new PlacementStrategySpec("spread", "attribute:ecs.availability-zone"),
                new PlacementStrategySpec("binpack", "memory"));
        assertThat(ec2.cluster("prod").capacityProvider("m6i").desiredCapacity()).isEqualTo(8);
        assertThat(fargate.cluster("prod").capacityProvider("m6i").desiredCapacity()).isEqualTo(4);
        assertThat(ec2.jobs().get(0).count()).isEqualTo(2);
        assertThat(fargate.jobs().get(0).count()).isEqualTo(5);
        assertThat(fargate.jobs().get(0).taskDefinition().ephemeralStorageGiB()).isEqualTo(30);
        // Apart from the variant name, the untouched variant equals the base exactly.
        assertThat(spot.clusters()).isEqualTo(fargate.clusters());
        assertThat(spot.jobs()).isEqualTo(fargate.jobs());
    }

    // A key the base does not have is created by `set` (stopTimeout), and a map key with dots (attribute
    // team.name) is addressed whole.
    @Test
    void variantSet_createsAMissingLastKeyAndMatchesDottedKeys() throws Exception {
        String yaml = SMALL + """
                variants:
                  - name: slow-stop
                    set:
                      services.api.taskDefinition.stopTimeout: 90s
                      clusters.prod.capacityProviders.m6i.attributes.tier: "2"
                """;
        Scenario s = Load.ok(yaml).variants().get(0);
        assertThat(s.variant()).isEqualTo("slow-stop");
        assertThat(s.services().get(0).taskDefinition().stopTimeoutNanos()).isEqualTo(90 * S);
        assertThat(s.cluster("prod").capacityProvider("m6i").attributes()).containsEntry("tier", "2");
    }

    @Test
    void loadPath_readsTheFileAndNamesIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path missing = dir.resolve("missing.yaml");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScenarioLoader.load(missing))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(missing + ":0:0: $: no such file");
    }
}
