package io.fleetsim.traffic;

import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.Simulator;
import io.fleetsim.scenario.model.LoadBalancerSpec;
import io.fleetsim.scenario.model.ServingSpec;
import java.util.function.Function;

/**
 * Runs one target under Poisson arrivals for several independent seeds and estimates the mean response time, the
 * mean wait and Little's law terms, with the standard error across seeds (independent replications, so the
 * replication means are i.i.d. and the usual standard error applies; Law, "Simulation Modeling and Analysis",
 * 5th ed., section 9.4.1). Each replication starts empty and discards its first 10% of simulated time.
 */
final class OracleRun {

    /** Mean and standard error of one measure across replications. */
    record Estimate(double mean, double standardError) {
        /** Asserts theory lies within mean +- 4 standard errors and within {@code relTol} of the mean. */
        void check(double theory, double relTol, String what) {
            double err = Math.abs(mean - theory);
            if (err > 4 * standardError || err > relTol * theory) {
                throw new AssertionError(String.format(
                        "%s: theory %.6g, simulated %.6g +- %.3g (1 SE); |error| %.3g = %.2f%% (limit %.1f%%) = %.1f SE (limit 4)",
                        what, theory, mean, standardError, err, 100 * err / theory, 100 * relTol,
                        err / standardError));
            }
        }
    }

    record Result(Estimate response, Estimate waiting, double maxLittleRelativeError, long completed) {
    }

    private OracleRun() {
    }

    /**
     * @param meanGap   mean Poisson inter-arrival time, ns
     * @param work      per-seed work distribution from the seed's "work" stream
     * @param requests  expected arrivals per replication
     */
    static Result run(String discipline, double vcpus, double meanGap, Function<RandomStream, WorkDistribution> work,
            int seeds, long requests) {
        double[] response = new double[seeds];
        double[] wait = new double[seeds];
        double maxLittle = 0;
        long completed = 0;
        long end = (long) (meanGap * requests);
        long warm = end / 10;
        for (int s = 0; s < seeds; s++) {
            Simulator sim = new Simulator(1000 + s);
            Recorder recorder = Recorder.sumsFrom(warm);
            Integrator integrator = new Integrator(sim, recorder, warm);
            ArrivalProcess poisson = TestArrivals.poisson(sim.random().stream("arrivals"), meanGap, end);
            ArrivalProcess counted = () -> {
                integrator.touch();
                return poisson.nextArrival();
            };
            ServiceTraffic traffic = new ServiceTraffic(sim, counted, work.apply(sim.random().stream("work")), null,
                    new ServingSpec(discipline, 0, 0), new LoadBalancerSpec("round_robin", 0, 0), integrator);
            integrator.traffic = traffic;
            traffic.addTarget(vcpus);
            traffic.start();
            sim.runUntil(end);
            integrator.touch();
            double span = end - warm;
            double timeAverageN = integrator.area / span;
            double meanT = recorder.sumResponse / recorder.count;
            double throughput = recorder.count / span;
            maxLittle = Math.max(maxLittle, Math.abs(timeAverageN - throughput * meanT) / timeAverageN);
            response[s] = meanT;
            wait[s] = recorder.sumWait / recorder.count;
            completed += recorder.count;
        }
        return new Result(estimate(response), estimate(wait), maxLittle, completed);
    }

    static Estimate estimate(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (values.length - 1));
        return new Estimate(mean, sd / Math.sqrt(values.length));
    }

    /**
     * Integrates the number of requests held by target 0 over [warm, now], exactly: the count only changes at an
     * arrival (observed when the arrival process is asked for the next one, right after routing) and at a
     * completion (observed by the listener, after the count went down).
     */
    private static final class Integrator implements RequestListener {
        private final Simulator sim;
        private final RequestListener delegate;
        private final long warm;
        ServiceTraffic traffic;
        double area;
        private long last;
        private int held;

        Integrator(Simulator sim, RequestListener delegate, long warm) {
            this.sim = sim;
            this.delegate = delegate;
            this.warm = warm;
        }

        void touch() {
            long now = sim.now();
            area += (double) held * (Math.max(now, warm) - Math.max(last, warm));
            last = now;
            held = traffic == null ? 0 : traffic.outstanding(0);
        }

        @Override
        public void completed(long arrivalNanos, long startNanos, long endNanos) {
            touch();
            delegate.completed(arrivalNanos, startNanos, endNanos);
        }

        @Override
        public void rejected(long nowNanos) {
            touch();
            delegate.rejected(nowNanos);
        }

        @Override
        public void dropped(long nowNanos) {
            touch();
            delegate.dropped(nowNanos);
        }
    }
}
