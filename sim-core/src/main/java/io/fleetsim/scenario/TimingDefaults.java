package io.fleetsim.scenario;

import io.fleetsim.scenario.model.TimingSpec;

/**
 * Default lifecycle latencies, used for every {@code timings} key a scenario leaves out. AWS publishes no SLA for
 * any of them: each constant names the measurement it comes from, or says it is an assumption. All can be
 * overridden per scenario (DESIGN.md principle 3: "Where AWS leaves something undocumented, pick a value, say so
 * in the docs, and make it configurable"). docs/scenario-reference.md repeats this table.
 */
public final class TimingDefaults {

    private static final long SECOND = 1_000_000_000L;
    private static final long MIB = 1024L * 1024L;

    /**
     * Fargate ENI provisioning, lower bound, 10 s. platform-semantics.md section 1.6: Qiita measurement "ENI
     * allocation ~10 s" (qiita.com/kjm/items/a86c5a425c57439ecfa0); suggested model "provisioning (ENI) ~10-45 s".
     */
    public static final long FARGATE_PROVISIONING_MIN_NANOS = 10 * SECOND;

    /**
     * Fargate ENI provisioning, upper bound, 45 s. platform-semantics.md section 1.6: createdAt to pullStartedAt of
     * 11 s and 44 s in one test run (opensearch-project/opensearch-migrations PR #2116).
     */
    public static final long FARGATE_PROVISIONING_MAX_NANOS = 45 * SECOND;

    /**
     * awsvpc ENI attachment on an EC2 container instance, 5 s. ASSUMPTION: platform-semantics.md section 1.6 only
     * says awsvpc "adds an overhead of several seconds" (AWS task-recommendations.html).
     */
    public static final long EC2_ENI_ATTACH_NANOS = 5 * SECOND;

    /**
     * Fargate image pull bandwidth per task vCPU, 40 MiB/s. ASSUMPTION: platform-semantics.md section 1.6 and 4 say
     * only that network throughput, and so pull time, "scales with the task's CPU allocation"; no figure is
     * published.
     */
    public static final long FARGATE_PULL_BYTES_PER_SECOND_PER_VCPU = 40 * MIB;

    /** EC2 container-instance image pull bandwidth, 100 MiB/s. ASSUMPTION: no published figure (section 4). */
    public static final long EC2_PULL_BYTES_PER_SECOND = 100 * MIB;

    /** From image present to container RUNNING, 2 s. ASSUMPTION: section 1.6 lists "container start" unquantified. */
    public static final long CONTAINER_START_NANOS = 2 * SECOND;

    /**
     * EC2 launch request to instance running, 17 s. platform-semantics.md section 2.6: brevdev/ec2-coldboot-research
     * measured pending to running at 16.4-16.6 s regardless of family; rounded up to whole seconds.
     */
    public static final long EC2_BOOT_NANOS = 17 * SECOND;

    /**
     * Instance running to ECS container instance registered, 10 s. ASSUMPTION: section 2.6 gives running to SSH
     * reachable at 17.2 s (daemonology.net) and EKS nodes "30s to become available"; the ECS agent start itself is
     * not measured anywhere we read.
     */
    public static final long EC2_AGENT_REGISTRATION_NANOS = 10 * SECOND;

    private TimingDefaults() {
    }

    /** Every default together. */
    public static TimingSpec spec() {
        return new TimingSpec(FARGATE_PROVISIONING_MIN_NANOS, FARGATE_PROVISIONING_MAX_NANOS, EC2_ENI_ATTACH_NANOS,
                FARGATE_PULL_BYTES_PER_SECOND_PER_VCPU, EC2_PULL_BYTES_PER_SECOND, CONTAINER_START_NANOS,
                EC2_BOOT_NANOS, EC2_AGENT_REGISTRATION_NANOS);
    }
}
