package io.fleetsim.metrics;

import java.math.BigDecimal;

/**
 * The state of a run at the end of one simulated minute (one row of timeseries.csv).
 *
 * @param timeNanos         end of the minute, nanoseconds since scenario start
 * @param tasksProvisioning tasks in PROVISIONING (ENI attachment; on EC2 also tasks waiting for capacity)
 * @param tasksPending      tasks in PENDING (image pull, container start)
 * @param tasksRunning      tasks in RUNNING
 * @param tasksStopping     tasks in STOPPING
 * @param tasksUnplaced     tasks that fit no instance and wait for capacity (counted in provisioning too)
 * @param instances         EC2 instances running (billed)
 * @param cpuRegistered     CPU units registered by ACTIVE container instances
 * @param cpuReserved       CPU units reserved by tasks on those instances
 * @param memoryRegistered  memory MiB registered by ACTIVE container instances
 * @param memoryReserved    memory MiB reserved by tasks on those instances
 * @param fargateTasks      tasks on Fargate or Fargate Spot that are not STOPPED
 * @param accruedCost       USD accrued from the start of the run to the end of this minute (exact)
 */
public record MinuteSample(
        long timeNanos,
        int tasksProvisioning,
        int tasksPending,
        int tasksRunning,
        int tasksStopping,
        int tasksUnplaced,
        int instances,
        long cpuRegistered,
        long cpuReserved,
        long memoryRegistered,
        long memoryReserved,
        int fargateTasks,
        BigDecimal accruedCost) {

    /** Cluster CPUReservation in percent (platform-semantics.md section 5.5), or NaN with nothing registered. */
    public double cpuReservationPercent() {
        return cpuRegistered == 0 ? Double.NaN : cpuReserved * 100.0 / cpuRegistered;
    }

    /** Cluster MemoryReservation in percent, or NaN with nothing registered. */
    public double memoryReservationPercent() {
        return memoryRegistered == 0 ? Double.NaN : memoryReserved * 100.0 / memoryRegistered;
    }
}
