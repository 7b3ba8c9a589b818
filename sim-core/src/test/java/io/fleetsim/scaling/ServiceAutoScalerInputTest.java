package io.fleetsim.scaling;

import static io.fleetsim.scaling.Minutes.CPU;
import static io.fleetsim.scaling.Minutes.MINUTE;
import static io.fleetsim.scaling.Minutes.spec;
import static io.fleetsim.scaling.Minutes.step;
import static io.fleetsim.scaling.Minutes.tracking;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.TargetTrackingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input fails with a message saying what was expected and what was found. */
class ServiceAutoScalerInputTest {

    @Test
    void initialDesiredOutsideBounds_isRejected() {
        assertThatThrownBy(() -> new ServiceAutoScaler(spec(2, 10, List.of(), List.of()), 11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("autoScaling: expected the initial desired count in [2, 10], found 11");
    }

    @Test
    void nonPositiveTarget_isRejected() {
        TargetTrackingSpec zero = new TargetTrackingSpec(CPU, 0, 0, 0, false, 3, 15, 0.9);
        assertThatThrownBy(() -> new ServiceAutoScaler(spec(1, 10, List.of(zero), List.of()), 1))
                .hasMessage("autoScaling.targetTracking[0].target: expected a finite value > 0, found 0.0");
    }

    @Test
    void unknownAdjustmentType_isRejectedWithTheKnownOnes() {
        var bad = step(CPU, 70, true, 1, "ChangeInCapacty", new StepSpec(0, Double.NaN, 1));
        assertThatThrownBy(() -> new ServiceAutoScaler(spec(1, 10, List.of(), List.of(bad)), 1))
                .hasMessage("autoScaling.stepScaling[0].adjustmentType: expected one of [ChangeInCapacity,"
                        + " PercentChangeInCapacity, ExactCapacity], found ChangeInCapacty");
    }

    @Test
    void stepsWithAGap_areRejected() {
        var gap = step(CPU, 70, true, 1, "ChangeInCapacity", new StepSpec(0, 10, 1), new StepSpec(15, Double.NaN, 2));
        assertThatThrownBy(() -> new ServiceAutoScaler(spec(1, 10, List.of(), List.of(gap)), 1))
                .hasMessage("autoScaling.stepScaling[0].steps[1]: expected lower bound 10.0 (the previous step's upper"
                        + " bound: steps can't overlap or have a gap), found 15.0");
    }

    @Test
    void wrongNumberOfDatapoints_isRejected() {
        ServiceAutoScaler scaler = new ServiceAutoScaler(spec(1, 10, List.of(tracking(CPU, 60)), List.of()), 1);
        assertThatThrownBy(() -> scaler.onMinute(MINUTE, 1, new double[] {50}, false))
                .hasMessage("expected one datapoint per metric [ECSServiceAverageCPUUtilization,"
                        + " ECSServiceAverageMemoryUtilization, ALBRequestCountPerTarget], found 1 datapoints");
    }

    @Test
    void timeGoingBackwards_isRejected() {
        ServiceAutoScaler scaler = new ServiceAutoScaler(spec(1, 10, List.of(tracking(CPU, 60)), List.of()), 1);
        double[] dp = {50, Double.NaN, Double.NaN};
        scaler.onMinute(2 * MINUTE, 1, dp, false);
        assertThatThrownBy(() -> scaler.onMinute(MINUTE, 1, dp, false))
                .hasMessage("expected time at or after 120000000000 ns, found 60000000000 ns");
    }
}
