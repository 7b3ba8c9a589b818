package io.fleetsim.faults;

import io.fleetsim.cluster.ContainerInstance;
import io.fleetsim.cluster.EcsCluster;
import io.fleetsim.cluster.Task;
import io.fleetsim.cluster.TaskState;
import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.Simulator;
import io.fleetsim.scenario.model.FaultsSpec;
import io.fleetsim.scenario.model.FaultsSpec.ZoneOutageSpec;
import java.util.List;

/**
 * Failures that come without notice: EC2 instance failures and task crashes as Poisson processes per running
 * instance and per running task (exponential times to failure with the scenario's MTBFs), and scripted zone
 * outages. Instance failures and crashes draw from their own streams ({@code faults/instance-failures},
 * {@code faults/task-crashes}), independent of the traffic and of the Spot interruptions.
 *
 * <p>Caveats: failure rates do not age (no bathtub curve); the service scheduler's restart throttle (up to 15
 * minutes between repeated failures, platform-semantics.md section 5.4) is not modelled, so crashed tasks are
 * replaced at once.
 */
public final class Failures {

    private final Simulator sim;
    private final double instanceMeanHours;
    private final double taskMeanHours;
    private final RandomStream instanceRandom;
    private final RandomStream taskRandom;

    public Failures(Simulator sim, FaultsSpec spec) {
        this.sim = sim;
        this.instanceMeanHours = spec.instanceFailuresPerHour() > 0 ? 1.0 / spec.instanceFailuresPerHour()
                : Double.POSITIVE_INFINITY;
        this.taskMeanHours = spec.taskCrashesPerHour() > 0 ? 1.0 / spec.taskCrashesPerHour() : Double.POSITIVE_INFINITY;
        this.instanceRandom = sim.random().stream("faults/instance-failures");
        this.taskRandom = sim.random().stream("faults/task-crashes");
    }

    /** Schedules the scripted zone outages on every cluster that spans the zone. */
    public void scheduleZoneOutages(List<EcsCluster> clusters, List<ZoneOutageSpec> outages) {
        for (ZoneOutageSpec o : outages) {
            sim.schedule(o.startNanos(), () -> clusters.forEach(c -> c.zoneDown(o.zone())));
            sim.schedule(o.startNanos() + o.durationNanos(), () -> clusters.forEach(c -> c.zoneUp(o.zone())));
        }
    }

    /** A running instance gets its time to failure. */
    public void instanceRunning(EcsCluster cluster, ContainerInstance instance, long now) {
        if (instanceMeanHours == Double.POSITIVE_INFINITY) {
            return;
        }
        long at = at(now, instanceRandom.nextExponential(instanceMeanHours));
        if (at > 0) {
            sim.schedule(at, () -> cluster.failInstance(instance));
        }
    }

    /** A running task gets its time to a crash. */
    public void taskRunning(EcsCluster cluster, Task task, long now) {
        if (taskMeanHours == Double.POSITIVE_INFINITY) {
            return;
        }
        long at = at(now, taskRandom.nextExponential(taskMeanHours));
        if (at > 0) {
            sim.schedule(at, () -> {
                if (task.state() == TaskState.RUNNING) {
                    cluster.crashTask(task);
                }
            });
        }
    }

    /** now + hours, or -1 when that is beyond any simulated time. */
    private static long at(long now, double hours) {
        double nanos = hours * 3600e9;
        return nanos >= Long.MAX_VALUE / 2.0 ? -1L : now + (long) nanos;
    }
}
