package io.fleetsim.scenario;

import static io.fleetsim.scenario.Load.assertProblem;
import static io.fleetsim.scenario.Load.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per kind of mistake in a service's {@code traffic} and {@code slo}: each asserts the exact path, line
 * and column (1-based; the comment above each test counts them) and a key phrase of the message.
 */
class TrafficErrorsTest {

    /** A valid scenario with traffic and an SLO; tests replace one line. Lines 1-21. */
    static final String BASE = """
            name: t
            duration: 7d
            region: us-east-1
            clusters:
              - name: prod
                capacityProviders: [{ name: fargate, type: FARGATE }]
            services:
              - name: api
                desiredCount: 2
                taskDefinition: { cpu: 512, memory: 1GiB, image: { repository: api, size: 250MiB } }
                traffic:
                  arrivals:
                    process: poisson
                    rate: 300/s
                  work:
                    distribution: lognormal
                    mean: 20ms
                    p99: 150ms
                slo:
                  latency: { p99: 250ms }
                  errorRate: 0.1%
            """;

    private static final String ARRIVALS = "services[0].traffic.arrivals.";
    private static final String PROFILE = ARRIVALS + "profile.";
    private static final String WORK = "services[0].traffic.work.";
    private static final String RATE_LINE = "        rate: 300/s";
    private static final String PROCESS_LINE = "        process: poisson";

    static String replace(String line, String with) {
        assertThat(BASE).contains(line);
        return BASE.replace(line, with);
    }

    /** Lines inserted after line 14 (the rate) start at line 15. */
    static String afterRate(String lines) {
        return replace(RATE_LINE, RATE_LINE + "\n" + lines);
    }

    /** Lines inserted after line 18 (the work's p99) start at line 19. */
    static String afterWork(String lines) {
        return replace("        p99: 150ms", "        p99: 150ms\n" + lines);
    }

    @Test
    void base_isValid() throws Exception {
        assertThat(Load.ok(BASE).variants().get(0).services().get(0).traffic()).isNotNull();
    }

    // ---- arrivals ----

    // "        rate: 0/s": 8 blanks + "rate: " (6) = 14, value at column 15.
    @Test
    void zeroRate_isRejected() {
        assertProblem(only(replace(RATE_LINE, "        rate: 0/s")), ARRIVALS + "rate", 14, 15,
                "`0/s`: a rate must be above 0");
    }

    @Test
    void rateWithoutTimeUnit_isRejected() {
        assertProblem(only(replace(RATE_LINE, "        rate: 300")), ARRIVALS + "rate", 14, 15,
                "`300` has no time unit; a rate is a number per second, minute, hour or day, e.g. `300/s`");
    }

    @Test
    void rateWithMisspelledUnit_suggestsTheUnit() {
        assertProblem(only(replace(RATE_LINE, "        rate: 300/sec")), ARRIVALS + "rate", 14, 15,
                "unknown rate unit `/sec` in `300/sec`; did you mean `/s`?");
    }

    // "        process: poison": 8 + "process: " (9) = 17, value at column 18.
    @Test
    void unknownProcess_suggestsTheNearMiss() {
        assertProblem(only(replace(PROCESS_LINE, "        process: poison")), ARRIVALS + "process", 13, 18,
                "unknown arrival process `poison`; did you mean `poisson`?");
    }

    // Process trace on line 13, trace on 14, the base's rate moves to line 15; reported at its key, column 9.
    @Test
    void traceWithRate_isRejectedAtTheRateKey(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.txt"), "0\n1\n");
        String yaml = replace(PROCESS_LINE, "        process: trace\n        trace: \"seconds:t.txt\"");
        assertProblem(only(yaml, dir), ARRIVALS + "rate", 15, 9, "`rate` does not apply to `process: trace`");
    }

    @Test
    void traceWithProfile_isRejectedAtTheProfileKey(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.txt"), "0\n1\n");
        String yaml = replace(PROCESS_LINE + "\n" + RATE_LINE, "        process: trace\n        trace: \"seconds:t.txt\""
                + "\n        profile: { weekly: [1, 1, 1, 1, 1, 1, 1] }");
        assertProblem(only(yaml, dir), ARRIVALS + "profile", 15, 9, "`profile` does not apply to `process: trace`");
    }

    // No `trace`: reported at the arrivals map, whose first key `process` is at line 13, column 9.
    @Test
    void traceProcessWithoutTrace_isMissingTheTrace() {
        String yaml = replace(PROCESS_LINE + "\n" + RATE_LINE, "        process: trace\n        scale: 2");
        assertProblem(only(yaml), ARRIVALS + "trace", 13, 9, "missing required key `trace` in "
                + "services[0].traffic.arrivals");
    }

    @Test
    void traceKeysOnPoisson_areRejected() {
        assertProblem(only(afterRate("        shift: 10m")), ARRIVALS + "shift", 15, 9,
                "`shift` applies only to `process: trace`; this process is poisson");
    }

    @Test
    void profileOnConstant_isRejected() {
        String yaml = replace(PROCESS_LINE, "        process: constant").replace(RATE_LINE,
                RATE_LINE + "\n        profile: { weekly: [1, 1, 1, 1, 1, 1, 1] }");
        assertProblem(only(yaml), ARRIVALS + "profile", 15, 9, "`profile` applies only to `process: poisson`");
    }

    // "        profile: {}": 8 + "profile: " (9) = 17, the map at column 18.
    @Test
    void emptyProfile_isRejected() {
        assertProblem(only(afterRate("        profile: {}")), ARRIVALS + "profile", 15, 18,
                "an empty profile changes nothing");
    }

    // "          daily: { peakToMean: 2.5, ...": 10 blanks, `daily` 11-15, `:` 16, `{` 18, `peakToMean` 20-29,
    // value at 32. Trough 2 - 2.5 = -0.5.
    @Test
    void peakToMeanAboveTwo_explainsTheNegativeTrough() {
        String yaml = afterRate("        profile:\n          daily: { peakToMean: 2.5, peakAt: \"14:00\" }");
        assertProblem(only(yaml), PROFILE + "daily.peakToMean", 16, 32, "peakToMean must be between 1 and 2, found "
                + "2.5: the daily shape 1 + (peakToMean - 1) x cos(2 pi (t - peakAt) / 1d) would go negative at the "
                + "trough (2 - peakToMean = -0.5)");
    }

    // "peakToMean: 2," value 32, `,` 33, `peakAt` 35-40, `:` 41, the quoted value at 43.
    @Test
    void peakAtNotATimeOfDay_isRejected() {
        String yaml = afterRate("        profile:\n          daily: { peakToMean: 2, peakAt: \"25:00\" }");
        assertProblem(only(yaml), PROFILE + "daily.peakAt", 16, 43,
                "expected a UTC time of day HH:MM from 00:00 to 23:59, e.g. \"14:00\", found `25:00`");
    }

    // "          weekly: [": `weekly` 11-16, `:` 17, `[` 19.
    @Test
    void weeklyWithSixDays_isRejected() {
        String yaml = afterRate("        profile:\n          weekly: [1, 1, 1, 1, 1, 1]");
        assertProblem(only(yaml), PROFILE + "weekly", 16, 19, "weekly needs exactly 7 multipliers, Monday first");
    }

    // Items at columns 20, 23, 26, 29: the fourth (index 3) is the 0.
    @Test
    void weeklyZeroMultiplier_isRejected() {
        String yaml = afterRate("        profile:\n          weekly: [1, 1, 1, 0, 1, 1, 1]");
        assertProblem(only(yaml), PROFILE + "weekly[3]", 16, 29, "a weekly multiplier must be above 0, found 0");
    }

    // "          bursts: [{ start: 1d, duration: 0s, ...": `[` 19, `{` 20, `start` 22, `1d` 29, `duration` 33-40,
    // value 43.
    @Test
    void burstOfZeroDuration_isRejected() {
        String yaml = afterRate("        profile:\n          bursts: [{ start: 1d, duration: 0s, multiplier: 2 }]");
        assertProblem(only(yaml), PROFILE + "bursts[0].duration", 16, 43, "a burst's duration must be longer than 0s");
    }

    // ... `5m` 43-44, `,` 45, `multiplier` 47-56, value 59.
    @Test
    void burstOfZeroMultiplier_isRejected() {
        String yaml = afterRate("        profile:\n          bursts: [{ start: 1d, duration: 5m, multiplier: 0 }]");
        assertProblem(only(yaml), PROFILE + "bursts[0].multiplier", 16, 59,
                "a burst's multiplier must be above 0, found 0");
    }

    // `start` value at 29.
    @Test
    void burstStartingBeforeZero_isRejected() {
        String yaml = afterRate("        profile:\n          bursts: [{ start: -1h, duration: 5m, multiplier: 2 }]");
        assertProblem(only(yaml), PROFILE + "bursts[0].start", 16, 29, "`-1h`: a duration must not be negative");
    }

    // "          steps: [{ at: 3d, rate: 500/s }, { at: 1d, ...": `[` 18, first `{` 19, ..., `}` 41, second `{` 44,
    // `at` 46, value 50.
    @Test
    void unsortedSteps_areRejectedAtTheLaterStep() {
        String yaml = afterRate("        profile:\n          steps: [{ at: 3d, rate: 500/s }, { at: 1d, rate: 400/s }]");
        assertProblem(only(yaml), PROFILE + "steps[1].at", 16, 50, "steps must be sorted by `at`, each later than the "
                + "one before: 1d is not after 3d (" + PROFILE + "steps[0])");
    }

    // `at` value 25-26, `,` 27, `rate` 29-32, value 35.
    @Test
    void stepOfZeroRate_isRejected() {
        String yaml = afterRate("        profile:\n          steps: [{ at: 3d, rate: 0/h }]");
        assertProblem(only(yaml), PROFILE + "steps[0].rate", 16, 35, "`0/h`: a rate must be above 0");
    }

    // "        scale: 0": value at column 16.
    @Test
    void traceScaleOfZero_isRejected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.txt"), "0\n1\n");
        String yaml = replace(PROCESS_LINE + "\n" + RATE_LINE, "        process: trace\n        trace: \"seconds:t.txt\""
                + "\n        scale: 0");
        assertProblem(only(yaml, dir), ARRIVALS + "scale", 15, 16, "`scale` must be above 0");
    }

    // ---- traces ----

    /** Process trace on line 13, the given trace on line 14: "        trace: " is 15 characters, value at 16. */
    private static String trace(String value) {
        return replace(PROCESS_LINE + "\n" + RATE_LINE, "        process: trace\n        trace: " + value);
    }

    @Test
    void unknownTraceFormat_suggestsTheNearMiss() {
        assertProblem(only(trace("\"second:t.txt\"")), ARRIVALS + "trace", 14, 16,
                "unknown trace format `second`; did you mean `seconds`? expected one of: azure-llm, seconds");
    }

    @Test
    void traceWithoutFormat_asksForFormatColonPath() {
        assertProblem(only(trace("t.txt")), ARRIVALS + "trace", 14, 16,
                "expected `format:path`, e.g. `azure-llm:traces/azure.csv`, found `t.txt`; formats: azure-llm, seconds");
    }

    @Test
    void missingTraceFile_namesTheResolvedPath(@TempDir Path dir) {
        assertProblem(only(trace("seconds:traces/none.txt"), dir), ARRIVALS + "trace", 14, 16,
                "trace file `traces/none.txt` does not exist (resolved to `" + dir.resolve("traces/none.txt")
                        + "`); relative paths are resolved against the scenario file's folder");
    }

    // The fake format reads decimal seconds; line 3 of the trace is "soon".
    @Test
    void unparsableTrace_quotesTheTraceFileAndItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.txt"), "0\n0.5\nsoon\n");
        assertProblem(only(trace("seconds:t.txt"), dir), ARRIVALS + "trace", 14, 16,
                "trace file `t.txt` line 3: expected seconds as a decimal number, found `soon`");
    }

    // ---- distributions ----

    // "        p99: 15ms": 8 + "p99: " (5) = 13, value at 14.
    @Test
    void lognormalP99NotAboveMean_isRejected() {
        assertProblem(only(replace("        p99: 150ms", "        p99: 15ms")), WORK + "p99", 18, 14,
                "a lognormal's p99 must be above its mean: p99 15ms is not above mean 20ms");
    }

    // ln(400 / 20) = ln 20 = 2.996 > z^2 / 2 = 2.70595; exp(2.70595) = 14.9685, so the largest p99 for 20ms is
    // 20ms x 14.9685 = 299.3698 ms, shown rounded down to 4 digits: 299.3ms.
    @Test
    void infeasibleLognormal_saysTheLargestP99() {
        assertProblem(only(replace("        p99: 150ms", "        p99: 400ms")), WORK + "p99", 18, 14,
                "no lognormal distribution has mean 20ms and p99 400ms: ln(p99 / mean) is at most z^2 / 2 "
                        + "(z = 2.3263478740408408, the normal 99th percentile), so p99 is at most 14.97 x mean; the "
                        + "largest p99 for mean 20ms is 299.3ms");
    }

    // "        distribution: lognormla": 8 + 14 = 22, value at 23.
    @Test
    void unknownDistribution_suggestsTheNearMiss() {
        assertProblem(only(replace("        distribution: lognormal", "        distribution: lognormla")),
                WORK + "distribution", 16, 23, "unknown distribution `lognormla`; did you mean `lognormal`?");
    }

    @Test
    void keyOfAnotherDistribution_saysWhichItBelongsTo() {
        assertProblem(only(afterWork("        shape: 2")), WORK + "shape", 19, 9,
                "`shape` does not apply to distribution lognormal (it takes mean, p99); `shape` is for gamma, weibull");
    }

    // "        shape: 0": 8 + 7 = 15, value at 16.
    @Test
    void gammaShapeOfZero_isRejected() {
        String yaml = replace("        distribution: lognormal", "        distribution: gamma")
                .replace("        p99: 150ms", "        shape: 0");
        assertProblem(only(yaml), WORK + "shape", 18, 16, "`shape` must be above 0, found 0");
    }

    @Test
    void weibullShapeNegative_isRejected() {
        String yaml = replace("        distribution: lognormal", "        distribution: weibull")
                .replace("        p99: 150ms", "        shape: -1.5");
        assertProblem(only(yaml), WORK + "shape", 18, 16, "`shape` must be above 0, found -1.5");
    }

    /** The work written on one line, line 15: "      work: { distribution: ..." */
    private static String work(String inner) {
        return replace("      work:\n        distribution: lognormal\n        mean: 20ms\n        p99: 150ms",
                "      work: { " + inner + " }");
    }

    // `{` 13, `distribution` 15-26, `constant` 29-36, `value` 39-43, value at 46.
    @Test
    void negativeConstant_isRejected() {
        assertProblem(only(work("distribution: constant, value: -1ms")), WORK + "value", 15, 46,
                "`-1ms`: a duration must not be negative");
    }

    // `empirical` 29-37, `samples` 40-46, value at 49. Line 2 of the samples file is a bare number.
    @Test
    void samplesWithoutUnit_quoteTheSamplesFileAndItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.txt"), "10ms\n12\n");
        assertProblem(only(work("distribution: empirical, samples: s.txt"), dir), WORK + "samples", 15, 49,
                "samples file `s.txt` line 2: expected one duration with its unit per line (e.g. `12ms`): `12` has "
                        + "no unit");
    }

    @Test
    void missingSamplesFile_isRejected(@TempDir Path dir) {
        assertProblem(only(work("distribution: empirical, samples: s.txt"), dir), WORK + "samples", 15, 49,
                "samples file `s.txt` does not exist");
    }

    // ---- serving and load balancer (line 19) ----

    // "      serving: { discipline: fifo }": `serving` 7-13, `{` 16, `discipline` 18-27, value at 30.
    @Test
    void unknownDiscipline_listsTheKnownOnes() {
        assertProblem(only(afterWork("      serving: { discipline: fifo }")), "services[0].traffic.serving.discipline",
                19, 30, "unknown serving discipline `fifo`");
    }

    // `maxConcurrency` 18-31, value at 34.
    @Test
    void negativeMaxConcurrency_isRejected() {
        assertProblem(only(afterWork("      serving: { maxConcurrency: -1 }")),
                "services[0].traffic.serving.maxConcurrency", 19, 34, "must be at least 0, found -1");
    }

    // `ps` 30-31, `queueCapacity` 34-46, value at 49.
    @Test
    void queueCapacityUnderProcessorSharing_isRejected() {
        assertProblem(only(afterWork("      serving: { discipline: ps, queueCapacity: 10 }")),
                "services[0].traffic.serving.queueCapacity", 19, 49, "queueCapacity applies only to `discipline: fcfs`");
    }

    // "      loadBalancer: { algorithm: round-robin }": `loadBalancer` 7-18, `{` 21, `algorithm` 23-31, value at 34.
    @Test
    void unknownAlgorithm_suggestsTheNearMiss() {
        assertProblem(only(afterWork("      loadBalancer: { algorithm: round-robin }")),
                "services[0].traffic.loadBalancer.algorithm", 19, 34,
                "unknown load balancing algorithm `round-robin`; did you mean `round_robin`?");
    }

    // `deregistrationDelay` 23-41, value at 44. ALB allows 0-3600 s.
    @Test
    void deregistrationDelayAboveAnHour_isRejected() {
        assertProblem(only(afterWork("      loadBalancer: { deregistrationDelay: 3601s }")),
                "services[0].traffic.loadBalancer.deregistrationDelay", 19, 44,
                "deregistrationDelay must be at most 1h (ALB deregistration_delay.timeout_seconds), found 3601s");
    }

    // `healthCheckGracePeriod` 23-44, value at 47.
    @Test
    void gracePeriodNotWholeSeconds_isRejected() {
        assertProblem(only(afterWork("      loadBalancer: { healthCheckGracePeriod: 1500ms }")),
                "services[0].traffic.loadBalancer.healthCheckGracePeriod", 19, 47,
                "healthCheckGracePeriod must be a whole number of seconds (ECS healthCheckGracePeriodSeconds is in "
                        + "seconds), found 1500ms");
    }

    // ---- slo (lines 19-21) ----

    private static final String LATENCY_LINE = "      latency: { p99: 250ms }";

    // "      latency: { P99: 250ms }": `latency` 7-13, `{` 16, key at 18. P99 is one edit from p99 only.
    @Test
    void unknownPercentile_suggestsTheNearMiss() {
        assertProblem(only(replace(LATENCY_LINE, "      latency: { P99: 250ms }")), "services[0].slo.latency.P99", 20,
                18, "unknown key `P99` in services[0].slo.latency; did you mean `p99`? known keys: p50, p90, p95, p99, "
                        + "p99.9");
    }

    // `p99` 18-20, `250ms` 23-27, `,` 28, `p95` at 30.
    @Test
    void twoPercentiles_areRejectedAtTheSecond() {
        assertProblem(only(replace(LATENCY_LINE, "      latency: { p99: 250ms, p95: 100ms }")),
                "services[0].slo.latency.p95", 20, 30, "an SLO bounds one latency percentile; found `p99` and `p95`");
    }

    // value at 23.
    @Test
    void zeroLatencyBound_isRejected() {
        assertProblem(only(replace(LATENCY_LINE, "      latency: { p99: 0s }")), "services[0].slo.latency.p99", 20,
                23, "a latency bound must be longer than 0s");
    }

    // "      errorRate: 150%": value at 18.
    @Test
    void errorRateAboveOne_isRejected() {
        assertProblem(only(replace("      errorRate: 0.1%", "      errorRate: 150%")), "services[0].slo.errorRate",
                21, 18, "`150%` is above 100%");
    }

    // "    slo: {}": the map at column 10.
    @Test
    void emptySlo_needsLatencyOrErrorRate() {
        String yaml = replace("    slo:\n" + LATENCY_LINE + "\n      errorRate: 0.1%\n", "    slo: {}\n");
        assertProblem(only(yaml), "services[0].slo", 19, 10, "an SLO needs `latency`, `errorRate` or both");
    }

    // ---- variants ----

    // Lines 22-25: "variants:", "  - name: base", "  - name: slow", "    set: { services.api.traffic.arrivals.rate:
    // 0/s }": `{` 10, key (34 characters) 12-45, `:` 46, value at 48. Only variant slow has the problem, so it carries the prefix.
    @Test
    void variantOverridingTheRateBadly_isReportedAtTheOverride() {
        String yaml = BASE + "variants:\n  - name: base\n  - name: slow\n"
                + "    set: { services.api.traffic.arrivals.rate: 0/s }\n";
        assertProblem(only(yaml), ARRIVALS + "rate", 25, 48, "variant slow: `0/s`: a rate must be above 0");
    }
}
