package io.fleetsim.reports;

import io.fleetsim.billing.CostLine;
import io.fleetsim.billing.CostReport;
import io.fleetsim.billing.UsageRecord;
import io.fleetsim.billing.UsageType;
import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.LatencySummary;
import io.fleetsim.metrics.MinuteSample;
import io.fleetsim.metrics.ResourceInfo;
import io.fleetsim.metrics.RunSummary;
import io.fleetsim.metrics.ServiceLatency;
import io.fleetsim.metrics.ServiceMinute;
import io.fleetsim.metrics.ServiceTrafficResult;
import io.fleetsim.metrics.WorkloadSummary;
import io.fleetsim.scenario.model.SloSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built experiment: scenario {@code quick}, 3 simulated minutes, variants {@code fargate} and {@code ec2}
 * running 100 tasks of 1 vCPU / 2 GB for service {@code api}.
 *
 * <pre>
 * projection factor = 30 d / 3 min = 2,592,000 s / 180 s = 14400
 *
 * fargate  vCPU    100 tasks x 1024 units x 180 s = 18,432,000 unit-s = 5 vCPU-h   x 0.04048  = 0.2024
 *          memory  100 tasks x 2048 MiB  x 180 s = 36,864,000 MiB-s  = 10 GB-h    x 0.004445 = 0.04445
 *          ECR     0.00001695421 GB-months x 0.10                                         = 0.000001695421
 *          total   0.246851695421          -> $0.25;  x 14400 = 3554.6644140624 -> $3,554.66
 * ec2      m6i.xlarge on-demand  20 x 180 s = 3600 s = 1 h    x 0.192  = 0.192
 *          m6i.xlarge spot        5 x 180 s =  900 s = 0.25 h x 0.0576 = 0.0144
 *          ECR as above                                               = 0.000001695421
 *          total   0.206401695421          -> $0.21;  x 14400 = 2972.1844140624 -> $2,972.18
 * </pre>
 *
 * <p>{@link #withTraffic()}: the same two variants with request traffic, warm-up 60 s (so 120 s measured), SLO
 * p99 <= 250 ms and errors <= 0.1% on {@code api}; {@code web} has traffic only on fargate and no SLO. Latency
 * figures are hand-picked (the summaries are not recomputed from the minutes); counts agree with each other:
 * <pre>
 * fargate api  minutes (arrivals/completed/errors): 0/0/0, 500/500/0, 500/490/10 (minute 3 violates the SLO)
 *              summary arrivals 1000, completed 990, rejected 8, dropped 2; throughput 990 / 120 s = 8.25/s
 *              error rate 10 / 1000 = 1%; SLO minutes 2, violations 1 -> attainment 50%
 * fargate web  minutes 0/0/0, 5/5/0, 5/5/0; summary 10 completed, throughput 10 / 120 s = 0.0833/s
 *              (cost per million counts both services: 0.246851695421 x 10^6 / (990 + 10) = 246.851695421)
 * ec2     api  minutes 0/0/0, 500/500/0, 500/500/0; summary 1000 completed, throughput 1000 / 120 s = 8.333/s
 *              cost per million 0.206401695421 x 10^6 / 1000 = 206.401695421
 * </pre>
 * Each interval log is a real HdrHistogram log recorded by {@link ServiceLatency} with the minute's completions
 * at 10 ms each.
 */
final class Fixtures {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final long THREE_MINUTES = 180_000_000_000L;
    static final String PROVENANCE = "us-east-1, prices 2026-07-20 (test catalog)";
    static final String SERVICE_ARN = "arn:aws:ecs:us-east-1:123456789012:service/prod/api";

    private Fixtures() {
    }

    static ExperimentResult twoVariants() {
        return new ExperimentResult("quick", "scenarios/quick.yaml", List.of(fargate("fargate"), ec2("ec2")));
    }

    static RunResult fargate(String variant) {
        List<CostLine> lines = List.of(
                line(UsageType.FARGATE_VCPU, "x86_64/on-demand", "service:api", 18_432_000, 100,
                        "vCPU-hours", "5", "0.04048", "0.2024"),
                line(UsageType.FARGATE_MEMORY, "x86_64/on-demand", "service:api", 36_864_000, 100,
                        "GB-hours", "10", "0.004445", "0.04445"),
                ecrLine());
        RunSummary summary = new RunSummary(5.0, 0.0, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 1234,
                List.of(new WorkloadSummary("service:api", SERVICE_ARN, "fargate", 100, 100, 0, 100, 0, 0,
                        18000.0, 2400.5, 0.0)));
        List<MinuteSample> minutes = List.of(
                minute(1, 40, 20, 40, 0, 0, 0, 0, 0, 0, 0, 100, "0.08"),
                minute(2, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 100, "0.16"),
                minute(3, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 100, "0.246851695421"));
        return run(variant, lines, "0.246851695421", summary, minutes);
    }

    static RunResult ec2(String variant) {
        List<CostLine> lines = List.of(
                line(UsageType.EC2_INSTANCE_SECONDS, "m6i.xlarge/on-demand", "capacity-provider:prod/m6i", 3600, 20,
                        "instance-hours", "1", "0.192", "0.192"),
                line(UsageType.EC2_INSTANCE_SECONDS, "m6i.xlarge/spot", "capacity-provider:prod/m6i-spot", 900, 5,
                        "instance-hours", "0.25", "0.0576", "0.0144"),
                ecrLine());
        RunSummary summary = new RunSummary(4.5, 1.25, 95.5, 48.896, 25, 2, 1, 30, 0, 0, 0, 0, 2345,
                List.of(new WorkloadSummary("service:api", SERVICE_ARN, "m6i,m6i-spot", 100, 100, 0, 98, 2, 1,
                        16200.0, 3000.25, 1800.0)));
        // cpu: 20 or 25 m6i.xlarge x 4096 units; memory: 16,000 MiB registered per instance (assumed)
        List<MinuteSample> minutes = List.of(
                minute(1, 30, 10, 60, 0, 30, 20, 81_920, 71_680, 320_000, 143_360, 0, "0.06"),
                minute(2, 0, 0, 100, 0, 0, 25, 102_400, 102_400, 400_000, 204_800, 0, "0.13"),
                minute(3, 1, 1, 98, 0, 1, 25, 102_400, 101_376, 400_000, 202_752, 0, "0.206401695421"));
        return run(variant, lines, "0.206401695421", summary, minutes);
    }

    static final SloSpec API_SLO = new SloSpec(99.0, 250_000_000L, 0.001);

    static ExperimentResult withTraffic() {
        RunResult f = fargate("fargate");
        RunResult e = ec2("ec2");
        ServiceTrafficResult fargateApi = new ServiceTrafficResult("api",
                new LatencySummary("api", 1000, 990, 8, 2, 8.25, 12_500_000.5, 10_002_431, 20_004_863, 250_085_375,
                        500_170_751, 1_000_341_503, 0, 5_001_215, 250_000.0, API_SLO, 2, 1),
                List.of(new ServiceMinute(60_000_000_000L, 0, 0, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, 0, false),
                        new ServiceMinute(120_000_000_000L, 500, 500, 0, 10_002_431, 20_004_863, 100_007_935,
                                250_085_375, 250_085_375, 50.25, 5.0, 100, false),
                        new ServiceMinute(180_000_000_000L, 500, 490, 10, 10_002_431, 20_004_863, 300_023_807,
                                500_170_751, 1_000_341_503, 62.125, 4.9, 98, true)),
                intervalLog("api", 0, 500, 490));
        ServiceTrafficResult fargateWeb = new ServiceTrafficResult("web",
                new LatencySummary("web", 10, 10, 0, 0, 10 / 120.0, 2_000_384.0, 2_000_895, 2_000_895, 2_000_895,
                        2_000_895, 2_000_895, 0, 0, 0.0, null, 0, 0),
                List.of(new ServiceMinute(60_000_000_000L, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0.0, 2, false),
                        new ServiceMinute(120_000_000_000L, 5, 5, 0, 2_000_895, 2_000_895, 2_000_895, 2_000_895,
                                2_000_895, 1.5, 2.5, 2, false),
                        new ServiceMinute(180_000_000_000L, 5, 5, 0, 2_000_895, 2_000_895, 2_000_895, 2_000_895,
                                2_000_895, 1.5, 2.5, 2, false)),
                intervalLog("web", 0, 5, 5));
        ServiceTrafficResult ec2Api = new ServiceTrafficResult("api",
                new LatencySummary("api", 1000, 1000, 0, 0, 1000 / 120.0, 8_000_000.0, 8_000_511, 9_998_335,
                        15_007_743, 20_004_863, 20_004_863, 0, 1_000_447, 50_000.0, API_SLO, 2, 0),
                List.of(new ServiceMinute(60_000_000_000L, 0, 0, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, 0, false),
                        new ServiceMinute(120_000_000_000L, 500, 500, 0, 8_000_511, 9_998_335, 15_007_743,
                                20_004_863, 20_004_863, 70.0, 20.0, 25, false),
                        new ServiceMinute(180_000_000_000L, 500, 500, 0, 8_000_511, 9_998_335, 15_007_743,
                                20_004_863, 20_004_863, 71.0, 20.0, 25, false)),
                intervalLog("api", 0, 500, 500));
        return new ExperimentResult("quick", "scenarios/quick.yaml",
                List.of(withTraffic(f, List.of(fargateApi, fargateWeb)), withTraffic(e, List.of(ec2Api))));
    }

    static RunResult withTraffic(RunResult r, List<ServiceTrafficResult> traffic) {
        return new RunResult(r.scenarioName(), r.variant(), r.seed(), r.fleetsimVersion(), r.catalogProvenance(),
                r.start(), r.durationNanos(), r.usage(), r.cost(), r.projectionFactor(), r.summary(), r.minutes(),
                r.resources(), traffic, List.of());
    }

    /** A real interval log: per minute, that many completions of 10 ms each. */
    static String intervalLog(String service, int... completionsPerMinute) {
        ServiceLatency latency = new ServiceLatency(service, 60_000_000_000L, null);
        for (int minute = 0; minute < completionsPerMinute.length; minute++) {
            long start = minute * 60_000_000_000L;
            for (int i = 0; i < completionsPerMinute[minute]; i++) {
                latency.completed(start, start, start + 10_000_000L);
            }
            latency.closeMinute(start + 60_000_000_000L, 0.0, 0.0, 0);
        }
        return latency.intervalLog();
    }

    static RunResult run(String variant, List<CostLine> lines, String total, RunSummary summary,
            List<MinuteSample> minutes) {
        List<UsageRecord> usage = new ArrayList<>();
        for (CostLine line : lines) {
            usage.add(line.usage());
        }
        List<ResourceInfo> resources = List.of(
                new ResourceInfo("cluster", "prod", "arn:aws:ecs:us-east-1:123456789012:cluster/prod", "ECS cluster"),
                new ResourceInfo("service", "api", SERVICE_ARN, "REPLICA, desired 100"));
        return new RunResult("quick", variant, 42, "0.1.0", PROVENANCE, START, THREE_MINUTES, usage,
                new CostReport(lines, new BigDecimal(total)), new BigDecimal("14400"), summary, minutes, resources, List.of(),
                List.of());
    }

    static CostLine ecrLine() {
        return line(UsageType.ECR_STORAGE, "api", "ecr", 47_185_920_000L, 1, "GB-months", "0.00001695421", "0.10",
                "0.000001695421");
    }

    static CostLine line(UsageType type, String key, String owner, long quantity, long resources, String unit,
            String amount, String unitPrice, String cost) {
        return new CostLine(new UsageRecord(type, key, owner, quantity, resources), unit, new BigDecimal(amount),
                new BigDecimal(unitPrice), new BigDecimal(cost));
    }

    static MinuteSample minute(int minute, int provisioning, int pending, int running, int stopping, int unplaced,
            int instances, long cpuRegistered, long cpuReserved, long memoryRegistered, long memoryReserved,
            int fargateTasks, String accrued) {
        return new MinuteSample(minute * 60_000_000_000L, provisioning, pending, running, stopping, unplaced,
                instances, cpuRegistered, cpuReserved, memoryRegistered, memoryReserved, fargateTasks,
                new BigDecimal(accrued));
    }
}
