package io.fleetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.scenario.model.ManagedScalingSpec;
import org.junit.jupiter.api.Test;

/**
 * ECS managed scaling decisions on hand-written datapoints (platform-semantics.md section 5.6): CPR = M / N x 100,
 * 100 when M = N = 0, 200 when N = 0 &lt; M; target tracking to targetCapacity; step sizes; warm-up; 15 datapoints
 * for scale-in.
 */
class ManagedScalingTest {

    private static ManagedScalingSpec spec(int target, int minStep, int maxStep) {
        return new ManagedScalingSpec(target, minStep, maxStep, 300_000_000_000L, 1, 15, false, true);
    }

    private static ManagedScaling scaling(int target, int minStep, int maxStep, int minSize, int maxSize) {
        return new ManagedScaling(spec(target, minStep, maxStep), minSize, maxSize);
    }

    @Test
    void reservation_documentedCases() {
        assertThat(ManagedScaling.reservation(0, 0)).isEqualTo(100.0);   // empty cluster: no scaling
        assertThat(ManagedScaling.reservation(3, 0)).isEqualTo(200.0);   // no instances, tasks pending
        assertThat(ManagedScaling.reservation(98, 100)).isEqualTo(98.0); // two empty instances of 100
        assertThat(ManagedScaling.reservation(5, 4)).isEqualTo(125.0);
    }

    @Test
    void emptyCluster_neverScales() {
        ManagedScaling m = scaling(100, 1, 10_000, 0, 10);
        for (int minute = 0; minute < 30; minute++) {
            assertThat(m.onMinute(0, 0, false)).isZero();
        }
    }

    @Test
    void scaleOutFromNoInstances_launchesTwo() {
        // N = 0 < M = 5: CPR 200; ECS "always scales-out to 200% (two instances)", whatever M is.
        assertThat(scaling(100, 1, 10_000, 0, 10).onMinute(5, 0, false)).isEqualTo(2);
        // The minimum step still applies: 3 > 2.
        assertThat(scaling(100, 3, 10_000, 0, 10).onMinute(5, 0, false)).isEqualTo(3);
        // And the group's maximum size: 1.
        assertThat(scaling(100, 1, 10_000, 0, 1).onMinute(5, 0, false)).isEqualTo(1);
    }

    @Test
    void scaleOut_stepIsRaisedToTheMinimumAndCutToTheMaximum() {
        // M = 5, N = 4, target 100: ceil(500 / 100) - 4 = 1 wanted; minimum step 3 -> 4 + 3 = 7.
        assertThat(scaling(100, 3, 10_000, 0, 100).onMinute(5, 4, false)).isEqualTo(7);
        // M = 10, N = 4: 6 wanted; maximum step 2 -> 6.
        assertThat(scaling(100, 1, 2, 0, 100).onMinute(10, 4, false)).isEqualTo(6);
        // Within the bounds the step is what target tracking computes: 6 -> 10.
        assertThat(scaling(100, 1, 10_000, 0, 100).onMinute(10, 4, false)).isEqualTo(10);
        // Target 90 with 98 of 100 instances needed: CPR 98 > 90, ceil(9800 / 90) = 109 -> step 9.
        assertThat(scaling(90, 1, 10_000, 0, 200).onMinute(98, 100, false)).isEqualTo(109);
    }

    @Test
    void scaleOut_waitsForTheWarmUpAndThenActs() {
        ManagedScaling m = scaling(100, 1, 10_000, 0, 10);
        assertThat(m.onMinute(3, 2, true)).isEqualTo(2);
        assertThat(m.lastReason()).contains("warming up");
        // The breach persists: as soon as the warm-up is over it scales, ceil(300 / 100) = 3.
        assertThat(m.onMinute(3, 2, false)).isEqualTo(3);
    }

    @Test
    void scaleIn_needsFifteenConsecutiveDatapointsBelowTarget() {
        // Two empty instances of 100: CPR 98 for 14 minutes does nothing; the 15th scales in to ceil(98) = 98.
        ManagedScaling m = scaling(100, 1, 10_000, 0, 200);
        for (int minute = 1; minute <= 14; minute++) {
            assertThat(m.onMinute(98, 100, false)).as("minute %d", minute).isEqualTo(100);
        }
        assertThat(m.onMinute(98, 100, false)).isEqualTo(98);
        assertThat(m.lastReason()).contains("98.0 < 100 for 15 minutes");
    }

    @Test
    void scaleIn_aDatapointAtTargetStartsTheCountAgain() {
        ManagedScaling m = scaling(100, 1, 10_000, 0, 10);
        for (int minute = 1; minute <= 14; minute++) {
            assertThat(m.onMinute(1, 2, false)).isEqualTo(2);
        }
        assertThat(m.onMinute(2, 2, false)).isEqualTo(2);  // CPR 100: resets
        for (int minute = 1; minute <= 14; minute++) {
            assertThat(m.onMinute(1, 2, false)).isEqualTo(2);
        }
        assertThat(m.onMinute(1, 2, false)).isEqualTo(1);
    }

    @Test
    void scaleIn_isNotBoundedByTheStepSizeButStopsAtTheMinimumSize() {
        // M = 0 of N = 8 with maximum step 2: scale-in ignores the step (ECS API ManagedScaling) -> minSize 3.
        ManagedScaling m = scaling(100, 1, 2, 3, 10);
        int desired = 8;
        for (int minute = 1; minute <= 15; minute++) {
            desired = m.onMinute(0, 8, false);
        }
        assertThat(desired).isEqualTo(3);
    }

    @Test
    void targetBelowHundred_keepsSpareInstances() {
        // Target 50, M = 3, N = 3: CPR 100 > 50 -> ceil(300 / 50) = 6 instances.
        assertThat(scaling(50, 1, 10_000, 0, 10).onMinute(3, 3, false)).isEqualTo(6);
        // And at 6 instances for 3 needed CPR is 50: nothing moves, however long.
        ManagedScaling m = scaling(50, 1, 10_000, 0, 10);
        for (int minute = 0; minute < 30; minute++) {
            assertThat(m.onMinute(3, 6, false)).isEqualTo(6);
        }
    }
}
