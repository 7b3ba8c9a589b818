package io.fleetsim.scenario.model;

import java.util.List;

/**
 * Faults injected into a run, each drawn from its own named random stream so that adding one does not change the
 * others or the traffic (DESIGN.md principle 2).
 *
 * @param fargateSpotInterruptionsPerHour rate at which AWS reclaims one Fargate Spot task, per task-hour (a
 *                                        Poisson process per task while it runs); 0 for none
 * @param ec2SpotInterruptionsPerHour     rate at which AWS reclaims one EC2 Spot instance, per instance-hour; 0 for
 *                                        none. The Spot Instance Advisor publishes bands of monthly frequency
 *                                        (<5%, 5-10%, 10-15%, 15-20%, >20%; platform-semantics.md section 2.5); a
 *                                        monthly fraction p is the hourly rate -ln(1 - p) / 730
 * @param instanceFailuresPerHour         hardware/host failures of any EC2 instance, per instance-hour (1 / MTBF in
 *                                        hours); the instance dies at once, with no notice; 0 for none
 * @param taskCrashesPerHour              crashes of any running task, per task-hour (1 / MTBF in hours); the task's
 *                                        container exits at once and the service replaces it; 0 for none
 * @param zoneOutages                     scripted zone outages, possibly empty
 */
public record FaultsSpec(
        double fargateSpotInterruptionsPerHour,
        double ec2SpotInterruptionsPerHour,
        double instanceFailuresPerHour,
        double taskCrashesPerHour,
        List<ZoneOutageSpec> zoneOutages) {

    /** No faults. */
    public static final FaultsSpec NONE = new FaultsSpec(0.0, 0.0);

    public FaultsSpec {
        zoneOutages = List.copyOf(zoneOutages);
    }

    /** Spot interruptions only. */
    public FaultsSpec(double fargateSpotInterruptionsPerHour, double ec2SpotInterruptionsPerHour) {
        this(fargateSpotInterruptionsPerHour, ec2SpotInterruptionsPerHour, 0.0, 0.0, List.of());
    }

    /**
     * A scripted outage of one availability zone: at {@code startNanos} every instance and task in it fails, and
     * nothing is launched there until {@code startNanos + durationNanos}.
     */
    public record ZoneOutageSpec(String zone, long startNanos, long durationNanos) {
    }

    /** Hourly rate of a monthly interruption fraction (730-hour month, the pricing convention). */
    public static double hourlyRate(double monthlyFraction) {
        return -StrictMath.log1p(-monthlyFraction) / 730.0;
    }
}
