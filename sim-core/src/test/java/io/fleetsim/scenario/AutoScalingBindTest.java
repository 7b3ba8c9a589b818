package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.Metric;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.ScheduledActionSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepScalingSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.StepSpec;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.TargetTrackingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding of a service's {@code autoscaling} into exact model records, defaults and variant overrides. */
class AutoScalingBindTest {

    /** A valid service with traffic; tests append its {@code autoscaling} lines (4 spaces in). */
    static final String SERVICE = """
            name: t
            duration: 7d
            region: us-east-1
            clusters:
              - name: prod
                capacityProviders: [{ name: fargate, type: FARGATE }]
            services:
              - name: web
                desiredCount: 6
                taskDefinition: { cpu: 512, memory: 1GiB, image: { repository: web, size: 250MiB } }
                traffic:
                  arrivals: { process: poisson, rate: 300/s }
                  work: { distribution: constant, value: 20ms }
            """;

    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3600 * SECOND;

    private static ServiceAutoScalingSpec scaling(String yaml) throws ScenarioException {
        return Load.ok(yaml).variants().get(0).services().get(0).autoScaling();
    }

    // Defaults (platform-semantics.md 5.5): cooldowns 300 s = 300e9 ns, alarms 3 / 15 datapoints, ratio 0.9.
    // Second target-tracking policy: scaleInCooldown 60s = 60e9 ns, alarms 2 / 10 datapoints, 80% = 0.8.
    // Step policy 1: bands as written, [0, 10) +1 and [10, +inf) +3, cooldown default 300e9.
    // Step policy 2 (below 30): written high band first; sorted by lower bound (open first):
    // [-inf, -10) -25 %, then [-10, 0) -10 %; cooldown 10m = 600e9 ns.
    // Scheduled, from start 2024-01-01T00:00:00Z (a Monday): business-hours first fires 08:00 = 8 h; night
    // 20:00 = 20 h. business-hours leaves max unchanged (-1).
    @Test
    void fullSection_bindsToExactRecords_withDefaultsFilled() throws Exception {
        ServiceAutoScalingSpec s = scaling(SERVICE + """
                    autoscaling:
                      minCapacity: 2
                      maxCapacity: 60
                      targetTracking:
                        - metric: ECSServiceAverageCPUUtilization
                          target: 60
                        - metric: ALBRequestCountPerTarget
                          target: 1000.5
                          scaleOutCooldown: 0s
                          scaleInCooldown: 1m
                          disableScaleIn: true
                          alarms: { highDatapoints: 2, lowDatapoints: 10, lowThresholdRatio: 80% }
                      stepScaling:
                        - metric: ECSServiceAverageCPUUtilization
                          alarm: { threshold: 85, comparison: above, datapoints: 2 }
                          adjustmentType: ChangeInCapacity
                          steps:
                            - { lower: 0, upper: 10, adjustment: 1 }
                            - { lower: 10, adjustment: 3 }
                        - metric: ECSServiceAverageCPUUtilization
                          alarm: { threshold: 30, comparison: below, datapoints: 15 }
                          adjustmentType: PercentChangeInCapacity
                          steps:
                            - { lower: -10, upper: 0, adjustment: -10 }
                            - { upper: -10, adjustment: -25 }
                          cooldown: 10m
                      scheduled:
                        - { name: business-hours, schedule: "cron(0 8 ? * MON-FRI *)", minCapacity: 10 }
                        - { name: night, schedule: "cron(0 20 * * ? *)", minCapacity: 2, maxCapacity: 20 }
                """);
        assertThat(s.minCapacity()).isEqualTo(2);
        assertThat(s.maxCapacity()).isEqualTo(60);
        assertThat(s.targetTracking()).containsExactly(
                new TargetTrackingSpec(Metric.ECSServiceAverageCPUUtilization, 60.0, 300 * SECOND, 300 * SECOND,
                        false, 3, 15, 0.9),
                new TargetTrackingSpec(Metric.ALBRequestCountPerTarget, 1000.5, 0, 60 * SECOND, true, 2, 10, 0.8));
        assertThat(s.stepScaling()).containsExactly(
                new StepScalingSpec(Metric.ECSServiceAverageCPUUtilization, 85.0, true, 2, "ChangeInCapacity",
                        List.of(new StepSpec(0, 10, 1), new StepSpec(10, Double.NaN, 3)), 300 * SECOND),
                new StepScalingSpec(Metric.ECSServiceAverageCPUUtilization, 30.0, false, 15,
                        "PercentChangeInCapacity",
                        List.of(new StepSpec(Double.NaN, -10, -25), new StepSpec(-10, 0, -10)), 600 * SECOND));
        assertThat(s.scheduled()).hasSize(2);
        ScheduledActionSpec day = s.scheduled().get(0);
        assertThat(day.name()).isEqualTo("business-hours");
        assertThat(day.schedule().expression()).isEqualTo("cron(0 8 ? * MON-FRI *)");
        assertThat(day.schedule().nextAtOrAfter(0)).isEqualTo(8 * HOUR);
        assertThat(day.minCapacity()).isEqualTo(10);
        assertThat(day.maxCapacity()).isEqualTo(-1);
        ScheduledActionSpec night = s.scheduled().get(1);
        assertThat(night.name()).isEqualTo("night");
        assertThat(night.schedule().nextAtOrAfter(0)).isEqualTo(20 * HOUR);
        assertThat(night.minCapacity()).isEqualTo(2);
        assertThat(night.maxCapacity()).isEqualTo(20);
    }

    @Test
    void serviceWithoutAutoscaling_hasNullSpec() throws Exception {
        assertThat(scaling(SERVICE)).isNull();
    }

    // Scheduled actions need no metric, so a service without traffic may have them. rate(1 hour) fires at
    // start + k x 1 h: first at 0; maxCapacity only, min unchanged (-1).
    @Test
    void scheduledOnly_isAcceptedWithoutTraffic() throws Exception {
        String noTraffic = SERVICE.substring(0, SERVICE.indexOf("    traffic:"));
        ServiceAutoScalingSpec s = scaling(noTraffic + """
                    autoscaling:
                      minCapacity: 0
                      maxCapacity: 6
                      scheduled: [{ name: hourly, schedule: rate(1 hour), maxCapacity: 8 }]
                """);
        assertThat(s.targetTracking()).isEmpty();
        assertThat(s.stepScaling()).isEmpty();
        assertThat(s.scheduled()).singleElement().satisfies(a -> {
            assertThat(a.minCapacity()).isEqualTo(-1);
            assertThat(a.maxCapacity()).isEqualTo(8);
            assertThat(a.schedule().nextAtOrAfter(1)).isEqualTo(HOUR);
        });
    }

    // A desiredCount equal to either bound is inside the range: min = max = desired = 6.
    @Test
    void desiredCountOnTheBounds_isAccepted() throws Exception {
        ServiceAutoScalingSpec s = scaling(SERVICE + """
                    autoscaling:
                      minCapacity: 6
                      maxCapacity: 6
                      targetTracking: [{ metric: ECSServiceAverageCPUUtilization, target: 100 }]
                """);
        assertThat(s.minCapacity()).isEqualTo(6);
        assertThat(s.targetTracking().get(0).target()).isEqualTo(100.0);
    }

    // Variant "lower" sets targetTracking item 0's target to 50 by index; the base keeps 60. Variant "exact"
    // replaces a whole step list item by index: step 1 of policy 0 becomes [10, +inf) +5.
    @Test
    void variant_overridesTargetAndStepByListIndex() throws Exception {
        ScenarioFile file = Load.ok(SERVICE + """
                    autoscaling:
                      minCapacity: 2
                      maxCapacity: 60
                      targetTracking:
                        - metric: ECSServiceAverageCPUUtilization
                          target: 60
                      stepScaling:
                        - metric: ECSServiceAverageCPUUtilization
                          alarm: { threshold: 85, comparison: above, datapoints: 2 }
                          adjustmentType: ChangeInCapacity
                          steps: [{ lower: 0, upper: 10, adjustment: 1 }, { lower: 10, adjustment: 3 }]
                variants:
                  - name: base
                  - name: lower
                    set:
                      services.web.autoscaling.targetTracking.0.target: 50
                  - name: exact
                    set:
                      services.web.autoscaling.stepScaling.0.steps.1: { lower: 10, adjustment: 5 }
                """);
        List<Scenario> v = file.variants();
        assertThat(v.get(0).services().get(0).autoScaling().targetTracking().get(0).target()).isEqualTo(60.0);
        assertThat(v.get(1).services().get(0).autoScaling().targetTracking().get(0).target()).isEqualTo(50.0);
        assertThat(v.get(2).services().get(0).autoScaling().stepScaling().get(0).steps())
                .containsExactly(new StepSpec(0, 10, 1), new StepSpec(10, Double.NaN, 5));
    }
}
