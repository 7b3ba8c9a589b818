package io.fleetsim.cluster;

import io.fleetsim.scenario.model.ManagedScalingSpec;
import java.util.Locale;

/**
 * The decisions of ECS managed scaling for one Auto Scaling group capacity provider (cluster auto scaling),
 * platform-semantics.md section 5.6: every minute ECS publishes {@code CapacityProviderReservation} and a target
 * tracking policy keeps it at {@code targetCapacity}.
 *
 * <ul>
 *   <li>CPR = M / N x 100, with M the instances needed and N the instances running; 100 when M = N = 0 and 200 when
 *   N = 0 &lt; M (AWS blog "Deep dive on Amazon ECS cluster auto scaling").</li>
 *   <li>Scale-out after {@code scaleOutDatapoints} datapoints above target, never while an instance is within its
 *   warm-up period: to ceil(M x 100 / target) instances, the step raised to {@code minimumScalingStepSize} and cut
 *   to {@code maximumScalingStepSize}; from no instances at all, ECS "always scales-out to 200% (two
 *   instances)".</li>
 *   <li>Scale-in after {@code scaleInDatapoints} (15) datapoints below target: to ceil(M x 100 / target), not bounded
 *   by the step sizes (ECS API ManagedScaling: "The scale in process is not affected by this parameter").</li>
 *   <li>The Auto Scaling group's minSize and maxSize bound every result.</li>
 * </ul>
 *
 * <p>Caveat: after an action the datapoint count of its direction starts again (the alarm re-arms), so a second
 * scale-in needs another 15 minutes below target; AWS does not document this detail.
 */
public final class ManagedScaling {

    private final ManagedScalingSpec spec;
    private final int minSize;
    private final int maxSize;
    private int above;
    private int below;
    private double lastReservation = Double.NaN;
    private String lastReason = "";

    public ManagedScaling(ManagedScalingSpec spec, int minSize, int maxSize) {
        this.spec = spec;
        this.minSize = minSize;
        this.maxSize = maxSize;
    }

    /** CapacityProviderReservation in percent for M instances needed and N running. */
    public static double reservation(int needed, int running) {
        if (running == 0) {
            return needed == 0 ? 100.0 : 200.0;
        }
        return needed * 100.0 / running;
    }

    /**
     * One minute's datapoint: returns the group's new desired capacity ({@code running} when nothing changes).
     *
     * @param needed    M, instances needed
     * @param running   N, instances running (in service, not being scaled in)
     * @param warmingUp whether an instance launched less than the warm-up period ago is still warming up
     */
    public int onMinute(int needed, int running, boolean warmingUp) {
        double cpr = reservation(needed, running);
        lastReservation = cpr;
        int target = spec.targetCapacity();
        if (cpr > target) {
            above++;
            below = 0;
        } else if (cpr < target) {
            below++;
            above = 0;
        } else {
            above = 0;
            below = 0;
        }
        if (above >= spec.scaleOutDatapoints()) {
            if (warmingUp) {
                lastReason = String.format(Locale.ROOT, "CapacityProviderReservation %.1f > %d but an instance is "
                        + "warming up: no scale-out", cpr, target);
                return running;
            }
            above = 0;
            int wanted = running == 0 ? 2 : ceilPercent(needed, target) - running;
            int step = wanted < spec.minimumScalingStepSize() ? spec.minimumScalingStepSize()
                    : Math.min(spec.maximumScalingStepSize(), wanted);
            int desired = Math.min(maxSize, running + step);
            lastReason = String.format(Locale.ROOT, "CapacityProviderReservation %.1f > %d for %d minute%s: M = %d, "
                    + "N = %d, %s -> step %d (min %d, max %d), max size %d -> %d instances", cpr, target,
                    spec.scaleOutDatapoints(), spec.scaleOutDatapoints() == 1 ? "" : "s", needed, running,
                    running == 0 ? "from no instances ECS launches 2" : "ceil(" + needed + " x 100 / " + target
                            + ") - " + running + " = " + wanted, step, spec.minimumScalingStepSize(),
                    spec.maximumScalingStepSize(), maxSize, desired);
            return Math.max(desired, running);
        }
        if (below >= spec.scaleInDatapoints()) {
            below = 0;
            int desired = Math.max(minSize, ceilPercent(needed, target));
            lastReason = String.format(Locale.ROOT, "CapacityProviderReservation %.1f < %d for %d minutes: M = %d, "
                    + "N = %d, ceil(%d x 100 / %d) = %d, min size %d -> %d instances", cpr, target,
                    spec.scaleInDatapoints(), needed, running, needed, target, ceilPercent(needed, target), minSize,
                    desired);
            return Math.min(desired, running);
        }
        return running;
    }

    private static int ceilPercent(int needed, int target) {
        return (int) ((needed * 100L + target - 1) / target);
    }

    /** The last datapoint's CapacityProviderReservation (NaN before the first). */
    public double lastReservation() {
        return lastReservation;
    }

    /** Why the last decision was taken, with its numbers. */
    public String lastReason() {
        return lastReason;
    }

    public ManagedScalingSpec spec() {
        return spec;
    }
}
