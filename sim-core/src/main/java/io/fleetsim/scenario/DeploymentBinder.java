package io.fleetsim.scenario;

import io.fleetsim.scenario.model.DeploymentConfigurationSpec;
import io.fleetsim.scenario.model.DeploymentSpec;
import io.fleetsim.scenario.model.ImageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds a service's {@code deploymentConfiguration} and {@code deployments} (rolling updates, platform-semantics.md
 * section 5.4): {@code minimumHealthyPercent} 0 to 100 (default 100), {@code maximumPercent} at least 100 (default
 * 200; ECS API DeploymentConfiguration), {@code circuitBreaker: { enable, rollback }} (both default false); each
 * deployment's {@code at} within the run and after the one before, its {@code image} shaped like the task
 * definition's, {@code failing} a boolean. With deployments, bounds that cannot make progress at the service's
 * desired count (the upper bound leaves no room for a new task and the lower bound forbids stopping an old one)
 * are an error.
 */
final class DeploymentBinder {

    static final List<String> CONFIGURATION_KEYS = List.of("minimumHealthyPercent", "maximumPercent",
            "circuitBreaker");
    static final List<String> CIRCUIT_BREAKER_KEYS = List.of("enable", "rollback");
    static final List<String> DEPLOYMENT_KEYS = List.of("at", "image", "failing");
    /** ECS API DeploymentConfiguration: maximumPercent is an integer; fleetsim caps it at a generous 1000%. */
    static final int MAX_MAXIMUM_PERCENT = 1000;

    private final Reader r;
    private final TaskDefinitionBinder taskDefinitions;

    DeploymentBinder(Reader r, TaskDefinitionBinder taskDefinitions) {
        this.r = r;
        this.taskDefinitions = taskDefinitions;
    }

    /** {@code deploymentConfiguration}, or ECS's defaults when absent; {@code null} after a problem. */
    DeploymentConfigurationSpec configuration(Reader.Fields service) {
        DeploymentConfigurationSpec d = DeploymentConfigurationSpec.DEFAULT;
        if (!service.has("deploymentConfiguration")) {
            return d;
        }
        int before = r.problems().size();
        Reader.Fields f = r.fields(service.get("deploymentConfiguration"), service.path("deploymentConfiguration"),
                CONFIGURATION_KEYS, Map.of());
        if (f == null) {
            return null;
        }
        Integer min = f.has("minimumHealthyPercent")
                ? r.intValue(f.get("minimumHealthyPercent"), f.path("minimumHealthyPercent"), 0, 100)
                : Integer.valueOf(d.minimumHealthyPercent());
        Integer max = f.has("maximumPercent")
                ? r.intValue(f.get("maximumPercent"), f.path("maximumPercent"), 100, MAX_MAXIMUM_PERCENT)
                : Integer.valueOf(d.maximumPercent());
        Boolean enable = d.circuitBreakerEnable();
        Boolean rollback = d.circuitBreakerRollback();
        if (f.has("circuitBreaker")) {
            Reader.Fields cb = r.fields(f.get("circuitBreaker"), f.path("circuitBreaker"), CIRCUIT_BREAKER_KEYS,
                    Map.of());
            if (cb != null) {
                enable = cb.has("enable") ? r.bool(cb.get("enable"), cb.path("enable")) : enable;
                rollback = cb.has("rollback") ? r.bool(cb.get("rollback"), cb.path("rollback")) : rollback;
                if (Boolean.TRUE.equals(rollback) && Boolean.FALSE.equals(enable)) {
                    r.problems().at(cb.get("rollback"), cb.path("rollback"), "rollback needs the circuit breaker: "
                            + "set `enable: true` as well (ECS DeploymentCircuitBreaker rolls back only a "
                            + "deployment the breaker failed)");
                }
            }
        }
        if (r.problems().size() > before) {
            return null;
        }
        return new DeploymentConfigurationSpec(min, max, enable, rollback);
    }

    /**
     * {@code deployments}, in time order; {@code null} after a problem.
     *
     * @param durationNanos the scenario's duration, or {@code null} when unknown (then {@code at} is not checked)
     * @param config        the bound deployment configuration, or {@code null} when it had a problem
     * @param desired       the service's desired count, or {@code null} when it had a problem
     */
    List<DeploymentSpec> deployments(Reader.Fields service, Long durationNanos, DeploymentConfigurationSpec config,
            Integer desired) {
        List<DeploymentSpec> out = new ArrayList<>();
        if (!service.has("deployments")) {
            return out;
        }
        int before = r.problems().size();
        List<YamlNode> items = service.items("deployments");
        Long previous = null;
        for (int i = 0; i < items.size(); i++) {
            String path = Reader.item(service.path("deployments"), i);
            Reader.Fields f = r.fields(items.get(i), path, DEPLOYMENT_KEYS, Map.of());
            if (f == null) {
                continue;
            }
            YamlNode atNode = f.required("at", "2d");
            Long at = atNode == null ? null : r.quantity(atNode, f.path("at"), Reader.DURATION, Units::parseDuration);
            if (at != null && durationNanos != null && at >= durationNanos) {
                r.problems().at(atNode, f.path("at"), "deployment at " + Units.formatDuration(at) + " must be "
                        + "before the end of the scenario (duration " + Units.formatDuration(durationNanos) + ")");
                at = null;
            } else if (at != null && previous != null && at <= previous) {
                r.problems().at(atNode, f.path("at"), "deployment at " + Units.formatDuration(at) + " must be "
                        + "after the one before it (at " + Units.formatDuration(previous) + "); list deployments in "
                        + "time order");
            }
            if (at != null) {
                previous = at;
            }
            YamlNode imageNode = f.required("image", "{ repository: api, tag: v2, size: 250MiB }");
            ImageSpec image = imageNode == null ? null : taskDefinitions.image(imageNode, f.path("image"));
            Boolean failing = f.has("failing") ? r.bool(f.get("failing"), f.path("failing")) : Boolean.FALSE;
            if (at != null && image != null && failing != null) {
                out.add(new DeploymentSpec(at, image, failing));
            }
        }
        if (!items.isEmpty() && config != null && desired != null && desired > 0) {
            int lower = config.lowerBound(desired);
            int upper = config.upperBound(desired);
            if (upper <= desired && lower >= desired) {
                YamlNode at = service.has("deploymentConfiguration") ? service.get("deploymentConfiguration")
                        : service.get("deployments");
                String path = service.has("deploymentConfiguration") ? service.path("deploymentConfiguration")
                        : service.path("deployments");
                r.problems().at(at, path, "a deployment cannot make progress with minimumHealthyPercent "
                        + config.minimumHealthyPercent() + " and maximumPercent " + config.maximumPercent()
                        + " at desiredCount " + desired + ": the upper bound floor(" + desired + " x "
                        + config.maximumPercent() + "%) = " + upper + " leaves no room to start a new task and the "
                        + "lower bound ceil(" + desired + " x " + config.minimumHealthyPercent() + "%) = " + lower
                        + " allows no old task to stop; lower minimumHealthyPercent or raise maximumPercent "
                        + "(ECS defaults 100 and 200)");
            }
        }
        return r.problems().size() > before ? null : out;
    }
}
