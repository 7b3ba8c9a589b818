package io.fleetsim.scenario;

import static io.fleetsim.scenario.Load.assertProblem;
import static io.fleetsim.scenario.Load.only;
import static io.fleetsim.scenario.ScenarioLoaderErrorsTest.BASE;
import static io.fleetsim.scenario.ScenarioLoaderErrorsTest.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The platform rules the loader enforces (Fargate sizes and limits, EC2 fit, capacity provider strategies,
 * placement), the "not implemented yet" keys, and YAML-level rejections. Base file: {@link
 * ScenarioLoaderErrorsTest#BASE}; line 7 is the FARGATE provider, line 8 the EC2 provider ("{ " puts the first
 * key at column 11), line 12 the strategy, lines 13-16 the task definition.
 */
class ScenarioValidationTest {

    private static String onM6i() {
        return replace("[{ capacityProvider: fargate }]", "[{ capacityProvider: m6i }]");
    }

    // "name: m6i, " 11-21, "type: EC2, " 22-32, "instanceType: m6i.large, " 33-57, "maxSize: 4, " 58-69: the
    // managedScaling key at column 70, its map at 86, "{ " puts targetCapacity at 88 and its value at 104.
    @Test
    void managedScaling_targetCapacityOutsideTheApiRange_isLocated() {
        ScenarioProblem p = only(replace("maxSize: 4 }", "maxSize: 4, managedScaling: { targetCapacity: 0 } }"));
        assertProblem(p, "clusters[0].capacityProviders[1].managedScaling.targetCapacity", 8, 104,
                "must be between 1 and 100");
    }

    @Test
    void managedScaling_unknownKey_suggestsTheApiName() {
        ScenarioProblem p = only(replace("maxSize: 4 }", "maxSize: 4, managedScaling: { targetCapacty: 90 } }"));
        assertProblem(p, "clusters[0].capacityProviders[1].managedScaling.targetCapacty", 8, 88,
                "did you mean `targetCapacity`?");
    }

    // minimumScalingStepSize at 88, its value at 88 + 24 = 112.
    @Test
    void managedScaling_minimumStepAboveMaximum_isAnError() {
        ScenarioProblem p = only(replace("maxSize: 4 }", "maxSize: 4, managedScaling: { minimumScalingStepSize: 5, "
                + "maximumScalingStepSize: 2 } }"));
        assertProblem(p, "clusters[0].capacityProviders[1].managedScaling.minimumScalingStepSize", 8, 112,
                "minimumScalingStepSize 5 is above maximumScalingStepSize 2");
    }

    @Test
    void managedScaling_onFargate_appliesOnlyToEc2() {
        ScenarioProblem p = only(replace("type: FARGATE }", "type: FARGATE, managedScaling: {} }"));
        assertProblem(p, "clusters[0].capacityProviders[0].managedScaling", 7, 41,
                "`managedScaling` applies only to EC2 capacity providers");
    }

    // "    orchestrator: eks" inserted as line 6: 4 + "orchestrator: " (14) = 18, value at column 19.
    @Test
    void eksOrchestrator_isNotSupportedYet() {
        ScenarioProblem p = only(replace("  - name: prod\n", "  - name: prod\n    orchestrator: eks\n"));
        assertProblem(p, "clusters[0].orchestrator", 6, 19, "orchestrator `eks` is not supported yet; only `ecs`");
    }

    // "name: fargate, " 11-25, "type: FARGATE, " 26-40: maxSize at column 41.
    @Test
    void fargateProvider_rejectsEc2OnlyKeys() {
        ScenarioProblem p = only(replace("type: FARGATE }", "type: FARGATE, maxSize: 3 }"));
        assertProblem(p, "clusters[0].capacityProviders[0].maxSize", 7, 41,
                "`maxSize` applies only to EC2 capacity providers; a FARGATE provider takes only `name` and `type`");
    }

    // "name: fargate, " 11-25, "type: " 26-31: value at column 32.
    @Test
    void providerType_nearMissIsSuggested() {
        ScenarioProblem p = only(replace("type: FARGATE }", "type: Fargate }"));
        assertProblem(p, "clusters[0].capacityProviders[0].type", 7, 32,
                "unknown capacity provider type `Fargate`; did you mean `FARGATE`? expected one of: FARGATE, "
                        + "FARGATE_SPOT, EC2");
    }

    // cpuArchitecture inserted as line 16: 6 + "cpuArchitecture: " (17) = 23, value at column 24.
    @Test
    void fargateSpotWithArm64_citesTheDocumentedConflict() {
        String yaml = replace("type: FARGATE }", "type: FARGATE_SPOT }")
                .replace("      memory: 1GiB\n", "      memory: 1GiB\n      cpuArchitecture: ARM64\n");
        ScenarioProblem p = only(yaml);
        assertProblem(p, "services[0].taskDefinition.cpuArchitecture", 16, 24,
                "capacity provider fargate is FARGATE_SPOT, which does not run ARM64 tasks");
        assertThat(p.message()).contains("Fargate capacity providers");
    }

    @Test
    void ec2ArchitectureMismatch_namesTheInstanceArchitecture() {
        ScenarioProblem p = only(onM6i().replace("      memory: 1GiB\n", "      memory: 1GiB\n      cpuArchitecture: ARM64\n"));
        assertProblem(p, "services[0].taskDefinition.cpuArchitecture", 16, 24,
                "task cpuArchitecture is ARM64 but m6i.large (capacity provider m6i) is X86_64");
    }

    // The list starts after "    capacityProviderStrategy: " (4 + 26 = 30): column 31.
    @Test
    void strategy_cannotMixFargateAndEc2() {
        ScenarioProblem p = only(replace("[{ capacityProvider: fargate }]",
                "[{ capacityProvider: fargate }, { capacityProvider: m6i }]"));
        assertProblem(p, "services[0].capacityProviderStrategy", 12, 31,
                "a capacity provider strategy cannot mix Fargate (fargate) and EC2 (m6i) capacity providers");
    }

    // The second item's base value: column 104 of
    // "    capacityProviderStrategy: [{ capacityProvider: fargate, base: 1 }, { capacityProvider: spot, base: 2 }]".
    @Test
    void strategy_allowsOneBaseOnly() {
        String yaml = replace("      - { name: m6i, type: EC2, instanceType: m6i.large, maxSize: 4 }",
                "      - { name: spot, type: FARGATE_SPOT }")
                .replace("[{ capacityProvider: fargate }]",
                        "[{ capacityProvider: fargate, base: 1 }, { capacityProvider: spot, base: 2 }]");
        ScenarioProblem p = only(yaml);
        assertProblem(p, "services[0].capacityProviderStrategy[1].base", 12, 104,
                "only one item of a capacity provider strategy may have a base (ECS capacity provider strategy); "
                        + "fargate already has one");
    }

    @Test
    void strategy_allWeightsZeroPlacesNothing() {
        ScenarioProblem p = only(replace("[{ capacityProvider: fargate }]", "[{ capacityProvider: fargate, weight: 0 }]"));
        assertProblem(p, "services[0].capacityProviderStrategy", 12, 31, "every weight is 0");
    }

    // "    placementStrategy: " inserted as line 13: 4 + 19 = 23, list at column 24.
    @Test
    void placementOnFargate_isNotSupported() {
        ScenarioProblem p = only(replace("    taskDefinition:\n",
                "    placementStrategy: [{ type: binpack, field: memory }]\n    taskDefinition:\n"));
        assertProblem(p, "services[0].placementStrategy", 13, 24,
                "placement strategies are not supported on Fargate; Fargate spreads tasks across zones");
    }

    // "    placementStrategy: [{ type: binpak, field: memory }]": the type value at column 33.
    @Test
    void placementStrategyType_nearMissIsSuggested() {
        ScenarioProblem p = only(onM6i().replace("    taskDefinition:\n",
                "    placementStrategy: [{ type: binpak, field: memory }]\n    taskDefinition:\n"));
        assertProblem(p, "services[0].placementStrategy[0].type", 13, 33,
                "unknown placement strategy type `binpak`; did you mean `binpack`? expected one of: binpack, random, "
                        + "spread");
    }

    // The placement registry's own message is reported at the field (column 48 of
    // "    placementStrategy: [{ type: spread, field: cpu }]").
    @Test
    void placementStrategyField_registryMessageAtTheField() {
        ScenarioProblem p = only(onM6i().replace("    taskDefinition:\n",
                "    placementStrategy: [{ type: spread, field: cpu }]\n    taskDefinition:\n"));
        assertProblem(p, "services[0].placementStrategy[0].field", 13, 48,
                "spread needs field instanceId, host or attribute:NAME, found cpu");
    }

    // ephemeralStorage inserted as line 16: the key at column 7.
    @Test
    void ephemeralStorageOnEc2_isRejected() {
        ScenarioProblem p = only(onM6i().replace("      memory: 1GiB\n", "      memory: 1GiB\n      ephemeralStorage: 30GiB\n"));
        assertProblem(p, "services[0].taskDefinition.ephemeralStorage", 16, 7,
                "ephemeralStorage applies only to Fargate");
    }

    // "      ephemeralStorage: " = 6 + 18 = 24: value at column 25.
    @Test
    void ephemeralStorageAbove200GiB_isRejected() {
        ScenarioProblem p = only(replace("      memory: 1GiB\n", "      memory: 1GiB\n      ephemeralStorage: 250GiB\n"));
        assertProblem(p, "services[0].taskDefinition.ephemeralStorage", 16, 25,
                "ephemeral storage must be 20 GiB (the default, included in the price) or 21 to 200 GiB, found 250 GiB");
    }

    // "      stopTimeout: " = 6 + 13 = 19: value at column 20.
    @Test
    void fargateStopTimeoutAbove120s_isRejected() {
        ScenarioProblem p = only(replace("      memory: 1GiB\n", "      memory: 1GiB\n      stopTimeout: 150s\n"));
        assertProblem(p, "services[0].taskDefinition.stopTimeout", 16, 20,
                "stopTimeout 150s is above Fargate's maximum of 120s");
    }

    // "maxSize: 4, " ends at 69, "desiredCapacity: " 70-86: value at column 87.
    @Test
    void desiredCapacityOutsideMinMax_isRejected() {
        ScenarioProblem p = only(replace("maxSize: 4 }", "maxSize: 4, desiredCapacity: 5 }"));
        assertProblem(p, "clusters[0].capacityProviders[1].desiredCapacity", 8, 87,
                "desiredCapacity 5 must lie between minSize 0 and maxSize 4");
    }

    // "warmup: 2h" inserted as line 3: value at column 9.
    @Test
    void warmupNotShorterThanDuration_isRejected() {
        ScenarioProblem p = only(replace("duration: 1h\n", "duration: 1h\nwarmup: 2h\n"));
        assertProblem(p, "warmup", 3, 9, "warmup 2h must be shorter than duration 1h");
    }

    // Line 18 "  fargateProvisioning: { min: 50s }": 2 + 21 + 2 + 5 = 30, value at column 31; max defaults to 45 s.
    @Test
    void timingsMinAboveMax_isRejected() {
        ScenarioProblem p = only(BASE + "timings:\n  fargateProvisioning: { min: 50s }\n");
        assertProblem(p, "timings.fargateProvisioning.min", 18, 31, "min 50s is above max 45s");
    }

    // Job at lines 17-22; "    schedule: " = 14, value at column 15.
    @Test
    void rateWithPluralForOne_givesTheSingularHint() {
        ScenarioProblem p = only(BASE + """
                jobs:
                  - name: j
                    schedule: rate(1 days)
                    duration: 1m
                    capacityProviderStrategy: [{ capacityProvider: fargate }]
                    taskDefinition: { cpu: 256, memory: 512, image: { repository: job, size: 1GiB } }
                """);
        assertProblem(p, "jobs[0].schedule", 19, 15, "a value of 1 takes the singular unit: rate(1 day)");
    }

    // A second cluster makes `cluster` required; the service map starts at line 12, column 5.
    @Test
    void clusterRequired_whenThereAreSeveral() {
        ScenarioProblem p = only(replace("services:\n",
                "  - name: other\n    capacityProviders: [{ name: f, type: FARGATE }]\nservices:\n"));
        assertProblem(p, "services[0].cluster", 12, 5, "missing required key `cluster` in services[0]");
    }

    @Test
    void duplicateYamlKey_pointsAtTheSecond() {
        ScenarioProblem p = only(replace("name: t\n", "name: t\nname: u\n"));
        assertProblem(p, "name", 2, 1, "duplicate key `name` (first given at line 1:1)");
    }

    // "description: *n": the alias at column 14.
    @Test
    void yamlAlias_isRejected() {
        ScenarioProblem p = only(replace("name: t\n", "name: &n t\ndescription: *n\n"));
        assertProblem(p, "description", 2, 14, "YAML aliases (`*n`) are not supported");
    }

    @Test
    void listExpected_foundAMap() {
        ScenarioProblem p = only(BASE + "jobs: { name: j }\n");
        assertProblem(p, "jobs", 17, 7, "expected a list (`- item` lines or `[a, b]`), found a map");
    }

    @Test
    void emptyFile_saysWhatAScenarioNeeds() {
        ScenarioProblem p = only("");
        assertProblem(p, "$", 1, 1, "the file is empty");
    }

    // Line 19 "    set: { seed: 7 }": the key at column 12.
    @Test
    void variantSettingSharedSeed_isRejected() {
        ScenarioProblem p = only(BASE + "variants:\n  - name: v\n    set: { seed: 7 }\n");
        assertProblem(p, "variants[0].set.\"seed\"", 19, 12, "variant v: `seed` is shared by all variants");
    }

    // Two variants with the same name: the second name at line 19, column 11.
    @Test
    void duplicateVariantNames_areRejected() {
        ScenarioProblem p = only(BASE + "variants:\n  - name: v\n  - name: v\n");
        assertProblem(p, "variants[1].name", 19, 11, "duplicate variant name `v`");
    }

    // Indexes address list items too: services.0 is api; index 3 is out of range.
    @Test
    void variantIndexOutOfRange_saysHowManyItems() {
        ScenarioProblem p = only(BASE + "variants:\n  - name: v\n    set: { services.3.desiredCount: 1 }\n");
        assertProblem(p, "variants[0].set.\"services.3.desiredCount\"", 19, 12,
                "index 3 is out of range: `services` has 1 items");
    }

    // A missing intermediate key: the base has no `timings`, so it cannot be addressed inside.
    @Test
    void variantPathThroughAMissingMap_suggestsSettingTheWholeMap() {
        ScenarioProblem p = only(BASE + "variants:\n  - name: v\n    set: { timings.ec2Boot: 20s }\n");
        assertProblem(p, "variants[0].set.\"timings.ec2Boot\"", 19, 12,
                "no key `timings` at the top level (the base scenario does not set `timings`: set the whole "
                        + "`timings` map instead)");
    }
}
