package io.fleetsim.cluster;

import io.fleetsim.cloud.InstanceType;
import io.fleetsim.placement.PlacementIndex;
import io.fleetsim.scenario.model.CapacityProviderSpec;
import io.fleetsim.scenario.model.CapacityProviderSpec.CapacityProviderType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A capacity provider at run time: Fargate and Fargate Spot have no instances and unlimited capacity; an EC2
 * provider owns an Auto Scaling group of container instances and a queue of tasks waiting for room on them.
 */
public final class CapacityProvider {

    final CapacityProviderSpec spec;
    final String arn;
    final InstanceType instanceType;
    /** ACTIVE instances in registration order: what placement sees. */
    final List<ContainerInstance> active = new ArrayList<>();
    /**
     * Placement's index over {@link #active}, kept in step with it: every add to or remove from {@code active},
     * and every reserve on or release from an instance, is reported to it.
     */
    final PlacementIndex placement = new PlacementIndex();
    /** Every instance ever launched, in launch order. */
    final List<ContainerInstance> launched = new ArrayList<>();
    /** The launched instances not yet terminated, in launch order: what the per-period loops walk. */
    final java.util.LinkedHashSet<ContainerInstance> current = new java.util.LinkedHashSet<>();
    /** Tasks no instance could take yet, oldest first. */
    final java.util.LinkedHashSet<Task> unplaced = new java.util.LinkedHashSet<>();
    /** ECS managed scaling of the group, or {@code null} for a fixed-size group. */
    final ManagedScaling managedScaling;
    /** Managed scaling's changes of the group's desired capacity, in time order. */
    final List<io.fleetsim.scaling.ScalingAction> managedActions = new ArrayList<>();
    /** Managed scaling's N: instances not terminated and not chosen for scale-in (kept as instances change). */
    int inService;
    /** Of those, instances still LAUNCHING (counted as needed in M). */
    int launching;
    /** Of those, registered instances (ACTIVE or DRAINING after a Spot notice) that hold at least one task. */
    int withTasks;
    /** The Auto Scaling group's desired capacity. */
    int desiredCapacity;
    /** When the group last launched an instance (warm-up), or {@link Long#MIN_VALUE}. */
    long lastLaunchAt = Long.MIN_VALUE;

    CapacityProvider(CapacityProviderSpec spec, String arn, InstanceType instanceType) {
        this.spec = spec;
        this.arn = arn;
        this.instanceType = instanceType;
        this.desiredCapacity = spec.desiredCapacity();
        this.managedScaling = spec.managedScaling() == null || spec.isFargate() ? null
                : new ManagedScaling(spec.managedScaling(), spec.minSize(), spec.maxSize());
    }

    public String name() {
        return spec.name();
    }

    public String arn() {
        return arn;
    }

    public CapacityProviderSpec spec() {
        return spec;
    }

    public boolean isFargate() {
        return spec.isFargate();
    }

    public boolean isSpot() {
        return spec.type() == CapacityProviderType.FARGATE_SPOT
                || spec.type() == CapacityProviderType.EC2
                        && spec.purchaseOption() == io.fleetsim.cloud.PurchaseOption.SPOT;
    }

    /** Instance type of an EC2 provider; {@code null} for Fargate. */
    public InstanceType instanceType() {
        return instanceType;
    }

    /** ACTIVE container instances, in registration order (read-only view). */
    public List<ContainerInstance> activeInstances() {
        return Collections.unmodifiableList(active);
    }

    /** Every instance launched so far, in launch order (read-only view). */
    public List<ContainerInstance> launchedInstances() {
        return Collections.unmodifiableList(launched);
    }

    /** Managed scaling of the group, or {@code null}. */
    public ManagedScaling managedScaling() {
        return managedScaling;
    }

    /** Managed scaling's changes of the desired capacity so far, in time order (read-only view). */
    public List<io.fleetsim.scaling.ScalingAction> managedActions() {
        return Collections.unmodifiableList(managedActions);
    }

    /** The Auto Scaling group's desired capacity now. */
    public int desiredCapacity() {
        return desiredCapacity;
    }

    public int unplacedTasks() {
        return unplaced.size();
    }
}
