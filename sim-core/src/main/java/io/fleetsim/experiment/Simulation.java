package io.fleetsim.experiment;

import io.fleetsim.Version;
import io.fleetsim.billing.CostReport;
import io.fleetsim.billing.Pricer;
import io.fleetsim.billing.UsageLedger;
import io.fleetsim.billing.UsageRecord;
import io.fleetsim.cloud.Catalog;
import io.fleetsim.cloud.PriceBook;
import io.fleetsim.cluster.Arns;
import io.fleetsim.cluster.CapacityProvider;
import io.fleetsim.cluster.ClusterListener;
import io.fleetsim.cluster.ContainerInstance;
import io.fleetsim.cluster.Deployment;
import io.fleetsim.cluster.EcsCluster;
import io.fleetsim.cluster.Task;
import io.fleetsim.cluster.TaskState;
import io.fleetsim.cluster.Workload;
import io.fleetsim.engine.Durations;
import io.fleetsim.faults.Failures;
import io.fleetsim.faults.SpotInterruptions;
import io.fleetsim.engine.Simulator;
import io.fleetsim.metrics.DeploymentSummary;
import io.fleetsim.metrics.MinuteSample;
import io.fleetsim.metrics.ResourceInfo;
import io.fleetsim.metrics.RunSummary;
import io.fleetsim.metrics.ServiceTrafficResult;
import io.fleetsim.scaling.ScalingTimeline;
import io.fleetsim.scaling.ServiceAutoScaler;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec.ScheduledActionSpec;
import io.fleetsim.metrics.WorkloadSummary;
import io.fleetsim.scenario.model.CapacityProviderSpec;
import io.fleetsim.scenario.model.ClusterSpec;
import io.fleetsim.scenario.model.DeploymentSpec;
import io.fleetsim.scenario.model.ImageSpec;
import io.fleetsim.scenario.model.JobSpec;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.ServiceSpec;
import io.fleetsim.scenario.model.StrategyItem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One run of one scenario variant on one seed: builds the clusters, services and jobs, runs the event loop to the
 * scenario's end, and returns plain, priced data. Single-threaded and deterministic: the same scenario and seed give
 * an equal {@link RunResult}.
 */
public final class Simulation implements ClusterListener {

    /**
     * Time between samples of the time series and runs of the control loops: the scenario's {@code sampling}, one
     * minute by default, like CloudWatch's ECS metrics (platform-semantics.md 5.5).
     */
    private final long samplePeriod;

    private final Scenario scenario;
    private final Catalog catalog;
    private final PriceBook prices;
    private final Simulator sim;
    private final Arns arns;
    private final UsageLedger ledger = new UsageLedger();
    private final SpotInterruptions spotInterruptions;
    private final Failures failures;
    private final List<EcsCluster> clusters = new ArrayList<>();
    private final Map<Workload, EcsCluster> workloads = new LinkedHashMap<>();
    /** Services with auto scaling, in scenario order. */
    private final Map<Workload, ServiceAutoScaler> scalers = new LinkedHashMap<>();
    /** Services with traffic, in scenario order. */
    private final Map<Workload, ServiceRequests> serviceRequests = new LinkedHashMap<>();
    private final List<MinuteSample> minutes = new ArrayList<>();
    private final ElasticRecorder elastic = new ElasticRecorder();
    private final Map<ContainerInstance, Long> instanceRunningNanos = new LinkedHashMap<>();
    private long instanceNanosClosed;
    private int peakInstances;
    private int maxUnplaced;
    private BigDecimal storageCostPerRun = BigDecimal.ZERO;
    /** The next minute boundary to sample. */
    private long nextSample;

    public Simulation(Scenario scenario, Catalog catalog) {
        this.scenario = scenario;
        this.catalog = catalog;
        this.prices = catalog.prices()
                .withFargateSpotDiscount(scenario.pricing().fargateSpotDiscount())
                .withEc2SpotDiscount(scenario.pricing().ec2SpotDiscount());
        this.samplePeriod = scenario.samplingNanos();
        this.nextSample = samplePeriod;
        this.sim = new Simulator(scenario.seed());
        this.arns = new Arns(scenario.region(), Arns.DEFAULT_ACCOUNT, sim.random().stream("ids"));
        this.spotInterruptions = new SpotInterruptions(sim, scenario.faults());
        this.failures = new Failures(sim, scenario.faults());
    }

    /** The engine, for tests that drive a run step by step. */
    public Simulator simulator() {
        return sim;
    }

    public List<EcsCluster> clusters() {
        return clusters;
    }

    /** Builds the clusters and launches capacity, services and job schedules at time 0. */
    public void setUp() {
        for (ClusterSpec c : scenario.clusters()) {
            EcsCluster cluster = new EcsCluster(c, sim, catalog, arns, scenario.timings(), this);
            clusters.add(cluster);
            cluster.capacityProviders().forEach(p -> elastic.addProvider(c.name(), p));
            cluster.setRunEnd(scenario.durationNanos());
            cluster.start();
        }
        failures.scheduleZoneOutages(clusters, scenario.faults().zoneOutages());
        for (ServiceSpec s : scenario.services()) {
            EcsCluster cluster = cluster(s.cluster());
            Workload w = cluster.addService(s);
            workloads.put(w, cluster);
            elastic.addService(w, s.desiredCount(), s.autoScaling() == null ? null : s.autoScaling().minCapacity(),
                    s.slo() != null);
            if (s.traffic() != null) {
                ServiceRequests requests = new ServiceRequests(sim, scenario, s);
                serviceRequests.put(w, requests);
                requests.start();
            }
            if (s.autoScaling() != null) {
                ServiceAutoScaler scaler = new ServiceAutoScaler(s.autoScaling(), s.desiredCount());
                scalers.put(w, scaler);
                for (ScheduledActionSpec action : s.autoScaling().scheduled()) {
                    scheduleAction(w, cluster, scaler, action, 0L);
                }
            }
        }
        for (JobSpec j : scenario.jobs()) {
            EcsCluster cluster = cluster(j.cluster());
            workloads.put(cluster.addJob(j), cluster);
        }
        // ECR storage of every image the scenario uses, for the whole run (platform-semantics.md section 4). It is
        // recorded when the run ends; the per-minute accrued cost prorates its price meanwhile.
        UsageLedger storage = new UsageLedger();
        recordImageStorage(storage);
        storageCostPerRun = Pricer.price(storage.records(), prices).total();
    }

    private void recordImageStorage(UsageLedger into) {
        Map<String, ImageSpec> images = new LinkedHashMap<>();
        scenario.services().forEach(s -> images.putIfAbsent(s.taskDefinition().image().key(), s.taskDefinition().image()));
        scenario.jobs().forEach(j -> images.putIfAbsent(j.taskDefinition().image().key(), j.taskDefinition().image()));
        for (ImageSpec image : images.values()) {
            into.ecrStorage(image.repository(), image.sizeBytes(), "ecr", 0L, scenario.durationNanos());
        }
        // A deployed image is stored from its deployment (pushed just before it) to the end of the run.
        for (ServiceSpec s : scenario.services()) {
            for (DeploymentSpec d : s.deployments()) {
                if (images.putIfAbsent(d.image().key(), d.image()) == null) {
                    into.ecrStorage(d.image().repository(), d.image().sizeBytes(), "ecr", d.atNanos(),
                            scenario.durationNanos());
                }
            }
        }
    }

    /** Runs the whole scenario and returns the priced result. */
    public RunResult run(ProgressListener progress) {
        setUp();
        return runAfterSetUp(progress);
    }

    /**
     * Runs a simulation that {@link #setUp()} prepared and that has not advanced yet (tests schedule their own
     * events, such as a scripted fault, in between).
     */
    public RunResult runAfterSetUp(ProgressListener progress) {
        if (sim.now() != 0) {
            throw new IllegalStateException("the simulation already advanced to " + sim.now() + " ns");
        }
        long end = scenario.durationNanos();
        for (long t = samplePeriod; t <= end; t += samplePeriod) {
            advanceTo(t);
            progress.progress(scenario.variant(), t, end);
        }
        advanceTo(end);
        progress.progress(scenario.variant(), end, end);
        return finish(end);
    }

    /**
     * Runs events up to and including {@code time}, with every minute boundary on the way: samples, metrics
     * minutes and the control loops (service auto scaling, managed scaling). For tests that step through a run.
     */
    public void advanceTo(long time) {
        while (nextSample <= time && nextSample <= scenario.durationNanos()) {
            sim.runUntil(nextSample);
            sample(nextSample);
            nextSample += samplePeriod;
        }
        sim.runUntil(time);
    }

    private EcsCluster cluster(String name) {
        for (EcsCluster c : clusters) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no cluster " + name);
    }

    private void sample(long now) {
        int provisioning = 0;
        int pending = 0;
        int running = 0;
        int stopping = 0;
        int unplaced = 0;
        int instances = 0;
        long cpuReg = 0;
        long cpuRes = 0;
        long memReg = 0;
        long memRes = 0;
        int fargate = 0;
        for (EcsCluster c : clusters) {
            provisioning += c.tasksIn(TaskState.PROVISIONING);
            pending += c.tasksIn(TaskState.PENDING);
            running += c.tasksIn(TaskState.RUNNING);
            stopping += c.tasksIn(TaskState.STOPPING);
            unplaced += c.unplacedTasks();
            instances += c.instancesRunning();
            cpuReg += c.cpuRegistered();
            cpuRes += c.cpuReserved();
            memReg += c.memoryRegistered();
            memRes += c.memoryReserved();
            fargate += c.fargateTasks();
        }
        for (Map.Entry<Workload, ServiceRequests> e : serviceRequests.entrySet()) {
            e.getValue().closeMinute(now);
            ServiceAutoScaler scaler = scalers.get(e.getKey());
            if (scaler != null) {
                Workload w = e.getKey();
                // Scale-in is suspended while a deployment is in progress (platform-semantics.md section 5.5).
                int desired = scaler.onMinute(now, w.desiredCount(), e.getValue().datapoints(),
                        w.deploymentInProgress());
                if (desired != w.desiredCount()) {
                    setDesiredCount(workloads.get(w), w, desired);
                }
            }
        }
        // ECS managed scaling publishes CapacityProviderReservation every minute (platform-semantics.md 5.6).
        for (EcsCluster c : clusters) {
            c.managedScaling(now);
        }
        peakInstances = Math.max(peakInstances, instances);
        maxUnplaced = Math.max(maxUnplaced, unplaced);
        BigDecimal accrued = Pricer.price(ledger.accruedAt(now), prices).total()
                .add(storageCostPerRun.multiply(BigDecimal.valueOf(now))
                        .divide(BigDecimal.valueOf(scenario.durationNanos()), MathContext.DECIMAL128));
        elastic.sample(now);
        minutes.add(new MinuteSample(now, provisioning, pending, running, stopping, unplaced, instances, cpuReg, cpuRes,
                memReg, memRes, fargate, accrued));
    }

    private RunResult finish(long end) {
        for (Map.Entry<ContainerInstance, Long> open : instanceRunningNanos.entrySet()) {
            instanceNanosClosed += end - open.getValue();
        }
        recordImageStorage(ledger);
        ledger.closeAll(end);
        List<UsageRecord> usage = ledger.records();
        CostReport cost = Pricer.price(usage, prices);
        BigDecimal factor = CostReport.thirtyDayFactor(end);

        List<WorkloadSummary> workloadSummaries = new ArrayList<>();
        double taskSeconds = 0;
        int pendingAtEnd = 0;
        int unplacedAtEnd = 0;
        for (Map.Entry<Workload, EcsCluster> e : workloads.entrySet()) {
            Workload w = e.getKey();
            EcsCluster c = e.getValue();
            int running = 0;
            int pending = 0;
            int unplaced = 0;
            for (Task t : c.liveTasks(w)) {
                if (t.state() == TaskState.RUNNING) {
                    running++;
                } else if (t.state() == TaskState.PROVISIONING || t.state() == TaskState.PENDING) {
                    pending++;
                    if (t.isUnplaced()) {
                        unplaced++;
                    }
                }
            }
            double seconds = Durations.toSeconds(c.runningNanos(w, end));
            taskSeconds += seconds;
            pendingAtEnd += pending;
            unplacedAtEnd += unplaced;
            StringJoiner providerNames = new StringJoiner(",");
            for (StrategyItem item : w.strategy()) {
                providerNames.add(item.capacityProvider());
            }
            workloadSummaries.add(new WorkloadSummary(w.owner(), w.arn(), providerNames.toString(), w.desiredCount(),
                    w.tasksStarted(), w.tasksStopped(), running, pending, unplaced, seconds,
                    Durations.toSeconds(c.waitNanos(w, end)), Durations.toSeconds(c.unplacedNanos(w, end))));
        }
        RunSummary summary = new RunSummary(taskSeconds / 3600.0, Durations.toSeconds(instanceNanosClosed) / 3600.0,
                meanReservation(true), meanReservation(false), peakInstances, pendingAtEnd, unplacedAtEnd, maxUnplaced,
                clusters.stream().mapToLong(EcsCluster::tasksInterrupted).sum(),
                clusters.stream().mapToLong(EcsCluster::instancesInterrupted).sum(),
                clusters.stream().mapToLong(EcsCluster::tasksFailed).sum(),
                clusters.stream().mapToLong(EcsCluster::instancesFailed).sum(),
                sim.eventsFired(), workloadSummaries);
        List<ServiceTrafficResult> traffic = traffic(end);
        Map<Workload, List<io.fleetsim.metrics.ServiceMinute>> trafficMinutes = new LinkedHashMap<>();
        int i = 0;
        for (Workload w : serviceRequests.keySet()) {
            trafficMinutes.put(w, traffic.get(i++).minutes());
        }
        Map<Workload, List<io.fleetsim.scaling.ScalingAction>> actions = new LinkedHashMap<>();
        scalers.forEach((w, scaler) -> actions.put(w, scaler.actions()));
        return new RunResult(scenario.name(), scenario.variant(), scenario.seed(), Version.VERSION,
                catalog.provenance(), scenario.start(), end, usage, cost, factor, summary, minutes, resources(), traffic,
                scaling(), elastic.finish(end, cost, actions, trafficMinutes), deployments());
    }

    /** Changes a service's desired count, noting the tasks it launched (not replacements) for the reports. */
    private void setDesiredCount(EcsCluster cluster, Workload w, int desired) {
        long started = w.tasksStarted();
        cluster.setDesiredCount(w, desired);
        elastic.desiredChanged(w, sim.now(), w.tasksStarted() - started);
    }

    private List<DeploymentSummary> deployments() {
        List<DeploymentSummary> out = new ArrayList<>();
        for (Workload w : workloads.keySet()) {
            for (Deployment d : w.deployments()) {
                out.add(new DeploymentSummary(w.name(), d.number(), d.isRollback(), d.taskDefinitionArn(), d.image(),
                        d.startNanos(), d.endNanos(), d.tasksLaunched(), d.tasksFailed(), d.outcome().name()));
            }
        }
        return out;
    }

    /** Runs a scheduled action at each firing of its schedule. */
    private void scheduleAction(Workload w, EcsCluster cluster, ServiceAutoScaler scaler, ScheduledActionSpec action,
            long notBefore) {
        long at = action.schedule().nextAtOrAfter(notBefore);
        if (at >= scenario.durationNanos()) {
            return;
        }
        sim.schedule(at, () -> {
            int desired = scaler.onScheduledAction(at, action, w.desiredCount());
            if (desired != w.desiredCount()) {
                setDesiredCount(cluster, w, desired);
            }
            scheduleAction(w, cluster, scaler, action, at + 1);
        });
    }

    private List<ScalingTimeline> scaling() {
        List<ScalingTimeline> out = new ArrayList<>();
        for (Map.Entry<Workload, ServiceAutoScaler> e : scalers.entrySet()) {
            out.add(new ScalingTimeline(e.getKey().name(), initialDesired(e.getKey()), e.getValue().actions()));
        }
        // Managed scaling of Auto Scaling groups: one timeline of instances per provider that has it and is used
        // (has instances at the start or a workload whose strategy names it).
        for (EcsCluster c : clusters) {
            for (CapacityProvider p : c.capacityProviders()) {
                boolean used = p.spec().desiredCapacity() > 0 || c.workloads().stream()
                        .anyMatch(w -> w.strategy().stream().anyMatch(i -> i.capacityProvider().equals(p.name())));
                if (p.managedScaling() != null && used) {
                    out.add(new ScalingTimeline(ScalingTimeline.CAPACITY_PROVIDER_PREFIX + c.name() + "/" + p.name(),
                            p.spec().desiredCapacity(), p.managedActions()));
                }
            }
        }
        return out;
    }

    private int initialDesired(Workload w) {
        for (ServiceSpec s : scenario.services()) {
            if (s.name().equals(w.name())) {
                return s.desiredCount();
            }
        }
        throw new IllegalStateException("no service " + w.name());
    }

    private List<ServiceTrafficResult> traffic(long end) {
        List<ServiceTrafficResult> out = new ArrayList<>();
        for (ServiceRequests requests : serviceRequests.values()) {
            out.add(requests.result(end));
        }
        return out;
    }

    /** Mean over the minutes that had registered capacity; NaN when none did. */
    private double meanReservation(boolean cpu) {
        double sum = 0;
        int n = 0;
        for (MinuteSample m : minutes) {
            double v = cpu ? m.cpuReservationPercent() : m.memoryReservationPercent();
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private List<ResourceInfo> resources() {
        List<ResourceInfo> out = new ArrayList<>();
        Map<String, String> taskDefinitions = new LinkedHashMap<>();
        for (EcsCluster c : clusters) {
            out.add(new ResourceInfo("cluster", c.name(), c.arn(), c.spec().zones().size() + " zones: "
                    + String.join(", ", c.spec().zones())));
            for (CapacityProvider p : c.capacityProviders()) {
                CapacityProviderSpec s = p.spec();
                String detail = p.isFargate() ? s.type().name()
                        : "EC2 " + s.instanceType() + " " + s.purchaseOption().name().toLowerCase().replace('_', '-')
                                + ", Auto Scaling group min " + s.minSize() + " / desired " + s.desiredCapacity()
                                + " / max " + s.maxSize();
                out.add(new ResourceInfo("capacity-provider", c.name() + "/" + p.name(), p.arn(), detail));
            }
            for (Workload w : c.workloads()) {
                String td = w.taskDefinition().cpuUnits() + " CPU units, " + w.taskDefinition().memoryMiB() + " MiB, "
                        + w.taskDefinition().networkMode().name().toLowerCase() + ", "
                        + w.taskDefinition().cpuArchitecture().name() + ", image " + w.taskDefinition().image().key();
                var shapes = w.shapes();
                if (shapes != null) {
                    td += "; CPU, memory and lifetime per task sampled from " + shapes.size() + " of the "
                            + shapes.podsRead() + " pods of " + shapes.format() + " trace " + shapes.file().getFileName()
                            + " (gpu: " + shapes.gpu() + "; the cpu and memory above are the most a pod may ask for)";
                }
                taskDefinitions.putIfAbsent(w.taskDefinitionArn(), td);
                for (Deployment d : w.deployments()) {
                    if (!d.isRollback()) {
                        taskDefinitions.putIfAbsent(d.taskDefinitionArn(), w.taskDefinition().cpuUnits()
                                + " CPU units, " + w.taskDefinition().memoryMiB() + " MiB, "
                                + w.taskDefinition().networkMode().name().toLowerCase() + ", "
                                + w.taskDefinition().cpuArchitecture().name() + ", image " + d.image());
                    }
                }
                if (w.kind() == Workload.Kind.SERVICE) {
                    out.add(new ResourceInfo("service", w.name(), w.arn(),
                            "REPLICA, desiredCount " + w.desiredCount()));
                }
            }
        }
        taskDefinitions.forEach((arn, detail) -> out.add(new ResourceInfo("task-definition",
                arn.substring(arn.lastIndexOf('/') + 1), arn, detail)));
        Map<String, ImageSpec> repos = new LinkedHashMap<>();
        scenario.services().forEach(s -> repos.putIfAbsent(s.taskDefinition().image().repository(),
                s.taskDefinition().image()));
        scenario.jobs().forEach(j -> repos.putIfAbsent(j.taskDefinition().image().repository(),
                j.taskDefinition().image()));
        scenario.services().forEach(s -> s.deployments().forEach(d -> repos.putIfAbsent(d.image().repository(),
                d.image())));
        repos.forEach((name, image) -> out.add(new ResourceInfo("ecr-repository", name, arns.ecrRepository(name),
                "image " + image.key() + ", " + image.sizeBytes() + " bytes")));
        return out;
    }

    // ---------------------------------------------------------------- ClusterListener: billing and metrics

    @Override
    public void clusterEvent(io.fleetsim.cluster.ClusterEvent event) {
        elastic.event(event);
    }

    @Override
    public void instanceRunning(ContainerInstance instance, CapacityProvider provider, long now) {
        elastic.instanceRunning(provider, now);
        spotInterruptions.instanceRunning(clusterOf(provider), instance, provider, now);
        failures.instanceRunning(clusterOf(provider), instance, now);
        instanceHandles.put(instance, ledger.ec2Running(provider.instanceType().name(),
                provider.spec().purchaseOption(), "capacity-provider:" + ownerCluster(provider) + "/" + provider.name(),
                now));
        instanceRunningNanos.put(instance, now);
    }

    @Override
    public void instanceTerminated(ContainerInstance instance, CapacityProvider provider, long now) {
        elastic.instanceTerminated(provider, now);
        ledger.ec2Terminated(instanceHandles.remove(instance), now);
        instanceNanosClosed += now - instanceRunningNanos.remove(instance);
    }

    @Override
    public void taskPullStarted(Task task, long now) {
        if (task.provider().isFargate()) {
            var td = task.workload().taskDefinition();
            taskHandles.put(task, ledger.fargateStarted(td.cpuArchitecture(), task.provider().isSpot(), td.cpuUnits(),
                    td.memoryMiB(), td.ephemeralStorageGiB(), task.workload().owner(), now));
        }
    }

    @Override
    public void taskRunning(Task task, long now) {
        spotInterruptions.taskRunning(clusterOf(task.provider()), task, now);
        failures.taskRunning(clusterOf(task.provider()), task, now);
        elastic.taskRunning(task, now);
        ServiceRequests requests = serviceRequests.get(task.workload());
        if (requests != null) {
            requests.taskRunning(task, now);
        }
    }

    @Override
    public long taskStopping(Task task, long now) {
        elastic.taskStopping(task, now);
        ServiceRequests requests = serviceRequests.get(task.workload());
        return requests == null ? now : requests.taskStopping(task, now);
    }

    @Override
    public void taskStopped(Task task, long now) {
        ServiceRequests requests = serviceRequests.get(task.workload());
        if (requests != null) {
            requests.taskStopped(task);
        }
        Integer handle = taskHandles.remove(task);
        if (handle != null) {
            ledger.fargateStopped(handle, now);
        }
    }

    private final Map<ContainerInstance, Integer> instanceHandles = new LinkedHashMap<>();
    private final Map<Task, Integer> taskHandles = new java.util.IdentityHashMap<>();

    private String ownerCluster(CapacityProvider provider) {
        return clusterOf(provider).name();
    }

    private EcsCluster clusterOf(CapacityProvider provider) {
        for (EcsCluster c : clusters) {
            if (c.capacityProviders().contains(provider)) {
                return c;
            }
        }
        throw new IllegalStateException("capacity provider " + provider.name() + " belongs to no cluster");
    }
}
