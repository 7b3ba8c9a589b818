package io.fleetsim.scenario.model;

/**
 * A service's rolling-update settings, ECS {@code deploymentConfiguration} (platform-semantics.md section 5.4).
 *
 * @param minimumHealthyPercent lower bound: ceil(desired x min / 100) tasks must stay healthy; 0 to 100, default 100
 * @param maximumPercent        upper bound: at most floor(desired x max / 100) tasks RUNNING, PENDING or STOPPING;
 *                              at least 100, default 200
 * @param circuitBreakerEnable  the deployment circuit breaker: a deployment fails after
 *                              clamp(ceil(0.5 x desired), 10, 200) new tasks fail before becoming healthy
 * @param circuitBreakerRollback roll a failed deployment back to the last completed revision
 */
public record DeploymentConfigurationSpec(int minimumHealthyPercent, int maximumPercent, boolean circuitBreakerEnable,
        boolean circuitBreakerRollback) {

    /** ECS's defaults for a REPLICA service: 100 / 200, circuit breaker off (section 5.4). */
    public static final DeploymentConfigurationSpec DEFAULT = new DeploymentConfigurationSpec(100, 200, false, false);

    /** The lower bound for {@code desired} tasks: ceil(desired x min / 100). */
    public int lowerBound(int desired) {
        return (int) ((desired * (long) minimumHealthyPercent + 99) / 100);
    }

    /** The upper bound for {@code desired} tasks: floor(desired x max / 100). */
    public int upperBound(int desired) {
        return (int) (desired * (long) maximumPercent / 100);
    }

    /**
     * The circuit breaker's failure threshold for {@code desired} tasks: clamp(ceil(0.5 x desired), 10, 200)
     * (platform-semantics.md section 5.4, {@code deployment-circuit-breaker.md}).
     */
    public static int circuitBreakerThreshold(int desired) {
        int half = (desired + 1) / 2;
        return Math.max(10, Math.min(200, half));
    }
}
