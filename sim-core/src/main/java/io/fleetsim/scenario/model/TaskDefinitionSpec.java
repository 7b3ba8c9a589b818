package io.fleetsim.scenario.model;

/**
 * A task definition (the parts that matter to placement, lifecycle and billing).
 *
 * @param family              task definition family; defaults to the service or job name
 * @param cpuUnits            task CPU in CPU units (1024 = 1 vCPU)
 * @param memoryMiB           task memory in MiB
 * @param image               the container image the task pulls
 * @param networkMode         awsvpc, bridge or host; Fargate requires awsvpc
 * @param ephemeralStorageGiB Fargate ephemeral storage in GiB (20 to 200; 20 is included in the price)
 * @param cpuArchitecture     X86_64 or ARM64 (ECS {@code runtimePlatform.cpuArchitecture})
 * @param stopTimeoutNanos    time between SIGTERM and SIGKILL (default 30 s, platform-semantics.md section 5.4)
 */
public record TaskDefinitionSpec(
        String family,
        int cpuUnits,
        int memoryMiB,
        ImageSpec image,
        NetworkMode networkMode,
        int ephemeralStorageGiB,
        io.fleetsim.cloud.Architecture cpuArchitecture,
        long stopTimeoutNanos) {

    public enum NetworkMode { AWSVPC, BRIDGE, HOST }

}
