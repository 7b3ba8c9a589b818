/**
 * The typed, validated, immutable scenario: what {@code io.fleetsim.scenario.ScenarioLoader} produces from YAML
 * and what a {@code Simulation} consumes. Every quantity is already in engine units: time in nanoseconds,
 * CPU in ECS CPU units (1024 = 1 vCPU), memory in MiB, sizes in bytes. Records carry no defaults of their own:
 * the loader fills every field, so a model built in Java code states every value it relies on.
 */
package io.fleetsim.scenario.model;
