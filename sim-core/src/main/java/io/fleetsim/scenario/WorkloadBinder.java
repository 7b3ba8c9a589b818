package io.fleetsim.scenario;

import io.fleetsim.text.NearMiss;
import io.fleetsim.scenario.ClusterBinder.ClusterInfo;
import io.fleetsim.scenario.ClusterBinder.ProviderInfo;
import io.fleetsim.scenario.model.DeploymentConfigurationSpec;
import io.fleetsim.scenario.model.DeploymentSpec;
import io.fleetsim.scenario.model.JobSpec;
import io.fleetsim.scenario.model.PlacementConstraintSpec;
import io.fleetsim.scenario.model.PlacementStrategySpec;
import io.fleetsim.scenario.model.Schedule;
import io.fleetsim.scenario.model.ServiceAutoScalingSpec;
import io.fleetsim.scenario.model.ServiceSpec;
import io.fleetsim.scenario.model.SloSpec;
import io.fleetsim.scenario.model.StrategyItem;
import io.fleetsim.scenario.model.TaskDefinitionSpec;
import io.fleetsim.scenario.model.TrafficSpec;
import io.fleetsim.scenario.model.ShapesSpec;
import io.fleetsim.traffic.PodTrace;
import io.fleetsim.traffic.TraceFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code services[]} and {@code jobs[]}: what they share (name, cluster, capacity provider strategy, task
 * definition, placement) and what they do not (desiredCount, traffic, SLO and auto scaling through
 * {@link TrafficBinder}, {@link SloBinder} and {@link AutoScalingBinder}; schedule, count, duration).
 *
 * <p>Sources: platform-semantics.md section 5.6 (strategy: one base at most, weight 0 takes nothing beyond its
 * base, console default weight 1), 5.1 (placement not supported on Fargate, which spreads over zones; default for
 * services {@code spread attribute:ecs.availability-zone}), ECS API CreateService / RunTask
 * (capacityProviderStrategy base 0-100000, weight 0-1000; "You can specify a maximum of 5 strategy rules per
 * service" / "a maximum of 10 constraints per task"; RunTask's default placement is random).
 */
final class WorkloadBinder {

    static final List<String> SERVICE_KEYS = List.of("name", "cluster", "desiredCount", "capacityProviderStrategy",
            "taskDefinition", "placementStrategy", "placementConstraints", "traffic", "slo", "autoscaling", "deploymentConfiguration", "deployments");
    static final List<String> JOB_KEYS = List.of("name", "cluster", "schedule", "count", "duration", "arrivals",
            "shapes", "capacityProviderStrategy", "taskDefinition", "placementStrategy", "placementConstraints");
    static final List<String> JOB_ARRIVAL_KEYS = List.of("process");
    static final List<String> JOB_ARRIVAL_PROCESSES = List.of("constant", "poisson");
    static final List<String> SHAPES_KEYS = List.of("trace", "gpu");
    static final List<String> SHAPES_GPU = List.of("exclude", "ignore");
    static final List<String> STRATEGY_ITEM_KEYS = List.of("capacityProvider", "base", "weight");
    static final List<String> PLACEMENT_STRATEGY_KEYS = List.of("type", "field");
    static final List<String> PLACEMENT_CONSTRAINT_KEYS = List.of("type", "expression");

    /** API CapacityProviderStrategyItem: base 0 to 100000, weight 0 to 1000. */
    static final int MAX_BASE = 100_000;
    static final int MAX_WEIGHT = 1000;
    /** Weight when an item gives none: 1, the console's default (the API's is 0), platform-semantics.md 5.6. */
    static final int DEFAULT_WEIGHT = 1;
    /** ECS API CreateService/RunTask placementStrategy: "maximum of 5 strategy rules". */
    static final int MAX_STRATEGIES = 5;
    /** ECS API CreateService/RunTask placementConstraints: "maximum of 10 constraints". */
    static final int MAX_CONSTRAINTS = 10;

    /** ECS's default for service tasks (ECS task placement); also how Fargate places any task. */
    static final PlacementStrategySpec SPREAD_ZONES =
            new PlacementStrategySpec("spread", "attribute:ecs.availability-zone");
    /**
     * Within a zone, ECS's default service placement favours "instances with the fewest such tasks"
     * (platform-semantics.md section 5.2, from ecs_services.md): spread over instances after spreading over zones.
     */
    static final PlacementStrategySpec SPREAD_INSTANCES = new PlacementStrategySpec("spread", "instanceId");
    /** RunTask's placement when none is given: random. */
    static final PlacementStrategySpec RANDOM = new PlacementStrategySpec("random", null);

    private final Reader r;
    private final Map<String, ClusterInfo> clusters;
    private final PlacementRules placement;
    private final Instant start;
    private final TaskDefinitionBinder taskDefinitions;
    private final TrafficBinder traffic;
    private final AutoScalingBinder autoScaling;
    private final DeploymentBinder deployments;

    WorkloadBinder(Reader r, Map<String, ClusterInfo> clusters, CatalogView catalog, PlacementRules placement,
            Instant start, TrafficBinder traffic) {
        this.r = r;
        this.traffic = traffic;
        this.clusters = clusters;
        this.placement = placement;
        this.start = start;
        this.taskDefinitions = new TaskDefinitionBinder(r, catalog);
        this.autoScaling = new AutoScalingBinder(r, start);
        this.deployments = new DeploymentBinder(r, taskDefinitions);
    }

    /** The parts services and jobs share, bound. */
    private static final class Common {
        String name;
        String cluster;
        List<StrategyItem> strategy;
        TaskDefinitionSpec taskDefinition;
        List<PlacementStrategySpec> placementStrategy;
        List<PlacementConstraintSpec> placementConstraints;
        /** Some provider of the strategy is FARGATE or FARGATE_SPOT. */
        boolean anyFargate;
    }

    List<ServiceSpec> services(Reader.Fields top) {
        List<ServiceSpec> out = new ArrayList<>();
        Map<String, YamlNode> seen = new LinkedHashMap<>();
        List<YamlNode> items = top.items("services");
        for (int i = 0; i < items.size(); i++) {
            String path = Reader.item("services", i);
            int before = r.problems().size();
            Reader.Fields f = r.fields(items.get(i), path, SERVICE_KEYS, Map.of());
            if (f == null) {
                continue;
            }
            Common c = common(f, "service", seen, true);
            YamlNode dcNode = f.required("desiredCount", "2");
            Integer desired = dcNode == null ? null
                    : r.intValue(dcNode, f.path("desiredCount"), 0, Integer.MAX_VALUE);
            TrafficSpec trafficSpec = f.has("traffic") ? traffic.bind(f.get("traffic"), f.path("traffic")) : null;
            SloSpec slo = f.has("slo") ? SloBinder.bind(r, f.get("slo"), f.path("slo")) : null;
            ServiceAutoScalingSpec scaling = f.has("autoscaling")
                    ? autoScaling.bind(f.get("autoscaling"), f.path("autoscaling"), f.has("traffic"),
                            new AutoScalingBinder.Desired(dcNode, f.path("desiredCount"), desired))
                    : null;
            DeploymentConfigurationSpec deploymentConfig = deployments.configuration(f);
            List<DeploymentSpec> deploymentSpecs = deployments.deployments(f, FaultsBinder.scenarioDuration(top),
                    deploymentConfig, desired);
            if (r.problems().size() == before) {
                out.add(new ServiceSpec(c.name, c.cluster, desired, c.strategy, c.taskDefinition, c.placementStrategy,
                        c.placementConstraints, trafficSpec, slo, scaling, deploymentConfig, deploymentSpecs));
            }
        }
        return out;
    }

    List<JobSpec> jobs(Reader.Fields top) {
        List<JobSpec> out = new ArrayList<>();
        Map<String, YamlNode> seen = new LinkedHashMap<>();
        List<YamlNode> items = top.items("jobs");
        for (int i = 0; i < items.size(); i++) {
            String path = Reader.item("jobs", i);
            int before = r.problems().size();
            Reader.Fields f = r.fields(items.get(i), path, JOB_KEYS, Map.of());
            if (f == null) {
                continue;
            }
            Common c = common(f, "job", seen, false);
            if (f.has("arrivals") || f.has("shapes")) {
                JobSpec sampled = sampledJob(f, c);
                if (r.problems().size() == before && sampled != null) {
                    out.add(sampled);
                }
                continue;
            }
            YamlNode sNode = f.required("schedule", "\"cron(0 2 * * ? *)\"");
            Schedule schedule = null;
            String sText = sNode == null ? null : r.string(sNode, f.path("schedule"));
            if (sText != null && start != null) {
                try {
                    schedule = Schedules.parse(sText, start);
                } catch (IllegalArgumentException e) {
                    r.problems().at(sNode, f.path("schedule"), e.getMessage());
                }
            }
            // RunTask's count defaults to 1 (ECS API RunTask).
            Integer count = f.has("count") ? r.intValue(f.get("count"), f.path("count"), 1, Integer.MAX_VALUE)
                    : Integer.valueOf(1);
            YamlNode dNode = f.required("duration", "10m");
            Long duration = dNode == null ? null
                    : r.quantity(dNode, f.path("duration"), Reader.DURATION, Units::parseDuration);
            if (duration != null && duration <= 0) {
                r.problems().at(dNode, f.path("duration"), "a job's duration must be longer than 0s");
            }
            if (r.problems().size() == before) {
                out.add(new JobSpec(c.name, c.cluster, schedule, count, duration, c.strategy, c.taskDefinition,
                        c.placementStrategy, c.placementConstraints));
            }
        }
        return out;
    }

    /**
     * A job whose {@code count} tasks arrive over the run ({@code arrivals}) with CPU, memory and lifetime sampled
     * from a pod trace ({@code shapes}); the task definition's {@code cpu} and {@code memory} are the largest a
     * pod may ask for.
     */
    private JobSpec sampledJob(Reader.Fields f, Common c) {
        String why = "a job with `arrivals` and `shapes` launches `count` tasks over the run, each running for its "
                + "pod's lifetime";
        for (String key : List.of("schedule", "duration")) {
            if (f.has(key)) {
                r.problems().at(f.get(key), f.path(key), "`" + key + "` does not apply here: " + why);
            }
        }
        YamlNode aNode = f.required("arrivals", "{ process: poisson }");
        YamlNode shNode = f.required("shapes", "{ trace: \"alibaba-pods:traces/pods.csv\", gpu: exclude }");
        YamlNode cNode = f.required("count", "1000000");
        Integer count = cNode == null ? null : r.intValue(cNode, f.path("count"), 1, Integer.MAX_VALUE);
        String process = null;
        if (aNode != null) {
            Reader.Fields a = r.fields(aNode, f.path("arrivals"), JOB_ARRIVAL_KEYS, Map.of());
            YamlNode pNode = a == null ? null : a.required("process", "poisson");
            if (pNode != null) {
                process = r.choice(pNode, a.path("process"), "arrival process", options(JOB_ARRIVAL_PROCESSES));
            }
        }
        if (c.anyFargate) {
            r.problems().at(f.get("shapes"), f.path("shapes"), "sampled shapes need EC2 capacity providers: a Fargate "
                    + "task takes one of the fixed Fargate sizes (section 1.1), not a trace's CPU and memory");
        }
        ShapesSpec shapes = shNode == null || c.taskDefinition == null ? null
                : shapes(shNode, f.path("shapes"), c.taskDefinition);
        if (count == null || process == null || shapes == null) {
            return null;
        }
        return new JobSpec(c.name, c.cluster, null, count, 0L, c.strategy, c.taskDefinition, c.placementStrategy,
                c.placementConstraints, process, shapes);
    }

    private static Map<String, String> options(List<String> names) {
        Map<String, String> m = new LinkedHashMap<>();
        names.forEach(n -> m.put(n, n));
        return m;
    }

    /**
     * Reads the pod trace and keeps the pods the job admits (docs/scenario-reference.md, jobs): CPU units
     * ceil(cpu_milli x 1024 / 1000), at least ECS's 128; a pod is left out when it asks for more CPU or memory than
     * the task definition allows, for no memory, lives 0 s, or (with {@code gpu: exclude}) requests a GPU.
     */
    private ShapesSpec shapes(YamlNode node, String path, TaskDefinitionSpec td) {
        Reader.Fields f = r.fields(node, path, SHAPES_KEYS, Map.of());
        if (f == null) {
            return null;
        }
        YamlNode tNode = f.required("trace", "\"alibaba-pods:traces/alibaba-gpu-v2023/openb_pod_list_default.csv\"");
        YamlNode gNode = f.required("gpu", "exclude");
        String gpu = gNode == null ? null : r.choice(gNode, f.path("gpu"), "gpu rule", options(SHAPES_GPU));
        String text = tNode == null ? null : r.nonBlank(tNode, f.path("trace"));
        if (text == null || gpu == null) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            r.problems().at(tNode, f.path("trace"), "expected `format:path`, e.g. `alibaba-pods:traces/pods.csv`, "
                    + "found `" + text + "`; formats: " + String.join(", ", PodTrace.FORMATS));
            return null;
        }
        String format = text.substring(0, colon);
        String file = text.substring(colon + 1);
        if (!PodTrace.FORMATS.contains(format)) {
            r.problems().at(tNode, f.path("trace"), "unknown shapes format `" + format + "`"
                    + NearMiss.hintAndList(format, PodTrace.FORMATS, "expected one of"));
            return null;
        }
        Path resolved = Inputs.resolve(r, tNode, f.path("trace"), traffic.folder(), file, "trace file");
        if (resolved == null) {
            return null;
        }
        List<PodTrace.Pod> pods;
        try {
            pods = PodTrace.read(format, resolved);
        } catch (TraceFormat.TraceException e) {
            r.problems().at(tNode, f.path("trace"), "trace file `" + file + "`"
                    + (e.line() > 0 ? " line " + e.line() : "") + ": " + e.getMessage());
            return null;
        }
        List<Integer> keep = new ArrayList<>();
        int[] cpu = new int[pods.size()];
        for (int i = 0; i < pods.size(); i++) {
            PodTrace.Pod p = pods.get(i);
            // 1 vCPU = 1000 millicores = 1024 CPU units (section 1.1); rounded up, at least the EC2 minimum of 128.
            long units = Math.max(128, (p.cpuMilli() * 1024 + 999) / 1000);
            cpu[i] = (int) Math.min(units, Integer.MAX_VALUE);
            boolean admitted = units <= td.cpuUnits() && p.memoryMiB() > 0 && p.memoryMiB() <= td.memoryMiB()
                    && p.deletionSeconds() > p.creationSeconds() && (gpu.equals("ignore") || p.gpus() == 0);
            if (admitted) {
                keep.add(i);
            }
        }
        if (keep.isEmpty()) {
            r.problems().at(tNode, f.path("trace"), "no pod of the " + pods.size() + " in `" + file + "` is admitted: "
                    + "each needs at most " + td.cpuUnits() + " CPU units and " + td.memoryMiB() + " MiB (the task "
                    + "definition's cpu and memory), a lifetime above 0s" + (gpu.equals("exclude")
                            ? " and no GPU (gpu: exclude)" : ""));
            return null;
        }
        int[] poolCpu = new int[keep.size()];
        int[] poolMemory = new int[keep.size()];
        long[] poolLifetime = new long[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            PodTrace.Pod p = pods.get(keep.get(k));
            poolCpu[k] = cpu[keep.get(k)];
            poolMemory[k] = (int) p.memoryMiB();
            poolLifetime[k] = Math.multiplyExact(p.deletionSeconds() - p.creationSeconds(), 1_000_000_000L);
        }
        return new ShapesSpec(format, resolved, gpu, pods.size(), poolCpu, poolMemory, poolLifetime);
    }

    private Common common(Reader.Fields f, String kind, Map<String, YamlNode> seen, boolean service) {
        Common c = new Common();
        c.name = ClusterBinder.name(r, f, kind, service ? "api" : "nightly-report");
        if (c.name != null) {
            YamlNode first = seen.putIfAbsent(c.name, f.get("name"));
            if (first != null) {
                r.problems().at(f.get("name"), f.path("name"), "duplicate " + kind + " name `" + c.name
                        + "` (first defined at line " + first.line() + "); " + kind + " names must be unique");
            }
        }
        ClusterInfo cluster = cluster(f);
        c.cluster = cluster == null ? null : cluster.name();
        List<ProviderInfo> providers = new ArrayList<>();
        c.strategy = cluster == null ? null : strategy(f, cluster, providers);
        List<ProviderInfo> typed = new ArrayList<>();
        for (ProviderInfo p : providers) {
            if (p.type() != null) {
                typed.add(p);
            }
        }
        YamlNode td = f.required("taskDefinition",
                "{ cpu: 512, memory: 1GiB, image: { repository: api, size: 250MiB } }");
        c.taskDefinition = td == null ? null : taskDefinitions.bind(td, f.path("taskDefinition"), c.name, typed);
        boolean fargateOnly = !typed.isEmpty() && typed.size() == providers.size();
        for (ProviderInfo p : typed) {
            fargateOnly &= p.isFargate();
            c.anyFargate |= p.isFargate();
        }
        c.placementStrategy = placementStrategies(f, fargateOnly);
        c.placementConstraints = placementConstraints(f, fargateOnly);
        if (c.placementStrategy != null && c.placementStrategy.isEmpty()) {
            c.placementStrategy = fargateOnly ? List.of(SPREAD_ZONES)
                    : service ? List.of(SPREAD_ZONES, SPREAD_INSTANCES) : List.of(RANDOM);
        }
        return c;
    }

    private ClusterInfo cluster(Reader.Fields f) {
        if (!f.has("cluster")) {
            if (clusters.isEmpty()) {
                return null; // no usable cluster at all: already reported under `clusters`
            }
            if (clusters.size() == 1) {
                return clusters.values().iterator().next();
            }
            f.required("cluster", clusters.keySet().iterator().next());
            return null;
        }
        String name = r.string(f.get("cluster"), f.path("cluster"));
        if (name == null) {
            return null;
        }
        ClusterInfo c = clusters.get(name);
        if (c == null) {
            r.problems().at(f.get("cluster"), f.path("cluster"), "unknown cluster `" + name + "`"
                    + NearMiss.hintAndList(name, clusters.keySet(), "clusters"));
        }
        return c;
    }

    /** The strategy items; {@code providers} receives the provider of each valid item. */
    private List<StrategyItem> strategy(Reader.Fields f, ClusterInfo cluster, List<ProviderInfo> providers) {
        String path = f.path("capacityProviderStrategy");
        if (!f.has("capacityProviderStrategy")) {
            if (cluster.providers().size() == 1) {
                ProviderInfo only = cluster.providers().values().iterator().next();
                providers.add(only);
                return List.of(new StrategyItem(only.name(), 0, DEFAULT_WEIGHT));
            }
            if (!cluster.providers().isEmpty()) {
                r.problems().add(path, f.node().line(), f.node().column(), "missing required key "
                        + "`capacityProviderStrategy` " + Reader.where(f.path()) + ": cluster " + cluster.name()
                        + " has " + cluster.providers().size() + " capacity providers ("
                        + String.join(", ", cluster.providers().keySet()) + "), e.g. `capacityProviderStrategy: "
                        + "[{ capacityProvider: " + cluster.providers().keySet().iterator().next() + " }]`");
            }
            return null;
        }
        YamlNode node = f.get("capacityProviderStrategy");
        List<YamlNode> items = r.items(node, path);
        if (items.isEmpty()) {
            if (node instanceof YamlNode.ListNode) {
                r.problems().at(node, path, "needs at least one capacity provider");
            }
            return null;
        }
        int before = r.problems().size();
        List<StrategyItem> out = new ArrayList<>();
        String baseOwner = null;
        for (int i = 0; i < items.size(); i++) {
            String ipath = Reader.item(path, i);
            Reader.Fields item = r.fields(items.get(i), ipath, STRATEGY_ITEM_KEYS, Map.of());
            if (item == null) {
                continue;
            }
            YamlNode pNode = item.required("capacityProvider", "fargate");
            String pName = pNode == null ? null : r.string(pNode, item.path("capacityProvider"));
            ProviderInfo p = pName == null ? null : cluster.providers().get(pName);
            if (pName != null && p == null) {
                r.problems().at(pNode, item.path("capacityProvider"), "unknown capacity provider `" + pName
                        + "` in cluster " + cluster.name()
                        + NearMiss.hintAndList(pName, cluster.providers().keySet(), "its capacity providers"));
            }
            boolean duplicate = false;
            for (StrategyItem earlier : out) {
                duplicate |= earlier.capacityProvider().equals(pName);
            }
            if (duplicate) {
                r.problems().at(pNode, item.path("capacityProvider"), "capacity provider `" + pName
                        + "` appears twice in the strategy");
            }
            Integer base = item.has("base") ? r.intValue(item.get("base"), item.path("base"), 0, MAX_BASE)
                    : Integer.valueOf(0);
            Integer weight = item.has("weight")
                    ? r.intValue(item.get("weight"), item.path("weight"), 0, MAX_WEIGHT)
                    : Integer.valueOf(DEFAULT_WEIGHT);
            if (base != null && base > 0) {
                if (baseOwner != null) {
                    r.problems().at(item.get("base"), item.path("base"), "only one item of a capacity provider "
                            + "strategy may have a base (ECS capacity provider strategy); " + baseOwner
                            + " already has one");
                }
                baseOwner = pName;
            }
            if (p != null && !duplicate && base != null && weight != null) {
                out.add(new StrategyItem(pName, base, weight));
                providers.add(p);
            }
        }
        if (r.problems().size() > before) {
            return null;
        }
        boolean anyWeight = false;
        for (StrategyItem s : out) {
            anyWeight |= s.weight() > 0;
        }
        if (!anyWeight && !(out.size() == 1 && out.get(0).base() > 0)) {
            r.problems().at(node, path, "every weight is 0, so no task would be placed beyond a base; give at least "
                    + "one capacity provider a weight above 0 (ECS capacity provider strategy)");
        }
        List<String> fargate = new ArrayList<>();
        List<String> ec2 = new ArrayList<>();
        for (ProviderInfo p : providers) {
            if (p.type() != null) {
                (p.isFargate() ? fargate : ec2).add(p.name());
            }
        }
        if (!fargate.isEmpty() && !ec2.isEmpty()) {
            r.problems().at(node, path, "a capacity provider strategy cannot mix Fargate (" + String.join(", ", fargate)
                    + ") and EC2 (" + String.join(", ", ec2) + ") capacity providers, as in ECS");
        }
        return out;
    }

    /** Placement strategies as written (empty when none); {@code null} after a problem. */
    private List<PlacementStrategySpec> placementStrategies(Reader.Fields f, boolean fargateOnly) {
        List<PlacementStrategySpec> out = new ArrayList<>();
        if (!f.has("placementStrategy")) {
            return out;
        }
        String path = f.path("placementStrategy");
        List<YamlNode> items = r.items(f.get("placementStrategy"), path);
        if (fargateOnly && !items.isEmpty()) {
            r.problems().at(f.get("placementStrategy"), path, "placement strategies are not supported on Fargate; "
                    + "Fargate spreads tasks across zones (ECS task placement)");
            return null;
        }
        if (items.size() > MAX_STRATEGIES) {
            r.problems().at(items.get(MAX_STRATEGIES), Reader.item(path, MAX_STRATEGIES), "at most " + MAX_STRATEGIES
                    + " placement strategies are allowed (ECS API), found " + items.size());
        }
        int before = r.problems().size();
        for (int i = 0; i < items.size(); i++) {
            String ipath = Reader.item(path, i);
            Reader.Fields item = r.fields(items.get(i), ipath, PLACEMENT_STRATEGY_KEYS, Map.of());
            if (item == null) {
                continue;
            }
            String type = placementType(item, placement.strategyNames(), "placement strategy", "spread");
            String field = item.string("field", null);
            if (type == null || item.has("field") && field == null) {
                continue;
            }
            String error = placement.checkStrategy(type, field);
            if (error != null) {
                YamlNode at = item.has("field") ? item.get("field") : item.node();
                r.problems().at(at, item.has("field") ? item.path("field") : ipath, error);
                continue;
            }
            out.add(new PlacementStrategySpec(type, field));
        }
        return r.problems().size() > before ? null : out;
    }

    private List<PlacementConstraintSpec> placementConstraints(Reader.Fields f, boolean fargateOnly) {
        List<PlacementConstraintSpec> out = new ArrayList<>();
        if (!f.has("placementConstraints")) {
            return out;
        }
        String path = f.path("placementConstraints");
        List<YamlNode> items = r.items(f.get("placementConstraints"), path);
        if (fargateOnly && !items.isEmpty()) {
            r.problems().at(f.get("placementConstraints"), path, "placement constraints are not supported on "
                    + "Fargate; Fargate spreads tasks across zones (ECS task placement)");
            return null;
        }
        if (items.size() > MAX_CONSTRAINTS) {
            r.problems().at(items.get(MAX_CONSTRAINTS), Reader.item(path, MAX_CONSTRAINTS), "at most "
                    + MAX_CONSTRAINTS + " placement constraints are allowed (ECS API), found " + items.size());
        }
        int before = r.problems().size();
        for (int i = 0; i < items.size(); i++) {
            String ipath = Reader.item(path, i);
            Reader.Fields item = r.fields(items.get(i), ipath, PLACEMENT_CONSTRAINT_KEYS, Map.of());
            if (item == null) {
                continue;
            }
            String type = placementType(item, placement.constraintNames(), "placement constraint", "distinctInstance");
            String expression = item.string("expression", null);
            if (type == null || item.has("expression") && expression == null) {
                continue;
            }
            String error = placement.checkConstraint(type, expression);
            if (error != null) {
                YamlNode at = item.has("expression") ? item.get("expression") : item.node();
                r.problems().at(at, item.has("expression") ? item.path("expression") : ipath, error);
                continue;
            }
            out.add(new PlacementConstraintSpec(type, expression));
        }
        return r.problems().size() > before ? null : out;
    }

    private String placementType(Reader.Fields item, List<String> names, String what, String example) {
        YamlNode node = item.required("type", example);
        String type = node == null ? null : r.string(node, item.path("type"));
        if (type != null && !names.contains(type)) {
            r.problems().at(node, item.path("type"), "unknown " + what + " type `" + type + "`"
                    + NearMiss.hintAndList(type, names, "expected one of"));
            return null;
        }
        return type;
    }
}
