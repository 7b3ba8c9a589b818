package io.fleetsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.scaling.ScalingAction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scaling lag, SLO minutes by cause and the cost above the floor, from hand-built series. */
class ElasticAnalysisTest {

    private static final long S = 1_000_000_000L;
    private static final long MIN = 60 * S;

    // Breach from the minute ending at 10:00, decision at 12:00 (2 -> 3), the third task RUNNING at 12:45:
    // load change -> decision 2 min, decision -> capacity 45 s, load change -> capacity 2 min 45 s.
    @Test
    void scaleOutLag_isLoadChangeToDecisionToFirstInstantWithTheNewCountRunning() {
        StepSeries running = new StepSeries(0);
        running.set(30 * S, 2);
        running.set(12 * MIN + 45 * S, 3);
        List<ScaleOutLag> lags = ElasticAnalysis.scaleOutLags(List.of(
                new ScalingAction(12 * MIN, 2, 3, "target-tracking:ECSServiceAverageCPUUtilization", "r", 10 * MIN)),
                running);
        assertThat(lags).containsExactly(new ScaleOutLag(10 * MIN, 12 * MIN, 12 * MIN + 45 * S, 2, 3));
        assertThat(lags.get(0).loadToDecisionNanos()).isEqualTo(2 * MIN);
        assertThat(lags.get(0).decisionToCapacityNanos()).isEqualTo(45 * S);
        assertThat(lags.get(0).loadToCapacityNanos()).isEqualTo(2 * MIN + 45 * S);
    }

    // Scale-ins, scheduled raises (no load change) are not scale-outs of an alarm; a scale-out whose count is never
    // RUNNING (4 -> 6, only 5 ever run) has no capacity time.
    @Test
    void scaleOutLags_skipActionsWithoutLoadChange_andMarkCapacityNeverReached() {
        StepSeries running = new StepSeries(4);
        running.set(25 * MIN, 5);
        List<ScaleOutLag> lags = ElasticAnalysis.scaleOutLags(List.of(
                new ScalingAction(5 * MIN, 4, 5, "scheduled:morning", "r"),
                new ScalingAction(8 * MIN, 5, 4, "target-tracking:x", "r"),
                new ScalingAction(20 * MIN, 4, 6, "step:x", "r", 18 * MIN)), running);
        assertThat(lags).containsExactly(new ScaleOutLag(18 * MIN, 20 * MIN, -1, 4, 6));
        assertThat(lags.get(0).decisionToCapacityNanos()).isEqualTo(-1);
    }

    // Load -> decision 2, 3, 5, 4 min (median of 4 = (3 + 4) / 2 = 3.5 min, max 5); the third never reached its
    // capacity, so decision -> capacity is over 30, 90, 60 s (median 60 s, max 90 s) and load -> capacity over
    // 150, 270, 300 s (median 270 s, max 300 s).
    @Test
    void lagStats_medianOfEvenCountIsTheMeanOfTheMiddleTwo_unreachedOnlyInLoadToDecision() {
        LagStats s = LagStats.of(List.of(
                new ScaleOutLag(10 * MIN, 12 * MIN, 12 * MIN + 30 * S, 2, 3),
                new ScaleOutLag(20 * MIN, 23 * MIN, 23 * MIN + 90 * S, 3, 4),
                new ScaleOutLag(30 * MIN, 35 * MIN, -1, 4, 6),
                new ScaleOutLag(40 * MIN, 44 * MIN, 45 * MIN, 4, 5)));
        assertThat(s).isEqualTo(new LagStats(4, 3, 210 * S, 5 * MIN, 60 * S, 90 * S, 270 * S, 300 * S));
        assertThat(LagStats.of(List.of())).isEqualTo(new LagStats(0, 0, -1, -1, -1, -1, -1, -1));
    }

    // Minutes 1..20, violated: 3, 5, 6, 9, 12, 15, 18.
    // Lag window: load change at 5:00 -> [4:00, 6:30): minutes ending 5:00, 6:00 and 7:00 (starts 6:00 < 6:30).
    // Fault window: hit at 8:20, back at 9:10 -> [8:20, 9:10): minutes ending 9:00 and 10:00; and a second lag
    // window [11:00, 12:00) covers minute 12; a fault at 11:30 with its window [11:30, 13:00) covers 12 and 13:
    // fault precedence makes 12 a fault minute. An empty fault window [15:00, 15:00) covers nothing.
    // So: faults {9, 12} = 2, scaling lag {5, 6} = 2, other {3, 15, 18} = 3, of 7.
    @Test
    void sloLoss_attributesViolatedMinutesToFaultsFirstThenScalingLagThenOther() {
        List<ServiceMinute> minutes = new ArrayList<>();
        List<Integer> violated = List.of(3, 5, 6, 9, 12, 15, 18);
        for (int m = 1; m <= 20; m++) {
            minutes.add(new ServiceMinute(m * MIN, 10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, violated.contains(m)));
        }
        List<long[]> lag = List.of(new long[] {4 * MIN, 6 * MIN + 30 * S}, new long[] {11 * MIN, 12 * MIN});
        List<long[]> faults = List.of(new long[] {8 * MIN + 20 * S, 9 * MIN + 10 * S},
                new long[] {11 * MIN + 30 * S, 13 * MIN}, new long[] {15 * MIN, 15 * MIN});
        assertThat(ElasticAnalysis.sloLoss(minutes, lag, faults)).isEqualTo(new SloLoss(7, 2, 2, 3));
    }

    // A scale-out with load change 10:00 and capacity 12:45 opens the window [9:00, 12:45); one never reached runs
    // to the end. A fault at 8:20 with the shortfall 1 until 9:10 (then 0) gives [8:20, 9:10); one whose shortfall
    // never returns to 0 runs to the end.
    @Test
    void windows_runFromTheMinuteBeforeTheLoadChangeAndFromTheFaultToCapacityOrTheEnd() {
        List<long[]> lag = ElasticAnalysis.lagWindows(List.of(new ScaleOutLag(10 * MIN, 12 * MIN, 12 * MIN + 45 * S,
                2, 3), new ScaleOutLag(20 * MIN, 22 * MIN, -1, 3, 4)));
        assertThat(lag).containsExactly(new long[] {9 * MIN, 12 * MIN + 45 * S}, new long[] {19 * MIN, Long.MAX_VALUE});
        StepSeries shortfall = new StepSeries(0);
        shortfall.set(8 * MIN + 20 * S, 1);
        shortfall.set(9 * MIN + 10 * S, 0);
        shortfall.set(30 * MIN, 2);
        assertThat(ElasticAnalysis.faultWindows(List.of(8 * MIN + 20 * S, 30 * MIN), shortfall))
                .containsExactly(new long[] {8 * MIN + 20 * S, 9 * MIN + 10 * S}, new long[] {30 * MIN, Long.MAX_VALUE});
    }

    // Floor 2; RUNNING 2 for the first 30 minutes, then 4 until the end at 60 minutes:
    // task-time 2 x 60 + 4 x 30 ... = 2 x 30 + 4 x 30 = 180 task-minutes; above the floor 2 x 30 = 60 task-minutes.
    // Cost $1.50 -> extra 1.50 x 60 / 180 = $0.50 exactly; 3 task-hours, 1 above the floor.
    @Test
    void extraCapacityCost_isTheCostTimesTheShareOfTaskTimeAboveTheFloor() {
        StepSeries running = new StepSeries(2);
        running.set(30 * MIN, 4);
        BigInteger total = running.integralAbove(0, 60 * MIN);
        BigInteger extra = running.integralAbove(2, 60 * MIN);
        assertThat(total).isEqualTo(BigInteger.valueOf(180 * MIN));
        assertThat(extra).isEqualTo(BigInteger.valueOf(60 * MIN));
        assertThat(ElasticAnalysis.share(new BigDecimal("1.50"), extra, total)).isEqualByComparingTo("0.50");
        assertThat(ElasticAnalysis.hours(total)).isEqualTo(3.0);
        assertThat(ElasticAnalysis.hours(extra)).isEqualTo(1.0);
        assertThat(ElasticAnalysis.share(new BigDecimal("1.50"), BigInteger.ZERO, BigInteger.ZERO))
                .isEqualByComparingTo("0");
    }

    // $0.10 over 3 instance-hours, 1 of them above the minimum: 0.1 / 3 is not a finite decimal; 34 digits.
    @Test
    void extraCapacityCost_roundsANonTerminatingShareTo34Digits() {
        assertThat(ElasticAnalysis.share(new BigDecimal("0.10"), BigInteger.ONE, BigInteger.valueOf(3)))
                .isEqualTo(new BigDecimal("0.03333333333333333333333333333333333"));
    }

    // Two changes at one instant keep the last; a change back to the previous value at that instant removes it.
    @Test
    void stepSeries_changesAtOneInstantKeepTheLast() {
        StepSeries s = new StepSeries(2);
        s.set(MIN, 1);
        s.set(MIN, 2);
        s.set(2 * MIN, 3);
        assertThat(s.valueAt(MIN)).isEqualTo(2);
        assertThat(s.firstAtLeast(0, 3)).isEqualTo(2 * MIN);
        assertThat(s.firstAtMost(MIN, 2)).isEqualTo(MIN);
        assertThat(s.integralAbove(2, 3 * MIN)).isEqualTo(BigInteger.valueOf(MIN));
    }
}
