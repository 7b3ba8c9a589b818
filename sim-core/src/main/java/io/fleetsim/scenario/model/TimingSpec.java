package io.fleetsim.scenario.model;

/**
 * Lifecycle latencies. AWS publishes no SLA for any of them; the defaults (filled by the loader from
 * {@code io.fleetsim.scenario.TimingDefaults}) come from the measurements cited in platform-semantics.md
 * sections 1.6 and 2.6, and every one can be overridden in the scenario's {@code timings} section.
 *
 * @param fargateProvisioningMinNanos   lower bound of the Fargate ENI provisioning time (uniform), 10 s
 * @param fargateProvisioningMaxNanos   upper bound, 45 s
 * @param ec2EniAttachNanos             awsvpc ENI attachment on an EC2 container instance
 * @param fargatePullBytesPerSecondPerVcpu image pull bandwidth of a Fargate task per vCPU (network throughput
 *                                      scales with task size), bounded below by one 0.25-vCPU task's share
 * @param ec2PullBytesPerSecond         image pull bandwidth of an EC2 container instance
 * @param containerStartNanos           from image present to container RUNNING
 * @param ec2BootNanos                  from launch request to instance running (billing starts); the lower bound
 *                                      when {@code ec2BootMaxNanos} is larger
 * @param ec2AgentRegistrationNanos     from instance running to container instance registered (tasks placeable);
 *                                      the lower bound when {@code ec2AgentRegistrationMaxNanos} is larger
 * @param ec2BootMaxNanos               upper bound of the boot time: each launch draws uniformly in
 *                                      [ec2BootNanos, ec2BootMaxNanos]; equal to it by default (a fixed time)
 * @param ec2AgentRegistrationMaxNanos  upper bound of the registration time, drawn the same way
 * @param restartThrottleBaseNanos      the service scheduler's restart throttle: the delay before the replacement
 *                                      after the second consecutive failed task, doubling per further failure up
 *                                      to 15 minutes (an assumption: AWS publishes only the 15-minute cap,
 *                                      platform-semantics.md section 5.4)
 * @param ec2RegistryCheckNanos         an image cached on the instance under the {@code default} or {@code always}
 *                                      pull behaviour: the registry is asked for the manifest, no layer is pulled
 */
public record TimingSpec(
        long fargateProvisioningMinNanos,
        long fargateProvisioningMaxNanos,
        long ec2EniAttachNanos,
        long fargatePullBytesPerSecondPerVcpu,
        long ec2PullBytesPerSecond,
        long containerStartNanos,
        long ec2BootNanos,
        long ec2AgentRegistrationNanos,
        long ec2BootMaxNanos,
        long ec2AgentRegistrationMaxNanos,
        long restartThrottleBaseNanos,
        long ec2RegistryCheckNanos) {

    /** A registry check for a cached image: 1 s (ASSUMPTION: no published figure, platform-semantics.md section 4). */
    public static final long DEFAULT_REGISTRY_CHECK_NANOS = 1_000_000_000L;

    /** Every field but the registry check, which takes its default. */
    public TimingSpec(long fargateProvisioningMinNanos, long fargateProvisioningMaxNanos, long ec2EniAttachNanos,
            long fargatePullBytesPerSecondPerVcpu, long ec2PullBytesPerSecond, long containerStartNanos,
            long ec2BootNanos, long ec2AgentRegistrationNanos, long ec2BootMaxNanos, long ec2AgentRegistrationMaxNanos,
            long restartThrottleBaseNanos) {
        this(fargateProvisioningMinNanos, fargateProvisioningMaxNanos, ec2EniAttachNanos,
                fargatePullBytesPerSecondPerVcpu, ec2PullBytesPerSecond, containerStartNanos, ec2BootNanos,
                ec2AgentRegistrationNanos, ec2BootMaxNanos, ec2AgentRegistrationMaxNanos, restartThrottleBaseNanos,
                DEFAULT_REGISTRY_CHECK_NANOS);
    }

    /** The restart throttle's base when none is given: 30 s (assumption, see {@link #restartThrottleBaseNanos}). */
    public static final long DEFAULT_RESTART_THROTTLE_BASE_NANOS = 30_000_000_000L;

    /** Fixed EC2 boot and registration times, the default restart throttle base. */
    public TimingSpec(long fargateProvisioningMinNanos, long fargateProvisioningMaxNanos, long ec2EniAttachNanos,
            long fargatePullBytesPerSecondPerVcpu, long ec2PullBytesPerSecond, long containerStartNanos,
            long ec2BootNanos, long ec2AgentRegistrationNanos) {
        this(fargateProvisioningMinNanos, fargateProvisioningMaxNanos, ec2EniAttachNanos,
                fargatePullBytesPerSecondPerVcpu, ec2PullBytesPerSecond, containerStartNanos, ec2BootNanos,
                ec2AgentRegistrationNanos, ec2BootNanos, ec2AgentRegistrationNanos, DEFAULT_RESTART_THROTTLE_BASE_NANOS,
                DEFAULT_REGISTRY_CHECK_NANOS);
    }
}
