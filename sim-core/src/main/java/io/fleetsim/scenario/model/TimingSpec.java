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
 * @param ec2BootNanos                  from launch request to instance running (billing starts)
 * @param ec2AgentRegistrationNanos     from instance running to container instance registered (tasks placeable)
 */
public record TimingSpec(
        long fargateProvisioningMinNanos,
        long fargateProvisioningMaxNanos,
        long ec2EniAttachNanos,
        long fargatePullBytesPerSecondPerVcpu,
        long ec2PullBytesPerSecond,
        long containerStartNanos,
        long ec2BootNanos,
        long ec2AgentRegistrationNanos) {
}
