package io.fleetsim.scaling;

import static io.fleetsim.scaling.Minutes.CPU;
import static io.fleetsim.scaling.Minutes.MINUTE;
import static io.fleetsim.scaling.Minutes.spec;
import static io.fleetsim.scaling.Minutes.tracking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.scenario.AtStartSchedule;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.ScheduledActionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scheduled actions: new min and max, the desired count clamped into them at once (section 5.5). */
class ScheduledActionTest {

    private static ScheduledActionSpec action(String name, int min, int max) {
        return new ScheduledActionSpec(name, AtStartSchedule.INSTANCE, min, max);
    }

    // min 2, max 10, 4 tasks; "morning" raises min to 8 (max -1: unchanged): 4 -> 8, recorded as scheduled:morning.
    @Test
    void raisingMin_forcesScaleOutToTheNewMinAndIsRecorded() {
        ServiceAutoScaler scaler = new ServiceAutoScaler(spec(2, 10, List.of(tracking(CPU, 60)), List.of()), 4);
        assertThat(scaler.onScheduledAction(5 * MINUTE, action("morning", 8, -1), 4)).isEqualTo(8);
        assertThat(scaler.minCapacity()).isEqualTo(8);
        assertThat(scaler.maxCapacity()).isEqualTo(10);
        assertThat(scaler.actions()).containsExactly(new ScalingAction(5 * MINUTE, 4, 8, "scheduled:morning",
                "scheduled action 'morning' (at-start) set min 2 -> 8, max 10 -> 10:"
                        + " desired 4 raised to the new min 8"));
    }

    // After "morning" (min 8), 15 minutes at CPU 30 would give ceil(8 x 0.5) = 4 but min holds at 8; "night"
    // (min 1, max 3) then lowers 8 -> 3.
    @Test
    void newBounds_holdLaterPolicyDecisionsAndLoweringMaxScalesIn() {
        Minutes m = new Minutes(spec(2, 10, List.of(tracking(CPU, 60)), List.of()), 4);
        m.desired = m.scaler.onScheduledAction(0, action("morning", 8, -1), m.desired);
        assertThat(m.cpu(30, 15)).isEqualTo(8);
        assertThat(m.scaler.onScheduledAction(16 * MINUTE, action("night", 1, 3), 8)).isEqualTo(3);
        assertThat(m.scaler.actions()).extracting(ScalingAction::source)
                .containsExactly("scheduled:morning", "scheduled:night");
    }

    // A count already inside the new range is no action.
    @Test
    void countInsideTheNewRange_isNoAction() {
        ServiceAutoScaler scaler = new ServiceAutoScaler(spec(2, 10, List.of(), List.of()), 4);
        assertThat(scaler.onScheduledAction(0, action("wider", 1, 20), 4)).isEqualTo(4);
        assertThat(scaler.actions()).isEmpty();
    }

    @Test
    void minAboveMax_isRejected() {
        ServiceAutoScaler scaler = new ServiceAutoScaler(spec(2, 10, List.of(), List.of()), 4);
        assertThatThrownBy(() -> scaler.onScheduledAction(0, action("bad", 12, -1), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheduled action 'bad': expected min <= max, found min 12 > max 10");
    }
}
