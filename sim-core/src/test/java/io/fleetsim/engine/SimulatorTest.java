package io.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void events_fireInTimeThenInsertionOrder_withTheClockAtEachEventsTime() {
        // Scheduled: c@30, a@10, b1@20, b2@20, b3@20 -> a@10, b1@20, b2@20, b3@20, c@30.
        Simulator sim = new Simulator(1);
        List<String> fired = new ArrayList<>();
        EventHandler record = (now, arg) -> fired.add((char) arg + "@" + now + "/" + sim.now());
        sim.schedule(30, record, 'c');
        sim.schedule(10, record, 'a');
        sim.schedule(20, record, 'x');
        sim.schedule(20, record, 'y');
        sim.schedule(20, record, 'z');

        sim.runUntil(100);

        assertThat(fired).containsExactly("a@10/10", "x@20/20", "y@20/20", "z@20/20", "c@30/30");
        assertThat(sim.eventsFired()).isEqualTo(5);
        assertThat(sim.now()).isEqualTo(100);
    }

    @Test
    void eventsScheduledFromHandlers_fireInTheSameRun_afterEventsAlreadyDueAtThatTime() {
        // At 10, handler A schedules A2 at 10 (now) and A3 at 15; B was already scheduled at 10.
        // Order: A@10, B@10 (older), A2@10, A3@15. Event D at 50 is beyond end=40 and stays pending.
        Simulator sim = new Simulator(1);
        List<String> fired = new ArrayList<>();
        sim.schedule(10, () -> {
            fired.add("A@" + sim.now());
            sim.scheduleAfter(0, () -> fired.add("A2@" + sim.now()));
            sim.schedule(15, () -> fired.add("A3@" + sim.now()));
        });
        sim.schedule(10, () -> fired.add("B@" + sim.now()));
        sim.schedule(50, () -> fired.add("D@" + sim.now()));

        sim.runUntil(40);

        assertThat(fired).containsExactly("A@10", "B@10", "A2@10", "A3@15");
        assertThat(sim.pendingEvents()).isEqualTo(1);
        assertThat(sim.nextEventTime()).isEqualTo(50);
    }

    @Test
    void runUntil_firesAnEventExactlyAtEnd_leavesLaterOnesPending_andSetsTheClockToEnd() {
        Simulator sim = new Simulator(1);
        List<Long> fired = new ArrayList<>();
        EventHandler record = (now, arg) -> fired.add(arg);
        sim.schedule(100, record, 1);
        sim.schedule(101, record, 2);

        sim.runUntil(100);

        assertThat(fired).containsExactly(1L);
        assertThat(sim.now()).isEqualTo(100);
        assertThat(sim.pendingEvents()).isEqualTo(1);

        sim.runUntil(100); // same end again: nothing to fire, fine
        assertThat(fired).containsExactly(1L);

        sim.runUntil(250);
        assertThat(fired).containsExactly(1L, 2L);
        assertThat(sim.now()).isEqualTo(250);
        assertThat(sim.pendingEvents()).isZero();
    }

    @Test
    void runUntil_withNothingPending_advancesTheClockToEnd() {
        Simulator sim = new Simulator(1);
        sim.runUntil(Durations.hours(1));
        assertThat(sim.now()).isEqualTo(3_600_000_000_000L);
        sim.runUntil(Long.MAX_VALUE);
        assertThat(sim.now()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void runUntil_beforeNow_isRejected() {
        Simulator sim = new Simulator(1);
        sim.runUntil(Durations.seconds(2));
        assertThatThrownBy(() -> sim.runUntil(Durations.seconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("end=1000000000 ns (1s)").hasMessageContaining("now=2000000000 ns (2s)");
    }

    @Test
    void schedule_inThePast_isRejected_butAtNowIsAccepted() {
        Simulator sim = new Simulator(1);
        sim.runUntil(500);
        assertThatThrownBy(() -> sim.schedule(499, (now, arg) -> { }, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at=499 ns").hasMessageContaining("now=500 ns");
        sim.schedule(500, (now, arg) -> { }, 0);
        assertThat(sim.pendingEvents()).isEqualTo(1);
    }

    @Test
    void scheduleAfter_isRelativeToNow_andRejectsNegativeOrOverflowingDelays() {
        // now = 1s; scheduleAfter(250ms) -> fires at 1.25 s = 1_250_000_000 ns.
        Simulator sim = new Simulator(1);
        sim.runUntil(Durations.seconds(1));
        long[] firedAt = {-1};
        sim.scheduleAfter(Durations.millis(250), (now, arg) -> firedAt[0] = now, 0);
        sim.runUntil(Durations.seconds(2));
        assertThat(firedAt[0]).isEqualTo(1_250_000_000L);

        assertThatThrownBy(() -> sim.scheduleAfter(-1, () -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delay must be >= 0 ns, got -1");
        assertThatThrownBy(() -> sim.scheduleAfter(Long.MAX_VALUE, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows");
    }

    @Test
    void cancel_preventsFiring_andReportsWhetherTheEventWasPending() {
        Simulator sim = new Simulator(1);
        List<Long> fired = new ArrayList<>();
        EventHandler record = (now, arg) -> fired.add(arg);
        long timeout = sim.schedule(30, record, 99);
        long done = sim.schedule(10, (now, arg) -> {
            fired.add(arg);
            assertThat(sim.cancel(timeout)).isTrue();
        }, 1);

        sim.runUntil(100);

        assertThat(fired).containsExactly(1L);
        assertThat(sim.cancel(timeout)).isFalse();
        assertThat(sim.cancel(done)).isFalse();
        assertThat(sim.isPending(done)).isFalse();
        assertThat(sim.eventsFired()).isEqualTo(1);
    }

    @Test
    void stop_returnsAfterTheCurrentEvent_withTheClockAtItsTime_andALaterRunContinues() {
        Simulator sim = new Simulator(1);
        List<Long> fired = new ArrayList<>();
        sim.schedule(10, (now, arg) -> fired.add(now), 0);
        sim.schedule(20, (now, arg) -> {
            fired.add(now);
            sim.stop();
        }, 0);
        sim.schedule(20, (now, arg) -> fired.add(now + 1), 0);
        sim.schedule(30, (now, arg) -> fired.add(now), 0);

        sim.runUntil(100);

        assertThat(fired).containsExactly(10L, 20L);
        assertThat(sim.now()).isEqualTo(20);
        assertThat(sim.pendingEvents()).isEqualTo(2);

        sim.runUntil(100);
        assertThat(fired).containsExactly(10L, 20L, 21L, 30L);
        assertThat(sim.now()).isEqualTo(100);
    }

    @Test
    void stop_outsideARun_andRunUntilFromAHandler_areRejected() {
        Simulator sim = new Simulator(1);
        assertThatThrownBy(sim::stop).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no runUntil() is in progress");
        sim.schedule(5, () -> sim.runUntil(10));
        assertThatThrownBy(() -> sim.runUntil(10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside an event handler");
        // The failed run left the clock at the event's time and the simulator usable.
        assertThat(sim.now()).isEqualTo(5);
        sim.runUntil(10);
        assertThat(sim.now()).isEqualTo(10);
    }

    @Test
    void handlerException_propagates_andLeavesTheRemainingEventsPending() {
        Simulator sim = new Simulator(1);
        sim.schedule(5, () -> {
            throw new IllegalStateException("model bug");
        });
        sim.schedule(6, () -> { });
        assertThatThrownBy(() -> sim.runUntil(10)).isInstanceOf(IllegalStateException.class).hasMessage("model bug");
        assertThat(sim.now()).isEqualTo(5);
        assertThat(sim.pendingEvents()).isEqualTo(1);
        sim.runUntil(10);
        assertThat(sim.eventsFired()).isEqualTo(2);
    }

    @Test
    void schedule_nullHandlerOrAction_isRejected() {
        Simulator sim = new Simulator(1);
        assertThatThrownBy(() -> sim.schedule(1, (EventHandler) null, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> sim.schedule(1, (Runnable) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("action");
    }

    @Test
    void random_isTheRunsStreamsForItsSeed() {
        Simulator sim = new Simulator(42);
        assertThat(sim.random().seed()).isEqualTo(42);
        assertThat(sim.random().stream("arrivals/api").nextLong())
                .isEqualTo(new RandomStreams(42).stream("arrivals/api").nextLong());
    }
}
