package io.fleetsim.cloud;

import java.math.BigDecimal;

/**
 * An EC2 instance type as the catalog knows it (platform-semantics.md section 2.2 and 2.4).
 *
 * @param name                 e.g. {@code m6i.large}
 * @param vcpu                 vCPUs
 * @param memoryMiB            installed memory, MiB
 * @param architecture         X86_64 or ARM64
 * @param onDemandHourly       Linux on-demand price, USD per hour, in the catalog's region
 * @param maxEnis              network interfaces (default network card)
 * @param ipv4PerEni           IPv4 addresses per interface
 * @param trunkingCapable      supports ECS ENI trunking
 * @param ecsAwsvpcTasks       awsvpc tasks an ECS container instance runs without trunking (maxEnis - 1)
 * @param ecsAwsvpcTasksTrunked awsvpc tasks with the awsvpcTrunking account setting (ECS table), or the untrunked
 *                             value when not trunk-capable
 * @param eksMaxPods           VPC CNI max pods: maxEnis * (ipv4PerEni - 1) + 2
 */
public record InstanceType(
        String name,
        int vcpu,
        int memoryMiB,
        Architecture architecture,
        BigDecimal onDemandHourly,
        int maxEnis,
        int ipv4PerEni,
        boolean trunkingCapable,
        int ecsAwsvpcTasks,
        int ecsAwsvpcTasksTrunked,
        int eksMaxPods) {

    /** CPU units an ECS container instance registers: vCPU x 1024 (platform-semantics.md section 1.1). */
    public int ecsCpuUnits() {
        return vcpu * 1024;
    }
}
