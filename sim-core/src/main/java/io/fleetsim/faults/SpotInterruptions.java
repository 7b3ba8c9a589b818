package io.fleetsim.faults;

import io.fleetsim.cluster.CapacityProvider;
import io.fleetsim.cluster.ContainerInstance;
import io.fleetsim.cluster.EcsCluster;
import io.fleetsim.cluster.Task;
import io.fleetsim.cluster.TaskState;
import io.fleetsim.engine.Durations;
import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.Simulator;
import io.fleetsim.scenario.model.CapacityProviderSpec.CapacityProviderType;
import io.fleetsim.scenario.model.FaultsSpec;

/**
 * Spot capacity reclaimed by AWS, as a Poisson process per running Fargate Spot task and per running EC2 Spot
 * instance at the scenario's rates. Each kind draws from its own named stream ({@code faults/fargate-spot},
 * {@code faults/ec2-spot}), so faults are deterministic per seed and independent of the traffic and of each other.
 *
 * <p>EC2: the interruption notice comes two minutes before the instance is reclaimed (platform-semantics.md
 * section 2.5); Fargate Spot: a two-minute warning as SIGTERM, then SIGKILL after the task's stopTimeout
 * (section 1.4). What each does to the cluster is {@link EcsCluster#interruptInstance} and
 * {@link EcsCluster#interruptTask}.
 *
 * <p>Caveats: rates are constant in time (AWS's vary with demand); all tasks and instances of a kind share one
 * rate; the rebalance recommendation that may precede a notice is not modelled.
 */
public final class SpotInterruptions {

    /** "A Spot Instance interruption notice is a warning that is issued two minutes before" (section 2.5). */
    public static final long EC2_NOTICE_NANOS = Durations.minutes(2);

    private final Simulator sim;
    private final double fargateMeanHours;
    private final double ec2MeanHours;
    private final RandomStream fargateRandom;
    private final RandomStream ec2Random;

    public SpotInterruptions(Simulator sim, FaultsSpec spec) {
        this.sim = sim;
        this.fargateMeanHours = spec.fargateSpotInterruptionsPerHour() > 0
                ? 1.0 / spec.fargateSpotInterruptionsPerHour() : Double.POSITIVE_INFINITY;
        this.ec2MeanHours = spec.ec2SpotInterruptionsPerHour() > 0
                ? 1.0 / spec.ec2SpotInterruptionsPerHour() : Double.POSITIVE_INFINITY;
        this.fargateRandom = sim.random().stream("faults/fargate-spot");
        this.ec2Random = sim.random().stream("faults/ec2-spot");
    }

    /** A task is RUNNING: a Fargate Spot task gets its time to interruption. */
    public void taskRunning(EcsCluster cluster, Task task, long now) {
        if (task.provider().spec().type() != CapacityProviderType.FARGATE_SPOT || fargateMeanHours == Double.POSITIVE_INFINITY) {
            return;
        }
        long at = now + hoursToNanos(fargateRandom.nextExponential(fargateMeanHours));
        if (at < 0) {
            return; // beyond any simulated time
        }
        sim.schedule(at, () -> {
            if (task.state() == TaskState.RUNNING) {
                cluster.interruptTask(task);
            }
        });
    }

    /** An instance is running: an EC2 Spot instance gets its time to an interruption notice. */
    public void instanceRunning(EcsCluster cluster, ContainerInstance instance, CapacityProvider provider, long now) {
        if (provider.isFargate() || !provider.isSpot() || ec2MeanHours == Double.POSITIVE_INFINITY) {
            return;
        }
        long at = now + hoursToNanos(ec2Random.nextExponential(ec2MeanHours));
        if (at < 0) {
            return;
        }
        sim.schedule(at, () -> cluster.interruptInstance(instance, EC2_NOTICE_NANOS));
    }

    private static long hoursToNanos(double hours) {
        double nanos = hours * 3600e9;
        return nanos >= Long.MAX_VALUE / 2.0 ? Long.MIN_VALUE : (long) nanos;
    }
}
