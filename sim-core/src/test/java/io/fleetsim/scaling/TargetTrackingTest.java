package io.fleetsim.scaling;

import static io.fleetsim.scaling.Minutes.COOLDOWN;
import static io.fleetsim.scaling.Minutes.CPU;
import static io.fleetsim.scaling.Minutes.MINUTE;
import static io.fleetsim.scaling.Minutes.REQUESTS;
import static io.fleetsim.scaling.Minutes.spec;
import static io.fleetsim.scaling.Minutes.tracking;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.scenario.model.ServiceAutoScalingSpec.TargetTrackingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Target tracking (platform-semantics.md section 5.5): alarms, proportional steps, cooldowns, several policies. */
class TargetTrackingTest {

    private static Minutes cpuTarget60(int min, int max, int desired) {
        return new Minutes(spec(min, max, List.of(tracking(CPU, 60)), List.of()), desired);
    }

    // 6 tasks, target 60, CPU 90: minutes 1 and 2 are 2 of 3 high datapoints; minute 3 fires the alarm:
    // ceil(6 x 90 / 60) = ceil(9.0) = 9. The run of breaches began with the minute ending at 1 min: the load change.
    @Test
    void highAlarm_scalesOutProportionallyOnTheThirdConsecutiveHighMinute() {
        Minutes m = cpuTarget60(1, 20, 6);
        assertThat(m.cpu(90)).isEqualTo(6);
        assertThat(m.cpu(90)).isEqualTo(6);
        assertThat(m.cpu(90)).isEqualTo(9);
        assertThat(m.scaler.actions()).containsExactly(new ScalingAction(3 * MINUTE, 6, 9,
                "target-tracking:ECSServiceAverageCPUUtilization",
                "ECSServiceAverageCPUUtilization 90.00 > target 60.0 for 3 datapoints: 6 x 90.00 / 60.0 = 9.00 -> 9",
                MINUTE));
    }

    // 90, 90, 60 (resets), a missing minute (neither counts nor resets), 90, 90, 90: the alarm fires at minute 7
    // and the run of breaches that fired it began with minute 5 (the earlier run ended at minute 3).
    @Test
    void scaleOut_carriesTheFirstMinuteOfTheBreachingRunAsItsLoadChange() {
        Minutes m = cpuTarget60(1, 20, 6);
        m.cpu(90, 2);
        m.cpu(60);
        m.cpu(Double.NaN);
        m.cpu(90, 3);
        assertThat(m.scaler.actions()).hasSize(1);
        assertThat(m.scaler.actions().get(0).timeNanos()).isEqualTo(7 * MINUTE);
        assertThat(m.scaler.actions().get(0).loadChangeNanos()).isEqualTo(5 * MINUTE);
    }

    // 90, 90, then 60 (not > 60) resets the run; 90, 90 are 2 of 3 again; the next 90 fires: ceil(6 x 1.5) = 9.
    @Test
    void highAlarm_aMinuteAtTargetResetsTheCount() {
        Minutes m = cpuTarget60(1, 20, 6);
        m.cpu(90, 2);
        assertThat(m.cpu(60)).isEqualTo(6);
        assertThat(m.cpu(90, 2)).isEqualTo(6);
        assertThat(m.cpu(90)).isEqualTo(9);
    }

    // CPU 60.000000001 is above the target 60, but 6 x 60.000000001 / 60 = 6.0000000001 rounds (with the 1e-9
    // slack) to 6 = current: the alarm is in ALARM, so at least one task is added: 7.
    @Test
    void highAlarm_alwaysAddsAtLeastOneTask() {
        Minutes m = cpuTarget60(1, 20, 6);
        assertThat(m.cpu(60.000000001, 3)).isEqualTo(7);
        assertThat(m.scaler.actions().get(0).reason()).endsWith("= 6.00 -> 6, at least +1 -> 7");
    }

    // A datapoint computed as 48 x 0.1 is 4.800000000000001, so 5 x v / 8 = 3.0000000000000004 in doubles where
    // the exact value is 3: the 1e-9 slack keeps ceil at 3 (a plain ceil would give 4). Target 8, low alarm at
    // 0.9 x 8 = 7.2, 15 minutes at 4.8: 5 -> 3.
    @Test
    void proportional_roundingErrorAboveAnIntegerDoesNotKeepAnExtraTask() {
        Minutes m = new Minutes(spec(1, 20, List.of(tracking(CPU, 8)), List.of()), 5);
        assertThat(m.cpu(48 * 0.1, 15)).isEqualTo(3);
    }

    // 10 tasks, target 60: the low alarm is at 0.9 x 60 = 54. CPU 30 for 14 minutes does nothing; the 15th fires:
    // ceil(10 x 30 / 60) = 5.
    @Test
    void lowAlarm_scalesInOnTheFifteenthMinuteBelowNinetyPercentOfTarget() {
        Minutes m = cpuTarget60(1, 20, 10);
        assertThat(m.cpu(30, 14)).isEqualTo(10);
        assertThat(m.cpu(30)).isEqualTo(5);
        assertThat(m.scaler.actions()).extracting(ScalingAction::reason).containsExactly(
                "ECSServiceAverageCPUUtilization 30.00 < 54.00 (0.9 x target 60.0) for 15 datapoints:"
                        + " 10 x 30.00 / 60.0 = 5.00 -> 5");
    }

    // 10 minutes at 30, then 57 (54 <= 57 <= 60: neither alarm breaches) resets the low run; 14 more at 30 do
    // nothing (14 of 15), the 15th after the reset scales in to ceil(10 x 0.5) = 5.
    @Test
    void lowAlarm_aMinuteBetweenLowThresholdAndTargetResetsTheCount() {
        Minutes m = cpuTarget60(1, 20, 10);
        m.cpu(30, 10);
        assertThat(m.cpu(57)).isEqualTo(10);
        assertThat(m.cpu(30, 14)).isEqualTo(10);
        assertThat(m.cpu(30)).isEqualTo(5);
    }

    // Minute 3 scales 6 -> 9 and starts a 300 s scale-out cooldown (until minute 8). Minute 5 (2 minutes later)
    // would give ceil(9 x 90 / 60) = 14 but is blocked; minute 8 (5 minutes later) scales 9 -> 14.
    @Test
    void scaleOutCooldown_blocksAScaleOutTwoMinutesLaterButAllowsOneAfterFiveMinutes() {
        Minutes m = cpuTarget60(1, 50, 6);
        assertThat(m.cpu(90, 3)).isEqualTo(9);
        assertThat(m.cpu(90, 2)).isEqualTo(9);
        assertThat(m.cpu(90, 2)).isEqualTo(9);
        assertThat(m.cpu(90)).isEqualTo(14);
        assertThat(m.scaler.actions()).extracting(ScalingAction::timeNanos).containsExactly(3 * MINUTE, 8 * MINUTE);
    }

    // One-datapoint alarms: minute 1 CPU 30 scales 10 -> ceil(10 x 0.5) = 5 and starts the scale-in cooldown (until
    // minute 6). Minute 2 CPU 90 scales out at once: ceil(5 x 1.5) = ceil(7.5) = 8, ending that cooldown. Minute 3
    // CPU 30 scales in again, ceil(8 x 0.5) = 4, which the cooldown would have blocked until minute 6.
    @Test
    void scaleOutDuringScaleInCooldown_proceedsAndEndsTheCooldown() {
        TargetTrackingSpec oneMinute = new TargetTrackingSpec(CPU, 60, COOLDOWN, COOLDOWN, false, 1, 1, 0.9);
        Minutes m = new Minutes(spec(1, 20, List.of(oneMinute), List.of()), 10);
        assertThat(m.cpu(30)).isEqualTo(5);
        assertThat(m.cpu(90)).isEqualTo(8);
        assertThat(m.cpu(30)).isEqualTo(4);
    }

    // Same policy, without a scale-out in between: minute 1 scales 10 -> 5; minutes 2 to 5 at CPU 30 are in the
    // scale-in cooldown; minute 6 (300 s later) scales 5 -> ceil(2.5) = 3.
    @Test
    void scaleInCooldown_blocksFurtherScaleInForFiveMinutes() {
        TargetTrackingSpec oneMinute = new TargetTrackingSpec(CPU, 60, COOLDOWN, COOLDOWN, false, 1, 1, 0.9);
        Minutes m = new Minutes(spec(1, 20, List.of(oneMinute), List.of()), 10);
        assertThat(m.cpu(30)).isEqualTo(5);
        assertThat(m.cpu(30, 4)).isEqualTo(5);
        assertThat(m.cpu(30)).isEqualTo(3);
    }

    // CPU target 60 and requests-per-target target 1000, 4 tasks. CPU 50 is below target (not high); requests 1500
    // for 3 minutes: ceil(4 x 1500 / 1000) = 6, from the requests policy alone.
    @Test
    void twoPolicies_scaleOutWhenAnyPolicySaysSo() {
        Minutes m = new Minutes(spec(1, 20, List.of(tracking(CPU, 60), tracking(REQUESTS, 1000)), List.of()), 4);
        m.next(50, 1500);
        m.next(50, 1500);
        assertThat(m.next(50, 1500)).isEqualTo(6);
        assertThat(m.scaler.actions().get(0).source()).isEqualTo("target-tracking:ALBRequestCountPerTarget");
    }

    // Both high: CPU 90 proposes ceil(4 x 1.5) = 6, requests 2000 proposes ceil(4 x 2) = 8: the largest wins.
    @Test
    void twoPolicies_scaleOutTakesTheLargestProposal() {
        Minutes m = new Minutes(spec(1, 20, List.of(tracking(CPU, 60), tracking(REQUESTS, 1000)), List.of()), 4);
        m.next(90, 2000);
        m.next(90, 2000);
        assertThat(m.next(90, 2000)).isEqualTo(8);
    }

    // 10 tasks, CPU 30 (< 54) for 15 minutes, requests 950 (900 <= 950 <= 1000, the requests policy does not vote
    // in): no scale-in.
    @Test
    void twoPolicies_noScaleInUnlessEveryPolicySaysSo() {
        Minutes m = new Minutes(spec(1, 20, List.of(tracking(CPU, 60), tracking(REQUESTS, 1000)), List.of()), 10);
        for (int i = 0; i < 20; i++) {
            m.next(30, 950);
        }
        assertThat(m.desired).isEqualTo(10);
        assertThat(m.scaler.actions()).isEmpty();
    }

    // Both low for 15 minutes: CPU 30 proposes ceil(10 x 30 / 60) = 5, requests 800 (< 900) proposes
    // ceil(10 x 800 / 1000) = 8; the largest, most conservative, wins: 8.
    @Test
    void twoPolicies_scaleInWhenAllAgreeToTheLargestProposal() {
        Minutes m = new Minutes(spec(1, 20, List.of(tracking(CPU, 60), tracking(REQUESTS, 1000)), List.of()), 10);
        for (int i = 0; i < 14; i++) {
            m.next(30, 800);
        }
        assertThat(m.desired).isEqualTo(10);
        assertThat(m.next(30, 800)).isEqualTo(8);
        assertThat(m.scaler.actions().get(0).source()).isEqualTo("target-tracking:ALBRequestCountPerTarget");
        assertThat(m.scaler.actions().get(0).reason()).endsWith("(all 2 target-tracking policies vote in)");
    }

    // Max 8: ceil(6 x 120 / 60) = 12 is capped at 8. At 8, a further high minute past the cooldown changes nothing
    // and records nothing.
    @Test
    void bounds_scaleOutIsCappedAtMax() {
        Minutes m = cpuTarget60(1, 8, 6);
        assertThat(m.cpu(120, 3)).isEqualTo(8);
        assertThat(m.cpu(120, 10)).isEqualTo(8);
        assertThat(m.scaler.actions()).hasSize(1);
        assertThat(m.scaler.actions().get(0).reason()).endsWith("6 x 120.00 / 60.0 = 12.00 -> 12, capped at max 8");
    }

    // Min 3: 4 tasks at CPU 15 for 15 minutes give ceil(4 x 15 / 60) = 1, raised to 3.
    @Test
    void bounds_scaleInIsRaisedToMin() {
        Minutes m = cpuTarget60(3, 10, 4);
        assertThat(m.cpu(15, 15)).isEqualTo(3);
        assertThat(m.scaler.actions().get(0).reason()).endsWith("= 1.00 -> 1, raised to min 3");
    }

    // A desired count of 12 from outside (max 10) is clamped at the next minute, source "bounds".
    @Test
    void bounds_desiredOutsideTheRangeIsClampedAtTheNextMinute() {
        Minutes m = cpuTarget60(1, 10, 6);
        m.desired = 12;
        assertThat(m.cpu(60)).isEqualTo(10);
        assertThat(m.scaler.actions()).containsExactly(new ScalingAction(MINUTE, 12, 10, "bounds",
                "desired count 12 outside [min 1, max 10]: clamped to 10"));
    }

    // disableScaleIn: CPU 10 for 30 minutes never scales in; CPU 90 for 3 minutes still scales out to
    // ceil(10 x 1.5) = 15.
    @Test
    void disableScaleIn_policyNeverScalesInButStillScalesOut() {
        TargetTrackingSpec noIn = new TargetTrackingSpec(CPU, 60, COOLDOWN, COOLDOWN, true, 3, 15, 0.9);
        Minutes m = new Minutes(spec(1, 20, List.of(noIn), List.of()), 10);
        assertThat(m.cpu(10, 30)).isEqualTo(10);
        assertThat(m.cpu(90, 3)).isEqualTo(15);
    }

    // A disableScaleIn CPU policy and a requests policy low for 15 minutes (500 < 900): the CPU policy never votes in,
    // so the requests policy cannot scale in alone.
    @Test
    void disableScaleIn_blocksScaleInOfTheOtherPolicies() {
        TargetTrackingSpec noIn = new TargetTrackingSpec(CPU, 60, COOLDOWN, COOLDOWN, true, 3, 15, 0.9);
        Minutes m = new Minutes(spec(1, 20, List.of(noIn, tracking(REQUESTS, 1000)), List.of()), 10);
        for (int i = 0; i < 20; i++) {
            m.next(10, 500);
        }
        assertThat(m.desired).isEqualTo(10);
    }

    // 90, NaN, 90, NaN, 90: the NaN minutes neither count (else minute 3 would be the third datapoint) nor reset
    // (else minute 5 would be the first): minute 5 is the third high datapoint, ceil(6 x 1.5) = 9. Then with the
    // alarm in ALARM and the cooldown over (minute 10), a NaN minute does not act; minute 11 at 90 does:
    // ceil(9 x 1.5) = ceil(13.5) = 14.
    @Test
    void missingData_neitherCountsNorResetsAndNeverActs() {
        Minutes m = cpuTarget60(1, 50, 6);
        assertThat(m.cpu(90)).isEqualTo(6);
        assertThat(m.cpu(Double.NaN)).isEqualTo(6);
        assertThat(m.cpu(90)).isEqualTo(6);
        assertThat(m.cpu(Double.NaN)).isEqualTo(6);
        assertThat(m.cpu(90)).isEqualTo(9);
        assertThat(m.cpu(Double.NaN, 5)).isEqualTo(9);
        assertThat(m.cpu(90)).isEqualTo(14);
        assertThat(m.scaler.actions()).extracting(ScalingAction::timeNanos).containsExactly(5 * MINUTE, 11 * MINUTE);
    }

    // During a deployment: 15 minutes at CPU 30 do not scale in; minute 16 at 30 after the deployment does,
    // ceil(10 x 0.5) = 5 (the alarm stayed in ALARM). A deployment then starts again and 3 minutes at 90 scale out:
    // ceil(5 x 1.5) = ceil(7.5) = 8.
    @Test
    void deployment_suspendsScaleInButNotScaleOut() {
        Minutes m = cpuTarget60(1, 20, 10);
        m.deployment = true;
        assertThat(m.cpu(30, 15)).isEqualTo(10);
        m.deployment = false;
        assertThat(m.cpu(30)).isEqualTo(5);
        m.deployment = true;
        assertThat(m.cpu(90, 3)).isEqualTo(8);
    }
}
