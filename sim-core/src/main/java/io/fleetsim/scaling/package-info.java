/**
 * Service auto scaling (platform-semantics.md section 5.5): {@link io.fleetsim.scaling.ServiceAutoScaler} is
 * Application Auto Scaling for one ECS service (target tracking, step scaling, scheduled min/max), fed one
 * datapoint per metric per simulated minute; it records each change as a {@link io.fleetsim.scaling.ScalingAction}.
 */
package io.fleetsim.scaling;
