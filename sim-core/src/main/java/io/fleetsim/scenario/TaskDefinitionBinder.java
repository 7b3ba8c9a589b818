package io.fleetsim.scenario;

import io.fleetsim.cloud.Architecture;
import io.fleetsim.cloud.InstanceType;
import io.fleetsim.scenario.ClusterBinder.ProviderInfo;
import io.fleetsim.scenario.model.CapacityProviderSpec.CapacityProviderType;
import io.fleetsim.scenario.model.ImageSpec;
import io.fleetsim.scenario.model.TaskDefinitionSpec;
import io.fleetsim.scenario.model.TaskDefinitionSpec.NetworkMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds a {@code taskDefinition} and checks it against the capacity providers its service or job may run on:
 * a valid Fargate size and awsvpc on Fargate, no ARM64 on Fargate Spot, and on EC2 a CPU in 128..10240 units and
 * a task that fits the provider's instance type (CPU, registered memory, architecture).
 *
 * <p>Sources: platform-semantics.md section 1.1 (Fargate sizes; EC2 task CPU 128 to 10240 units; 1024 units per
 * vCPU), 1.4 (Fargate Spot and ARM64; stop timeout maximum 120 s on Fargate), 1.5 (ephemeral storage 20 GiB
 * included, up to 200 GiB), 2.7 (registered memory), 5.4 (stop timeout default 30 s).
 */
final class TaskDefinitionBinder {

    static final List<String> KEYS = List.of("family", "cpu", "memory", "image", "networkMode", "ephemeralStorage",
            "cpuArchitecture", "stopTimeout");
    static final List<String> IMAGE_KEYS = List.of("repository", "tag", "size");

    /** 20 GiB of ephemeral storage is included in every Fargate task (platform-semantics.md section 1.5). */
    static final int DEFAULT_EPHEMERAL_GIB = 20;
    /** ECS RegisterTaskDefinition ephemeralStorage.sizeInGiB: "minimum supported value is 21 GiB". */
    static final int MIN_EPHEMERAL_GIB = 21;
    /** "Tasks can be configured up to 200 GiB" (platform-semantics.md section 1.5). */
    static final int MAX_EPHEMERAL_GIB = 200;
    /** SIGTERM to SIGKILL: default 30 s (platform-semantics.md section 5.4). */
    static final long DEFAULT_STOP_TIMEOUT_NANOS = 30_000_000_000L;
    /** Fargate maximum stop timeout, 120 s (platform-semantics.md sections 1.4 and 5.4). */
    static final long FARGATE_MAX_STOP_TIMEOUT_NANOS = 120_000_000_000L;
    /** EC2-hosted tasks: 128 (0.125 vCPU) to 10240 (10 vCPU) CPU units (Fargate task CPU and memory, ECS Developer Guide). */
    static final int EC2_MIN_CPU = 128;
    static final int EC2_MAX_CPU = 10240;
    static final String DEFAULT_TAG = "latest";

    /** ECR repository names (ECR CreateRepository): lowercase path components separated by / . _ -, 2-256 chars. */
    private static final Pattern REPOSITORY =
            Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    /** Docker/ECR image tags: up to 128 characters, letters, digits, _ . -, not starting with . or -. */
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private static final Map<String, NetworkMode> NETWORK_MODES = new LinkedHashMap<>();
    private static final Map<String, Architecture> ARCHITECTURES = new LinkedHashMap<>();

    static {
        NETWORK_MODES.put("awsvpc", NetworkMode.AWSVPC);
        NETWORK_MODES.put("bridge", NetworkMode.BRIDGE);
        NETWORK_MODES.put("host", NetworkMode.HOST);
        ARCHITECTURES.put("X86_64", Architecture.X86_64);
        ARCHITECTURES.put("ARM64", Architecture.ARM64);
    }

    private final Reader r;
    private final CatalogView catalog;

    TaskDefinitionBinder(Reader r, CatalogView catalog) {
        this.r = r;
        this.catalog = catalog;
    }

    /**
     * @param providers the providers of the workload's strategy whose type is known (may be empty when the
     *                  strategy itself is wrong: then only provider-independent checks run)
     */
    TaskDefinitionSpec bind(YamlNode node, String path, String defaultFamily, List<ProviderInfo> providers) {
        int before = r.problems().size();
        Reader.Fields f = r.fields(node, path, KEYS, Map.of());
        if (f == null) {
            return null;
        }
        String family = defaultFamily;
        if (f.has("family")) {
            family = r.string(f.get("family"), f.path("family"));
            if (family != null && !ClusterBinder.ECS_NAME.matcher(family).matches()) {
                r.problems().at(f.get("family"), f.path("family"), "family `" + family + "` is not valid: use 1 to "
                        + "255 letters, digits, hyphens and underscores (ECS naming rules)");
            }
        }
        YamlNode cpuNode = f.required("cpu", "512");
        Integer cpu = cpuNode == null ? null
                : r.quantity(cpuNode, f.path("cpu"), "CPU such as `512` (units) or `0.5 vCPU`", Units::parseCpuUnits);
        YamlNode memNode = f.required("memory", "1GiB");
        Integer memory = memNode == null ? null
                : r.quantity(memNode, f.path("memory"), "memory such as `1024` (MiB) or `1GiB`", Units::parseMemoryMiB);
        ImageSpec image = image(f);
        NetworkMode network = f.has("networkMode")
                ? r.choice(f.get("networkMode"), f.path("networkMode"), "network mode", NETWORK_MODES)
                : NetworkMode.AWSVPC;
        Integer storage = DEFAULT_EPHEMERAL_GIB;
        if (f.has("ephemeralStorage")) {
            storage = r.quantity(f.get("ephemeralStorage"), f.path("ephemeralStorage"),
                    "storage such as `30GiB`", Units::parseStorageGiB);
            if (storage != null && storage != DEFAULT_EPHEMERAL_GIB
                    && (storage < MIN_EPHEMERAL_GIB || storage > MAX_EPHEMERAL_GIB)) {
                r.problems().at(f.get("ephemeralStorage"), f.path("ephemeralStorage"), "ephemeral storage must be "
                        + DEFAULT_EPHEMERAL_GIB + " GiB (the default, included in the price) or " + MIN_EPHEMERAL_GIB
                        + " to " + MAX_EPHEMERAL_GIB + " GiB, found " + storage + " GiB");
            }
        }
        Architecture arch = f.has("cpuArchitecture")
                ? r.choice(f.get("cpuArchitecture"), f.path("cpuArchitecture"), "CPU architecture", ARCHITECTURES)
                : Architecture.X86_64;
        Long stop = DEFAULT_STOP_TIMEOUT_NANOS;
        if (f.has("stopTimeout")) {
            stop = r.quantity(f.get("stopTimeout"), f.path("stopTimeout"), Reader.DURATION,
                    Units::parseDuration);
            if (stop != null && stop % 1_000_000_000L != 0) {
                r.problems().at(f.get("stopTimeout"), f.path("stopTimeout"), "stopTimeout must be a whole number "
                        + "of seconds (ECS stopTimeout is in seconds), found " + Units.formatDuration(stop));
            }
        }
        Task task = new Task(f, cpu, memory, network, arch, stop);
        checkAgainstProviders(task, providers);
        if (r.problems().size() > before) {
            return null;
        }
        return new TaskDefinitionSpec(family, cpu, memory, image, network, storage, arch, stop);
    }

    private ImageSpec image(Reader.Fields td) {
        YamlNode node = td.required("image", "{ repository: api, size: 250MiB }");
        if (node == null) {
            return null;
        }
        return image(node, td.path("image"));
    }

    /** An image map {@code { repository, tag, size }} at {@code path} (also a deployment's image). */
    ImageSpec image(YamlNode node, String path) {
        Reader.Fields f = r.fields(node, path, IMAGE_KEYS, Map.of());
        if (f == null) {
            return null;
        }
        YamlNode repoNode = f.required("repository", "api");
        String repository = repoNode == null ? null : r.string(repoNode, f.path("repository"));
        if (repository != null && (repository.length() < 2 || repository.length() > 256
                || !REPOSITORY.matcher(repository).matches())) {
            r.problems().at(repoNode, f.path("repository"), "repository `" + repository + "` is not a valid ECR "
                    + "repository name: 2 to 256 lowercase letters and digits, separated by `.`, `_`, `-` or `/`");
            repository = null;
        }
        String tag = f.string("tag", DEFAULT_TAG);
        if (tag != null && !TAG.matcher(tag).matches()) {
            r.problems().at(f.get("tag"), f.path("tag"), "tag `" + tag + "` is not a valid image tag: up to 128 "
                    + "letters, digits, `_`, `.` and `-`, not starting with `.` or `-`");
            tag = null;
        }
        YamlNode sizeNode = f.required("size", "250MiB");
        Long size = sizeNode == null ? null : r.quantity(sizeNode, f.path("size"), "a size such as `250MiB`",
                Units::parseSizeBytes);
        if (size != null && size <= 0) {
            r.problems().at(sizeNode, f.path("size"), "image size must be positive");
            size = null;
        }
        return repository == null || tag == null || size == null ? null : new ImageSpec(repository, tag, size);
    }

    /** The parsed parts provider checks need, with the nodes to point at. */
    private static final class Task {
        final Reader.Fields f;
        final Integer cpu;
        final Integer memory;
        final NetworkMode network;
        final Architecture arch;
        final Long stopTimeout;

        Task(Reader.Fields f, Integer cpu, Integer memory, NetworkMode network, Architecture arch, Long stopTimeout) {
            this.f = f;
            this.cpu = cpu;
            this.memory = memory;
            this.network = network;
            this.arch = arch;
            this.stopTimeout = stopTimeout;
        }

        /** The node of {@code key} if written, else the task definition itself. */
        YamlNode at(String key) {
            return f.has(key) ? f.get(key) : f.node();
        }
    }

    private void checkAgainstProviders(Task t, List<ProviderInfo> providers) {
        List<ProviderInfo> fargate = new ArrayList<>();
        List<ProviderInfo> ec2 = new ArrayList<>();
        for (ProviderInfo p : providers) {
            (p.isFargate() ? fargate : ec2).add(p);
        }
        if (!fargate.isEmpty()) {
            checkFargate(t, fargate);
        }
        if (!ec2.isEmpty()) {
            checkEc2(t, ec2);
        }
    }

    private void checkFargate(Task t, List<ProviderInfo> fargate) {
        String on = "on Fargate (capacity provider " + fargate.get(0).name() + ")";
        Reader.Fields f = t.f;
        if (t.network != null && t.network != NetworkMode.AWSVPC) {
            r.problems().at(t.at("networkMode"), f.path("networkMode"), "Fargate requires networkMode awsvpc, found "
                    + t.network.name().toLowerCase(java.util.Locale.ROOT) + " (" + on + ")");
        }
        if (catalog != null && t.cpu != null) {
            List<Integer> cpus = catalog.fargateCpuOptions();
            if (!cpus.contains(t.cpu)) {
                r.problems().at(t.at("cpu"), f.path("cpu"), "Fargate has no task size with " + t.cpu + " CPU units "
                        + on + "; valid CPU sizes: " + joinInts(cpus) + " (Fargate task CPU and memory, ECS Developer Guide)");
            } else if (t.memory != null && !catalog.isValidFargateSize(t.cpu, t.memory)) {
                r.problems().at(t.at("memory"), f.path("memory"), "invalid Fargate size " + t.cpu + " CPU / "
                        + t.memory + " MiB " + on + ": " + t.cpu + " CPU units allows "
                        + describeOptions(catalog.fargateMemoryOptions(t.cpu))
                        + " (Fargate task CPU and memory, ECS Developer Guide)");
            }
        }
        if (t.stopTimeout != null && t.stopTimeout > FARGATE_MAX_STOP_TIMEOUT_NANOS) {
            r.problems().at(t.at("stopTimeout"), f.path("stopTimeout"), "stopTimeout "
                    + t.stopTimeout / 1_000_000_000L + "s is above Fargate's maximum of 120s " + on);
        }
        if (t.arch == Architecture.ARM64) {
            for (ProviderInfo p : fargate) {
                if (p.type() == CapacityProviderType.FARGATE_SPOT) {
                    r.problems().at(t.at("cpuArchitecture"), f.path("cpuArchitecture"), "capacity provider "
                            + p.name() + " is FARGATE_SPOT, which does not run ARM64 tasks: the ECS docs say "
                            + "\"Linux tasks with the ARM64 architecture don't support the Fargate Spot capacity "
                            + "provider\" (ECS Developer Guide, Fargate capacity providers; the Fargate pricing page lists Spot "
                            + "Linux/ARM, a conflict fleetsim resolves in favour of the ECS docs)");
                }
            }
        }
    }

    private void checkEc2(Task t, List<ProviderInfo> ec2) {
        Reader.Fields f = t.f;
        if (f.has("ephemeralStorage")) {
            r.problems().atKey(f.entry("ephemeralStorage"), f.path("ephemeralStorage"), "ephemeralStorage applies "
                    + "only to Fargate; on EC2 (capacity provider " + ec2.get(0).name() + ") tasks use the "
                    + "instance's storage");
        }
        if (t.cpu != null && (t.cpu < EC2_MIN_CPU || t.cpu > EC2_MAX_CPU)) {
            r.problems().at(t.at("cpu"), f.path("cpu"), "EC2 tasks take " + EC2_MIN_CPU + " to " + EC2_MAX_CPU
                    + " CPU units (0.125 to 10 vCPU), found " + t.cpu + " (Fargate task CPU and memory, ECS Developer Guide)");
        }
        if (catalog == null) {
            return;
        }
        for (ProviderInfo p : ec2) {
            InstanceType it = p.instanceType();
            if (it == null) {
                continue;
            }
            if (t.cpu != null && t.cpu >= EC2_MIN_CPU && t.cpu <= EC2_MAX_CPU && t.cpu > it.ecsCpuUnits()) {
                r.problems().at(t.at("cpu"), f.path("cpu"), "task needs " + t.cpu + " CPU units but " + it.name()
                        + " (capacity provider " + p.name() + ") registers " + it.ecsCpuUnits() + " (" + it.vcpu()
                        + " vCPU x 1024)");
            }
            int registered = catalog.ecsRegisteredMemoryMiB(it);
            if (t.memory != null && t.memory > registered) {
                r.problems().at(t.at("memory"), f.path("memory"), "task needs " + t.memory + " MiB but " + it.name()
                        + " (capacity provider " + p.name() + ") registers " + registered + " MiB for tasks ("
                        + it.memoryMiB() + " MiB installed, less OS and agent overhead, ECS "
                        + "Developer Guide, container instance memory management)");
            }
            if (t.arch != null && t.arch != it.architecture()) {
                r.problems().at(t.at("cpuArchitecture"), f.path("cpuArchitecture"), "task cpuArchitecture is "
                        + t.arch + " but " + it.name() + " (capacity provider " + p.name() + ") is "
                        + it.architecture());
            }
        }
    }

    /** "1024..4096 MiB in 1024 MiB steps" for an even ladder, else "512, 1024, 2048 MiB". */
    static String describeOptions(List<Integer> options) {
        if (options.isEmpty()) {
            return "no memory sizes";
        }
        if (options.size() >= 3) {
            int step = options.get(1) - options.get(0);
            boolean even = true;
            for (int i = 2; i < options.size(); i++) {
                even &= options.get(i) - options.get(i - 1) == step;
            }
            if (even) {
                return options.get(0) + ".." + options.get(options.size() - 1) + " MiB in " + step + " MiB steps";
            }
        }
        return joinInts(options) + " MiB";
    }

    private static String joinInts(List<Integer> values) {
        StringBuilder sb = new StringBuilder();
        for (Integer v : values) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(v);
        }
        return sb.toString();
    }
}
