package io.fleetsim.cluster;

import io.fleetsim.placement.PlacementRequest;
import io.fleetsim.scenario.model.DeploymentConfigurationSpec;
import io.fleetsim.scenario.model.PlacementStrategySpec;
import io.fleetsim.scenario.model.StrategyItem;
import io.fleetsim.scenario.model.TaskDefinitionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What launches tasks: a REPLICA service (keeps {@code desiredCount} tasks, replaces stopped ones) or a scheduled
 * job (launches {@code count} standalone tasks per firing, each exits after its duration).
 *
 * <p>The capacity provider strategy is applied per launch, as ECS does (platform-semantics.md section 5.6): the first
 * {@code base} tasks go to the provider with a base, the rest to the provider furthest below its weighted share.
 */
public final class Workload {

    /** Service or job. */
    public enum Kind { SERVICE, JOB }

    final Kind kind;
    final String name;
    final String owner;
    final String group;
    final String arn;
    final String taskDefinitionArn;
    final TaskDefinitionSpec taskDefinition;
    final List<StrategyItem> strategy;
    final CapacityProvider[] providers;
    final PlacementRequest placement;
    /** Its placement has a {@code distinctInstance} constraint (fixed at registration). */
    private final boolean distinctInstance;
    final long runNanos;
    int desiredCount;

    /** Live (not STOPPED) tasks per strategy item. */
    final int[] liveByProvider;
    /** Live Fargate tasks per cluster zone, for spreading Fargate tasks across zones. */
    final int[] liveByZone;
    int live;
    /** Of the live tasks, those STOPPING. */
    int stopping;

    long tasksStarted;
    long tasksInterrupted;
    long tasksFailed;
    long tasksStopped;
    long runningNanos;
    long waitNanos;
    long unplacedNanos;

    /** A task-definition revision of the workload; {@code failing}: its tasks fail right after their container starts. */
    record Revision(TaskDefinitionSpec taskDefinition, String arn, boolean failing) {
    }

    /** Revisions registered for it, in order; index 0 is the one it was created with. */
    final List<Revision> revisions = new ArrayList<>();
    /** A job with sampled shapes: its pool of pods (CPU, memory, lifetime); {@code null} otherwise. */
    io.fleetsim.scenario.model.ShapesSpec shapes;
    /** Per pod of {@link #shapes}: its placement request, shared by the pods of one (cpu, memory) shape. */
    PlacementRequest[] podPlacement;

    /** The placement strategies as written, for scale-in (platform-semantics.md section 5.2). */
    List<PlacementStrategySpec> placementStrategies = List.of();
    /** Live (not STOPPED) tasks in launch order. */
    final LiveTasks liveTasks = new LiveTasks();

    // Service scheduler state (platform-semantics.md section 5.4).
    DeploymentConfigurationSpec deploymentConfiguration = DeploymentConfigurationSpec.DEFAULT;
    /** A RUNNING task counts as healthy this long after it started (the load balancer's grace period, or 0). */
    long healthCheckGraceNanos;
    /** The revision new tasks are launched with. */
    int primary;
    /** The last revision a deployment completed to (a rollback's target). */
    int stable;
    /** After a deployment failed without rollback: the service launches nothing until the next deployment. */
    boolean launchesHalted;
    /** The deployment in progress, or {@code null}. */
    Deployment deployment;
    final List<Deployment> deployments = new ArrayList<>();
    /** Restart throttle: failures before healthy since a task last became healthy or a revision was deployed. */
    int consecutiveFailures;
    long lastFailureAt = -1;
    /** The latest time a task of the service became healthy that the scheduler knows of. */
    long lastHealthyAt = -1;
    /** No task is launched before this (restart throttle). */
    long launchNotBefore;
    /** The pending wake-up of the scheduler for this service (throttle end, a task becoming healthy). */
    long wakeAt = Long.MAX_VALUE;
    long wakeEvent = -1;

    Workload(Kind kind, String name, String group, String arn, String taskDefinitionArn,
            TaskDefinitionSpec taskDefinition, List<StrategyItem> strategy, CapacityProvider[] providers,
            PlacementRequest placement, int desiredCount, long runNanos, int zones) {
        this.kind = kind;
        this.name = name;
        this.owner = (kind == Kind.SERVICE ? "service:" : "job:") + name;
        this.group = group;
        this.arn = arn;
        this.taskDefinitionArn = taskDefinitionArn;
        this.taskDefinition = taskDefinition;
        this.strategy = List.copyOf(strategy);
        this.providers = providers.clone();
        this.placement = placement;
        this.distinctInstance = placement.constraints().stream()
                .anyMatch(io.fleetsim.placement.PlacementPolicies::isDistinctInstance);
        this.desiredCount = desiredCount;
        this.runNanos = runNanos;
        this.liveByProvider = new int[providers.length];
        this.liveByZone = new int[zones];
    }

    /**
     * Index into the strategy of the provider for the next task: the base provider until its base is met, then
     * the provider minimising (tasks beyond base + 1) / weight, ties to the earlier item (D'Hondt apportionment, which
     * reproduces the documented 1:4 example exactly: A gets 1 task per 4 on B).
     */
    int chooseProvider() {
        for (int i = 0; i < strategy.size(); i++) {
            if (liveByProvider[i] < strategy.get(i).base()) {
                return i;
            }
        }
        int best = -1;
        long bestNum = 0;
        long bestDen = 1;
        for (int i = 0; i < strategy.size(); i++) {
            int weight = strategy.get(i).weight();
            if (weight == 0) {
                continue;
            }
            long num = Math.max(0, liveByProvider[i] - strategy.get(i).base()) + 1L;
            // num / weight < bestNum / bestDen  <=>  num * bestDen < bestNum * weight
            if (best < 0 || num * bestDen < bestNum * weight) {
                best = i;
                bestNum = num;
                bestDen = weight;
            }
        }
        // A strategy of only bases that are all met keeps using the base provider (the loader guarantees one exists).
        return best >= 0 ? best : baseIndex();
    }

    private int baseIndex() {
        for (int i = 0; i < strategy.size(); i++) {
            if (strategy.get(i).base() > 0) {
                return i;
            }
        }
        return 0;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** {@code service:<name>} or {@code job:<name>}: the owner in the usage ledger. */
    public String owner() {
        return owner;
    }

    /** ECS task group: {@code service:<name>} or {@code family:<family>}. */
    public String group() {
        return group;
    }

    public String arn() {
        return arn;
    }

    public String taskDefinitionArn() {
        return taskDefinitionArn;
    }

    public TaskDefinitionSpec taskDefinition() {
        return taskDefinition;
    }

    public List<StrategyItem> strategy() {
        return strategy;
    }

    public int desiredCount() {
        return desiredCount;
    }

    /** Tasks not STOPPED. */
    public int liveTasks() {
        return live;
    }

    /** Of the live tasks, those STOPPING (draining or shutting down). */
    public int stoppingTasks() {
        return stopping;
    }

    public long tasksStarted() {
        return tasksStarted;
    }

    /** Tasks lost to crashes, instance failures and zone outages. */
    public long tasksFailed() {
        return tasksFailed;
    }

    /** Tasks stopped by Spot interruptions. */
    public long tasksInterrupted() {
        return tasksInterrupted;
    }

    public long tasksStopped() {
        return tasksStopped;
    }

    /** Whether a {@code distinctInstance} constraint keeps each task of this workload on its own instance. */
    boolean distinctInstance() {
        return distinctInstance;
    }

    /** A deployment (or rollback) is in progress: service auto scaling does not scale in (section 5.5). */
    public boolean deploymentInProgress() {
        return deployment != null;
    }

    /** Its deployments and rollbacks so far, in start order (read-only view). */
    public List<Deployment> deployments() {
        return java.util.Collections.unmodifiableList(deployments);
    }

    /** The pod pool of a job with sampled shapes, or {@code null}. */
    public io.fleetsim.scenario.model.ShapesSpec shapes() {
        return shapes;
    }

    /** The ARN of the revision new tasks are launched with. */
    public String primaryTaskDefinitionArn() {
        return revisions.get(primary).arn();
    }
}
