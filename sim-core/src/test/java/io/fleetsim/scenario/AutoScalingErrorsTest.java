package io.fleetsim.scenario;

import static io.fleetsim.scenario.Load.assertProblem;
import static io.fleetsim.scenario.Load.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of mistake in a service's {@code autoscaling}: each asserts the exact path, line and column
 * (1-based; the comment above each test counts them) and a key phrase of the message.
 */
class AutoScalingErrorsTest {

    /** A valid scenario with one target-tracking policy. Lines 1-19. */
    static final String BASE = """
            name: t
            duration: 7d
            region: us-east-1
            clusters:
              - name: prod
                capacityProviders: [{ name: fargate, type: FARGATE }]
            services:
              - name: web
                desiredCount: 6
                taskDefinition: { cpu: 512, memory: 1GiB, image: { repository: web, size: 250MiB } }
                traffic:
                  arrivals: { process: poisson, rate: 300/s }
                  work: { distribution: constant, value: 20ms }
                autoscaling:
                  minCapacity: 2
                  maxCapacity: 60
                  targetTracking:
                    - metric: ECSServiceAverageCPUUtilization
                      target: 60
            """;

    private static final String AS = "services[0].autoscaling";
    private static final String TT = AS + ".targetTracking[0].";
    private static final String SS = AS + ".stepScaling[0].";
    private static final String SC = AS + ".scheduled";
    private static final String METRIC_LINE = "        - metric: ECSServiceAverageCPUUtilization\n";
    private static final String TARGET_LINE = "          target: 60\n";

    static String replace(String line, String with) {
        assertThat(BASE).contains(line);
        return BASE.replace(line, with);
    }

    /** Lines appended after line 19 start at line 20. */
    static String append(String lines) {
        return BASE + lines;
    }

    /**
     * A step policy appended as lines 20-24; its steps are lines 25 onwards, each item's "{" at column 15.
     */
    static String stepPolicy(String alarm, String type, String... steps) {
        StringBuilder b = new StringBuilder("""
                      stepScaling:
                        - metric: ECSServiceAverageCPUUtilization
                """);
        b.append("          alarm: ").append(alarm).append('\n');
        b.append("          adjustmentType: ").append(type).append('\n');
        b.append("          steps:\n");
        for (String s : steps) {
            b.append("            - ").append(s).append('\n');
        }
        return append(b.toString());
    }

    private static final String ABOVE = "{ threshold: 85, comparison: above, datapoints: 2 }";
    private static final String BELOW = "{ threshold: 30, comparison: below, datapoints: 2 }";

    @Test
    void base_isValid() throws Exception {
        assertThat(Load.ok(BASE).variants().get(0).services().get(0).autoScaling()).isNotNull();
    }

    // ---- the scalable target ----

    // "      minCapacity: " is 6 + 13 = 19 characters: the value at column 20.
    @Test
    void negativeMinCapacity_isRejected() {
        assertProblem(only(replace("minCapacity: 2", "minCapacity: -1")), AS + ".minCapacity", 15, 20,
                "must be at least 0, found -1");
    }

    // Line 15 removed: the autoscaling map starts at line 15 (maxCapacity), column 7.
    @Test
    void missingMinCapacity_isReportedAtTheMap() {
        assertProblem(only(replace("      minCapacity: 2\n", "")), AS + ".minCapacity", 15, 7,
                "missing required key `minCapacity` in services[0].autoscaling");
    }

    // maxCapacity 1 < minCapacity 2; value at line 16, column 20.
    @Test
    void maxBelowMin_isRejectedAtMax() {
        assertProblem(only(replace("maxCapacity: 60", "maxCapacity: 1")), AS + ".maxCapacity", 16, 20,
                "maxCapacity 1 is below minCapacity 2");
    }

    // desiredCount 1 < minCapacity 2: reported at desiredCount's value, line 9, 4 + 14 = 18: column 19.
    @Test
    void desiredCountOutsideRange_namesBothBounds() {
        assertProblem(only(replace("desiredCount: 6", "desiredCount: 1")), "services[0].desiredCount", 9, 19,
                "desiredCount 1 is below the autoscaling range: it must lie within minCapacity 2 and maxCapacity 60");
    }

    @Test
    void desiredCountAboveMax_isRejected() {
        assertProblem(only(replace("desiredCount: 6", "desiredCount: 61")), "services[0].desiredCount", 9, 19,
                "desiredCount 61 is above the autoscaling range");
    }

    // Lines 17-19 removed: the autoscaling map starts at line 15, column 7.
    @Test
    void noPolicyNorScheduledAction_isRejected() {
        assertProblem(only(replace("      targetTracking:\n" + METRIC_LINE + TARGET_LINE, "")), AS, 15, 7,
                "never changes the desired count; add a policy or a scheduled action");
    }

    // "      targetTracking: []": still no policy, same place.
    @Test
    void emptyPolicyLists_countAsNone() {
        assertProblem(only(replace("      targetTracking:\n" + METRIC_LINE + TARGET_LINE,
                "      targetTracking: []\n")), AS, 15, 7, "without `targetTracking`, `stepScaling` or `scheduled`");
    }

    // "      targetTraking:" key at line 17, column 7.
    @Test
    void misspelledKey_suggestsTheNearMiss() {
        assertProblem(only(replace("targetTracking:", "targetTraking:")), AS + ".targetTraking", 17, 7,
                "did you mean `targetTracking`?");
    }

    // ---- target tracking ----

    // "        - metric: " is 18 characters: the value at line 18, column 19.
    @Test
    void unknownMetric_suggestsTheNearMiss() {
        assertProblem(only(replace("ECSServiceAverageCPUUtilization", "ECSServiceAverageCPUUtilisation")),
                TT + "metric", 18, 19, "did you mean `ECSServiceAverageCPUUtilization`?");
    }

    @Test
    void memoryMetric_isNotModelledYet() {
        assertProblem(only(replace("ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization")),
                TT + "metric", 18, 19, "ECSServiceAverageMemoryUtilization is not modelled yet");
    }

    // Lines 11-13 (traffic) removed: autoscaling moves to line 11, the metric to line 15, column 19.
    @Test
    void policyWithoutTraffic_isRejectedAtTheMetric() {
        String yaml = replace("    traffic:\n      arrivals: { process: poisson, rate: 300/s }\n"
                + "      work: { distribution: constant, value: 20ms }\n", "");
        assertProblem(only(yaml), TT + "metric", 15, 19,
                "needs the service's `traffic`: fleetsim's tasks use CPU only to serve requests");
    }

    @Test
    void requestCountWithoutTraffic_explainsWhereRequestsComeFrom() {
        String yaml = replace("    traffic:\n      arrivals: { process: poisson, rate: 300/s }\n"
                + "      work: { distribution: constant, value: 20ms }\n", "")
                .replace("ECSServiceAverageCPUUtilization", "ALBRequestCountPerTarget");
        assertProblem(only(yaml), TT + "metric", 15, 19, "a service's requests come only from its `traffic`");
    }

    // "          target: " is 18 characters: the value at line 19, column 19.
    @Test
    void zeroTarget_isRejected() {
        assertProblem(only(replace(TARGET_LINE, "          target: 0\n")), TT + "target", 19, 19,
                "a target must be above 0 (percent of the tasks' CPU), found 0");
    }

    @Test
    void cpuTargetAbove100_isRejected() {
        assertProblem(only(replace(TARGET_LINE, "          target: 150\n")), TT + "target", 19, 19,
                "must be at most 100 (percent of the tasks' CPU), found 150");
    }

    // A request-count target has no upper bound: 150 is accepted.
    @Test
    void requestCountTargetAbove100_isAccepted() throws Exception {
        String yaml = replace(TARGET_LINE, "          target: 150\n")
                .replace("ECSServiceAverageCPUUtilization", "ALBRequestCountPerTarget");
        assertThat(Load.ok(yaml).variants().get(0).services().get(0).autoScaling().targetTracking().get(0).target())
                .isEqualTo(150.0);
    }

    @Test
    void missingTarget_isReportedAtThePolicy() {
        assertProblem(only(replace(TARGET_LINE, "")), TT + "target", 18, 11, "missing required key `target`");
    }

    // "          scaleInCooldown: " is 10 + 17 = 27 characters: value at line 20, column 28.
    @Test
    void fractionalCooldown_mustBeWholeSeconds() {
        assertProblem(only(append("          scaleInCooldown: 1500ms\n")), TT + "scaleInCooldown", 20, 28,
                "a cooldown is a whole number of seconds");
    }

    @Test
    void cooldownWithoutUnit_isRejected() {
        assertProblem(only(append("          scaleInCooldown: 300\n")), TT + "scaleInCooldown", 20, 28,
                "`300` has no unit");
    }

    // "          alarms: { " is 10 + 10 = 20 characters: highDatapoints at column 21, its value at 21 + 16 = 37.
    @Test
    void zeroDatapoints_isRejected() {
        assertProblem(only(append("          alarms: { highDatapoints: 0 }\n")), TT + "alarms.highDatapoints", 20, 37,
                "must be between 1 and 1440, found 0");
    }

    // "lowThresholdRatio: " is 19 characters: value at column 21 + 19 = 40.
    @Test
    void zeroLowThresholdRatio_isRejected() {
        assertProblem(only(append("          alarms: { lowThresholdRatio: 0 }\n")), TT + "alarms.lowThresholdRatio",
                20, 40, "lowThresholdRatio must be above 0 and at most 1");
    }

    @Test
    void lowThresholdRatioAbove1_isRejected() {
        assertProblem(only(append("          alarms: { lowThresholdRatio: 1.5 }\n")),
                TT + "alarms.lowThresholdRatio", 20, 40, "`1.5` is above 1");
    }

    // "          disableScaleIn: " is 26 characters: value at column 27.
    @Test
    void nonBooleanDisableScaleIn_isRejected() {
        assertProblem(only(append("          disableScaleIn: sometimes\n")), TT + "disableScaleIn", 20, 27,
                "expected true or false");
    }

    // ---- step scaling (policy at lines 20-24, steps from line 25, each "{" at column 15) ----

    @Test
    void stepPolicy_inTheBaseIsValid() throws Exception {
        String yaml = stepPolicy(ABOVE, "ChangeInCapacity", "{ lower: 0, upper: 10, adjustment: 1 }",
                "{ lower: 10, adjustment: 3 }");
        assertThat(Load.ok(yaml).variants().get(0).services().get(0).autoScaling().stepScaling()).hasSize(1);
    }

    // [0, 10) and [5, +inf): the second starts before the first ends.
    @Test
    void overlappingSteps_areRejected() {
        assertProblem(only(stepPolicy(ABOVE, "ChangeInCapacity", "{ lower: 0, upper: 10, adjustment: 1 }",
                "{ lower: 5, adjustment: 3 }")), SS + "steps[1]", 26, 15,
                "this step's range [5, +inf) overlaps step 0's range [0, 10)");
    }

    // [0, 10) and [20, +inf): nothing covers [10, 20).
    @Test
    void gapBetweenSteps_isRejected() {
        assertProblem(only(stepPolicy(ABOVE, "ChangeInCapacity", "{ lower: 0, upper: 10, adjustment: 1 }",
                "{ lower: 20, adjustment: 3 }")), SS + "steps[1]", 26, 15,
                "gap between step 0 (ends at 10) and this step (starts at 20)");
    }

    // Written out of order, still sorted and checked: [10, +inf) then [0, 10) is valid.
    @Test
    void stepsWrittenOutOfOrder_areSorted() throws Exception {
        String yaml = stepPolicy(ABOVE, "ChangeInCapacity", "{ lower: 10, adjustment: 3 }",
                "{ lower: 0, upper: 10, adjustment: 1 }");
        assertThat(Load.ok(yaml).variants().get(0).services().get(0).autoScaling().stepScaling().get(0).steps()
                .get(0).lower()).isEqualTo(0.0);
    }

    // Below alarm: [-inf, -10) and [-inf, 0) both leave out `lower`; the second is reported, at item 1.
    @Test
    void twoOpenLowerEnds_areRejected() {
        assertProblem(only(stepPolicy(BELOW, "ChangeInCapacity", "{ upper: -10, adjustment: -1 }",
                "{ upper: 0, adjustment: -3 }")), SS + "steps[1]", 26, 15,
                "at most one step may leave out `lower`; step 0 already does");
    }

    @Test
    void twoOpenUpperEnds_areRejected() {
        assertProblem(only(stepPolicy(ABOVE, "ChangeInCapacity", "{ lower: 0, adjustment: 1 }",
                "{ lower: 10, adjustment: 3 }")), SS + "steps[1]", 26, 15,
                "at most one step may leave out `upper`; step 0 already does");
    }

    @Test
    void stepWithNoBoundAtAll_isRejected() {
        assertProblem(only(stepPolicy(ABOVE, "ChangeInCapacity", "{ adjustment: 1 }")), SS + "steps[0]", 25, 15,
                "a step needs `lower`, `upper` or both");
    }

    // "{ lower: 10, upper: " is 20 characters: upper's value at column 15 + 20 = 35.
    @Test
    void upperNotAboveLower_isRejected() {
        assertProblem(only(stepPolicy(ABOVE, "ChangeInCapacity", "{ lower: 10, upper: 5, adjustment: 1 }")),
                SS + "steps[0].upper", 25, 35, "upper 5 must be above lower 10");
    }

    // Above alarm with its last step [0, 10): a breach of 10 or more would find no step.
    @Test
    void aboveAlarmWithoutOpenUpperEnd_isRejected() {
        assertProblem(only(stepPolicy(ABOVE, "ChangeInCapacity", "{ lower: 0, upper: 10, adjustment: 1 }")),
                SS + "steps[0]", 25, 15, "the highest step of an `above` alarm must leave out `upper`");
    }

    // Above alarm: a band [-10, 0) lies where the alarm never fires.
    @Test
    void aboveAlarmStepBelowThreshold_neverApplies() {
        assertProblem(only(stepPolicy(ABOVE, "ChangeInCapacity", "{ lower: -10, upper: 0, adjustment: 1 }",
                "{ lower: 0, adjustment: 3 }")), SS + "steps[0]", 25, 15, "this step never applies");
    }

    // "{ lower: 0, adjustment: " is 2 + 7 + 3 + 12 = 24 characters: the value at column 15 + 24 = 39.
    @Test
    void negativeExactCapacity_isRejected() {
        assertProblem(only(stepPolicy(ABOVE, "ExactCapacity", "{ lower: 0, adjustment: -1 }")),
                SS + "steps[0].adjustment", 25, 39, "with adjustmentType ExactCapacity an adjustment is the new "
                        + "capacity, at least 0, found -1");
    }

    @Test
    void fractionalAdjustment_isRejected() {
        assertProblem(only(stepPolicy(ABOVE, "ChangeInCapacity", "{ lower: 0, adjustment: 1.5 }")),
                SS + "steps[0].adjustment", 25, 39, "expected an integer, found the number 1.5");
    }

    // "          adjustmentType: " is 26 characters: value at line 23, column 27.
    @Test
    void unknownAdjustmentType_suggestsTheNearMiss() {
        assertProblem(only(stepPolicy(ABOVE, "ChangeInCapacty", "{ lower: 0, adjustment: 1 }")),
                SS + "adjustmentType", 23, 27, "did you mean `ChangeInCapacity`?");
    }

    // "          alarm: { threshold: 85, comparison: " is 10 + 36 = 46 characters: value at line 22, column 47.
    @Test
    void unknownComparison_suggestsTheNearMiss() {
        assertProblem(only(stepPolicy("{ threshold: 85, comparison: abov, datapoints: 2 }", "ChangeInCapacity",
                "{ lower: 0, adjustment: 1 }")), SS + "alarm.comparison", 22, 47, "did you mean `above`?");
    }

    // "          alarm: " is 17 characters: the alarm map at line 22, column 18.
    @Test
    void missingDatapoints_isRequired() {
        assertProblem(only(stepPolicy("{ threshold: 85, comparison: above }", "ChangeInCapacity",
                "{ lower: 0, adjustment: 1 }")), SS + "alarm.datapoints", 22, 18,
                "missing required key `datapoints`");
    }

    // "          alarm: { threshold: " is 30 characters: value at column 31.
    @Test
    void cpuThresholdAbove100_isRejected() {
        assertProblem(only(stepPolicy("{ threshold: 120, comparison: above, datapoints: 2 }", "ChangeInCapacity",
                "{ lower: 0, adjustment: 1 }")), SS + "alarm.threshold", 22, 31,
                "a threshold for ECSServiceAverageCPUUtilization must be at most 100");
    }

    // ---- scheduled actions (lines 20 onwards; each item's "{" at column 11) ----

    // "        - { name: a, schedule: " is 8 + "- { " (4) + "name: a, " (9) + "schedule: " (10) = 31 characters:
    // the value at column 32.
    @Test
    void badSchedule_isReportedWithTheParserMessage() {
        assertProblem(only(append("      scheduled:\n        - { name: a, schedule: \"cron(0 8 * *)\", minCapacity: 3 }\n")),
                SC + "[0].schedule", 21, 32, "cron(");
    }

    @Test
    void scheduledActionWithoutBounds_isRejected() {
        assertProblem(only(append("      scheduled:\n        - { name: a, schedule: rate(1 day) }\n")),
                SC + "[0]", 21, 11, "a scheduled action sets `minCapacity`, `maxCapacity` or both");
    }

    // "        - { name: " is 18 characters: the second name's value at line 22, column 19.
    @Test
    void duplicateScheduledActionName_isRejected() {
        assertProblem(only(append("""
                      scheduled:
                        - { name: a, schedule: rate(1 day), minCapacity: 3 }
                        - { name: a, schedule: at-start, minCapacity: 4 }
                """)), SC + "[1].name", 22, 19, "duplicate scheduled action name `a` (first defined at line 21)");
    }

    // "        - { name: a, schedule: at-start, minCapacity: 9, maxCapacity: " is 8 + 4 + 9 + "schedule: at-start, "
    // (20) + "minCapacity: 9, " (16) + "maxCapacity: " (13) = 70 characters: the value at column 71.
    @Test
    void scheduledMaxBelowItsMin_isRejected() {
        assertProblem(only(append("      scheduled:\n        - { name: a, schedule: at-start, minCapacity: 9, maxCapacity: 8 }\n")),
                SC + "[0].maxCapacity", 21, 71, "maxCapacity 8 is below this action's minCapacity 9");
    }

    // night sets max 20; day sets only min 30 and would keep night's max: [30, 20].
    // "        - { name: day, schedule: at-start, minCapacity: " is 8 + 4 + "name: day, " (11) + 20 + 13 = 56
    // characters: the value at column 57.
    @Test
    void scheduledMinAboveAnotherActionsMax_isRejected() {
        assertProblem(only(append("""
                      scheduled:
                        - { name: day, schedule: at-start, minCapacity: 30 }
                        - { name: night, schedule: rate(1 day), minCapacity: 2, maxCapacity: 20 }
                """)), SC + "[0].minCapacity", 21, 57,
                "minCapacity 30 would be above maxCapacity 20 set by scheduled action `night`");
    }

    // Base max is 60: a min-only action of 61 would leave [61, 60].
    @Test
    void scheduledMinAboveTheBaseMax_isRejected() {
        assertProblem(only(append("      scheduled:\n        - { name: day, schedule: at-start, minCapacity: 61 }\n")),
                SC + "[0].minCapacity", 21, 57, "above the scalable target's maxCapacity 60");
    }

    // ---- variants ----

    // The override's value is written at line 24: "      services.web.autoscaling.targetTracking.0.target: " is
    // 6 + 50 = 56 characters, value at column 57. Only variant "hot" is wrong, so the message names it.
    @Test
    void badOverride_isReportedInTheVariantText() {
        ScenarioProblem p = only(append("""
                variants:
                  - name: base
                  - name: hot
                    set:
                      services.web.autoscaling.targetTracking.0.target: 150
                """));
        assertProblem(p, TT + "target", 24, 57, "variant hot: a target for ECSServiceAverageCPUUtilization");
    }
}
