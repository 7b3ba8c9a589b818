package io.fleetsim.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The request server against closed-form queueing results (Kleinrock, "Queueing Systems, Vol. 1: Theory", 1975;
 * Gross, Shortle, Thompson and Harris, "Fundamentals of Queueing Theory", 4th ed., 2008). Each case runs 10
 * independent seeds; the theory value must lie within the simulation's mean +- 4 standard errors AND within a
 * relative bound, so that neither a wide interval nor a lucky seed can hide a bug. Every run also checks Little's
 * law, L = lambda W, with L measured as the exact time integral of the number of requests the target holds.
 *
 * <p>Units: mean work m = 1 ms = 10^6 ns at 1 vCPU, so a 1 vCPU worker serves at mu = 1 per ms.
 * Run lengths are chosen so that each case's relative standard error is well under its relative bound
 * (heavier traffic needs longer runs: the autocorrelation of waiting times grows like 1 / (1 - rho)^2).
 */
class QueueingOracleTest {

    private static final double MS = 1e6;
    private static final int SEEDS = 10;
    private static final double LITTLE_TOLERANCE = 0.01;

    /**
     * M/M/1 FCFS, one 1 vCPU target (one worker at speed 1): E[T] = 1 / (mu - lambda) = m / (1 - rho).
     * rho 0.5: 2 ms; rho 0.9: 10 ms.
     */
    @ParameterizedTest(name = "rho={0}")
    @CsvSource({"0.5, 40000, 0.02", "0.9, 100000, 0.05"})
    void mm1Fcfs_meanResponseIsOneOverMuMinusLambda(double rho, long requests, double relTol) {
        OracleRun.Result r = OracleRun.run("fcfs", 1.0, MS / rho, s -> TestWork.exponential(s, MS), SEEDS, requests);
        r.response().check(MS / (1 - rho), relTol, "M/M/1 FCFS E[T]");
        assertThat(r.maxLittleRelativeError()).isLessThan(LITTLE_TOLERANCE);
    }

    /**
     * FCFS with c = 0.5 vCPU: one worker at half speed, so M/M/1 with mu halved (mean service 2 ms).
     * lambda = rho / 2 per ms; E[T] = 1 / (mu' - lambda) = 2 ms / (1 - rho). rho 0.5: 4 ms; rho 0.8: 10 ms.
     */
    @ParameterizedTest(name = "rho={0}")
    @CsvSource({"0.5, 40000, 0.02", "0.8, 60000, 0.04"})
    void fcfsHalfVcpu_isMm1WithHalfTheServiceRate(double rho, long requests, double relTol) {
        double meanService = 2 * MS;
        OracleRun.Result r = OracleRun.run("fcfs", 0.5, meanService / rho, s -> TestWork.exponential(s, MS), SEEDS,
                requests);
        r.response().check(meanService / (1 - rho), relTol, "M/M/1 (c = 0.5) E[T]");
        assertThat(r.maxLittleRelativeError()).isLessThan(LITTLE_TOLERANCE);
    }

    /**
     * M/M/c FCFS: one target of c vCPU is c workers at speed 1. Mean wait from the Erlang C formula, with offered
     * load a = lambda / mu = rho c:
     * <pre>
     *   C(c, a) = (a^c / c!) / (1 - rho)  /  ( sum_{k=0}^{c-1} a^k / k!  +  (a^c / c!) / (1 - rho) )
     *   Wq      = C(c, a) / (c mu - lambda)
     * </pre>
     * E.g. c = 2, rho = 0.5: a = 1, C = (1/2)/(1/2) / (1 + 1 + 1) = 1/3, Wq = (1/3) / (2 - 1) = 0.3333 ms.
     */
    @ParameterizedTest(name = "c={0} rho={1}")
    @CsvSource({
        "2, 0.5, 60000, 0.04", "2, 0.8, 80000, 0.05", "2, 0.9, 120000, 0.06",
        "4, 0.5, 60000, 0.05", "4, 0.8, 80000, 0.05", "4, 0.9, 120000, 0.06",
        "8, 0.5, 60000, 0.08", "8, 0.8, 80000, 0.06", "8, 0.9, 120000, 0.06"})
    void mmcFcfs_meanWaitIsErlangC(int c, double rho, long requests, double relTol) {
        double lambda = rho * c / MS; // per ns
        OracleRun.Result r = OracleRun.run("fcfs", c, 1 / lambda, s -> TestWork.exponential(s, MS), SEEDS, requests);
        double wq = erlangC(c, rho * c) / (c / MS - lambda);
        r.waiting().check(wq, relTol, "M/M/" + c + " Wq");
        r.response().check(wq + MS, relTol, "M/M/" + c + " E[T]");
        assertThat(r.maxLittleRelativeError()).isLessThan(LITTLE_TOLERANCE);
    }

    /** Erlang C, the probability of waiting in M/M/c (formula in the comment above). */
    static double erlangC(int c, double a) {
        double rho = a / c;
        double term = 1; // a^k / k!
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        // term is now a^c / c!
        double top = term / (1 - rho);
        return top / (sum + top);
    }

    /** Erlang C against values worked by hand, so the oracle itself is checked. */
    @Test
    void erlangC_matchesHandWorkedValues() {
        // c = 1: C = rho (M/M/1 waits with probability rho)
        assertThat(erlangC(1, 0.7)).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
        // c = 2, a = 1: (1/2)/(1/2) = 1; C = 1 / (1 + 1 + 1) = 1/3
        assertThat(erlangC(2, 1.0)).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        // c = 2, a = 1.6 (rho 0.8): top = 1.28 / 0.2 = 6.4; sum = 1 + 1.6 = 2.6; C = 6.4 / 9 = 0.71111
        assertThat(erlangC(2, 1.6)).isCloseTo(6.4 / 9, org.assertj.core.data.Offset.offset(1e-12));
    }

    /**
     * M/D/1 FCFS (constant work m): Pollaczek-Khinchine mean wait Wq = rho / (2 mu (1 - rho)) = rho m / (2 (1 - rho)).
     * rho 0.5: 0.5 ms; rho 0.9: 4.5 ms.
     */
    @ParameterizedTest(name = "rho={0}")
    @CsvSource({"0.5, 40000, 0.03", "0.9, 100000, 0.05"})
    void md1Fcfs_meanWaitIsPollaczekKhinchine(double rho, long requests, double relTol) {
        OracleRun.Result r = OracleRun.run("fcfs", 1.0, MS / rho, s -> TestWork.constant((long) MS), SEEDS, requests);
        r.waiting().check(rho * MS / (2 * (1 - rho)), relTol, "M/D/1 Wq");
        assertThat(r.maxLittleRelativeError()).isLessThan(LITTLE_TOLERANCE);
    }

    /**
     * M/M/1-PS, one 1 vCPU target: the mean response time is insensitive to the discipline, 1 / (mu - lambda)
     * = m / (1 - rho), as for FCFS; PS never queues, so the wait (start - arrival) is exactly 0.
     */
    @ParameterizedTest(name = "rho={0}")
    @CsvSource({"0.5, 40000, 0.02", "0.9, 100000, 0.05"})
    void mm1Ps_meanResponseEqualsFcfs(double rho, long requests, double relTol) {
        OracleRun.Result r = OracleRun.run("ps", 1.0, MS / rho, s -> TestWork.exponential(s, MS), SEEDS, requests);
        r.response().check(MS / (1 - rho), relTol, "M/M/1-PS E[T]");
        assertThat(r.waiting().mean()).isZero();
        assertThat(r.maxLittleRelativeError()).isLessThan(LITTLE_TOLERANCE);
    }

    /**
     * M/G/1-PS conditional response time E[T | x] = x / (1 - rho) (Kleinrock vol. 2, section 4.4): with every
     * request of work x = 1 ms, E[T] = x / (1 - rho). rho 0.5: 2 ms; rho 0.8: 5 ms. Unlike FCFS (M/D/1 would give
     * 1.5 ms at rho 0.5), PS makes a job of size x wait in proportion to x.
     */
    @ParameterizedTest(name = "rho={0}")
    @CsvSource({"0.5, 40000, 0.02", "0.8, 60000, 0.03"})
    void md1Ps_responseIsWorkOverOneMinusRho(double rho, long requests, double relTol) {
        OracleRun.Result r = OracleRun.run("ps", 1.0, MS / rho, s -> TestWork.constant((long) MS), SEEDS, requests);
        r.response().check(MS / (1 - rho), relTol, "M/D/1-PS E[T | x]");
        assertThat(r.maxLittleRelativeError()).isLessThan(LITTLE_TOLERANCE);
    }

    /**
     * PS on a 0.5 vCPU task: one request at a time progresses at 0.5, so the CPU is a rate-0.5 PS server: M/M/1-PS
     * with mean service 2 ms, E[T] = 2 ms / (1 - rho). rho 0.6: 5 ms.
     */
    @Test
    void psHalfVcpu_isMm1PsWithHalfTheServiceRate() {
        double rho = 0.6;
        OracleRun.Result r = OracleRun.run("ps", 0.5, 2 * MS / rho, s -> TestWork.exponential(s, MS), SEEDS, 40000);
        r.response().check(2 * MS / (1 - rho), 0.03, "M/M/1-PS (c = 0.5) E[T]");
        assertThat(r.maxLittleRelativeError()).isLessThan(LITTLE_TOLERANCE);
    }
}
