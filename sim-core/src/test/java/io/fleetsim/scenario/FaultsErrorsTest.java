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

    // Line 19 "  instanceFailures: ...": the key at column 3; likewise taskCrashes (line 20) and zoneOutages (21).
    @Test
    void otherFaultKinds_areNotImplementedYet() {
        var problems = Load.problems(FaultsBindTest.BASE + """
                faults:
                  instanceFailures: { mtbf: 30d }
                  taskCrashes: 1%/day
                  zoneOutages: []
                """);
        org.assertj.core.api.Assertions.assertThat(problems).hasSize(3);
        assertProblem(problems.get(0), "faults.instanceFailures", 19, 3, "`instanceFailures` faults are not "
                + "implemented yet");
        assertProblem(problems.get(1), "faults.taskCrashes", 20, 3, "`taskCrashes` faults are not implemented yet");
        assertProblem(problems.get(2), "faults.zoneOutages", 21, 3, "`zoneOutages` faults are not implemented yet");
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
