package io.fleetsim.benchmarks;

import io.fleetsim.engine.Simulator;
import io.fleetsim.metrics.ServiceLatency;
import io.fleetsim.scenario.model.LoadBalancerSpec;
import io.fleetsim.scenario.model.ServingSpec;
import io.fleetsim.traffic.ArrivalProcess;
import io.fleetsim.traffic.ExponentialWork;
import io.fleetsim.traffic.PoissonArrivals;
import io.fleetsim.traffic.RequestListener;
import io.fleetsim.traffic.ServiceTraffic;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Simulated requests per second through {@link ServiceTraffic}: one service of {@code tasks} targets of 1 vCPU
 * each, FCFS, Poisson arrivals at utilization 0.6 and exponential CPU work of mean 1 ms, routed by
 * {@code algorithm}. One invocation runs the event loop until exactly {@value #REQUESTS} more requests have
 * arrived (the arrival process calls {@link Simulator#stop()} at the boundary), so the score, with
 * {@code @OperationsPerInvocation}, is simulated requests per second of wall time, and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is bytes allocated per request. Each request is one arrival event plus one
 * completion event, the arrival and work draws (the production {@link PoissonArrivals} and {@link ExponentialWork},
 * StrictMath.log's values), the routing decision and the listener call. {@code listener}: {@code sink} sums the
 * response times (the request path alone); {@code latency} is the production {@link ServiceLatency} (histograms,
 * per-minute counts) with its minute closed every simulated minute, as a run does.
 *
 * <p>The simulation is built and brought to steady state (10 simulated seconds, about 600,000 requests) in
 * {@link #setUp()} and then keeps running across invocations, so the measured loop never sees the empty start.
 *
 * <p>Build: {@code mvn -q -B -o -pl sim-core,benchmarks -am package -DskipTests}. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar Requests -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc}.
 * Measured figures: {@code benchmarks/README.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RequestsBenchmark {

    static final int REQUESTS = 10_000;
    private static final long MINUTE = 60_000_000_000L;
    private static final double MEAN_WORK_NANOS = 1e6;
    private static final double UTILIZATION = 0.6;

    @Param({"round_robin", "least_outstanding_requests"})
    public String algorithm;

    @Param({"100"})
    public int tasks;

    @Param({"sink", "latency"})
    public String listener;

    private Simulator sim;
    private ServiceTraffic traffic;
    private Sink sink;
    private ServiceLatency latency;
    private StoppingPoisson arrivals;

    @Setup
    public void setUp() {
        sim = new Simulator(42);
        // lambda = utilization x tasks x mu, mu = 1 / mean work at 1 vCPU
        double meanGap = MEAN_WORK_NANOS / (UTILIZATION * tasks);
        sink = new Sink();
        RequestListener outcomes;
        if ("sink".equals(listener)) {
            outcomes = sink;
        } else if ("latency".equals(listener)) {
            latency = new ServiceLatency("bench", 0, null);
            outcomes = latency;
            sim.schedule(MINUTE, this::closeMinute, 0L);
        } else {
            throw new IllegalArgumentException("listener must be sink or latency, got " + listener);
        }
        arrivals = new StoppingPoisson(sim, new PoissonArrivals(1e9 / meanGap, Long.MAX_VALUE,
                sim.random().stream("arrivals")));
        traffic = new ServiceTraffic(sim, arrivals,
                new ExponentialWork(MEAN_WORK_NANOS, sim.random().stream("work")), null,
                new ServingSpec("fcfs", 0, 0), new LoadBalancerSpec(algorithm, 300_000_000_000L, 0), outcomes);
        for (int i = 0; i < tasks; i++) {
            traffic.addTarget(1.0);
        }
        traffic.start();
        sim.runUntil(10_000_000_000L);
        arrivals.armed = true;
    }

    private void closeMinute(long now, long arg) {
        latency.closeMinute(now, 0.0, 0.0, tasks);
        sim.schedule(now + MINUTE, this::closeMinute, 0L);
    }

    /** Runs until {@value #REQUESTS} more arrivals; returns the completions so far (consumed by JMH). */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long requests() {
        sim.runUntil(Long.MAX_VALUE - 1);
        return sink.completed + traffic.completed() + traffic.rejected();
    }

    /** The production Poisson arrivals, stopping the run loop after every {@value #REQUESTS} arrivals. */
    private static final class StoppingPoisson implements ArrivalProcess {
        private final Simulator sim;
        private final ArrivalProcess poisson;
        private int count;
        /** False while {@link #setUp()} brings the run to steady state. */
        boolean armed;

        StoppingPoisson(Simulator sim, ArrivalProcess poisson) {
            this.sim = sim;
            this.poisson = poisson;
        }

        @Override
        public long nextArrival() {
            if (armed && ++count == REQUESTS) {
                count = 0;
                sim.stop();
            }
            return poisson.nextArrival();
        }
    }

    /** Sums response times, as a metrics listener would, so the work cannot be optimized away. */
    private static final class Sink implements RequestListener {
        long completed;
        long sumResponse;

        @Override
        public void completed(long arrivalNanos, long startNanos, long endNanos) {
            completed++;
            sumResponse += endNanos - arrivalNanos;
        }

        @Override
        public void rejected(long nowNanos) {
        }

        @Override
        public void dropped(long nowNanos) {
        }
    }
}
