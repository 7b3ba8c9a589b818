package io.fleetsim.cluster;

import io.fleetsim.cloud.Catalog;
import io.fleetsim.cloud.InstanceType;
import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.RandomStream;
import io.fleetsim.engine.Simulator;
import io.fleetsim.placement.PlacementConstraint;
import io.fleetsim.placement.PlacementPolicies;
import io.fleetsim.placement.PlacementRequest;
import io.fleetsim.placement.PlacementStrategy;
import io.fleetsim.scenario.model.CapacityProviderSpec;
import io.fleetsim.scenario.model.ClusterSpec;
import io.fleetsim.scenario.model.JobSpec;
import io.fleetsim.scenario.model.PlacementConstraintSpec;
import io.fleetsim.scenario.model.PlacementStrategySpec;
import io.fleetsim.scenario.model.Schedule;
import io.fleetsim.scenario.model.ServiceSpec;
import io.fleetsim.scenario.model.StrategyItem;
import io.fleetsim.scenario.model.TaskDefinitionSpec;
import io.fleetsim.scenario.model.TaskDefinitionSpec.NetworkMode;
import io.fleetsim.scenario.model.TimingSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ECS cluster in simulated time: its capacity providers and container instances, its services and jobs, and
 * every task's lifecycle from launch to STOPPED.
 *
 * <p>Lifecycle (platform-semantics.md sections 1.6, 2.4, 4, 5.1; latencies from the scenario's {@link TimingSpec}):
 * <ul>
 *   <li>Fargate: PROVISIONING for the ENI (uniform between the configured bounds), then PENDING while the image is
 *   pulled at a bandwidth proportional to the task's vCPU (Fargate never caches images) and the container starts,
 *   then RUNNING. Billing runs from the start of the pull to STOPPED.</li>
 *   <li>EC2: the task is placed (resource fit, constraints, strategies) and reserves CPU, memory and, in awsvpc mode,
 *   an ENI slot on its instance; PROVISIONING while the ENI attaches (awsvpc only), PENDING while the image is pulled
 *   (skipped when the instance has it cached) and the container starts, then RUNNING. A task no instance can take
 *   waits in PROVISIONING and is retried whenever an instance registers or a task on the provider stops.</li>
 *   <li>EC2 instances of an Auto Scaling group boot (billing starts when running), register with the cluster after
 *   the agent starts, and only then take tasks. Launches are balanced across the cluster's zones in order.</li>
 * </ul>
 *
 * <p>Caveats: concurrent image pulls on one instance each get the full pull bandwidth; a pull that fails is not
 * modelled; the service scheduler's restart throttle and deployments come with the elastic-ECS issue.
 */
public final class EcsCluster {

    private final ClusterSpec spec;
    private final String arn;
    private final Simulator sim;
    private final Catalog catalog;
    private final Arns arns;
    private final TimingSpec timings;
    private final ClusterListener listener;
    private final RandomStream provisioningRandom;
    private final RandomStream placementRandom;
    private final RandomStream bootRandom;
    private final RandomStream terminationRandom;
    private final Map<String, CapacityProvider> providers = new LinkedHashMap<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    private final Map<String, Integer> taskDefinitionRevisions = new LinkedHashMap<>();

    private final int[] tasksByState = new int[TaskState.values().length];
    private int unplaced;
    private int fargateLive;
    private int instancesRunning;
    private long cpuRegistered;
    private long cpuReserved;
    private long memoryRegistered;
    private long memoryReserved;
    private long tasksInterrupted;
    private long instancesInterrupted;
    private long tasksFailed;
    private long instancesFailed;
    /** Zones in an outage: nothing is launched or placed there. */
    private final java.util.Set<String> downZones = new java.util.TreeSet<>();

    private final EventHandler provisioned = (now, arg) -> onProvisioned(tasks.get((int) arg), now);
    private final EventHandler pulled = (now, arg) -> onPulled(tasks.get((int) arg), now);
    private final EventHandler started = (now, arg) -> onRunning(tasks.get((int) arg), now);
    private final EventHandler exited = (now, arg) -> {
        Task t = tasks.get((int) arg);
        t.pendingEvent = -1;
        stopTask(t, 0L);
    };
    private final EventHandler stopped = (now, arg) -> onStopped(tasks.get((int) arg), now);

    public EcsCluster(ClusterSpec spec, Simulator sim, Catalog catalog, Arns arns, TimingSpec timings,
            ClusterListener listener) {
        this.spec = spec;
        this.arn = arns.cluster(spec.name());
        this.sim = sim;
        this.catalog = catalog;
        this.arns = arns;
        this.timings = timings;
        this.listener = listener;
        this.provisioningRandom = sim.random().stream("cluster/" + spec.name() + "/fargate-provisioning");
        this.placementRandom = sim.random().stream("cluster/" + spec.name() + "/placement");
        this.bootRandom = sim.random().stream("cluster/" + spec.name() + "/instance-boot");
        this.terminationRandom = sim.random().stream("cluster/" + spec.name() + "/asg-termination");
        for (CapacityProviderSpec p : spec.capacityProviders()) {
            InstanceType type = p.isFargate() ? null : catalog.instanceType(p.instanceType())
                    .orElseThrow(() -> new IllegalArgumentException("unknown instance type " + p.instanceType()));
            String providerArn = p.isFargate() ? arns.capacityProvider(p.type().name())
                    : arns.capacityProvider(p.name());
            providers.put(p.name(), new CapacityProvider(p, providerArn, type));
        }
    }

    /** Launches every EC2 Auto Scaling group's desired capacity. Call once, at time 0. */
    public void start() {
        for (CapacityProvider p : providers.values()) {
            if (!p.isFargate()) {
                for (int i = 0; i < p.spec.desiredCapacity(); i++) {
                    launchInstance(p);
                }
            }
        }
    }

    // ---------------------------------------------------------------- workloads

    /** Registers a REPLICA service and launches its desired count now. */
    public Workload addService(ServiceSpec s) {
        Workload w = newWorkload(Workload.Kind.SERVICE, s.name(), "service:" + s.name(),
                arns.service(spec.name(), s.name()), s.taskDefinition(), s.capacityProviderStrategy(),
                s.placementStrategy(), s.placementConstraints(), s.desiredCount(), 0L);
        for (int i = 0; i < s.desiredCount(); i++) {
            launchTask(w);
        }
        return w;
    }

    /** Registers a scheduled job; each firing launches {@code count} standalone tasks. */
    public Workload addJob(JobSpec j) {
        Workload w = newWorkload(Workload.Kind.JOB, j.name(), "family:" + j.taskDefinition().family(),
                null, j.taskDefinition(), j.capacityProviderStrategy(), j.placementStrategy(),
                j.placementConstraints(), j.count(), j.durationNanos());
        scheduleFiring(w, j.schedule(), sim.now());
        return w;
    }

    private void scheduleFiring(Workload w, Schedule schedule, long notBefore) {
        long at = schedule.nextAtOrAfter(notBefore);
        if (at == Long.MAX_VALUE) {
            return;
        }
        sim.schedule(at, () -> {
            for (int i = 0; i < w.desiredCount; i++) {
                launchTask(w);
            }
            scheduleFiring(w, schedule, at + 1);
        });
    }

    private Workload newWorkload(Workload.Kind kind, String name, String group, String workloadArn,
            TaskDefinitionSpec td, List<StrategyItem> strategy, List<PlacementStrategySpec> strategies,
            List<PlacementConstraintSpec> constraints, int desired, long runNanos) {
        CapacityProvider[] ps = new CapacityProvider[strategy.size()];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = providers.get(strategy.get(i).capacityProvider());
            if (ps[i] == null) {
                throw new IllegalArgumentException("no capacity provider " + strategy.get(i).capacityProvider()
                        + " in cluster " + spec.name());
            }
        }
        List<PlacementStrategy> placementStrategies = new ArrayList<>();
        for (PlacementStrategySpec ps1 : strategies) {
            placementStrategies.add(PlacementPolicies.strategy(ps1.type(), ps1.field()));
        }
        List<PlacementConstraint> placementConstraints = new ArrayList<>();
        for (PlacementConstraintSpec c : constraints) {
            placementConstraints.add(PlacementPolicies.constraint(c.type(), c.expression()));
        }
        PlacementRequest request = new PlacementRequest(td.cpuUnits(), td.memoryMiB(),
                td.networkMode() == NetworkMode.AWSVPC, group, placementConstraints, placementStrategies);
        int revision = taskDefinitionRevisions.merge(td.family(), 1, Integer::sum);
        Workload w = new Workload(kind, name, group, workloadArn == null ? arns.taskDefinition(td.family(), revision)
                : workloadArn, arns.taskDefinition(td.family(), revision), td, strategy, ps, request, desired,
                runNanos, spec.zones().size());
        workloads.add(w);
        return w;
    }

    /**
     * Changes a service's desired count now, as UpdateService does: more tasks are launched at once; for fewer, the
     * service scheduler stops tasks (platform-semantics.md section 5.2, scale-in): first tasks not yet RUNNING
     * (newest first), then RUNNING ones chosen so the service stays balanced: the zone with the most tasks of the
     * service, in it the instance with the most, newest task first (on Fargate, the zone alone). Stopped tasks
     * drain and stop after their stop timeout at most.
     *
     * <p>Caveats: with a binpack strategy ECS stops the task whose instance is left with the most free resources;
     * fleetsim applies the balancing rule above to every strategy.
     */
    public void setDesiredCount(Workload w, int desired) {
        if (w.kind != Workload.Kind.SERVICE) {
            throw new IllegalArgumentException(w.owner + " is not a service");
        }
        if (desired < 0) {
            throw new IllegalArgumentException("desired count must be >= 0, found " + desired);
        }
        w.desiredCount = desired;
        // Tasks already STOPPING do not count towards the desired count (ECS counts PENDING and RUNNING).
        while (w.live - w.stopping < desired) {
            launchTask(w);
        }
        for (int excess = w.live - w.stopping - desired; excess > 0; excess--) {
            stopTask(scaleInVictim(w), w.taskDefinition.stopTimeoutNanos());
        }
    }

    private Task scaleInVictim(Workload w) {
        // Tasks that are not running yet serve nothing: stop the newest of them first.
        for (int i = tasks.size() - 1; i >= 0; i--) {
            Task t = tasks.get(i);
            if (t.workload == w && (t.state == TaskState.PROVISIONING || t.state == TaskState.PENDING)) {
                return t;
            }
        }
        List<String> zones = spec.zones();
        int[] perZone = new int[zones.size()];
        for (Task t : tasks) {
            if (t.workload == w && t.state == TaskState.RUNNING) {
                perZone[zones.indexOf(t.zone)]++;
            }
        }
        int zone = 0;
        for (int z = 1; z < perZone.length; z++) {
            if (perZone[z] > perZone[zone]) {
                zone = z;
            }
        }
        String victimZone = zones.get(zone);
        Task victim = null;
        int victimLoad = -1;
        for (int i = tasks.size() - 1; i >= 0; i--) {
            Task t = tasks.get(i);
            if (t.workload != w || t.state != TaskState.RUNNING || !t.zone.equals(victimZone)) {
                continue;
            }
            int load = t.instance == null ? 0 : t.instance.tasksInGroup(w.group);
            if (load > victimLoad) {
                victim = t;
                victimLoad = load;
            }
        }
        return victim;
    }

    // ---------------------------------------------------------------- task lifecycle

    /** Launches one task of {@code w} now, on the provider its strategy picks. */
    public Task launchTask(Workload w) {
        long now = sim.now();
        int item = w.chooseProvider();
        CapacityProvider p = w.providers[item];
        String id = arns.newResourceId();
        Task t = new Task(tasks.size(), id, arns.task(spec.name(), id), w, p, now);
        tasks.add(t);
        w.liveByProvider[item]++;
        w.live++;
        w.tasksStarted++;
        tasksByState[TaskState.PROVISIONING.ordinal()]++;
        if (p.isFargate()) {
            fargateLive++;
            int zone = leastLoadedZone(w);
            w.liveByZone[zone]++;
            t.zone = spec.zones().get(zone);
            long delay = provisioningRandom.nextLong(timings.fargateProvisioningMinNanos(),
                    timings.fargateProvisioningMaxNanos());
            t.pendingEvent = sim.schedule(now + delay, provisioned, t.index);
        } else if (!tryPlace(t, now)) {
            t.unplacedSince = now;
            unplaced++;
            p.unplaced.addLast(t);
        }
        return t;
    }

    /**
     * Fargate spreads a service's tasks across the zones of its subnets (platform-semantics.md section 5.1):
     * the zone with the fewest live tasks of the workload, ties to the first zone listed.
     */
    private int leastLoadedZone(Workload w) {
        int best = -1;
        for (int z = 0; z < w.liveByZone.length; z++) {
            if (downZones.contains(spec.zones().get(z))) {
                continue;
            }
            if (best < 0 || w.liveByZone[z] < w.liveByZone[best]) {
                best = z;
            }
        }
        return best < 0 ? 0 : best;
    }

    private boolean tryPlace(Task t, long now) {
        CapacityProvider p = t.provider;
        // The index decides as Placer's scan would (and scans for what it does not cover).
        ContainerInstance ci = (ContainerInstance) p.placement.place(t.workload.placement, p.active,
                placementRandom);
        if (ci == null) {
            return false;
        }
        TaskDefinitionSpec td = t.workload.taskDefinition;
        boolean eni = td.networkMode() == NetworkMode.AWSVPC;
        ci.reserve(td.cpuUnits(), td.memoryMiB(), eni, t.workload.group);
        p.placement.reserved(ci, t.workload.group);
        cpuReserved += td.cpuUnits();
        memoryReserved += td.memoryMiB();
        t.instance = ci;
        t.zone = ci.zone();
        long delay = eni ? timings.ec2EniAttachNanos() : 0L;
        t.pendingEvent = sim.schedule(now + delay, provisioned, t.index);
        return true;
    }

    private void onProvisioned(Task t, long now) {
        move(t, TaskState.PENDING);
        TaskDefinitionSpec td = t.workload.taskDefinition;
        long pull;
        if (t.provider.isFargate()) {
            // Pull bandwidth scales with the task's CPU (platform-semantics.md section 1.6); at least a 0.25-vCPU share.
            double bytesPerSecond = timings.fargatePullBytesPerSecondPerVcpu() * Math.max(td.cpuUnits(), 256) / 1024.0;
            pull = pullNanos(td.image().sizeBytes(), bytesPerSecond);
        } else if (t.instance.hasImage(td.image().key())) {
            pull = 0L;
        } else {
            pull = pullNanos(td.image().sizeBytes(), timings.ec2PullBytesPerSecond());
        }
        t.pullStartedAt = now;
        listener.taskPullStarted(t, now);
        t.pendingEvent = sim.schedule(now + pull, pulled, t.index);
    }

    private static long pullNanos(long bytes, double bytesPerSecond) {
        return (long) Math.ceil(bytes / bytesPerSecond * 1e9);
    }

    private void onPulled(Task t, long now) {
        if (t.instance != null) {
            t.instance.cacheImage(t.workload.taskDefinition.image().key());
        }
        t.pendingEvent = sim.schedule(now + timings.containerStartNanos(), started, t.index);
    }

    private void onRunning(Task t, long now) {
        t.pendingEvent = -1;
        move(t, TaskState.RUNNING);
        t.runningAt = now;
        t.workload.waitNanos += now - t.createdAt;
        listener.taskRunning(t, now);
        if (t.workload.kind == Workload.Kind.JOB) {
            t.pendingEvent = sim.schedule(now + t.workload.runNanos, exited, t.index);
        }
    }

    /**
     * Stops a task: it enters STOPPING and reaches STOPPED after {@code shutdownNanos} (a container that exits by
     * itself takes 0; one stopped by ECS takes up to its stopTimeout). A task that never got placed stops at once.
     */
    public void stopTask(Task t, long shutdownNanos) {
        stopTask(t, shutdownNanos, false);
    }

    /**
     * A Spot interruption of a task: AWS sends the two-minute warning as SIGTERM and SIGKILLs the task after its
     * stopTimeout (platform-semantics.md section 1.4): it stops then whether or not its load balancer target has
     * drained. The service scheduler replaces it as it replaces any stopped task, on the provider its strategy
     * picks (Fargate Spot is not replaced with on-demand capacity).
     */
    public void interruptTask(Task t) {
        if (t.state == TaskState.STOPPING || t.state == TaskState.STOPPED) {
            return;
        }
        t.workload.tasksInterrupted++;
        tasksInterrupted++;
        t.lostToFault = true;
        emitFault("spot-interruption", t.id, t.workload.owner + " task on " + t.provider.name() + ": SIGTERM now, "
                + "stopped after its stopTimeout of " + t.workload.taskDefinition.stopTimeoutNanos() / 1_000_000_000L
                + " s; the service scheduler replaces it");
        stopTask(t, t.workload.taskDefinition.stopTimeoutNanos(), true);
    }

    private void stopTask(Task t, long shutdownNanos, boolean forced) {
        long now = sim.now();
        if (t.state == TaskState.STOPPING || t.state == TaskState.STOPPED) {
            return;
        }
        if (t.pendingEvent >= 0) {
            sim.cancel(t.pendingEvent);
            t.pendingEvent = -1;
        }
        if (t.unplacedSince >= 0) {
            t.provider.unplaced.remove(t);
            leaveUnplaced(t, now);
        }
        if (t.state == TaskState.RUNNING) {
            t.workload.runningNanos += now - t.runningAt;
        }
        move(t, TaskState.STOPPING);
        t.stoppingAt = now;
        // A task behind a load balancer is deregistered first and drains before it stops (ALB deregistration delay).
        long drainedAt = listener.taskStopping(t, now);
        long stopAt = forced ? now + shutdownNanos : Math.max(now + shutdownNanos, drainedAt);
        t.pendingEvent = sim.schedule(stopAt, stopped, t.index);
    }

    private void onStopped(Task t, long now) {
        t.pendingEvent = -1;
        move(t, TaskState.STOPPED);
        t.stoppedAt = now;
        Workload w = t.workload;
        w.live--;
        w.tasksStopped++;
        for (int i = 0; i < w.providers.length; i++) {
            if (w.providers[i] == t.provider) {
                w.liveByProvider[i]--;
                break;
            }
        }
        if (t.provider.isFargate()) {
            fargateLive--;
            w.liveByZone[spec.zones().indexOf(t.zone)]--;
        }
        listener.taskStopped(t, now);
        if (t.instance != null) {
            TaskDefinitionSpec td = w.taskDefinition;
            t.instance.release(td.cpuUnits(), td.memoryMiB(), td.networkMode() == NetworkMode.AWSVPC, w.group);
            t.provider.placement.released(t.instance, w.group);
            cpuReserved -= td.cpuUnits();
            memoryReserved -= td.memoryMiB();
            if (t.instance.retiring && t.instance.runningTasksCount() == 0
                    && t.instance.state() != ContainerInstance.State.TERMINATED) {
                terminateInstance(t.instance, t.provider, false);
            }
            retryUnplaced(t.provider, now);
        }
        // The REPLICA scheduler replaces tasks that stop (platform-semantics.md section 5.4).
        if (w.kind == Workload.Kind.SERVICE) {
            while (w.live - w.stopping < w.desiredCount) {
                launchTask(w);
            }
        }
    }

    private void move(Task t, TaskState to) {
        tasksByState[t.state.ordinal()]--;
        tasksByState[to.ordinal()]++;
        if (to == TaskState.STOPPING) {
            t.workload.stopping++;
        } else if (t.state == TaskState.STOPPING) {
            t.workload.stopping--;
        }
        t.state = to;
    }

    private void leaveUnplaced(Task t, long now) {
        t.workload.unplacedNanos += now - t.unplacedSince;
        t.unplacedSince = -1;
        unplaced--;
    }

    private void retryUnplaced(CapacityProvider p, long now) {
        for (Iterator<Task> it = p.unplaced.iterator(); it.hasNext() && !p.active.isEmpty(); ) {
            Task t = it.next();
            if (tryPlace(t, now)) {
                it.remove();
                leaveUnplaced(t, now);
            }
        }
    }

    // ---------------------------------------------------------------- instances

    /** The Auto Scaling group balances launches over the zones in order, skipping zones in an outage. */
    private String launchZone(int launchIndex) {
        List<String> zones = spec.zones();
        for (int k = 0; k < zones.size(); k++) {
            String zone = zones.get((launchIndex + k) % zones.size());
            if (!downZones.contains(zone)) {
                return zone;
            }
        }
        return zones.get(launchIndex % zones.size());
    }

    private int eniSlots(InstanceType type) {
        return spec.awsvpcTrunking() && type.trunkingCapable() ? type.ecsAwsvpcTasksTrunked() : type.ecsAwsvpcTasks();
    }

    private long draw(long min, long max) {
        return max > min ? bootRandom.nextLong(min, max) : min;
    }

    private void launchInstance(CapacityProvider p) {
        String zone = launchZone(p.launched.size());
        InstanceType type = p.instanceType;
        int eniSlots = eniSlots(type);
        String id = arns.newResourceId();
        ContainerInstance ci = new ContainerInstance(id, arns.newEc2InstanceId(),
                arns.containerInstance(spec.name(), id), zone, type, catalog.ecsRegisteredMemoryMiB(type), eniSlots,
                p.spec.attributes());
        p.launched.add(ci);
        long now = sim.now();
        p.lastLaunchAt = now;
        // Boot and agent registration, each fixed or uniform between the scenario's bounds (section 2.6).
        long runningAt = now + draw(timings.ec2BootNanos(), timings.ec2BootMaxNanos());
        long registeredAt = runningAt + draw(timings.ec2AgentRegistrationNanos(),
                timings.ec2AgentRegistrationMaxNanos());
        sim.schedule(runningAt, () -> {
            if (ci.state() == ContainerInstance.State.TERMINATED) {
                return;
            }
            ci.runningSinceNanos = runningAt;
            instancesRunning++;
            listener.instanceRunning(ci, p, runningAt);
        });
        sim.schedule(registeredAt, () -> {
            if (ci.state() != ContainerInstance.State.LAUNCHING) {
                return;
            }
            ci.register(sim.now());
            p.active.add(ci);
            p.placement.add(ci);
            cpuRegistered += ci.cpuRegistered();
            memoryRegistered += ci.memoryRegistered();
            retryUnplaced(p, sim.now());
        });
    }

    /**
     * One minute of ECS managed scaling (platform-semantics.md section 5.6) for every EC2 provider that has it:
     * publishes CapacityProviderReservation from M and N and applies {@link ManagedScaling}'s decision to the Auto
     * Scaling group. Called by the run at each minute boundary, after service auto scaling.
     *
     * <p>N counts the group's instances that are launching, registered or draining after a Spot notice (not
     * those chosen for scale-in). M counts those of them that run at least one task, those still launching (they
     * were launched for a reason and are not counted empty before they could take a task), and the instances of
     * the group's type the tasks waiting for capacity would need, packed first-fit decreasing by memory with
     * {@code distinctInstance} honoured (ECS "groups pending tasks with identical resources" and binpacks them onto
     * the group's instance type). A task too large for an empty instance adds nothing: no scale-out can place it.
     */
    public void managedScaling(long now) {
        for (CapacityProvider p : providers.values()) {
            if (p.managedScaling == null) {
                continue;
            }
            int n = 0;
            int m = 0;
            for (ContainerInstance ci : p.launched) {
                if (ci.state() == ContainerInstance.State.TERMINATED || ci.retiring) {
                    continue;
                }
                n++;
                if (ci.state() == ContainerInstance.State.LAUNCHING || ci.runningTasksCount() > 0) {
                    m++;
                }
            }
            m += instancesForUnplaced(p);
            boolean warmingUp = p.lastLaunchAt != Long.MIN_VALUE
                    && now < p.lastLaunchAt + p.managedScaling.spec().instanceWarmupNanos();
            int desired = p.managedScaling.onMinute(m, n, warmingUp);
            if (desired > n) {
                int from = p.desiredCapacity;
                p.desiredCapacity += desired - n;
                record(p, now, from, "managed-scale-out");
                for (int i = n; i < desired; i++) {
                    launchInstance(p);
                }
            } else if (desired < n) {
                scaleIn(p, n - desired, now);
            }
        }
    }

    private void record(CapacityProvider p, long now, int from, String kind) {
        String reason = p.managedScaling.lastReason();
        p.managedActions.add(new io.fleetsim.scaling.ScalingAction(now, from, p.desiredCapacity,
                "managed-scaling:CapacityProviderReservation", reason));
        listener.clusterEvent(new ClusterEvent(now, spec.name(), kind, p.name(), reason));
    }

    /** Instances of the group's type that the tasks waiting for capacity would need (first-fit decreasing). */
    private int instancesForUnplaced(CapacityProvider p) {
        if (p.unplaced.isEmpty()) {
            return 0;
        }
        int cpuCap = p.instanceType.ecsCpuUnits();
        int memCap = catalog.ecsRegisteredMemoryMiB(p.instanceType);
        int eniCap = eniSlots(p.instanceType);
        List<Task> waiting = new ArrayList<>(p.unplaced);
        waiting.sort((a, b) -> Integer.compare(b.workload.taskDefinition.memoryMiB(),
                a.workload.taskDefinition.memoryMiB()));
        List<int[]> bins = new ArrayList<>();
        List<java.util.Set<String>> distinctGroups = new ArrayList<>();
        for (Task t : waiting) {
            TaskDefinitionSpec td = t.workload.taskDefinition;
            int eni = td.networkMode() == NetworkMode.AWSVPC ? 1 : 0;
            if (td.cpuUnits() > cpuCap || td.memoryMiB() > memCap || eni > eniCap) {
                continue;
            }
            boolean distinct = t.workload.distinctInstance();
            int bin = -1;
            for (int b = 0; b < bins.size() && bin < 0; b++) {
                int[] r = bins.get(b);
                if (r[0] >= td.cpuUnits() && r[1] >= td.memoryMiB() && r[2] >= eni
                        && !(distinct && distinctGroups.get(b).contains(t.workload.group))) {
                    bin = b;
                }
            }
            if (bin < 0) {
                bins.add(new int[] {cpuCap, memCap, eniCap});
                distinctGroups.add(new java.util.HashSet<>());
                bin = bins.size() - 1;
            }
            int[] r = bins.get(bin);
            r[0] -= td.cpuUnits();
            r[1] -= td.memoryMiB();
            r[2] -= eni;
            distinctGroups.get(bin).add(t.workload.group);
        }
        return bins.size();
    }

    /**
     * Managed scale-in of {@code count} instances. The Auto Scaling group's default termination policy picks the
     * zone with the most candidate instances, then an instance at random (platform-semantics.md section 5.6 gives
     * no finer rule; the ASG's later criteria, launch template age and billing hour, do not apply to one template
     * billed per second). With managed termination protection only instances that run no task are candidates, so
     * fewer than {@code count} may go. A chosen instance with tasks is drained when managed draining is on (its
     * tasks stop after their stopTimeout and their services replace them elsewhere; it terminates when the last
     * has stopped) or terminated at once, its tasks with it, when it is off.
     */
    private void scaleIn(CapacityProvider p, int count, long now) {
        boolean protection = p.managedScaling.spec().managedTerminationProtection();
        List<ContainerInstance> candidates = new ArrayList<>();
        for (ContainerInstance ci : p.launched) {
            boolean inService = ci.state() == ContainerInstance.State.ACTIVE
                    || ci.state() == ContainerInstance.State.LAUNCHING;
            if (inService && !ci.retiring && (!protection
                    || ci.state() == ContainerInstance.State.ACTIVE && ci.runningTasksCount() == 0)) {
                candidates.add(ci);
            }
        }
        int from = p.desiredCapacity;
        List<ContainerInstance> victims = new ArrayList<>();
        List<String> zones = spec.zones();
        while (victims.size() < count && !candidates.isEmpty()) {
            // The zone with the most in-service instances among those with a candidate.
            int[] perZone = new int[zones.size()];
            boolean[] hasCandidate = new boolean[zones.size()];
            for (ContainerInstance ci : p.launched) {
                if ((ci.state() == ContainerInstance.State.ACTIVE || ci.state() == ContainerInstance.State.LAUNCHING)
                        && !ci.retiring && !victims.contains(ci)) {
                    perZone[zones.indexOf(ci.zone())]++;
                }
            }
            for (ContainerInstance ci : candidates) {
                hasCandidate[zones.indexOf(ci.zone())] = true;
            }
            int zone = -1;
            for (int z = 0; z < perZone.length; z++) {
                if (hasCandidate[z] && (zone < 0 || perZone[z] > perZone[zone])) {
                    zone = z;
                }
            }
            List<ContainerInstance> inZone = new ArrayList<>();
            for (ContainerInstance ci : candidates) {
                if (ci.zone().equals(zones.get(zone))) {
                    inZone.add(ci);
                }
            }
            ContainerInstance victim = inZone.get(terminationRandom.nextInt(inZone.size()));
            candidates.remove(victim);
            victims.add(victim);
        }
        if (victims.isEmpty()) {
            return;
        }
        p.desiredCapacity -= victims.size();
        record(p, now, from, "managed-scale-in");
        boolean draining = p.managedScaling.spec().managedDraining();
        for (ContainerInstance ci : victims) {
            ci.retiring = true;
            if (ci.state() == ContainerInstance.State.ACTIVE) {
                p.active.remove(ci);
                p.placement.remove(ci);
            }
            ci.drain();
            List<Task> on = tasksOn(ci);
            if (on.isEmpty()) {
                terminateInstance(ci, p, false);
            } else if (draining) {
                for (Task t : on) {
                    stopTask(t, t.workload.taskDefinition.stopTimeoutNanos());
                }
            } else {
                terminateInstance(ci, p, false);
            }
        }
    }

    /**
     * An EC2 Spot interruption notice (platform-semantics.md section 2.5): two minutes before AWS reclaims the
     * instance. ECS Spot draining sets it DRAINING (it takes no new tasks) and stops its tasks, which the service
     * scheduler replaces elsewhere; at the end of the notice the instance is terminated (EC2 billing stops) and
     * the Auto Scaling group launches a replacement to keep its desired capacity.
     *
     * <p>Caveats: the replacement is launched at termination (an Auto Scaling group without capacity rebalancing);
     * tasks are stopped with their stopTimeout, not paced by the service's minimumHealthyPercent.
     */
    public void interruptInstance(ContainerInstance ci, long noticeNanos) {
        if (ci.state() != ContainerInstance.State.ACTIVE && ci.state() != ContainerInstance.State.LAUNCHING) {
            return;
        }
        CapacityProvider p = providerOf(ci);
        instancesInterrupted++;
        if (ci.state() == ContainerInstance.State.ACTIVE) {
            p.active.remove(ci);
            p.placement.remove(ci);
        }
        ci.drain();
        List<Task> onIt = tasksOn(ci);
        emitFault("spot-notice", ci.ec2InstanceId(), "EC2 Spot interruption notice on " + p.name() + " in " + ci.zone()
                + ": draining, " + onIt.size() + " tasks stopped (" + owners(onIt) + "); terminated after "
                + noticeNanos / 1_000_000_000L + " s and replaced by the Auto Scaling group");
        for (Task t : onIt) {
            interruptTask(t);
        }
        long at = sim.now() + noticeNanos;
        sim.schedule(at, () -> {
            if (ci.state() != ContainerInstance.State.TERMINATED) {
                terminateInstance(ci, p);
            }
        });
    }

    private void terminateInstance(ContainerInstance ci, CapacityProvider p) {
        terminateInstance(ci, p, !ci.retiring);
    }

    /**
     * Terminates an instance now, stopping whatever still runs on it; {@code replace} when the Auto Scaling group
     * launches a replacement to keep its desired capacity (an instance AWS took away), not when the group chose
     * to shrink.
     */
    private void terminateInstance(ContainerInstance ci, CapacityProvider p, boolean replace) {
        long now = sim.now();
        for (Task t : tasksOn(ci)) {
            stopTask(t, 0L, true);
        }
        boolean wasRegistered = ci.registeredAtNanos() >= 0;
        ci.terminate();
        if (wasRegistered) {
            cpuRegistered -= ci.cpuRegistered();
            memoryRegistered -= ci.memoryRegistered();
        }
        if (ci.runningSinceNanos >= 0) {
            instancesRunning--;
            listener.instanceTerminated(ci, p, now);
        }
        if (replace) {
            launchInstance(p);
        }
    }

    /**
     * An EC2 instance fails (host or hardware failure): it stops at once with no notice, every task on it is lost
     * (its in-flight requests dropped), EC2 billing stops, and the Auto Scaling group launches a replacement in a
     * zone that is up.
     */
    public void failInstance(ContainerInstance ci) {
        if (ci.state() == ContainerInstance.State.TERMINATED) {
            return;
        }
        CapacityProvider p = providerOf(ci);
        instancesFailed++;
        List<Task> lost = tasksOn(ci);
        emitFault("instance-failure", ci.ec2InstanceId(), "instance of " + p.name() + " in " + ci.zone()
                + " failed without notice: " + lost.size() + " tasks lost (" + owners(lost) + "); replaced by the Auto"
                + " Scaling group");
        for (Task t : lost) {
            t.workload.tasksFailed++;
            tasksFailed++;
            t.lostToFault = true;
            stopTask(t, 0L, true);
        }
        if (ci.state() == ContainerInstance.State.ACTIVE) {
            p.active.remove(ci);
            p.placement.remove(ci);
        }
        terminateInstance(ci, p);
    }

    /** A running task's container crashes: it stops at once and the service scheduler replaces it. */
    public void crashTask(Task t) {
        if (t.state == TaskState.STOPPING || t.state == TaskState.STOPPED) {
            return;
        }
        t.workload.tasksFailed++;
        tasksFailed++;
        t.lostToFault = true;
        emitFault("task-crash", t.id, t.workload.owner + " task (" + t.state + ") on " + t.provider.name() + " in "
                + t.zone + " crashed; the service scheduler replaces it");
        stopTask(t, 0L, true);
    }

    /**
     * A zone outage starts: every instance in the zone fails and every Fargate task there is lost; until
     * {@link #zoneUp}, instances are launched and Fargate tasks placed only in the other zones. Tasks that lose
     * their instance are rescheduled by their services into the remaining zones.
     */
    public void zoneDown(String zone) {
        if (!spec.zones().contains(zone) || !downZones.add(zone)) {
            return;
        }
        long instancesBefore = instancesFailed;
        long tasksBefore = tasksFailed;
        for (CapacityProvider p : providers.values()) {
            for (ContainerInstance ci : List.copyOf(p.launched)) {
                if (ci.zone().equals(zone)) {
                    failInstance(ci);
                }
            }
        }
        for (Task t : List.copyOf(tasks)) {
            if (t.provider.isFargate() && zone.equals(t.zone) && t.state != TaskState.STOPPED) {
                crashTask(t);
            }
        }
        emitFault("zone-down", zone, "zone outage: " + (instancesFailed - instancesBefore) + " instances failed, "
                + (tasksFailed - tasksBefore) + " tasks lost; launches and Fargate placements use the other zones");
    }

    /** The zone is back: launches and placements may use it again (nothing is moved back). */
    public void zoneUp(String zone) {
        if (downZones.remove(zone)) {
            emitFault("zone-up", zone, "zone back: launches and placements may use it again (nothing moves back)");
        }
    }

    /** Reports a fault to the listener as a {@link ClusterEvent} (the scaling timeline of the reports). */
    private void emitFault(String kind, String subject, String reason) {
        listener.clusterEvent(new ClusterEvent(sim.now(), spec.name(), kind, subject, reason));
    }

    /** The owners of the tasks with their counts, in first-seen order: "service:web 2, job:report 1". */
    private static String owners(List<Task> lost) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Task t : lost) {
            counts.merge(t.workload.owner, 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((owner, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(owner).append(' ').append(n));
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /** Tasks lost to crashes, instance failures and zone outages so far. */
    public long tasksFailed() {
        return tasksFailed;
    }

    /** Instances lost to failures and zone outages so far. */
    public long instancesFailed() {
        return instancesFailed;
    }

    private List<Task> tasksOn(ContainerInstance ci) {
        List<Task> on = new ArrayList<>();
        for (Task t : tasks) {
            if (t.instance == ci && t.state != TaskState.STOPPED) {
                on.add(t);
            }
        }
        return on;
    }

    private CapacityProvider providerOf(ContainerInstance ci) {
        for (CapacityProvider p : providers.values()) {
            if (p.launched.contains(ci)) {
                return p;
            }
        }
        throw new IllegalArgumentException(ci + " is not an instance of cluster " + spec.name());
    }

    /** Tasks stopped by a Spot interruption so far. */
    public long tasksInterrupted() {
        return tasksInterrupted;
    }

    /** Instances that received a Spot interruption notice so far. */
    public long instancesInterrupted() {
        return instancesInterrupted;
    }

    // ---------------------------------------------------------------- views

    public String name() {
        return spec.name();
    }

    public String arn() {
        return arn;
    }

    public ClusterSpec spec() {
        return spec;
    }

    public List<CapacityProvider> capacityProviders() {
        return List.copyOf(providers.values());
    }

    public List<Workload> workloads() {
        return Collections.unmodifiableList(workloads);
    }

    /** Every task launched so far, in launch order (read-only view). */
    public List<Task> tasks() {
        return Collections.unmodifiableList(tasks);
    }

    public int tasksIn(TaskState state) {
        return tasksByState[state.ordinal()];
    }

    public int unplacedTasks() {
        return unplaced;
    }

    public int fargateTasks() {
        return fargateLive;
    }

    public int instancesRunning() {
        return instancesRunning;
    }

    public long cpuRegistered() {
        return cpuRegistered;
    }

    public long cpuReserved() {
        return cpuReserved;
    }

    public long memoryRegistered() {
        return memoryRegistered;
    }

    public long memoryReserved() {
        return memoryReserved;
    }

    /** Seconds of RUNNING so far for a workload, including tasks still running at {@code now}. */
    public long runningNanos(Workload w, long now) {
        long total = w.runningNanos;
        for (Task t : tasks) {
            if (t.workload == w && t.state == TaskState.RUNNING) {
                total += now - t.runningAt;
            }
        }
        return total;
    }

    /** Nanoseconds tasks of {@code w} waited for capacity, including tasks still waiting at {@code now}. */
    public long unplacedNanos(Workload w, long now) {
        long total = w.unplacedNanos;
        for (Task t : tasks) {
            if (t.workload == w && t.unplacedSince >= 0) {
                total += now - t.unplacedSince;
            }
        }
        return total;
    }

    /** Nanoseconds from launch to RUNNING of tasks of {@code w}, counting tasks not yet RUNNING up to {@code now}. */
    public long waitNanos(Workload w, long now) {
        long total = w.waitNanos;
        for (Task t : tasks) {
            if (t.workload == w && t.runningAt < 0 && t.state != TaskState.STOPPED
                    && t.state != TaskState.STOPPING) {
                total += now - t.createdAt;
            }
        }
        return total;
    }
}
