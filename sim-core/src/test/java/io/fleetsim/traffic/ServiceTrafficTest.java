package io.fleetsim.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.engine.Simulator;
import io.fleetsim.scenario.model.LoadBalancerSpec;
import io.fleetsim.scenario.model.ServingSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked cases of {@link ServiceTraffic}: routing, limits, io latency, deregistration, kill, CPU accounting. */
class ServiceTrafficTest {

    private final Simulator sim = new Simulator(1);
    private final Recorder recorder = Recorder.keepAll();

    private ServiceTraffic traffic(String discipline, int maxConcurrency, int queueCapacity, String algorithm,
            long deregistrationDelay, WorkDistribution work, WorkDistribution io, long... arrivals) {
        return new ServiceTraffic(sim, TestArrivals.script(arrivals), work, io,
                new ServingSpec(discipline, maxConcurrency, queueCapacity),
                new LoadBalancerSpec(algorithm, deregistrationDelay, 0), recorder);
    }

    /** Runs to each arrival time in turn and notes which target's routed count went up. */
    private static List<Integer> routingOrder(Simulator sim, ServiceTraffic t, int targets, long... times) {
        List<Integer> order = new ArrayList<>();
        long[] before = new long[targets];
        for (long time : times) {
            sim.runUntil(time);
            for (int i = 0; i < targets; i++) {
                if (t.routed(i) != before[i]) {
                    order.add(i);
                    before[i] = t.routed(i);
                }
            }
        }
        return order;
    }

    private static long[] triple(long arrival, long start, long end) {
        return new long[] {arrival, start, end};
    }

    // Three targets, seven requests: round robin cycles in registration order 0, 1, 2, 0, 1, 2, 0.
    @Test
    void roundRobin_routesInRegistrationOrder() {
        ServiceTraffic t = traffic("fcfs", 0, 0, "round_robin", 0, TestWork.constant(1000),
                null, 10, 20, 30, 40, 50, 60, 70);
        t.addTarget(1);
        t.addTarget(1);
        t.addTarget(1);
        t.start();
        assertThat(routingOrder(sim, t, 3, 10, 20, 30, 40, 50, 60, 70)).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(t.arrivals()).isEqualTo(7);
    }

    // Round robin after target 1 leaves: requests went 0, 1; deregistering 1 (empty, work 1 ns has finished)
    // makes the rotation carry on with the target that followed it: 2, then 0, 2.
    @Test
    void roundRobin_afterRemovalContinuesWithTheNextTarget() {
        ServiceTraffic t = traffic("fcfs", 0, 0, "round_robin", 300, TestWork.constant(1), null,
                10, 20, 30, 40, 50);
        t.addTarget(1);
        t.addTarget(1);
        t.addTarget(1);
        t.start();
        long[] deregisteredUntil = new long[1];
        sim.schedule(25, () -> deregisteredUntil[0] = t.deregister(1));
        assertThat(routingOrder(sim, t, 3, 10, 20, 30, 40, 50)).containsExactly(0, 1, 2, 0, 2);
        assertThat(deregisteredUntil[0]).isEqualTo(25); // it held nothing: gone at once
        assertThat(t.healthyTargets()).isEqualTo(2);
    }

    // Least outstanding requests over three 1 vCPU targets, work scripted per request (5, 1000, 5, 1000 ...):
    //   t=10 all 0 -> start after "none" = target 0 (work 5, done at 15)
    //   t=20 [0,0,0] start after 0 -> 1 (work 1000)
    //   t=30 [0,1,0] start after 1 -> 2 (work 5, done at 35)
    //   t=40 [0,1,0] start after 2 -> 0 (idle; work 1000)
    //   t=50 [1,1,0] start after 0 -> 1 has 1, 2 has 0 -> 2 (work 1000)
    //   t=60 [1,1,1] tie, start after 2 -> 0 (work 1000)
    //   t=70 [2,1,1] start after 0 -> 1 (1), 2 (1, not fewer) -> 1
    // Round robin would give 0, 1, 2, 0, 1, 2, 0.
    @Test
    void leastOutstanding_picksTheEmptiestAndBreaksTiesInRotationAfterTheLastChosen() {
        ServiceTraffic t = traffic("fcfs", 0, 0, "least_outstanding_requests", 0,
                TestWork.script(5, 1000, 5, 1000, 1000, 1000, 1000), null, 10, 20, 30, 40, 50, 60, 70);
        t.addTarget(1);
        t.addTarget(1);
        t.addTarget(1);
        t.start();
        assertThat(routingOrder(sim, t, 3, 10, 20, 30, 40, 50, 60, 70)).containsExactly(0, 1, 2, 0, 2, 0, 1);
        assertThat(t.outstanding(0)).isEqualTo(2);
        assertThat(t.outstanding(1)).isEqualTo(2);
        assertThat(t.outstanding(2)).isEqualTo(1);
    }

    // FCFS, 1 worker, queue of 2, work 100 each, arrivals at 1..5: #1 runs 1-101, #2 waits and runs 101-201,
    // #3 runs 201-301, #4 and #5 find 2 waiting and are refused.
    @Test
    void fcfs_fullQueueRejects() {
        ServiceTraffic t = traffic("fcfs", 0, 2, "round_robin", 0, TestWork.constant(100), null, 1, 2, 3, 4, 5);
        t.addTarget(1);
        t.start();
        sim.runUntil(1000);
        assertThat(recorder.completions).containsExactly(triple(1, 1, 101), triple(2, 101, 201), triple(3, 201, 301));
        assertThat(recorder.rejections).containsExactly(4L, 5L);
        assertThat(t.rejected()).isEqualTo(2);
        assertThat(t.completed()).isEqualTo(3);
        assertThat(t.routed(0)).isEqualTo(5); // the ALB counted all five; the task refused two
    }

    // FCFS, 1 worker, maxConcurrency 2, work 10, io 50 (io holds the slot, not the CPU):
    //   #1 t=1: CPU 1-11, io 11-61
    //   #2 t=5: waits (held 2), CPU 11-21, io 21-71
    //   #3 t=20, #4 t=30: held 2 -> refused
    //   #5 t=62: #1 left at 61, held 1 -> CPU 62-72, io 72-122
    @Test
    void fcfs_maxConcurrencyCountsIoAndRejects() {
        ServiceTraffic t = traffic("fcfs", 2, 0, "round_robin", 0, TestWork.constant(10), TestWork.constant(50),
                1, 5, 20, 30, 62);
        t.addTarget(1);
        t.start();
        sim.runUntil(15);
        assertThat(t.outstanding(0)).isEqualTo(2);
        assertThat(t.cpuBusyNanos(0)).isEqualTo(14.0); // 1 worker busy from 1 to 15
        sim.runUntil(1000);
        assertThat(recorder.completions).containsExactly(triple(1, 1, 61), triple(5, 11, 71), triple(62, 62, 122));
        assertThat(recorder.rejections).containsExactly(20L, 30L);
        assertThat(t.cpuBusyNanos(0)).isEqualTo(30.0); // three requests of 10 ns CPU; io uses none
    }

    // PS on 1 vCPU, work 100 each, maxConcurrency 2:
    //   #1 t=1 alone at rate 1: by t=2 it has 1 ns of service (V = 1); tags: #1 100, #2 1 + 100 = 101
    //   from t=2 two share the CPU at 1/2 each: #1 needs 99 more -> 198 ns -> ends at 200 (V = 100)
    //   #2 alone again needs 1 more -> ends at 201. #3 at t=3 finds 2 held -> refused.
    // CPU busy: 1 vCPU from 1 to 201 = 200 ns.
    @Test
    void ps_sharesTheCpuExactlyAndMaxConcurrencyRejects() {
        ServiceTraffic t = traffic("ps", 2, 0, "round_robin", 0, TestWork.constant(100), null, 1, 2, 3);
        t.addTarget(1);
        t.start();
        sim.runUntil(1000);
        assertThat(recorder.completions).containsExactly(triple(1, 1, 200), triple(2, 2, 201));
        assertThat(recorder.rejections).containsExactly(3L);
        assertThat(t.cpuBusyNanos(0)).isEqualTo(200.0);
    }

    // PS on 2 vCPU with three requests of 300 at t=0 (script 0, 0, 0): each at min(1, 2/3) = 2/3 vCPU, all end
    // together at 300 / (2/3) = 450 ns. CPU: min(3, 2) = 2 vCPU x 450 = 900 ns = the 3 x 300 of work.
    @Test
    void ps_requestsShareCVcpusButNeverExceedOneEach() {
        ServiceTraffic t = traffic("ps", 0, 0, "round_robin", 0, TestWork.constant(300), null, 0, 0, 0);
        t.addTarget(2);
        t.start();
        sim.runUntil(10_000);
        assertThat(recorder.completions).containsExactly(triple(0, 0, 450), triple(0, 0, 450), triple(0, 0, 450));
        assertThat(t.cpuBusyNanos(0)).isCloseTo(900.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    // 0.5 vCPU FCFS task, one request of 10 ms of work at t=0: one worker at speed 0.5 takes 20 ms of wall time,
    // using 0.5 vCPU x 20 ms = 10 ms of vCPU time. Readable mid-request: at 5 ms, 2.5 ms. The same for PS.
    @Test
    void cpuBusyNanos_halfVcpuTaskUsesTheRequestsWorkOverTwiceTheWallTime() {
        for (String discipline : List.of("fcfs", "ps")) {
            Simulator s = new Simulator(1);
            Recorder r = Recorder.keepAll();
            ServiceTraffic t = new ServiceTraffic(s, TestArrivals.script(0), TestWork.constant(10_000_000), null,
                    new ServingSpec(discipline, 0, 0), new LoadBalancerSpec("round_robin", 0, 0), r);
            t.addTarget(0.5);
            t.start();
            s.runUntil(5_000_000);
            assertThat(t.cpuBusyNanos(0)).as(discipline).isEqualTo(2_500_000.0);
            s.runUntil(30_000_000);
            assertThat(r.completions).as(discipline).containsExactly(triple(0, 0, 20_000_000));
            assertThat(t.cpuBusyNanos(0)).as(discipline).isEqualTo(10_000_000.0);
        }
    }

    // Two 1 vCPU FCFS targets, deregistration delay 500 ns, work 400 each, round robin:
    //   #1 t=1 -> T0 CPU 1-401; #2 t=2 -> T1 2-402; #3 t=3 -> T0 waits, 401-801; #4 t=4 -> T1 402-802
    //   t=100 deregister T0 -> deadline 600. #5 t=200 and #6 t=300 -> T1 only: 802-1202, 1202-1602
    //   t=600: T0 still runs #3 -> dropped; T0 gone. t=900 deregister T1 -> deadline 1400
    //   #5 completes at 1202; t=1400: #6 dropped. #7 t=1500: no healthy target -> refused.
    // T0's CPU: busy 1 to 600 = 599 ns, frozen afterwards.
    @Test
    void deregister_letsInFlightFinishWithinTheDelayAndDropsTheRest() {
        ServiceTraffic t = traffic("fcfs", 0, 0, "round_robin", 500, TestWork.constant(400), null,
                1, 2, 3, 4, 200, 300, 1500);
        t.addTarget(1);
        t.addTarget(1);
        t.start();
        long[] deadlines = new long[2];
        sim.schedule(100, () -> deadlines[0] = t.deregister(0));
        sim.schedule(900, () -> deadlines[1] = t.deregister(1));
        sim.runUntil(550);
        assertThat(t.draining(0)).isTrue();
        assertThat(t.outstanding(0)).isEqualTo(1);
        sim.runUntil(5000);
        assertThat(deadlines).containsExactly(600, 1400);
        assertThat(recorder.completions).containsExactly(triple(1, 1, 401), triple(2, 2, 402),
                triple(4, 402, 802), triple(200, 802, 1202));
        assertThat(recorder.drops).containsExactly(600L, 1400L);
        assertThat(recorder.rejections).containsExactly(1500L);
        assertThat(t.routed(0)).isEqualTo(2);
        assertThat(t.routed(1)).isEqualTo(4);
        assertThat(t.healthyTargets()).isZero();
        assertThat(t.draining(0)).isFalse();
        assertThat(t.cpuBusyNanos(0)).isEqualTo(599.0);
        assertThat(t.dropped()).isEqualTo(2);
        assertThat(sim.pendingEvents()).isZero();
    }

    // A draining target whose last request finishes before the deadline is gone at that moment, and its
    // deadline event is cancelled: one target, delay 1000, work 100; #1 at 1 runs 1-101; deregister at 50
    // -> deadline 1050; gone at 101; nothing dropped, no event left.
    @Test
    void deregister_targetThatEmptiesEarlyIsRemovedAtOnce() {
        ServiceTraffic t = traffic("fcfs", 0, 0, "round_robin", 1000, TestWork.constant(100), null, 1);
        t.addTarget(1);
        t.start();
        sim.runUntil(50);
        assertThat(t.deregister(0)).isEqualTo(1050);
        assertThat(t.deregister(0)).isEqualTo(1050); // again: same deadline
        sim.runUntil(102);
        assertThat(t.draining(0)).isFalse();
        assertThat(sim.pendingEvents()).isZero();
        assertThat(t.dropped()).isZero();
        assertThat(t.deregister(0)).isEqualTo(102); // gone: now
    }

    // Kill with one request in CPU, two waiting, io configured: all three dropped at the kill time, their events
    // cancelled; later arrivals are refused (no healthy target). Work 100, io 10, arrivals 1, 2, 3, 60.
    @Test
    void kill_dropsEverythingNow() {
        ServiceTraffic t = traffic("fcfs", 0, 0, "round_robin", 300_000, TestWork.constant(100),
                TestWork.constant(10), 1, 2, 3, 60);
        t.addTarget(1);
        t.start();
        sim.runUntil(50);
        t.kill(0);
        assertThat(recorder.drops).containsExactly(50L, 50L, 50L);
        assertThat(t.outstanding(0)).isZero();
        assertThat(t.cpuBusyNanos(0)).isEqualTo(49.0);
        sim.runUntil(1000);
        assertThat(recorder.completions).isEmpty();
        assertThat(recorder.rejections).containsExactly(60L);
        assertThat(sim.pendingEvents()).isZero();
        t.kill(0); // already gone: nothing happens
        assertThat(t.dropped()).isEqualTo(3);
    }

    @Test
    void noHealthyTarget_rejectsEveryRequest() {
        ServiceTraffic t = traffic("ps", 0, 0, "least_outstanding_requests", 0, TestWork.constant(100), null,
                5, 6, 7);
        t.start();
        sim.runUntil(100);
        assertThat(recorder.rejections).containsExactly(5L, 6L, 7L);
        assertThat(t.arrivals()).isEqualTo(3);
        assertThat(t.rejected()).isEqualTo(3);
    }

    // Work drawn for every arrival, also refused ones: the 2nd request (refused, no target yet) consumes the
    // 2nd work value, so the 3rd request gets 30. Arrivals 1, 2 before the target exists at 5, then 10.
    @Test
    void workIsDrawnForEveryArrivalSoVariantsSeeTheSameRequests() {
        ServiceTraffic t = traffic("fcfs", 0, 0, "round_robin", 0, TestWork.script(10, 20, 30), null, 1, 2, 10);
        t.start();
        sim.schedule(5, () -> t.addTarget(1));
        sim.runUntil(100);
        assertThat(recorder.completions).containsExactly(triple(10, 10, 40));
    }

    @Test
    void badInput_failsWithAClearMessage() {
        assertThatThrownBy(() -> traffic("lifo", 0, 0, "round_robin", 0, TestWork.constant(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown serving discipline `lifo`")
                .hasMessageContaining("fcfs, ps");
        assertThatThrownBy(() -> traffic("ps", 0, 5, "round_robin", 0, TestWork.constant(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queueCapacity applies to");
        assertThatThrownBy(() -> traffic("fcfs", -1, 0, "round_robin", 0, TestWork.constant(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrency must be >= 0");
        assertThatThrownBy(() -> traffic("fcfs", 0, 0, "round_robin", -1, TestWork.constant(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deregistrationDelay");
        ServiceTraffic t = traffic("fcfs", 0, 0, "round_robin", 0, TestWork.constant(1), null);
        assertThatThrownBy(() -> t.addTarget(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> t.routed(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown target id 0: this service has no targets yet");
        t.addTarget(1);
        assertThatThrownBy(() -> t.kill(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target ids 0..0");
        t.start();
        assertThatThrownBy(t::start).isInstanceOf(IllegalStateException.class);
    }

    // Slot arrays start at 16 entries: 40 simultaneous requests force two doublings; FCFS on 1 vCPU with work 10
    // serves them back to back, the k-th (k from 0) ending at 10 (k + 1).
    @Test
    void manyRequestsAtOnce_growTheSlotArraysAndKeepFifoOrder() {
        long[] times = new long[40];
        for (String discipline : List.of("fcfs", "ps")) {
            Simulator s = new Simulator(1);
            Recorder r = Recorder.keepAll();
            ServiceTraffic t = new ServiceTraffic(s, TestArrivals.script(times), TestWork.constant(10), null,
                    new ServingSpec(discipline, 0, 0), new LoadBalancerSpec("round_robin", 0, 0), r);
            t.addTarget(1);
            t.start();
            s.runUntil(10_000);
            assertThat(r.completions).as(discipline).hasSize(40);
            if (discipline.equals("fcfs")) {
                for (int k = 0; k < 40; k++) {
                    assertThat(r.completions.get(k)).containsExactly(0, 10L * k, 10L * (k + 1));
                }
            } else {
                // PS: all 40 share the CPU and finish together at 40 x 10
                assertThat(r.completions).allSatisfy(c -> assertThat(c).containsExactly(0, 0, 400));
            }
        }
    }
}
