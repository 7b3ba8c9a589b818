package io.fleetsim.metrics;

import java.util.List;

/**
 * Whole-run figures.
 *
 * @param taskHours            hours tasks spent RUNNING, all workloads
 * @param instanceHours        hours EC2 instances spent running (billed time before minimums)
 * @param meanCpuReservation   mean over minutes of cluster CPUReservation percent (minutes with instances only;
 *                             NaN if never any instance)
 * @param meanMemoryReservation the same for memory
 * @param peakInstances        most EC2 instances running at once
 * @param tasksPendingAtEnd    tasks not RUNNING at the end, all workloads
 * @param tasksUnplacedAtEnd   of those, tasks no instance could take
 * @param maxUnplaced          most tasks waiting for capacity at once
 * @param tasksInterrupted     tasks stopped by Spot interruptions
 * @param instancesInterrupted EC2 instances that received a Spot interruption notice
 * @param tasksFailed          tasks lost to crashes, instance failures and zone outages
 * @param instancesFailed      EC2 instances lost to failures and zone outages
 * @param eventsFired          discrete events the engine fired
 * @param workloads            per service and job, services first, in scenario order
 */
public record RunSummary(
        double taskHours,
        double instanceHours,
        double meanCpuReservation,
        double meanMemoryReservation,
        int peakInstances,
        int tasksPendingAtEnd,
        int tasksUnplacedAtEnd,
        int maxUnplaced,
        long tasksInterrupted,
        long instancesInterrupted,
        long tasksFailed,
        long instancesFailed,
        long eventsFired,
        List<WorkloadSummary> workloads) {

    public RunSummary {
        workloads = List.copyOf(workloads);
    }
}
