package io.fleetsim.scaling;

import static io.fleetsim.scaling.Minutes.CPU;
import static io.fleetsim.scaling.Minutes.MINUTE;
import static io.fleetsim.scaling.Minutes.spec;
import static io.fleetsim.scaling.Minutes.step;
import static io.fleetsim.scaling.Minutes.tracking;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.TargetTrackingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Step scaling (Application Auto Scaling StepScalingPolicyConfiguration) and its combination with target tracking. */
class StepScalingTest {

    private static final double OPEN = Double.NaN;

    /** CPU > 70 for 2 minutes: breach [0, 10) +1, [10, 20) +2, [20, +inf) +4 tasks. */
    private static StepScalingSpec changeOut() {
        return step(CPU, 70, true, 2, "ChangeInCapacity",
                new StepSpec(0, 10, 1), new StepSpec(10, 20, 2), new StepSpec(20, OPEN, 4));
    }

    private static Minutes stepsOnly(int desired, StepScalingSpec... policies) {
        return new Minutes(spec(1, 50, List.of(), List.of(policies)), desired);
    }

    // CPU 85 for 2 minutes: breach 85 - 70 = 15 in [10, 20): +2, 4 -> 6. The first minute alone does nothing.
    @Test
    void changeInCapacity_addsTheAdjustmentOfTheBandContainingTheBreach() {
        Minutes m = stepsOnly(4, changeOut());
        assertThat(m.cpu(85)).isEqualTo(4);
        assertThat(m.cpu(85)).isEqualTo(6);
        assertThat(m.scaler.actions()).containsExactly(new ScalingAction(2 * MINUTE, 4, 6,
                "step:ECSServiceAverageCPUUtilization",
                "ECSServiceAverageCPUUtilization 85.00 > threshold 70.0 for 2 datapoints: breach 15.00 in [10.0, 20.0):"
                        + " ChangeInCapacity +2: 4 -> 6", MINUTE));
    }

    // CPU 80: breach exactly 10. For an alarm above its threshold the lower bound is inclusive (StepAdjustment API),
    // so [10, 20) applies: +2, 4 -> 6 (not +1).
    @Test
    void changeInCapacity_aboveAlarmLowerBoundIsInclusive() {
        Minutes m = stepsOnly(4, changeOut());
        assertThat(m.cpu(80, 2)).isEqualTo(6);
    }

    // CPU < 20 for 2 minutes: breach (-inf, -10] -2, (-10, 0] -1. CPU 10: breach -10; for an alarm below its
    // threshold the upper bound is inclusive, so (-inf, -10] applies: -2, 6 -> 4.
    @Test
    void changeInCapacity_belowAlarmUpperBoundIsInclusive() {
        StepScalingSpec in = step(CPU, 20, false, 2, "ChangeInCapacity", new StepSpec(OPEN, -10, -2),
                new StepSpec(-10, 0, -1));
        Minutes m = stepsOnly(6, in);
        assertThat(m.cpu(10, 2)).isEqualTo(4);
    }

    // CPU > 70: [0, 20) +25%, [20, +inf) +50%.
    // CPU 95 (breach 25), 4 tasks: 4 x 50 / 100 = 2 -> 6. Then, past the cooldown (minute 7), CPU 80 (breach 10),
    // 6 tasks: 6 x 25 / 100 = 1.5, rounded down to 1 -> 7.
    @Test
    void percentChangeInCapacity_addsThePercentOfCurrentRoundedDown() {
        StepScalingSpec percent = step(CPU, 70, true, 2, "PercentChangeInCapacity", new StepSpec(0, 20, 25),
                new StepSpec(20, OPEN, 50));
        Minutes m = stepsOnly(4, percent);
        assertThat(m.cpu(95, 2)).isEqualTo(6);
        assertThat(m.cpu(80, 4)).isEqualTo(6);
        assertThat(m.cpu(80)).isEqualTo(7);
        assertThat(m.scaler.actions().get(1).reason()).endsWith(
                "PercentChangeInCapacity +25%: 6 x 25 / 100 = 1.50 -> +1: 6 -> 7");
    }

    // 3 x 25 / 100 = 0.75 -> 1 (between 0 and 1: 1); 3 x -25 / 100 = -0.75 -> -1; 7 x 50 / 100 = 3.5 -> 3;
    // 7 x -50 / 100 = -3.5 -> -3 (rounded toward zero); 0 x 50 / 100 = 0 -> 0.
    @Test
    void percentDelta_roundsTowardZeroWithMagnitudeAtLeastOne() {
        assertThat(StepScalingPolicy.percentDelta(3, 25)).isEqualTo(1);
        assertThat(StepScalingPolicy.percentDelta(3, -25)).isEqualTo(-1);
        assertThat(StepScalingPolicy.percentDelta(7, 50)).isEqualTo(3);
        assertThat(StepScalingPolicy.percentDelta(7, -50)).isEqualTo(-3);
        assertThat(StepScalingPolicy.percentDelta(0, 50)).isZero();
    }

    // CPU > 70 for 1 minute -> exactly 12 tasks, from 4.
    @Test
    void exactCapacity_setsTheCount() {
        Minutes m = stepsOnly(4, step(CPU, 70, true, 1, "ExactCapacity", new StepSpec(0, OPEN, 12)));
        assertThat(m.cpu(71)).isEqualTo(12);
    }

    // Minute 2 scales 4 -> 6 and starts the 300 s cooldown; CPU 85 continues: minutes 3 to 6 are blocked, minute 7
    // scales 6 -> 8.
    @Test
    void cooldown_blocksThePolicyForFiveMinutes() {
        Minutes m = stepsOnly(4, changeOut());
        assertThat(m.cpu(85, 2)).isEqualTo(6);
        assertThat(m.cpu(85, 4)).isEqualTo(6);
        assertThat(m.cpu(85)).isEqualTo(8);
    }

    // A target-tracking CPU policy (target 60, a 1-datapoint high alarm) and a step policy that removes 2 tasks when
    // CPU < 65 for 1 minute. CPU 62 at minute 1: target tracking proposes ceil(10 x 62 / 60) = ceil(10.33) = 11
    // while the step alarm wants in: out wins. Minutes 2 and 3: target tracking is in its scale-out cooldown but
    // still wants out, so the step policy may not scale in: 11 stays.
    @Test
    void combined_stepScaleInWaitsWhileAnyPolicyWantsOut() {
        TargetTrackingSpec fastOut =
                new TargetTrackingSpec(CPU, 60, Minutes.COOLDOWN, Minutes.COOLDOWN, false, 1, 15, 0.9);
        StepScalingSpec in = step(CPU, 65, false, 1, "ChangeInCapacity", new StepSpec(OPEN, 0, -2));
        Minutes m = new Minutes(spec(1, 20, List.of(fastOut), List.of(in)), 10);
        assertThat(m.cpu(62)).isEqualTo(11);
        assertThat(m.cpu(62, 2)).isEqualTo(11);
        assertThat(m.scaler.actions()).extracting(ScalingAction::source)
                .containsExactly("target-tracking:ECSServiceAverageCPUUtilization");
    }

    // Same policies, CPU 57: target tracking is neither high nor low (54 <= 57 <= 60), so it does not vote in, but a
    // step policy saying in is enough: 10 - 2 = 8 at minute 1; its cooldown blocks it until minute 6: 6.
    @Test
    void combined_stepPolicyScalesInWithoutTargetTrackingAgreement() {
        StepScalingSpec in = step(CPU, 65, false, 1, "ChangeInCapacity", new StepSpec(OPEN, 0, -2));
        Minutes m = new Minutes(spec(1, 20, List.of(tracking(CPU, 60)), List.of(in)), 10);
        assertThat(m.cpu(57)).isEqualTo(8);
        assertThat(m.cpu(57, 4)).isEqualTo(8);
        assertThat(m.cpu(57)).isEqualTo(6);
    }

    // Same policies, CPU 30 for 15 minutes: target tracking proposes ceil(10 x 30 / 60) = 5 and the step policy
    // 10 - 2 = 8 (from minute 1: 10 -> 8, then blocked by its cooldown until minute 6: 8 -> 6, minute 11: 6 -> 4).
    // Minute 15: target tracking votes in with ceil(4 x 0.5) = 2, the step policy is cooling down: 4 -> 2.
    @Test
    void combined_targetTrackingAndStepScaleInTakeTheLargestProposal() {
        StepScalingSpec in = step(CPU, 65, false, 1, "ChangeInCapacity", new StepSpec(OPEN, 0, -2));
        Minutes m = new Minutes(spec(1, 20, List.of(tracking(CPU, 60)), List.of(in)), 10);
        assertThat(m.cpu(30, 14)).isEqualTo(4);
        assertThat(m.cpu(30)).isEqualTo(2);
        assertThat(m.scaler.actions()).extracting(ScalingAction::to).containsExactly(8, 6, 4, 2);
    }

    // Both policies vote in at the same minute: a step policy with a 15-datapoint alarm and target tracking, CPU 30
    // for 15 minutes, 6 tasks. At minute 15 the step policy proposes 6 - 2 = 4, target tracking ceil(6 x 30 / 60)
    // = 3: the most conservative, 4, wins.
    @Test
    void combined_bothVotingInTakeTheMostConservative() {
        StepScalingSpec in = step(CPU, 65, false, 15, "ChangeInCapacity", new StepSpec(OPEN, 0, -2));
        Minutes m = new Minutes(spec(1, 20, List.of(tracking(CPU, 60)), List.of(in)), 6);
        assertThat(m.cpu(30, 14)).isEqualTo(6);
        assertThat(m.cpu(30)).isEqualTo(4);
        assertThat(m.scaler.actions().get(0).source()).isEqualTo("step:ECSServiceAverageCPUUtilization");
    }
}
