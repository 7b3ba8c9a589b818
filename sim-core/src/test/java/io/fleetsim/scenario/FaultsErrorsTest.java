package io.fleetsim.scenario;

import static io.fleetsim.scenario.Load.assertProblem;

import org.junit.jupiter.api.Test;

/**
 * Mistakes in the {@code faults} section: each test asserts the YAML path, line, column and a key phrase. The
 * section starts at line 18 of {@link FaultsBindTest#BASE} + section; columns are 1-based and counted above each
 * test.
 */
class FaultsErrorsTest {

    private static ScenarioProblem only(String section) {
        return Load.only(FaultsBindTest.BASE + section);
    }

    // Line 20 "    fargatespot: 5%/month": the key at column 5.
    @Test
    void unknownSpotKey_suggestsTheNearMiss() {
        ScenarioProblem p = only("faults:\n  spotInterruptions:\n    fargatespot: 5%/month\n");
        assertProblem(p, "faults.spotInterruptions.fargatespot", 20, 5,
                "unknown key `fargatespot` in faults.spotInterruptions; did you mean `fargateSpot`? known keys: "
                        + "fargateSpot, ec2");
    }

    // Line 19 "  spotInterruption:": the key at column 3.
    @Test
    void unknownFaultsKey_suggestsTheNearMiss() {
        ScenarioProblem p = only("faults:\n  spotInterruption:\n    fargateSpot: 5%/month\n");
        assertProblem(p, "faults.spotInterruption", 19, 3,
                "unknown key `spotInterruption` in faults; did you mean `spotInterruptions`?");
    }

    // Line 19 "  instanceFailures: { mtbf: 0s }": 2 + "instanceFailures: " (18) + "{ mtbf: " (8) = 28, column 29.
    @Test
    void zeroMtbf_isRejected() {
        assertProblem(only("faults:\n  instanceFailures: { mtbf: 0s }\n"), "faults.instanceFailures.mtbf", 19, 29,
                "must be longer than 0s (a mean time between failures of 0 is an infinite rate");
    }

    // Line 19 "  taskCrashes: {}": 2 + "taskCrashes: " (13) = 15, the empty map at column 16.
    @Test
    void missingMtbf_isReportedAtTheMap() {
        assertProblem(only("faults:\n  taskCrashes: {}\n"), "faults.taskCrashes.mtbf", 19, 16,
                "missing required key `mtbf` in faults.taskCrashes, e.g. `mtbf: 30d`");
    }

    // Line 19 "  taskCrashes: 1%/day": a rate is not an MTBF map; value at column 16.
    @Test
    void scalarTaskCrashes_expectsAnMtbfMap() {
        assertProblem(only("faults:\n  taskCrashes: 1%/day\n"), "faults.taskCrashes", 19, 16, "expected a map");
    }

    // Line 19 "  taskCrashes: { mtbf: 7 }": a bare number has no unit; 2 + 13 + 8 = 23, column 24.
    @Test
    void mtbfWithoutUnit_isRejected() {
        assertProblem(only("faults:\n  taskCrashes: { mtbf: 7 }\n"), "faults.taskCrashes.mtbf", 19, 24,
                "`7` has no unit");
    }

    // Without the m6i provider the base is one line shorter: "  instanceFailures: { mtbf: 30d }" is line 18, the
    // map value at 2 + "instanceFailures: " (18) = 20, column 21.
    @Test
    void instanceFailures_withoutEc2Provider_isAnError() {
        String yaml = FaultsBindTest.BASE.replace(
                "      - { name: m6i, type: EC2, instanceType: m6i.large, purchaseOption: spot, maxSize: 4 }\n", "")
                + "faults:\n  instanceFailures: { mtbf: 30d }\n";
        assertProblem(Load.only(yaml), "faults.instanceFailures", 18, 21,
                "no EC2 capacity provider: instance failures would never happen");
    }

    // On-demand EC2 capacity fails too: only Spot interruptions need `purchaseOption: spot`.
    @Test
    void instanceFailures_onOnDemandEc2_isAccepted() throws Exception {
        String yaml = FaultsBindTest.BASE.replace("purchaseOption: spot", "purchaseOption: on-demand")
                + "faults:\n  instanceFailures: { mtbf: 30d }\n";
        org.assertj.core.api.Assertions.assertThat(Load.ok(yaml).variants().get(0).faults()
                .instanceFailuresPerHour()).isEqualTo(1.0 / 720);
    }

    // Line 20 "    - { zone: us-east-1d, ...": us-east-1d is a zone of the region but not of the cluster (its default
    // zones are the first three, a-c). 4 + "- { zone: " (10) = 14, value at column 15.
    @Test
    void outageZone_notInAnyCluster_suggestsTheNearMiss() {
        assertProblem(only("faults:\n  zoneOutages:\n    - { zone: us-east-1d, start: 10m, duration: 5m }\n"),
                "faults.zoneOutages[0].zone", 20, 15, "zone `us-east-1d` is not a zone of any cluster; did you "
                        + "mean `us-east-1a`? zones of the clusters: us-east-1a, us-east-1b, us-east-1c");
    }

    // Line 20, "    - { zone: us-east-1a, start: " = 14 + "us-east-1a, " (12) + "start: " (7) = 33, value at
    // column 34. The base runs 1h, so a start of 1h is already past the end.
    @Test
    void outageStart_atOrAfterScenarioEnd_isRejected() {
        assertProblem(only("faults:\n  zoneOutages:\n    - { zone: us-east-1a, start: 1h, duration: 5m }\n"),
                "faults.zoneOutages[0].start", 20, 34, "must be before the end of the scenario (duration 1h)");
    }

    // Same line layout: the negative start at column 34.
    @Test
    void negativeOutageStart_isRejected() {
        assertProblem(only("faults:\n  zoneOutages:\n    - { zone: us-east-1a, start: -5m, duration: 5m }\n"),
                "faults.zoneOutages[0].start", 20, 34, "`-5m`: a duration must not be negative");
    }

    // Line 20, 33 + "10m, " (5) + "duration: " (10) = 48, value at column 49.
    @Test
    void zeroOutageDuration_isRejected() {
        assertProblem(only("faults:\n  zoneOutages:\n    - { zone: us-east-1a, start: 10m, duration: 0s }\n"),
                "faults.zoneOutages[0].duration", 20, 49, "must be longer than 0s");
    }

    // Line 20 "    - { zone: us-east-1a, duration: 5m }": the map starts at 4 + "- " (2) = 6, column 7.
    @Test
    void outageWithoutStart_isReportedAtTheItem() {
        assertProblem(only("faults:\n  zoneOutages:\n    - { zone: us-east-1a, duration: 5m }\n"),
                "faults.zoneOutages[0].start", 20, 7, "missing required key `start` in faults.zoneOutages[0], "
                        + "e.g. `start: 2d`");
    }

    // [10m, 30m) and [20m, 25m) of us-east-1a intersect; the later item (line 21) is reported at its start,
    // column 34. us-east-1b at the same time is a different zone and fine.
    @Test
    void overlappingOutagesOfOneZone_areAnError() {
        ScenarioProblem p = only("""
                faults:
                  zoneOutages:
                    - { zone: us-east-1a, start: 10m, duration: 20m }
                    - { zone: us-east-1a, start: 20m, duration: 5m }
                    - { zone: us-east-1b, start: 20m, duration: 5m }
                """);
        assertProblem(p, "faults.zoneOutages[1].start", 21, 34, "outage of us-east-1a [20m, 25m) overlaps the "
                + "outage [10m, 30m) at faults.zoneOutages[0]; outages of one zone must not overlap");
    }

    // Line 19 "  zoneOutages: { zone: us-east-1a }": a map, not a list; value at column 16.
    @Test
    void zoneOutagesNotAList_expectsAList() {
        assertProblem(only("faults:\n  zoneOutages: { zone: us-east-1a }\n"), "faults.zoneOutages", 19, 16,
                "expected a list");
    }

    // Line 18 "faults: 5%/month": the value at column 9.
    @Test
    void scalarSection_expectsAMap() {
        assertProblem(only("faults: 5%/month\n"), "faults", 18, 9, "expected a map");
    }

    // Line 20 "    fargateSpot: 100%/month": 4 + "fargateSpot: " (13) = 17, value at column 18.
    @Test
    void hundredPercent_isRejected() {
        assertProblem(only("faults:\n  spotInterruptions:\n    fargateSpot: 100%/month\n"),
                "faults.spotInterruptions.fargateSpot", 20, 18, "the fraction must be below 100%");
    }

    // Line 20 "    fargateSpot: 5%/week": value at column 18.
    @Test
    void unknownPeriod_listsMonthDayHour() {
        assertProblem(only("faults:\n  spotInterruptions:\n    fargateSpot: 5%/week\n"),
                "faults.spotInterruptions.fargateSpot", 20, 18,
                "unknown period `week` in `5%/week`; expected one of: month, day, hour");
    }

    // Line 20 "    fargateSpot: 0.05": a bare fraction has no period; value at column 18.
    @Test
    void bareNumber_needsPercentAndPeriod() {
        assertProblem(only("faults:\n  spotInterruptions:\n    fargateSpot: 0.05\n"),
                "faults.spotInterruptions.fargateSpot", 20, 18,
                "expected a rate such as `5%/month` (per `month`, `day` or `hour`), found `0.05`");
    }

    // Line 20 "    fargateSpot: 5-10%": bands describe EC2 Spot only; value at column 18.
    @Test
    void advisorBand_isRejectedForFargateSpot() {
        assertProblem(only("faults:\n  spotInterruptions:\n    fargateSpot: 5-10%\n"),
                "faults.spotInterruptions.fargateSpot", 20, 18, "is a Spot Instance Advisor band, which describes "
                        + "EC2 Spot only");
    }

    // Line 20 "    ec2: 5-11%": 4 + "ec2: " (5) = 9, value at column 10.
    @Test
    void unknownBand_listsTheBands() {
        assertProblem(only("faults:\n  spotInterruptions:\n    ec2: 5-11%\n"), "faults.spotInterruptions.ec2", 20,
                10, "or a Spot Instance Advisor band (`<5%`, `5-10%`, `10-15%`, `15-20%`, `>20%`), found `5-11%`");
    }

    // Line 20 "    fargateSpot: 5%/month" without a FARGATE_SPOT provider: value at column 18.
    @Test
    void fargateSpotRate_withoutFargateSpotProvider_isAnError() {
        String yaml = FaultsBindTest.BASE.replace("      - { name: spot, type: FARGATE_SPOT }\n", "")
                + "faults:\n  spotInterruptions:\n    fargateSpot: 5%/month\n";
        // One line fewer in the base: the value is on line 19.
        assertProblem(Load.only(yaml), "faults.spotInterruptions.fargateSpot", 19, 18,
                "no FARGATE_SPOT capacity provider: fargateSpot interruptions would never happen");
    }

    // Line 20 "    ec2: \"<5%\"" with only on-demand EC2: the quoted value at column 10.
    @Test
    void ec2Rate_withoutEc2SpotProvider_isAnError() {
        String yaml = FaultsBindTest.BASE.replace("purchaseOption: spot", "purchaseOption: on-demand")
                + "faults:\n  spotInterruptions:\n    ec2: \"<5%\"\n";
        assertProblem(Load.only(yaml), "faults.spotInterruptions.ec2", 20, 10,
                "no EC2 capacity provider with `purchaseOption: spot`: ec2 interruptions would never happen");
    }

    // Line 25 "      faults.spotInterruptions.fargateSpot: 5%/fortnight" in variant "flaky": 6 +
    // "faults.spotInterruptions.fargateSpot: " (38) = 44, value at column 45. Only variant flaky has the problem,
    // so the message is prefixed with its name.
    @Test
    void badRateInVariant_isReportedAtTheVariantValue() {
        ScenarioProblem p = Load.only(FaultsBindTest.BASE + """
                faults:
                  spotInterruptions:
                    fargateSpot: 5%/month
                variants:
                  - name: base
                  - name: flaky
                    set:
                      faults.spotInterruptions.fargateSpot: 5%/fortnight
                """);
        assertProblem(p, "faults.spotInterruptions.fargateSpot", 25, 45,
                "variant flaky: unknown period `fortnight` in `5%/fortnight`");
    }
}
