package io.fleetsim.experiment;

import io.fleetsim.cluster.Task;
import io.fleetsim.cluster.TaskState;
import io.fleetsim.engine.Simulator;
import io.fleetsim.metrics.ServiceLatency;
import io.fleetsim.metrics.ServiceMinute;
import io.fleetsim.metrics.ServiceTrafficResult;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec;
import io.fleetsim.scenario.model.ServiceSpec;
import io.fleetsim.scenario.model.TrafficSpec;
import io.fleetsim.traffic.ServiceTraffic;
import io.fleetsim.traffic.Traffic;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of one service in one run: its {@link ServiceTraffic} (arrivals, load balancer, task servers) and
 * its {@link ServiceLatency} (histograms, SLO), joined to the service's tasks.
 *
 * <p>A task becomes a load-balancer target once RUNNING and past the service's health-check grace period; when it
 * is stopped it is deregistered and drains for up to the deregistration delay before it stops (ECS with an ALB,
 * platform-semantics.md section 5.4). Each minute this class turns the tasks' CPU time into the service's
 * CPUUtilization (CPU used over CPU reserved by its targets, section 5.5) and the routed requests into
 * ALBRequestCountPerTarget.
 */
final class ServiceRequests {

    private final Simulator sim;
    private final ServiceSpec spec;
    private final TrafficSpec traffic;
    private final ServiceTraffic requests;
    private final ServiceLatency latency;
    /** Target id of each task that is (or was) a target. Identity keys: looked up, never iterated. */
    private final Map<Task, Integer> targets = new IdentityHashMap<>();
    /** Every target id in registration order, for the per-minute sums. */
    private int[] targetIds = new int[16];
    private int targetCount;
    private final List<ServiceMinute> minutes = new ArrayList<>();

    private double registeredVcpus;
    private double reservedVcpuNanos;
    private long lastAccrual;
    private double cpuBusyAtLastMinute;
    private long routedAtLastMinute;
    /** The last closed minute's datapoints, by {@link ServiceAutoScalingSpec.Metric} ordinal; NaN = no data. */
    private final double[] datapoints = new double[ServiceAutoScalingSpec.Metric.values().length];

    ServiceRequests(Simulator sim, Scenario scenario, ServiceSpec spec) {
        this.sim = sim;
        this.spec = spec;
        this.traffic = spec.traffic();
        String prefix = "service/" + spec.name() + "/";
        this.latency = new ServiceLatency(spec.name(), scenario.warmupNanos(), spec.slo());
        this.requests = new ServiceTraffic(sim,
                Traffic.arrivals(traffic.arrivals(), scenario.start(), scenario.durationNanos(),
                        sim.random().stream(prefix + "arrivals")),
                Traffic.distribution(traffic.work(), sim.random().stream(prefix + "work")),
                traffic.io() == null ? null : Traffic.distribution(traffic.io(), sim.random().stream(prefix + "io")),
                traffic.serving(), traffic.loadBalancer(), latency);
    }

    String name() {
        return spec.name();
    }

    void start() {
        requests.start();
    }

    /** The task is RUNNING: it becomes a target after the health-check grace period, if still running then. */
    void taskRunning(Task task, long now) {
        long at = now + traffic.loadBalancer().healthCheckGracePeriodNanos();
        if (at == now) {
            register(task, now);
        } else {
            sim.schedule(at, () -> {
                if (task.state() == TaskState.RUNNING) {
                    register(task, sim.now());
                }
            });
        }
    }

    private void register(Task task, long now) {
        accrue(now);
        double vcpus = task.workload().taskDefinition().cpuUnits() / 1024.0;
        int id = requests.addTarget(vcpus);
        targets.put(task, id);
        if (targetCount == targetIds.length) {
            targetIds = java.util.Arrays.copyOf(targetIds, targetCount * 2);
        }
        targetIds[targetCount++] = id;
        registeredVcpus += vcpus;
    }

    /** The task is stopping: deregister it; returns when it will have drained. */
    long taskStopping(Task task, long now) {
        Integer id = targets.get(task);
        if (id == null) {
            return now;
        }
        accrue(now);
        registeredVcpus -= task.workload().taskDefinition().cpuUnits() / 1024.0;
        return requests.deregister(id);
    }

    /**
     * The task stopped: a target still holding requests (a task killed before it drained, as after a Spot
     * interruption) drops them now.
     */
    void taskStopped(Task task) {
        Integer id = targets.remove(task);
        if (id != null) {
            requests.kill(id);
        }
    }

    private void accrue(long now) {
        reservedVcpuNanos += registeredVcpus * (now - lastAccrual);
        lastAccrual = now;
    }

    /** Closes the minute ending now. */
    void closeMinute(long now) {
        accrue(now);
        double busy = 0;
        long routed = 0;
        for (int i = 0; i < targetCount; i++) {
            busy += requests.cpuBusyNanos(targetIds[i]);
            routed += requests.routed(targetIds[i]);
        }
        double cpuUtilization = reservedVcpuNanos == 0 ? 0.0 : (busy - cpuBusyAtLastMinute) * 100.0 / reservedVcpuNanos;
        int healthy = requests.healthyTargets();
        double perTarget = healthy == 0 ? 0.0 : (double) (routed - routedAtLastMinute) / healthy;
        minutes.add(latency.closeMinute(now, cpuUtilization, perTarget, healthy));
        // CloudWatch has no datapoint for a minute without running tasks (insufficient data, section 5.5); memory
        // use is not modelled, so MemoryUtilization never has data.
        boolean data = reservedVcpuNanos > 0;
        datapoints[ServiceAutoScalingSpec.Metric.ECSServiceAverageCPUUtilization.ordinal()] =
                data ? cpuUtilization : Double.NaN;
        datapoints[ServiceAutoScalingSpec.Metric.ALBRequestCountPerTarget.ordinal()] = healthy > 0 ? perTarget
                : Double.NaN;
        datapoints[ServiceAutoScalingSpec.Metric.ECSServiceAverageMemoryUtilization.ordinal()] = Double.NaN;
        cpuBusyAtLastMinute = busy;
        routedAtLastMinute = routed;
        reservedVcpuNanos = 0;
    }

    /** The last closed minute's datapoints (read-only use; reused each minute). */
    double[] datapoints() {
        return datapoints;
    }

    ServiceTrafficResult result(long end) {
        return new ServiceTrafficResult(spec.name(), latency.summary(end), minutes, latency.intervalLog());
    }
}
