package io.fleetsim.scaling;

import io.fleetsim.scenario.model.ServiceAutoScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.Metric;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.TargetTrackingSpec;
import java.util.List;

/** Drives a {@link ServiceAutoScaler} minute by minute in tests, feeding its own result back as the desired count. */
final class Minutes {

    static final long MINUTE = 60_000_000_000L;
    /** 300 s, the ECS default cooldown (platform-semantics.md section 5.5). */
    static final long COOLDOWN = 300_000_000_000L;
    static final Metric CPU = Metric.ECSServiceAverageCPUUtilization;
    static final Metric REQUESTS = Metric.ALBRequestCountPerTarget;

    final ServiceAutoScaler scaler;
    int desired;
    int minute;
    boolean deployment;

    Minutes(ServiceAutoScalingSpec spec, int initialDesired) {
        this.scaler = new ServiceAutoScaler(spec, initialDesired);
        this.desired = initialDesired;
    }

    /** The AWS defaults of section 5.5: 3 of 3 high, 15 of 15 low at 0.9 x target, 300 s cooldowns. */
    static TargetTrackingSpec tracking(Metric metric, double target) {
        return new TargetTrackingSpec(metric, target, COOLDOWN, COOLDOWN, false, 3, 15, 0.9);
    }

    static ServiceAutoScalingSpec spec(int min, int max, List<TargetTrackingSpec> tt, List<StepScalingSpec> steps) {
        return new ServiceAutoScalingSpec(min, max, tt, steps, List.of());
    }

    static StepScalingSpec step(Metric metric, double threshold, boolean above, int datapoints, String type,
                                StepSpec... steps) {
        return new StepScalingSpec(metric, threshold, above, datapoints, type, List.of(steps), COOLDOWN);
    }

    /** One minute with this CPU value (other metrics missing); returns the new desired count. */
    int cpu(double value) {
        return next(value, Double.NaN);
    }

    /** {@code n} minutes with this CPU value; returns the desired count after the last. */
    int cpu(double value, int n) {
        for (int i = 0; i < n; i++) {
            cpu(value);
        }
        return desired;
    }

    int next(double cpu, double requests) {
        double[] dp = new double[Metric.values().length];
        dp[CPU.ordinal()] = cpu;
        dp[Metric.ECSServiceAverageMemoryUtilization.ordinal()] = Double.NaN;
        dp[REQUESTS.ordinal()] = requests;
        minute++;
        desired = scaler.onMinute(minute * MINUTE, desired, dp, deployment);
        return desired;
    }
}
