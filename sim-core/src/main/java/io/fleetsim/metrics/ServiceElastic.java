package io.fleetsim.metrics;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one service's capacity followed its load over a run: its task counts per minute, the lag of its scale-outs,
 * its SLO minutes lost by cause, tasks lost to faults and replaced, and what its capacity above its floor cost.
 *
 * @param service          service name
 * @param floor            the fewest tasks it is meant to run: auto scaling minCapacity, or its desiredCount
 *                         without auto scaling
 * @param floorSource      {@code minCapacity} or {@code desiredCount}
 * @param minutes          task counts at the end of each simulated minute (aligned with the run's minutes)
 * @param scaleOuts        scale-outs decided by an alarm, in time order ({@link ElasticAnalysis#scaleOutLags})
 * @param lag              their lag statistics
 * @param tasksInterrupted tasks stopped by Spot interruptions
 * @param tasksFailed      tasks lost to crashes, instance failures and zone outages
 * @param tasksReplaced    tasks the service scheduler launched in place of tasks that stopped: tasks started minus
 *                         the initial desired count minus the tasks launched by raising the desired count
 * @param slo              SLO minutes by cause; {@code null} without traffic or SLO
 * @param taskHours        hours of RUNNING tasks
 * @param extraTaskHours   of those, hours above the floor: the integral of max(0, RUNNING - floor)
 * @param cost             the service's priced cost (its owner's cost lines)
 * @param extraCost        cost x extra task-seconds / task-seconds (exact decimal, 34 digits); 0 without task-time
 */
public record ServiceElastic(
        String service,
        int floor,
        String floorSource,
        List<ServiceTaskMinute> minutes,
        List<ScaleOutLag> scaleOuts,
        LagStats lag,
        long tasksInterrupted,
        long tasksFailed,
        long tasksReplaced,
        SloLoss slo,
        double taskHours,
        double extraTaskHours,
        BigDecimal cost,
        BigDecimal extraCost) {

    public ServiceElastic {
        minutes = List.copyOf(minutes);
        scaleOuts = List.copyOf(scaleOuts);
    }
}
