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
import io.fleetsim.scenario.model.DeploymentConfigurationSpec;
import io.fleetsim.scenario.model.DeploymentSpec;
import io.fleetsim.scenario.model.ImageSpec;
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
 * <p>The REPLICA service scheduler (platform-semantics.md section 5.4) is event-driven: {@link #reconcile} runs on
 * every state change of a service's tasks (RUNNING, STOPPED, becoming healthy), at a deployment's start, on a new
 * desired count and when a restart delay ends; never per request. It keeps the desired count, rolls deployments
 * within the minimumHealthyPercent / maximumPercent bounds, runs the circuit breaker, and throttles restarts after
 * tasks that fail before becoming healthy.
 *
 * <p>Caveats: concurrent image pulls on one instance each get the full pull bandwidth; a pull that fails is not
 * modelled; a deployment changes only the image (cpu, memory and the rest of the task definition stay).
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
    /** Waiting tasks per capacity provider and placement request, each queue in launch order (retryUnplaced). */
    private final Map<CapacityProvider, Map<PlacementRequest, java.util.ArrayDeque<Task>>> waiting =
            new java.util.IdentityHashMap<>();
    /** {@code arn:...:task/<cluster>/}: a task's ARN is this and its id. */
    private final String taskArnPrefix;
    private final Map<ContainerInstance, CapacityProvider> providerByInstance = new java.util.IdentityHashMap<>();
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
        this.taskArnPrefix = arns.task(spec.name(), "");
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

    /** Registers a REPLICA service, launches its desired count now and schedules its deployments. */
    public Workload addService(ServiceSpec s) {
        Workload w = newWorkload(Workload.Kind.SERVICE, s.name(), "service:" + s.name(),
                arns.service(spec.name(), s.name()), s.taskDefinition(), s.capacityProviderStrategy(),
                s.placementStrategy(), s.placementConstraints(), s.desiredCount(), 0L);
        w.deploymentConfiguration = s.deploymentConfiguration();
        // A task is healthy once RUNNING and past the load balancer's health-check grace period (section 5.4).
        w.healthCheckGraceNanos = s.traffic() == null ? 0L : s.traffic().loadBalancer().healthCheckGracePeriodNanos();
        for (int i = 0; i < s.desiredCount(); i++) {
            launchTask(w);
        }
        for (DeploymentSpec d : s.deployments()) {
            sim.schedule(d.atNanos(), () -> deploy(w, d.image(), d.failing()));
        }
        return w;
    }

    /** Registers a scheduled job; each firing launches {@code count} standalone tasks. */
    public Workload addJob(JobSpec j) {
        Workload w = newWorkload(Workload.Kind.JOB, j.name(), "family:" + j.taskDefinition().family(),
                null, j.taskDefinition(), j.capacityProviderStrategy(), j.placementStrategy(),
                j.placementConstraints(), j.count(), j.durationNanos());
        if (j.shapes() != null) {
            startSampledArrivals(w, j);
        } else {
            scheduleFiring(w, j.schedule(), sim.now());
        }
        return w;
    }

    /**
     * A job with sampled shapes: {@code count} tasks arrive over the run, each with the CPU, memory and lifetime of
     * a pod drawn uniformly from the pool (stream {@code jobs/<name>/shapes}). {@code constant}: task k at
     * k x duration / count. {@code poisson}: a Poisson process conditioned on exactly count arrivals in the run,
     * i.e. count sorted uniform times, drawn in increasing order by Bentley and Saxe's sequential method
     * (x_k = x_(k-1) + (1 - x_(k-1)) (1 - U^(1/(count - k + 1))), stream {@code jobs/<name>/arrivals}). One arrival
     * event is pending at a time.
     */
    private void startSampledArrivals(Workload w, JobSpec j) {
        var shapes = j.shapes();
        w.shapes = shapes;
        w.podPlacement = new PlacementRequest[shapes.size()];
        Map<Long, PlacementRequest> byShape = new java.util.HashMap<>();
        PlacementRequest base = w.placement;
        for (int i = 0; i < shapes.size(); i++) {
            long key = (long) shapes.cpuUnits()[i] << 32 | shapes.memoryMiB()[i];
            int pod = i;
            w.podPlacement[i] = byShape.computeIfAbsent(key, k -> new PlacementRequest(shapes.cpuUnits()[pod],
                    shapes.memoryMiB()[pod], base.needsEni(), base.group(), base.constraints(), base.strategies()));
        }
        RandomStream shapeRandom = sim.random().stream("jobs/" + j.name() + "/shapes");
        RandomStream arrivalRandom = sim.random().stream("jobs/" + j.name() + "/arrivals");
        long horizon = runEndNanos;
        boolean poisson = "poisson".equals(j.arrivals());
        int count = j.count();
        long[] k = {0};
        double[] x = {0.0};
        EventHandler[] arrive = new EventHandler[1];
        arrive[0] = (now, arg) -> {
            Task t = launchTask(w, shapeRandom.nextInt(shapes.size()));
            k[0]++;
            if (k[0] < count) {
                long next = nextArrival(poisson, arrivalRandom, x, count - k[0], k[0], count, horizon);
                if (next < horizon) {
                    sim.schedule(Math.max(next, now), arrive[0], 0L);
                }
            }
        };
        long first = nextArrival(poisson, arrivalRandom, x, count, 0, count, horizon);
        if (first < horizon) {
            sim.schedule(first, arrive[0], 0L);
        }
    }

    /** The next arrival time (see {@link #startSampledArrivals}); {@code remaining} arrivals are still to come. */
    private static long nextArrival(boolean poisson, RandomStream random, double[] x, long remaining, long k,
            int count, long horizon) {
        if (!poisson) {
            return (long) ((double) k * horizon / count);
        }
        double u = random.nextDouble();
        x[0] += (1.0 - x[0]) * (1.0 - StrictMath.pow(1.0 - u, 1.0 / remaining));
        return (long) (x[0] * horizon);
    }

    /** The end of the run, which sampled arrivals spread over; set by {@link #setRunEnd}. */
    private long runEndNanos = Long.MAX_VALUE;

    /** The simulated end of the run (sampled job arrivals are spread over [0, end)). */
    public void setRunEnd(long endNanos) {
        this.runEndNanos = endNanos;
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
        w.revisions.add(new Workload.Revision(td, arns.taskDefinition(td.family(), revision), false));
        w.placementStrategies = List.copyOf(strategies);
        workloads.add(w);
        return w;
    }

    /**
     * Changes a service's desired count now, as UpdateService does: more tasks are launched at once; for fewer, the
     * service scheduler stops tasks (platform-semantics.md section 5.2, scale-in): first tasks not yet RUNNING
     * (newest first), then RUNNING ones chosen so the service stays balanced: the zone with the most tasks of the
     * service, in it the instance with the most, newest task first (on Fargate, the zone alone). Stopped tasks
     * drain and stop after their stop timeout at most. On EC2 the service's placement strategies choose which
     * RUNNING task stops ({@link #scaleInVictim}). During a deployment the deployment's rules decide
     * ({@link #reconcile}).
     */
    public void setDesiredCount(Workload w, int desired) {
        if (w.kind != Workload.Kind.SERVICE) {
            throw new IllegalArgumentException(w.owner + " is not a service");
        }
        if (desired < 0) {
            throw new IllegalArgumentException("desired count must be >= 0, found " + desired);
        }
        w.desiredCount = desired;
        if (w.deployment != null) {
            reconcile(w);
            return;
        }
        // Tasks already STOPPING do not count towards the desired count (ECS counts PENDING and RUNNING).
        launchMissing(w);
        for (int excess = w.live - w.stopping - desired; excess > 0; excess--) {
            stopTask(scaleInVictim(w, -1, true), w.taskDefinition.stopTimeoutNanos());
        }
    }

    /**
     * The task scale-in stops (platform-semantics.md section 5.2), among the service's live tasks of revision
     * {@code revision} ({@code only}) or of every other revision ({@code !only}); {@code revision} -1: any task.
     * <ol>
     *   <li>Tasks that are not RUNNING yet serve nothing: the newest of them.</li>
     *   <li>Fargate: the zone with the most RUNNING tasks of the service (ties to the zone listed first).</li>
     *   <li>EC2: the service's placement strategies in order, each keeping the candidates it ranks first:
     *   {@code spread(attribute:ecs.availability-zone)} the zone with the most RUNNING tasks of the service (ties
     *   to the zone listed first, the documented default rule); {@code spread} on another field the field values
     *   with the most tasks of the service placed there (for {@code instanceId}/{@code host} the instance's task
     *   group count); {@code binpack(memory|cpu)} the instances that will have the most memory|cpu available after
     *   the task stops; {@code random} one candidate drawn from the placement stream.</li>
     *   <li>Ties: the instance with the most tasks of the service, then the newest task.</li>
     * </ol>
     */
    private Task scaleInVictim(Workload w, int revision, boolean only) {
        LiveTasks live = w.liveTasks;
        for (int i = live.end() - 1; i >= 0; i--) {
            Task t = live.at(i);
            if (t != null && selected(t, revision, only)
                    && (t.state == TaskState.PROVISIONING || t.state == TaskState.PENDING)) {
                return t;
            }
        }
        List<Task> candidates = new ArrayList<>();
        for (int i = live.end() - 1; i >= 0; i--) {
            Task t = live.at(i);
            if (t != null && selected(t, revision, only) && t.state == TaskState.RUNNING) {
                candidates.add(t);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.get(0).provider.isFargate()) {
            keepBusiestZone(w, candidates);
        } else {
            for (PlacementStrategySpec s : w.placementStrategies) {
                if (candidates.size() <= 1) {
                    break;
                }
                switch (s.type()) {
                    case "spread" -> {
                        if (ZONE_FIELD.equals(s.field())) {
                            keepBusiestZone(w, candidates);
                        } else {
                            keepBusiestValue(w, candidates, s.field());
                        }
                    }
                    case "binpack" -> keepMostFree(candidates, "memory".equals(s.field()));
                    case "random" -> {
                        Task pick = candidates.get(placementRandom.nextInt(candidates.size()));
                        candidates.clear();
                        candidates.add(pick);
                    }
                    default -> throw new IllegalStateException("unknown placement strategy " + s.type());
                }
            }
        }
        Task victim = null;
        int victimLoad = -1;
        for (Task t : candidates) {
            int load = t.instance == null ? 0 : t.instance.tasksInGroup(w.group);
            if (load > victimLoad) {
                victim = t;
                victimLoad = load;
            }
        }
        return victim;
    }

    private static final String ZONE_FIELD = "attribute:ecs.availability-zone";

    private static boolean selected(Task t, int revision, boolean only) {
        return revision < 0 || (t.revision == revision) == only;
    }

    /** Keeps the candidates in the zone with the most RUNNING tasks of the service, ties to the first zone. */
    private void keepBusiestZone(Workload w, List<Task> candidates) {
        List<String> zones = spec.zones();
        int[] perZone = new int[zones.size()];
        for (Task t : w.liveTasks) {
            if (t.state == TaskState.RUNNING) {
                perZone[zones.indexOf(t.zone)]++;
            }
        }
        int zone = -1;
        for (Task t : candidates) {
            int z = zones.indexOf(t.zone);
            if (zone < 0 || perZone[z] > perZone[zone] || perZone[z] == perZone[zone] && z < zone) {
                zone = z;
            }
        }
        String keep = zones.get(zone);
        candidates.removeIf(t -> !t.zone.equals(keep));
    }

    /** Keeps the candidates whose value of {@code field} has the most tasks of the service placed there. */
    private static void keepBusiestValue(Workload w, List<Task> candidates, String field) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (Task t : w.liveTasks) {
            if (t.instance != null) {
                counts.merge(fieldValue(t.instance, field), 1, Integer::sum);
            }
        }
        int best = -1;
        for (Task t : candidates) {
            best = Math.max(best, counts.getOrDefault(fieldValue(t.instance, field), 0));
        }
        int max = best;
        candidates.removeIf(t -> counts.getOrDefault(fieldValue(t.instance, field), 0) != max);
    }

    private static String fieldValue(ContainerInstance ci, String field) {
        if ("instanceId".equals(field) || "host".equals(field)) {
            return ci.instanceId();
        }
        String value = ci.attribute(field.substring("attribute:".length()));
        return value == null ? "" : value;
    }

    /** binpack on scale-in: keeps the candidates on the instances left with the most memory (or CPU) available. */
    private static void keepMostFree(List<Task> candidates, boolean memory) {
        int best = Integer.MIN_VALUE;
        for (Task t : candidates) {
            best = Math.max(best, memory ? t.instance.remainingMemoryMiB() : t.instance.remainingCpu());
        }
        int max = best;
        candidates.removeIf(t -> (memory ? t.instance.remainingMemoryMiB() : t.instance.remainingCpu()) != max);
    }

    // ---------------------------------------------------------------- task lifecycle

    /** Launches one task of {@code w} now, on the provider its strategy picks. */
    public Task launchTask(Workload w) {
        return launchTask(w, -1);
    }

    /** Launches one task; {@code pod}: its pod in the job's sampled pool, or -1. */
    private Task launchTask(Workload w, int pod) {
        long now = sim.now();
        int item = w.chooseProvider();
        CapacityProvider p = w.providers[item];
        String id = arns.newResourceId();
        Task t = new Task(tasks.size(), id, taskArnPrefix, w, p, now);
        t.revision = w.primary;
        t.pod = pod;
        tasks.add(t);
        w.liveTasks.add(t);
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
        } else if (tryPlace(t, now)) {
            t.instance.placedTasks.add(t);
        } else {
            t.unplacedSince = now;
            unplaced++;
            p.unplaced.add(t);
            waitingQueue(p, requestOf(t)).addLast(t);
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
        PlacementRequest request = requestOf(t);
        // The index decides as Placer's scan would (and scans for what it does not cover).
        ContainerInstance ci = (ContainerInstance) p.placement.place(request, p.active, placementRandom);
        if (ci == null) {
            return false;
        }
        TaskDefinitionSpec td = t.workload.taskDefinition;
        boolean eni = td.networkMode() == NetworkMode.AWSVPC;
        ci.reserve(request.cpuUnits(), request.memoryMiB(), eni, t.workload.group);
        p.placement.reserved(ci, t.workload.group);
        if (ci.runningTasksCount() == 1) {
            p.withTasks++;  // an ACTIVE instance, never one chosen for scale-in
        }
        cpuReserved += request.cpuUnits();
        memoryReserved += request.memoryMiB();
        t.instance = ci;
        t.zone = ci.zone();
        long delay = eni ? timings.ec2EniAttachNanos() : 0L;
        t.pendingEvent = sim.schedule(now + delay, provisioned, t.index);
        return true;
    }

    private void onProvisioned(Task t, long now) {
        move(t, TaskState.PENDING);
        TaskDefinitionSpec td = t.workload.revisions.get(t.revision).taskDefinition();
        long pull;
        if (t.provider.isFargate()) {
            // Pull bandwidth scales with the task's CPU (platform-semantics.md section 1.6); at least a 0.25-vCPU share.
            double bytesPerSecond = timings.fargatePullBytesPerSecondPerVcpu() * Math.max(td.cpuUnits(), 256) / 1024.0;
            pull = pullNanos(td.image().sizeBytes(), bytesPerSecond);
        } else if (t.instance.hasImage(td.image().key())) {
            // A cached image: the default and always pull behaviours still ask the registry (section 4).
            pull = spec.imagePullBehavior().checksRegistry() ? timings.ec2RegistryCheckNanos() : 0L;
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
            t.instance.cacheImage(t.workload.revisions.get(t.revision).taskDefinition().image().key());
        }
        t.pendingEvent = sim.schedule(now + timings.containerStartNanos(), started, t.index);
    }

    private void onRunning(Task t, long now) {
        t.pendingEvent = -1;
        Workload w = t.workload;
        if (w.revisions.get(t.revision).failing()) {
            // A bad release: the container exits with an error right after it starts; the task never runs.
            t.failedBeforeHealthy = true;
            stopTask(t, 0L, true);
            return;
        }
        move(t, TaskState.RUNNING);
        t.runningAt = now;
        w.waitNanos += now - t.createdAt;
        listener.taskRunning(t, now);
        if (w.kind == Workload.Kind.JOB) {
            long runFor = t.pod >= 0 ? w.shapes.lifetimeNanos()[t.pod] : w.runNanos;
            t.pendingEvent = sim.schedule(now + runFor, exited, t.index);
        } else if (w.deployment != null) {
            reconcile(w);
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
            Map<PlacementRequest, java.util.ArrayDeque<Task>> queues = waiting.get(t.provider);
            java.util.ArrayDeque<Task> queue = queues.get(requestOf(t));
            queue.remove(t);
            if (queue.isEmpty()) {
                queues.remove(requestOf(t));
            }
            leaveUnplaced(t, now);
        }
        if (t.state == TaskState.RUNNING) {
            t.workload.runningNanos += now - t.runningAt;
            if (isHealthy(t, now)) {
                t.workload.lastHealthyAt = Math.max(t.workload.lastHealthyAt,
                        t.runningAt + t.workload.healthCheckGraceNanos);
            }
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
        w.liveTasks.remove(t);
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
            t.instance.placedTasks.remove(t);
            TaskDefinitionSpec td = w.taskDefinition;
            PlacementRequest request = requestOf(t);
            t.instance.release(request.cpuUnits(), request.memoryMiB(), td.networkMode() == NetworkMode.AWSVPC,
                    w.group);
            t.provider.placement.released(t.instance, w.group);
            if (t.instance.runningTasksCount() == 0 && !t.instance.retiring
                    && t.instance.state() != ContainerInstance.State.TERMINATED) {
                t.provider.withTasks--;
            }
            cpuReserved -= request.cpuUnits();
            memoryReserved -= request.memoryMiB();
            if (t.instance.retiring && t.instance.runningTasksCount() == 0
                    && t.instance.state() != ContainerInstance.State.TERMINATED) {
                terminateInstance(t.instance, t.provider, false);
            }
            retryUnplaced(t.provider, now);
        }
        // The REPLICA scheduler replaces tasks that stop (platform-semantics.md section 5.4).
        if (w.kind == Workload.Kind.SERVICE) {
            if (t.failedBeforeHealthy) {
                taskFailed(w, t, now);
            }
            reconcile(w);
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

    /**
     * Tries the provider's waiting tasks in launch order. A task whose placement request (resources, constraints,
     * strategies) already failed in this pass, with no placement since, is skipped without a search: nothing
     * changed that could let it fit (placement draws nothing when no node is feasible). The waiting tasks are kept
     * in one queue per request, so the pass takes the earliest head among the requests not failed and ends once
     * every request has failed: an instance registering while 100,000 tasks of one service wait costs the
     * placements it takes plus one failed search, not a walk over the 100,000.
     */
    private void retryUnplaced(CapacityProvider p, long now) {
        Map<PlacementRequest, java.util.ArrayDeque<Task>> queues = waiting.get(p);
        if (queues == null || queues.isEmpty()) {
            return;
        }
        java.util.Set<PlacementRequest> failed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!p.active.isEmpty()) {
            java.util.ArrayDeque<Task> next = null;
            PlacementRequest request = null;
            for (Map.Entry<PlacementRequest, java.util.ArrayDeque<Task>> e : queues.entrySet()) {
                if (!failed.contains(e.getKey())
                        && (next == null || e.getValue().peekFirst().index < next.peekFirst().index)) {
                    next = e.getValue();
                    request = e.getKey();
                }
            }
            if (next == null) {
                return;
            }
            Task t = next.peekFirst();
            if (tryPlace(t, now)) {
                t.instance.placedTasks.add(t);
                next.pollFirst();
                if (next.isEmpty()) {
                    queues.remove(request);
                }
                p.unplaced.remove(t);
                leaveUnplaced(t, now);
                failed.clear();
            } else {
                failed.add(request);
            }
        }
    }

    /** The queue of tasks waiting on {@code p} with placement request {@code request}, created when missing. */
    private java.util.ArrayDeque<Task> waitingQueue(CapacityProvider p, PlacementRequest request) {
        return waiting.computeIfAbsent(p, k -> new LinkedHashMap<>())
                .computeIfAbsent(request, k -> new java.util.ArrayDeque<>());
    }

    /** The placement request of a task: its workload's, or its pod's shape for a job with sampled shapes. */
    private static PlacementRequest requestOf(Task t) {
        return t.pod >= 0 ? t.workload.podPlacement[t.pod] : t.workload.placement;
    }

    // ---------------------------------------------------------------- service scheduler

    /** Longest restart delay of the service scheduler's throttle, 15 minutes (platform-semantics.md section 5.4). */
    public static final long RESTART_THROTTLE_CAP_NANOS = 15 * 60_000_000_000L;

    /**
     * The restart throttle's delay before the replacement after the {@code n}-th consecutive task that failed before
     * becoming healthy: none after the first, then {@code base} after the second, doubling per further failure, at
     * most 15 minutes. AWS publishes only the 15-minute cap ("incrementally longer restart delays", section 5.4);
     * the schedule is fleetsim's assumption. With the default base of 30 s: 0, 30 s, 1 min, 2 min, 4 min, 8 min,
     * then 15 min.
     */
    public static long restartDelayNanos(int n, long baseNanos) {
        if (n <= 1) {
            return 0L;
        }
        long delay = baseNanos;
        for (int i = 2; i < n && delay < RESTART_THROTTLE_CAP_NANOS; i++) {
            delay *= 2;
        }
        return Math.min(delay, RESTART_THROTTLE_CAP_NANOS);
    }

    /** RUNNING and past the health-check grace period. */
    private static boolean isHealthy(Task t, long now) {
        return t.state == TaskState.RUNNING && now >= t.runningAt + t.workload.healthCheckGraceNanos;
    }

    /**
     * Registers a new revision of the service's task definition with {@code image} and starts a deployment to it
     * now (UpdateService with a new task definition); a deployment in progress is superseded.
     */
    public void deploy(Workload w, ImageSpec image, boolean failing) {
        TaskDefinitionSpec base = w.taskDefinition;
        TaskDefinitionSpec td = new TaskDefinitionSpec(base.family(), base.cpuUnits(), base.memoryMiB(), image,
                base.networkMode(), base.ephemeralStorageGiB(), base.cpuArchitecture(), base.stopTimeoutNanos());
        int revision = taskDefinitionRevisions.merge(td.family(), 1, Integer::sum);
        w.revisions.add(new Workload.Revision(td, arns.taskDefinition(td.family(), revision), failing));
        beginDeployment(w, w.revisions.size() - 1, false);
    }

    private void beginDeployment(Workload w, int revision, boolean rollback) {
        long now = sim.now();
        String superseded = "";
        if (w.deployment != null) {
            w.deployment.end(now, Deployment.Outcome.SUPERSEDED);
            superseded = "; supersedes deployment " + w.deployment.number + " (in progress)";
        }
        Workload.Revision r = w.revisions.get(revision);
        int desired = w.desiredCount;
        DeploymentConfigurationSpec c = w.deploymentConfiguration;
        Deployment d = new Deployment(w.deployments.size() + 1, w.name, revision, r.arn(),
                r.taskDefinition().image().key(), rollback, now,
                DeploymentConfigurationSpec.circuitBreakerThreshold(desired));
        w.deployments.add(d);
        w.deployment = d;
        w.primary = revision;
        w.launchesHalted = false;
        // A new task definition resets the restart throttle (section 5.4).
        w.consecutiveFailures = 0;
        w.launchNotBefore = 0L;
        String breaker = c.circuitBreakerEnable()
                ? "circuit breaker after " + d.failureThreshold + " failed tasks = clamp(ceil(0.5 x " + desired
                        + "), 10, 200)" + (c.circuitBreakerRollback() ? " with rollback" : " without rollback")
                : "circuit breaker off";
        clusterEvent(now, rollback ? "rollback-started" : "deployment-started", w.name, "deployment " + d.number
                + " to " + r.arn() + " (image " + d.image + "): desired " + desired + ", at least "
                + c.lowerBound(desired) + " healthy = ceil(" + desired + " x " + c.minimumHealthyPercent()
                + "%), at most " + c.upperBound(desired) + " tasks = floor(" + desired + " x " + c.maximumPercent()
                + "%); " + breaker + superseded);
        reconcile(w);
    }

    private void clusterEvent(long now, String kind, String subject, String reason) {
        listener.clusterEvent(new ClusterEvent(now, spec.name(), kind, subject, reason));
    }

    /** Launches tasks up to the desired count, unless the restart throttle or a failed deployment holds them. */
    private void launchMissing(Workload w) {
        if (w.launchesHalted || w.live - w.stopping >= w.desiredCount) {
            return;
        }
        if (sim.now() < w.launchNotBefore) {
            wake(w, w.launchNotBefore);
            return;
        }
        while (w.live - w.stopping < w.desiredCount) {
            launchTask(w);
        }
    }

    /**
     * The service scheduler's step for {@code w}, run on every state change of its tasks (platform-semantics.md
     * section 5.4). Without a deployment: replace tasks up to the desired count. During a deployment to revision R,
     * with lower = ceil(desired x minimumHealthyPercent / 100) and upper = floor(desired x maximumPercent / 100):
     * <ol>
     *   <li>stop tasks of other revisions (not yet RUNNING first, then by {@link #scaleInVictim}) while the
     *   healthy tasks stay at least lower (stopping one that is not healthy costs nothing);</li>
     *   <li>launch tasks of R while fewer than desired of them are live and all live tasks (RUNNING, PENDING,
     *   PROVISIONING and STOPPING, of every revision) are fewer than upper;</li>
     *   <li>complete once desired tasks of R are healthy and no task of another revision is live.</li>
     * </ol>
     */
    private void reconcile(Workload w) {
        Deployment d = w.deployment;
        if (d == null) {
            launchMissing(w);
            return;
        }
        long now = sim.now();
        DeploymentConfigurationSpec c = w.deploymentConfiguration;
        int desired = w.desiredCount;
        int lower = c.lowerBound(desired);
        int upper = c.upperBound(desired);
        int total = 0;
        int healthy = 0;
        int newLive = 0;
        int newHealthy = 0;
        int oldLive = 0;
        int oldStopping = 0;
        long nextHealthy = Long.MAX_VALUE;
        for (Task t : w.liveTasks) {
            total++;
            boolean isNew = t.revision == d.revision;
            if (t.state == TaskState.STOPPING) {
                oldStopping += isNew ? 0 : 1;
                continue;
            }
            boolean h = isHealthy(t, now);
            if (t.state == TaskState.RUNNING && !h) {
                nextHealthy = Math.min(nextHealthy, t.runningAt + w.healthCheckGraceNanos);
            }
            healthy += h ? 1 : 0;
            if (isNew) {
                newLive++;
                newHealthy += h ? 1 : 0;
            } else {
                oldLive++;
            }
        }
        long stopTimeout = w.taskDefinition.stopTimeoutNanos();
        while (oldLive > 0) {
            Task victim = scaleInVictim(w, d.revision, false);
            boolean h = isHealthy(victim, now);
            if (h && healthy - 1 < lower) {
                break;
            }
            stopTask(victim, stopTimeout);
            oldLive--;
            oldStopping++;
            healthy -= h ? 1 : 0;
        }
        // A lower desired count during the deployment (a scheduled action) stops tasks of the new revision too.
        while (newLive > desired) {
            Task victim = scaleInVictim(w, d.revision, true);
            newHealthy -= isHealthy(victim, now) ? 1 : 0;
            stopTask(victim, stopTimeout);
            newLive--;
        }
        if (newLive < desired && total < upper) {
            if (now < w.launchNotBefore) {
                wake(w, w.launchNotBefore);
            } else {
                while (newLive < desired && total < upper) {
                    launchTask(w);
                    d.tasksLaunched++;
                    newLive++;
                    total++;
                }
            }
        }
        if (newHealthy >= desired && oldLive == 0 && oldStopping == 0) {
            d.end(now, Deployment.Outcome.COMPLETED);
            w.deployment = null;
            w.stable = d.revision;
            clusterEvent(now, "deployment-completed", w.name, "deployment " + d.number + " to " + d.taskDefinitionArn
                    + ": " + newHealthy + " of " + desired + " desired tasks healthy on the new revision, no old task"
                    + " left; launched " + d.tasksLaunched + ", failed " + d.tasksFailed + ", took "
                    + io.fleetsim.engine.Durations.format(now - d.startNanos));
            return;
        }
        if (nextHealthy != Long.MAX_VALUE) {
            wake(w, nextHealthy);
        }
    }

    /**
     * A task of {@code w} stopped with a failure before it became healthy: if it is of the revision the service
     * launches, the restart throttle delays the next launch, and during a deployment it counts towards the
     * circuit breaker.
     */
    private void taskFailed(Workload w, Task t, long now) {
        if (t.revision != w.primary) {
            // A task of a revision the service no longer launches (after a rollback): nothing to throttle.
            return;
        }
        long healthySince = w.lastHealthyAt;
        for (Task other : w.liveTasks) {
            if (isHealthy(other, now)) {
                healthySince = Math.max(healthySince, other.runningAt + w.healthCheckGraceNanos);
            }
        }
        if (healthySince > w.lastFailureAt) {
            w.consecutiveFailures = 0;
        }
        w.consecutiveFailures++;
        w.lastFailureAt = now;
        long delay = restartDelayNanos(w.consecutiveFailures, timings.restartThrottleBaseNanos());
        if (delay > 0) {
            w.launchNotBefore = now + delay;
            clusterEvent(now, "restart-throttled", w.name, w.consecutiveFailures + " consecutive tasks failed before "
                    + "becoming healthy (last " + t.id + "): next launch in "
                    + io.fleetsim.engine.Durations.format(delay) + " (assumed schedule: none after the first "
                    + "failure, then " + io.fleetsim.engine.Durations.format(timings.restartThrottleBaseNanos())
                    + " doubling per failure, at most 15m)");
        }
        Deployment d = w.deployment;
        if (d == null || t.revision != d.revision) {
            return;
        }
        d.tasksFailed++;
        DeploymentConfigurationSpec c = w.deploymentConfiguration;
        if (!c.circuitBreakerEnable() || d.tasksFailed < d.failureThreshold) {
            return;
        }
        d.end(now, Deployment.Outcome.FAILED);
        w.deployment = null;
        boolean rollback = c.circuitBreakerRollback() && !d.rollback && w.stable != d.revision;
        clusterEvent(now, "deployment-failed", w.name, "deployment " + d.number + " to " + d.taskDefinitionArn + ": "
                + d.tasksFailed + " of " + d.tasksLaunched + " new tasks failed before becoming healthy, threshold "
                + d.failureThreshold + "; " + (rollback ? "rolling back to " + w.revisions.get(w.stable).arn()
                        : "no rollback: the service stops launching tasks and keeps the ones it has"));
        if (rollback) {
            beginDeployment(w, w.stable, true);
        } else {
            w.launchesHalted = true;
        }
    }

    /** Runs {@link #reconcile} for {@code w} at {@code at} (one pending wake-up per service, the earliest). */
    private void wake(Workload w, long at) {
        if (w.wakeEvent >= 0 && w.wakeAt <= at) {
            return;
        }
        if (w.wakeEvent >= 0) {
            sim.cancel(w.wakeEvent);
        }
        w.wakeAt = at;
        w.wakeEvent = sim.schedule(at, () -> {
            w.wakeEvent = -1;
            w.wakeAt = Long.MAX_VALUE;
            reconcile(w);
        });
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
        p.current.add(ci);
        p.inService++;
        p.launching++;
        providerByInstance.put(ci, p);
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
            p.launching--;
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
            // N and M's instances are counted as instances change (O(1) here, not O(instances) per minute).
            int n = p.inService;
            int m = p.launching + p.withTasks + instancesForUnplaced(p);
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

    /** An instance stops counting for managed scaling: chosen for scale-in, or terminated. */
    private static void leaveManagedCounts(CapacityProvider p, ContainerInstance ci) {
        p.inService--;
        if (ci.state() == ContainerInstance.State.LAUNCHING) {
            p.launching--;
        } else if (ci.runningTasksCount() > 0) {
            p.withTasks--;
        }
    }

    /**
     * Whether every provider's managed-scaling counts equal a scan of its instances (N: not terminated, not
     * retiring; M's instances: launching, or holding a task). For tests.
     */
    boolean managedCountsMatchScan() {
        for (CapacityProvider p : providers.values()) {
            int n = 0;
            int launching = 0;
            int withTasks = 0;
            for (ContainerInstance ci : p.launched) {
                if (ci.state() == ContainerInstance.State.TERMINATED || ci.retiring) {
                    continue;
                }
                n++;
                if (ci.state() == ContainerInstance.State.LAUNCHING) {
                    launching++;
                } else if (ci.runningTasksCount() > 0) {
                    withTasks++;
                }
            }
            if (n != p.inService || launching != p.launching || withTasks != p.withTasks) {
                return false;
            }
        }
        return true;
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
        waiting.sort((a, b) -> Integer.compare(requestOf(b).memoryMiB(), requestOf(a).memoryMiB()));
        List<int[]> bins = new ArrayList<>();
        List<java.util.Set<String>> distinctGroups = new ArrayList<>();
        for (Task t : waiting) {
            TaskDefinitionSpec td = t.workload.taskDefinition;
            PlacementRequest shape = requestOf(t);
            int eni = td.networkMode() == NetworkMode.AWSVPC ? 1 : 0;
            if (shape.cpuUnits() > cpuCap || shape.memoryMiB() > memCap || eni > eniCap) {
                continue;
            }
            boolean distinct = t.workload.distinctInstance();
            int bin = -1;
            for (int b = 0; b < bins.size() && bin < 0; b++) {
                int[] r = bins.get(b);
                if (r[0] >= shape.cpuUnits() && r[1] >= shape.memoryMiB() && r[2] >= eni
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
            r[0] -= shape.cpuUnits();
            r[1] -= shape.memoryMiB();
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
        for (ContainerInstance ci : p.current) {
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
            for (ContainerInstance ci : p.current) {
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
            leaveManagedCounts(p, ci);
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
        if (!ci.retiring && ci.state() != ContainerInstance.State.TERMINATED) {
            leaveManagedCounts(p, ci);
        }
        ci.terminate();
        p.current.remove(ci);
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

    /**
     * A running task's container crashes: it stops at once and the service scheduler replaces it. A crash before
     * the task became healthy counts towards the restart throttle and a deployment's circuit breaker.
     */
    public void crashTask(Task t) {
        if (t.state == TaskState.STOPPING || t.state == TaskState.STOPPED) {
            return;
        }
        t.failedBeforeHealthy = t.state == TaskState.RUNNING && !isHealthy(t, sim.now());
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
            for (ContainerInstance ci : List.copyOf(p.current)) {
                if (ci.zone().equals(zone)) {
                    failInstance(ci);
                }
            }
        }
        List<Task> inZone = new ArrayList<>();
        for (Workload w : workloads) {
            for (Task t : w.liveTasks) {
                if (t.provider.isFargate() && zone.equals(t.zone)) {
                    inZone.add(t);
                }
            }
        }
        inZone.sort(BY_LAUNCH);
        for (Task t : inZone) {
            if (t.state != TaskState.STOPPED) {
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

    /** The tasks placed on {@code ci} and not yet STOPPED, in launch order (from the instance's own list). */
    private List<Task> tasksOn(ContainerInstance ci) {
        List<Task> on = new ArrayList<>(ci.placedTasks);
        on.sort(BY_LAUNCH);
        return on;
    }

    private static final java.util.Comparator<Task> BY_LAUNCH = (a, b) -> Integer.compare(a.index, b.index);

    private CapacityProvider providerOf(ContainerInstance ci) {
        CapacityProvider p = providerByInstance.get(ci);
        if (p == null) {
            throw new IllegalArgumentException(ci + " is not an instance of cluster " + spec.name());
        }
        return p;
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

    /** The live (not STOPPED) tasks of {@code w}, in launch order. */
    public Iterable<Task> liveTasks(Workload w) {
        return w.liveTasks;
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
        for (Task t : w.liveTasks) {
            if (t.state == TaskState.RUNNING) {
                total += now - t.runningAt;
            }
        }
        return total;
    }

    /** Nanoseconds tasks of {@code w} waited for capacity, including tasks still waiting at {@code now}. */
    public long unplacedNanos(Workload w, long now) {
        long total = w.unplacedNanos;
        for (Task t : w.liveTasks) {
            if (t.unplacedSince >= 0) {
                total += now - t.unplacedSince;
            }
        }
        return total;
    }

    /** Nanoseconds from launch to RUNNING of tasks of {@code w}, counting tasks not yet RUNNING up to {@code now}. */
    public long waitNanos(Workload w, long now) {
        long total = w.waitNanos;
        for (Task t : w.liveTasks) {
            if (t.runningAt < 0 && t.state != TaskState.STOPPED
                    && t.state != TaskState.STOPPING) {
                total += now - t.createdAt;
            }
        }
        return total;
    }
}
