package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetsim.scenario.model.FaultsSpec;
import io.fleetsim.scenario.model.FaultsSpec.ZoneOutageSpec;
import io.fleetsim.scenario.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binding of the top-level {@code faults} section: rates per month, day and hour, Spot Instance Advisor bands, the
 * absent section, instance failures and task crashes (rate 1 / MTBF per hour), zone outages, and variant
 * overrides. A fraction f of a period of H hours is the Poisson rate -ln(1 - f) / H
 * per hour; a month is 730 hours.
 */
class FaultsBindTest {

    private static final double TOLERANCE = 1e-15;

    /** A valid scenario with Fargate Spot and EC2 Spot capacity; tests append a faults section (from line 18). */
    static final String BASE = """
            name: t
            duration: 1h
            region: us-east-1
            clusters:
              - name: prod
                capacityProviders:
                  - { name: fargate, type: FARGATE }
                  - { name: spot, type: FARGATE_SPOT }
                  - { name: m6i, type: EC2, instanceType: m6i.large, purchaseOption: spot, maxSize: 4 }
            services:
              - name: api
                desiredCount: 2
                capacityProviderStrategy: [{ capacityProvider: fargate }]
                taskDefinition:
                  cpu: 512
                  memory: 1GiB
                  image: { repository: api, size: 250MiB }
            """;

    private static FaultsSpec faults(String section) throws ScenarioException {
        List<Scenario> variants = Load.ok(BASE + section).variants();
        assertThat(variants).hasSize(1);
        return variants.get(0).faults();
    }

    // -ln(1 - 0.05) / 730 = 0.05129329438755058 / 730 = 7.026478683226107e-5 per hour.
    @Test
    void monthlyPercent_isMinusLogOfSurvivalOver730Hours() throws Exception {
        FaultsSpec f = faults("""
                faults:
                  spotInterruptions:
                    fargateSpot: 5%/month
                """);
        assertThat(f.fargateSpotInterruptionsPerHour()).isCloseTo(-StrictMath.log(0.95) / 730, within(TOLERANCE));
        assertThat(f.fargateSpotInterruptionsPerHour()).isCloseTo(7.026478683226107e-5, within(TOLERANCE));
        assertThat(f.fargateSpotInterruptionsPerHour()).isEqualTo(FaultsSpec.hourlyRate(0.05));
        assertThat(f.ec2SpotInterruptionsPerHour()).isEqualTo(0.0);
    }

    // 12%/month: -ln(0.88) / 730 = 0.12783337150988489 / 730 = 1.7511420754778753e-4 per hour.
    @Test
    void ec2ExplicitMonthlyPercent_isMinusLogOfSurvivalOver730Hours() throws Exception {
        FaultsSpec f = faults("""
                faults:
                  spotInterruptions:
                    ec2: 12%/month
                """);
        assertThat(f.ec2SpotInterruptionsPerHour()).isCloseTo(-StrictMath.log(0.88) / 730, within(TOLERANCE));
        assertThat(f.ec2SpotInterruptionsPerHour()).isCloseTo(1.7511420754778753e-4, within(TOLERANCE));
        assertThat(f.fargateSpotInterruptionsPerHour()).isEqualTo(0.0);
    }

    // 1%/day: -ln(0.99) / 24 = 0.01005033585350145 / 24 = 4.1876399389589343e-4 per hour.
    @Test
    void dailyPercent_isMinusLogOfSurvivalOver24Hours() throws Exception {
        FaultsSpec f = faults("faults: { spotInterruptions: { fargateSpot: 1%/day } }\n");
        assertThat(f.fargateSpotInterruptionsPerHour()).isCloseTo(-StrictMath.log(0.99) / 24, within(TOLERANCE));
        assertThat(f.fargateSpotInterruptionsPerHour()).isCloseTo(4.1876399389589343e-4, within(TOLERANCE));
    }

    // 0.1%/hour: -ln(0.999) = 1.0005003335835335e-3 per hour.
    @Test
    void hourlyPercent_isMinusLogOfSurvival() throws Exception {
        FaultsSpec f = faults("faults: { spotInterruptions: { ec2: 0.1%/hour } }\n");
        assertThat(f.ec2SpotInterruptionsPerHour()).isCloseTo(1.0005003335835335e-3, within(TOLERANCE));
    }

    // Bands map to their midpoints (>20% to 25%), each a monthly fraction p: rate -ln(1 - p) / 730.
    // <5% -> 2.5%: -ln(0.975) / 730 = 0.025317807984289897 / 730 = 3.46819287456026e-5.
    @Test
    void advisorBands_mapToMidpointMonthlyFractions() throws Exception {
        String[][] cases = {{"\"<5%\"", "0.025"}, {"5-10%", "0.075"}, {"10-15%", "0.125"}, {"15-20%", "0.175"},
                {"\">20%\"", "0.25"}};
        for (String[] c : cases) {
            FaultsSpec f = faults("faults:\n  spotInterruptions:\n    ec2: " + c[0] + "\n");
            double p = Double.parseDouble(c[1]);
            assertThat(f.ec2SpotInterruptionsPerHour()).as(c[0])
                    .isCloseTo(-StrictMath.log(1 - p) / 730, within(TOLERANCE));
        }
        assertThat(faults("faults: { spotInterruptions: { ec2: \"<5%\" } }\n").ec2SpotInterruptionsPerHour())
                .isCloseTo(3.46819287456026e-5, within(TOLERANCE));
    }

    @Test
    void absentSection_isNone() throws Exception {
        assertThat(faults("")).isEqualTo(FaultsSpec.NONE);
    }

    @Test
    void emptyOrNullSections_areNone() throws Exception {
        assertThat(faults("faults: {}\n")).isEqualTo(FaultsSpec.NONE);
        assertThat(faults("faults:\n")).isEqualTo(FaultsSpec.NONE);
        assertThat(faults("faults: { spotInterruptions: {} }\n")).isEqualTo(FaultsSpec.NONE);
    }

    // A zero rate asks for nothing, so it needs no Spot capacity: the base's spot providers are replaced by
    // on-demand ones and the file still loads.
    @Test
    void zeroRates_needNoSpotCapacity() throws Exception {
        String yaml = BASE.replace("      - { name: spot, type: FARGATE_SPOT }\n", "")
                .replace("purchaseOption: spot", "purchaseOption: on-demand")
                + "faults: { spotInterruptions: { fargateSpot: 0%/month, ec2: 0%/day } }\n";
        assertThat(Load.ok(yaml).variants().get(0).faults()).isEqualTo(FaultsSpec.NONE);
    }

    // The variant replaces 5%/month by 10%/month: -ln(0.9) / 730 = 0.10536051565782628 / 730
    // = 1.4432947350387162e-4; the base keeps 5%/month; a variant adds ec2 where the base has none.
    @Test
    void variantOverride_replacesFargateSpotRate() throws Exception {
        List<Scenario> v = Load.ok(BASE + """
                faults:
                  spotInterruptions:
                    fargateSpot: 5%/month
                variants:
                  - name: base
                  - name: flaky
                    set:
                      faults.spotInterruptions.fargateSpot: 10%/month
                  - name: ec2
                    set:
                      faults.spotInterruptions.ec2: 15-20%
                """).variants();
        assertThat(v).extracting(Scenario::variant).containsExactly("base", "flaky", "ec2");
        assertThat(v.get(0).faults().fargateSpotInterruptionsPerHour()).isEqualTo(FaultsSpec.hourlyRate(0.05));
        assertThat(v.get(1).faults().fargateSpotInterruptionsPerHour())
                .isCloseTo(1.4432947350387162e-4, within(TOLERANCE));
        assertThat(v.get(1).faults().ec2SpotInterruptionsPerHour()).isEqualTo(0.0);
        assertThat(v.get(2).faults().ec2SpotInterruptionsPerHour())
                .isCloseTo(-StrictMath.log(0.825) / 730, within(TOLERANCE));
    }

    // A variant may add the whole section when the base has none.
    @Test
    void variantOverride_addsWholeSection() throws Exception {
        List<Scenario> v = Load.ok(BASE + """
                variants:
                  - name: calm
                  - name: spot
                    set:
                      faults: { spotInterruptions: { fargateSpot: 5%/month } }
                """).variants();
        assertThat(v.get(0).faults()).isEqualTo(FaultsSpec.NONE);
        assertThat(v.get(1).faults().fargateSpotInterruptionsPerHour()).isEqualTo(FaultsSpec.hourlyRate(0.05));
    }

    // 30d = 720 h, so 3600e9 ns/h / 2.592e15 ns = 1/720 per instance-hour; 7d = 168 h -> 1/168 per task-hour.
    @Test
    void mtbf_isTheReciprocalRatePerHour() throws Exception {
        FaultsSpec f = faults("""
                faults:
                  instanceFailures: { mtbf: 30d }
                  taskCrashes: { mtbf: 7d }
                """);
        assertThat(f.instanceFailuresPerHour()).isEqualTo(1.0 / 720);
        assertThat(f.taskCrashesPerHour()).isEqualTo(1.0 / 168);
        assertThat(f.fargateSpotInterruptionsPerHour()).isEqualTo(0.0);
        assertThat(f.ec2SpotInterruptionsPerHour()).isEqualTo(0.0);
        assertThat(f.zoneOutages()).isEmpty();
    }

    // 90m = 1.5 h -> 1 / 1.5 = 0.6666666666666666 per task-hour.
    @Test
    void mtbfInMinutes_isConvertedToHours() throws Exception {
        assertThat(faults("faults: { taskCrashes: { mtbf: 90m } }\n").taskCrashesPerHour()).isEqualTo(1 / 1.5);
    }

    // start 2d = 172800 s = 1.728e14 ns, duration 4h = 14400 s = 1.44e13 ns. The second outage of us-east-1a
    // starts at 52h = 187200 s = 1.872e14 ns, exactly when the first ends: half-open intervals do not overlap.
    // us-east-1c: start 0 (the first instant is inside the run), 30m = 1.8e12 ns. File order is kept.
    @Test
    void zoneOutages_bindInFileOrderWithExactNanos() throws Exception {
        List<Scenario> v = Load.ok(BASE.replace("duration: 1h", "duration: 7d") + """
                faults:
                  zoneOutages:
                    - { zone: us-east-1a, start: 2d, duration: 4h }
                    - { zone: us-east-1c, start: 0s, duration: 30m }
                    - { zone: us-east-1a, start: 52h, duration: 1h }
                """).variants();
        assertThat(v.get(0).faults().zoneOutages()).containsExactly(
                new ZoneOutageSpec("us-east-1a", 172_800_000_000_000L, 14_400_000_000_000L),
                new ZoneOutageSpec("us-east-1c", 0L, 1_800_000_000_000L),
                new ZoneOutageSpec("us-east-1a", 187_200_000_000_000L, 3_600_000_000_000L));
        assertThat(v.get(0).faults().instanceFailuresPerHour()).isEqualTo(0.0);
    }

    // All kinds together: 5%/month Fargate Spot, 1/720 instance failures, 1/24 task crashes (mtbf 1d), one outage
    // of 10m = 6e11 ns starting at 30m = 1.8e12 ns.
    @Test
    void allFaultKinds_bindTogether() throws Exception {
        FaultsSpec f = faults("""
                faults:
                  spotInterruptions: { fargateSpot: 5%/month }
                  instanceFailures: { mtbf: 30d }
                  taskCrashes: { mtbf: 1d }
                  zoneOutages:
                    - { zone: us-east-1b, start: 30m, duration: 10m }
                """);
        assertThat(f).isEqualTo(new FaultsSpec(FaultsSpec.hourlyRate(0.05), 0.0, 1.0 / 720, 1.0 / 24,
                List.of(new ZoneOutageSpec("us-east-1b", 1_800_000_000_000L, 600_000_000_000L))));
    }

    // The variant halves the task MTBF from 7d (1/168) to 84h (1/84).
    @Test
    void variantOverride_replacesTaskCrashMtbf() throws Exception {
        List<Scenario> v = Load.ok(BASE + """
                faults:
                  taskCrashes: { mtbf: 7d }
                variants:
                  - name: base
                  - name: crashy
                    set:
                      faults.taskCrashes.mtbf: 84h
                """).variants();
        assertThat(v.get(0).faults().taskCrashesPerHour()).isEqualTo(1.0 / 168);
        assertThat(v.get(1).faults().taskCrashesPerHour()).isEqualTo(1.0 / 84);
    }
}
