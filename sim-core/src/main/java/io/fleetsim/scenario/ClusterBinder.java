package io.fleetsim.scenario;

import io.fleetsim.text.NearMiss;
import io.fleetsim.cloud.InstanceType;
import io.fleetsim.cloud.PurchaseOption;
import io.fleetsim.scenario.YamlNode.Entry;
import io.fleetsim.scenario.model.CapacityProviderSpec;
import io.fleetsim.scenario.model.CapacityProviderSpec.CapacityProviderType;
import io.fleetsim.scenario.model.ClusterSpec;
import io.fleetsim.scenario.model.ManagedScalingSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Binds {@code clusters[]} and their {@code capacityProviders[]}.
 *
 * <p>Besides the specs it returns what services and jobs need to check their references without cascading
 * errors: every cluster and provider name that was written (even when the rest of its definition is wrong), and
 * each provider's type and instance type when those were valid.
 */
final class ClusterBinder {

    static final List<String> CLUSTER_KEYS = List.of("name", "orchestrator", "zones", "awsvpcTrunking",
            "imagePullBehavior", "capacityProviders");
    static final List<String> PROVIDER_KEYS = List.of("name", "type", "instanceType", "purchaseOption", "minSize",
            "maxSize", "desiredCapacity", "attributes", "managedScaling");
    static final List<String> EC2_ONLY_KEYS = List.of("instanceType", "purchaseOption", "minSize", "maxSize",
            "desiredCapacity", "attributes", "managedScaling");
    static final List<String> MANAGED_SCALING_KEYS = List.of("targetCapacity", "minimumScalingStepSize",
            "maximumScalingStepSize", "instanceWarmupPeriod", "scaleOutDatapoints", "scaleInDatapoints",
            "managedTerminationProtection", "managedDraining");
    static final Map<String, String> PROVIDER_RESERVED = Map.of(
            "instanceTypes", "`instanceTypes` (a list) is not supported: an EC2 capacity provider has one instance "
                    + "type; write `instanceType: m6i.large`");

    /**
     * ECS names: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed"
     * (ECS API CreateCluster clusterName, CreateService serviceName, CreateCapacityProvider name,
     * RegisterTaskDefinition family). Used for clusters, providers, services, jobs and families; the missing dot
     * also keeps variant paths such as {@code services.api.desiredCount} unambiguous.
     */
    static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    /**
     * Default zones: the first three of the region (sorted), the number of zones ECS's console cluster wizard and
     * most VPC templates use; an assumption, documented in docs/scenario-reference.md.
     */
    static final int DEFAULT_ZONE_COUNT = 3;

    /** ECS custom attribute names: up to 128 letters, numbers, hyphens, underscores, slashes, back slashes, periods. */
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_./\\\\-]{1,128}");
    /** ECS custom attribute values: up to 128 of the above plus at signs, colons and spaces (not at the ends). */
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[A-Za-z0-9_./\\\\@: -]{1,128}");

    private static final Map<String, CapacityProviderType> TYPES = new LinkedHashMap<>();
    private static final Map<String, PurchaseOption> PURCHASE = new LinkedHashMap<>();
    private static final Map<String, ClusterSpec.Orchestrator> ORCHESTRATORS = new LinkedHashMap<>();
    /** {@code ECS_IMAGE_PULL_BEHAVIOR} values, spelled as the ECS agent spells them. */
    private static final Map<String, ClusterSpec.ImagePullBehavior> PULL_BEHAVIORS = new LinkedHashMap<>();

    static {
        TYPES.put("FARGATE", CapacityProviderType.FARGATE);
        TYPES.put("FARGATE_SPOT", CapacityProviderType.FARGATE_SPOT);
        TYPES.put("EC2", CapacityProviderType.EC2);
        PURCHASE.put("on-demand", PurchaseOption.ON_DEMAND);
        PURCHASE.put("spot", PurchaseOption.SPOT);
        ORCHESTRATORS.put("ecs", ClusterSpec.Orchestrator.ECS);
        PULL_BEHAVIORS.put("default", ClusterSpec.ImagePullBehavior.DEFAULT);
        PULL_BEHAVIORS.put("always", ClusterSpec.ImagePullBehavior.ALWAYS);
        PULL_BEHAVIORS.put("once", ClusterSpec.ImagePullBehavior.ONCE);
        PULL_BEHAVIORS.put("prefer-cached", ClusterSpec.ImagePullBehavior.PREFER_CACHED);
    }

    /** A provider as far as it could be bound: type and instanceType are null when invalid, spec when anything is. */
    record ProviderInfo(String name, CapacityProviderType type, InstanceType instanceType, CapacityProviderSpec spec) {
        boolean isFargate() {
            return type == CapacityProviderType.FARGATE || type == CapacityProviderType.FARGATE_SPOT;
        }
    }

    /** A cluster as far as it could be bound; {@code spec} is null when anything in it is wrong. */
    record ClusterInfo(String name, Map<String, ProviderInfo> providers, ClusterSpec spec) {
    }

    private ClusterBinder() {
    }

    /** Clusters by name, in file order (a duplicate name is reported and the later cluster dropped). */
    static Map<String, ClusterInfo> bindAll(Reader r, Reader.Fields top, CatalogView catalog) {
        Map<String, ClusterInfo> clusters = new LinkedHashMap<>();
        YamlNode node = top.required("clusters",
                "[{ name: prod, capacityProviders: [{ name: fargate, type: FARGATE }] }]");
        if (node == null) {
            return clusters;
        }
        List<YamlNode> items = r.items(node, "clusters");
        if (items.isEmpty() && node instanceof YamlNode.ListNode) {
            r.problems().at(node, "clusters", "needs at least one cluster");
        }
        Map<String, YamlNode> firstAt = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ClusterInfo c = cluster(r, items.get(i), Reader.item("clusters", i), catalog);
            if (c == null || c.name() == null) {
                continue;
            }
            YamlNode first = firstAt.putIfAbsent(c.name(), items.get(i));
            if (first != null) {
                r.problems().at(items.get(i), Reader.item("clusters", i) + ".name", "duplicate cluster name `"
                        + c.name() + "` (first defined at line " + first.line() + "); cluster names must be unique");
                continue;
            }
            clusters.put(c.name(), c);
        }
        return clusters;
    }

    private static ClusterInfo cluster(Reader r, YamlNode node, String path, CatalogView catalog) {
        int before = r.problems().size();
        Reader.Fields f = r.fields(node, path, CLUSTER_KEYS, Map.of());
        if (f == null) {
            return null;
        }
        String name = name(r, f, "cluster", "prod");
        ClusterSpec.Orchestrator orchestrator = ClusterSpec.Orchestrator.ECS;
        if (f.has("orchestrator")) {
            YamlNode o = f.get("orchestrator");
            if ("eks".equals(r.string(o, f.path("orchestrator")))) {
                r.problems().at(o, f.path("orchestrator"), "orchestrator `eks` is not supported yet; only `ecs`");
                orchestrator = null;
            } else {
                orchestrator = r.choice(o, f.path("orchestrator"), "orchestrator", ORCHESTRATORS);
            }
        }
        List<String> zones = zones(r, f, catalog);
        boolean trunking = bool(r, f, "awsvpcTrunking", false);
        ClusterSpec.ImagePullBehavior pullBehavior = ClusterSpec.ImagePullBehavior.DEFAULT;
        if (f.has("imagePullBehavior")) {
            pullBehavior = r.choice(f.get("imagePullBehavior"), f.path("imagePullBehavior"), "image pull behavior",
                    PULL_BEHAVIORS);
        }
        Map<String, ProviderInfo> providers = new LinkedHashMap<>();
        YamlNode pNode = f.required("capacityProviders", "[{ name: fargate, type: FARGATE }]");
        if (pNode != null) {
            List<YamlNode> items = r.items(pNode, f.path("capacityProviders"));
            if (items.isEmpty() && pNode instanceof YamlNode.ListNode) {
                r.problems().at(pNode, f.path("capacityProviders"), "needs at least one capacity provider");
            }
            for (int i = 0; i < items.size(); i++) {
                String ppath = Reader.item(f.path("capacityProviders"), i);
                ProviderInfo p = provider(r, items.get(i), ppath, catalog);
                if (p == null || p.name() == null) {
                    continue;
                }
                if (providers.containsKey(p.name())) {
                    r.problems().at(items.get(i), ppath + ".name", "duplicate capacity provider name `" + p.name()
                            + "` in cluster " + (name == null ? path : name) + "; names must be unique in a cluster");
                    continue;
                }
                providers.put(p.name(), p);
            }
        }
        ClusterSpec spec = null;
        List<CapacityProviderSpec> specs = new ArrayList<>();
        for (ProviderInfo p : providers.values()) {
            if (p.spec() != null) {
                specs.add(p.spec());
            }
        }
        // Without a catalog (unknown region, reported there) EC2 providers cannot be checked and have no spec.
        if (r.problems().size() == before && specs.size() == providers.size() && !specs.isEmpty()) {
            spec = new ClusterSpec(name, orchestrator, zones, trunking, specs, pullBehavior);
        }
        return new ClusterInfo(name, providers, spec);
    }

    /** A required ECS-style name ({@link #ECS_NAME}), or {@code null} after reporting. */
    static String name(Reader r, Reader.Fields f, String what, String example) {
        YamlNode node = f.required("name", example);
        String name = node == null ? null : r.nonBlank(node, f.path("name"));
        if (name != null && !ECS_NAME.matcher(name).matches()) {
            r.problems().at(node, f.path("name"), what + " name `" + name + "` is not valid: use 1 to 255 letters, "
                    + "digits, hyphens and underscores (ECS naming rules)");
            return null;
        }
        return name;
    }

    private static List<String> zones(Reader r, Reader.Fields f, CatalogView catalog) {
        if (!f.has("zones")) {
            if (catalog == null) {
                return List.of();
            }
            List<String> all = catalog.zones();
            return List.copyOf(all.subList(0, Math.min(DEFAULT_ZONE_COUNT, all.size())));
        }
        List<String> zones = new ArrayList<>();
        YamlNode node = f.get("zones");
        List<YamlNode> items = r.items(node, f.path("zones"));
        if (items.isEmpty() && node instanceof YamlNode.ListNode) {
            r.problems().at(node, f.path("zones"), "needs at least one zone (or leave `zones` out for the first "
                    + DEFAULT_ZONE_COUNT + " zones of the region)");
        }
        for (int i = 0; i < items.size(); i++) {
            String zpath = Reader.item(f.path("zones"), i);
            String zone = r.string(items.get(i), zpath);
            if (zone == null) {
                continue;
            }
            if (catalog != null && !catalog.zones().contains(zone)) {
                r.problems().at(items.get(i), zpath, "unknown zone `" + zone + "`"
                        + NearMiss.hintAndList(zone, catalog.zones(), "zones of the region"));
            } else if (zones.contains(zone)) {
                r.problems().at(items.get(i), zpath, "zone `" + zone + "` is listed twice");
            } else {
                zones.add(zone);
            }
        }
        return zones;
    }

    private static ProviderInfo provider(Reader r, YamlNode node, String path, CatalogView catalog) {
        int before = r.problems().size();
        Reader.Fields f = r.fields(node, path, PROVIDER_KEYS, PROVIDER_RESERVED);
        if (f == null) {
            return null;
        }
        String name = name(r, f, "capacity provider", "fargate");
        YamlNode typeNode = f.required("type", "FARGATE");
        CapacityProviderType type = typeNode == null ? null
                : r.choice(typeNode, f.path("type"), "capacity provider type", TYPES);
        if (type == null) {
            return new ProviderInfo(name, null, null, null);
        }
        if (type != CapacityProviderType.EC2) {
            for (String key : EC2_ONLY_KEYS) {
                Entry e = f.entry(key);
                if (e != null) {
                    r.problems().atKey(e, f.path(key), "`" + key + "` applies only to EC2 capacity providers; a "
                            + type + " provider takes only `name` and `type`");
                }
            }
            CapacityProviderSpec spec = r.problems().size() == before
                    ? new CapacityProviderSpec(name, type, null, null, 0, 0, 0, Map.of()) : null;
            return new ProviderInfo(name, type, null, spec);
        }
        InstanceType instanceType = null;
        YamlNode itNode = f.entry("instanceTypes") != null ? f.get("instanceType")
                : f.required("instanceType", "m6i.large");
        String itName = itNode == null ? null : r.string(itNode, f.path("instanceType"));
        if (itName != null && catalog != null) {
            instanceType = catalog.instanceType(itName).orElse(null);
            if (instanceType == null) {
                r.problems().at(itNode, f.path("instanceType"), "unknown instance type `" + itName + "`"
                        + NearMiss.hintAndList(itName, catalog.instanceTypeNames(), "instance types in the catalog"));
            }
        }
        PurchaseOption purchase = f.has("purchaseOption")
                ? r.choice(f.get("purchaseOption"), f.path("purchaseOption"), "purchase option", PURCHASE)
                : PurchaseOption.ON_DEMAND;
        Integer min = f.has("minSize") ? r.intValue(f.get("minSize"), f.path("minSize"), 0, Integer.MAX_VALUE)
                : Integer.valueOf(0); // boxed: an Integer/int ternary would unbox the null of a bad value
        YamlNode maxNode = f.required("maxSize", "10");
        Integer max = maxNode == null ? null : r.intValue(maxNode, f.path("maxSize"), 0, Integer.MAX_VALUE);
        if (min != null && max != null && min > max) {
            r.problems().at(f.get("minSize"), f.path("minSize"), "minSize " + min + " is above maxSize " + max);
        }
        Integer desired = min;
        if (f.has("desiredCapacity")) {
            desired = r.intValue(f.get("desiredCapacity"), f.path("desiredCapacity"), 0, Integer.MAX_VALUE);
            if (desired != null && min != null && max != null && min <= max && (desired < min || desired > max)) {
                r.problems().at(f.get("desiredCapacity"), f.path("desiredCapacity"), "desiredCapacity " + desired
                        + " must lie between minSize " + min + " and maxSize " + max);
            }
        }
        Map<String, String> attributes = attributes(r, f);
        ManagedScalingSpec managed = f.has("managedScaling") ? managedScaling(r, f) : null;
        CapacityProviderSpec spec = null;
        if (r.problems().size() == before && instanceType != null) {
            spec = new CapacityProviderSpec(name, type, instanceType.name(), purchase, min, max, desired, attributes,
                    managed);
        }
        return new ProviderInfo(name, type, instanceType, spec);
    }

    /**
     * {@code managedScaling}: ECS cluster auto scaling (platform-semantics.md section 5.6) with the ECS API's
     * ManagedScaling names, ranges and defaults; {@code managedScaling: {}} turns it on with every default.
     */
    private static ManagedScalingSpec managedScaling(Reader r, Reader.Fields provider) {
        String path = provider.path("managedScaling");
        Reader.Fields f = r.fields(provider.get("managedScaling"), path, MANAGED_SCALING_KEYS, Map.of());
        ManagedScalingSpec d = ManagedScalingSpec.defaults();
        if (f == null) {
            return null;
        }
        int target = intIn(r, f, "targetCapacity", 1, 100, d.targetCapacity());
        int minStep = intIn(r, f, "minimumScalingStepSize", 1, 10_000, d.minimumScalingStepSize());
        int maxStep = intIn(r, f, "maximumScalingStepSize", 1, 10_000, d.maximumScalingStepSize());
        if (minStep > maxStep) {
            r.problems().at(f.get(f.has("minimumScalingStepSize") ? "minimumScalingStepSize"
                    : "maximumScalingStepSize"), f.path("minimumScalingStepSize"), "minimumScalingStepSize " + minStep
                    + " is above maximumScalingStepSize " + maxStep);
        }
        long warmup = d.instanceWarmupNanos();
        if (f.has("instanceWarmupPeriod")) {
            Long v = r.quantity(f.get("instanceWarmupPeriod"), f.path("instanceWarmupPeriod"), Reader.DURATION,
                    Units::parseDuration);
            if (v != null && (v < 0 || v > 10_000L * 1_000_000_000L || v % 1_000_000_000L != 0)) {
                r.problems().at(f.get("instanceWarmupPeriod"), f.path("instanceWarmupPeriod"), "instanceWarmupPeriod "
                        + "must be whole seconds from 0s to 10000s (ECS API ManagedScaling), found "
                        + Units.formatDuration(v));
            } else if (v != null) {
                warmup = v;
            }
        }
        int outPoints = intIn(r, f, "scaleOutDatapoints", 1, 60, d.scaleOutDatapoints());
        int inPoints = intIn(r, f, "scaleInDatapoints", 1, 60, d.scaleInDatapoints());
        boolean protection = bool(r, f, "managedTerminationProtection", d.managedTerminationProtection());
        boolean draining = bool(r, f, "managedDraining", d.managedDraining());
        return new ManagedScalingSpec(target, minStep, maxStep, warmup, outPoints, inPoints, protection, draining);
    }

    private static int intIn(Reader r, Reader.Fields f, String key, int min, int max, int defaultValue) {
        if (!f.has(key)) {
            return defaultValue;
        }
        Integer v = r.intValue(f.get(key), f.path(key), min, max);
        return v == null ? defaultValue : v;
    }

    private static boolean bool(Reader r, Reader.Fields f, String key, boolean defaultValue) {
        if (!f.has(key)) {
            return defaultValue;
        }
        Boolean b = r.bool(f.get(key), f.path(key));
        return b == null ? defaultValue : b;
    }

    private static Map<String, String> attributes(Reader r, Reader.Fields f) {
        Map<String, String> attributes = new TreeMap<>();
        if (!f.has("attributes")) {
            return attributes;
        }
        YamlNode.MapNode map = r.map(f.get("attributes"), f.path("attributes"));
        if (map == null) {
            return attributes;
        }
        for (Entry e : map.entries().values()) {
            String path = f.path("attributes") + "." + e.key();
            if (!ATTRIBUTE_NAME.matcher(e.key()).matches()) {
                r.problems().atKey(e, path, "attribute name `" + e.key() + "` is not valid: up to 128 letters, "
                        + "digits, hyphens, underscores, periods and slashes (ECS custom attributes)");
            } else if (e.key().startsWith("ecs.")) {
                r.problems().atKey(e, path, "attribute names starting with `ecs.` are ECS's built-in attributes "
                        + "(ECS cluster query language); choose another name");
            }
            String value = r.string(e.value(), path);
            if (value != null && (!ATTRIBUTE_VALUE.matcher(value).matches() || !value.equals(value.trim()))) {
                r.problems().at(e.value(), path, "attribute value `" + value + "` is not valid: 1 to 128 letters, "
                        + "digits, hyphens, underscores, periods, slashes, at signs, colons and inner spaces "
                        + "(ECS custom attributes)");
            } else if (value != null) {
                attributes.put(e.key(), value);
            }
        }
        return attributes;
    }
}
