package io.fleetsim.billing;

/**
 * Kinds of metered usage, each an integer quantity in its own base unit (DESIGN.md principle 4). Prices apply
 * at the end, per {@link io.fleetsim.cloud.PriceBook}.
 */
public enum UsageType {
    /** EC2 instance time in seconds, after per-launch rules (rounded up to the second, 60 s minimum). */
    EC2_INSTANCE_SECONDS,
    /** Fargate requested CPU in CPU-unit-seconds (1024 units x 1 s = 1 vCPU-second). */
    FARGATE_VCPU,
    /** Fargate requested memory in MiB-seconds (1024 MiB x 1 s = 1 GB-second; AWS's GB is 1024^3 bytes). */
    FARGATE_MEMORY,
    /** Fargate ephemeral storage above the included 20 GB, in GiB-seconds. */
    FARGATE_EPHEMERAL_STORAGE,
    /** ECR private repository storage in byte-seconds. */
    ECR_STORAGE,
    /** EKS control plane time in cluster-seconds. */
    EKS_CONTROL_PLANE
}
