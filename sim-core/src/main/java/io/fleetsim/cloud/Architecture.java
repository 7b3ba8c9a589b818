package io.fleetsim.cloud;

/** CPU architecture of an instance type or a task (ECS {@code runtimePlatform.cpuArchitecture}). */
public enum Architecture { X86_64, ARM64 }
