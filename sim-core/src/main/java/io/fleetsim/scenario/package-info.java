/**
 * Scenario files: YAML to the validated, immutable model of {@code io.fleetsim.scenario.model}.
 *
 * <p>{@link io.fleetsim.scenario.ScenarioLoader} is the entry point. It reads YAML into a located tree
 * ({@code YamlReader}), derives one tree per variant ({@code VariantOverrides}), and binds each with
 * {@code ScenarioBinder}, {@code ClusterBinder}, {@code WorkloadBinder} (with {@code TrafficBinder} and
 * {@code AutoScalingBinder}) and {@code TaskDefinitionBinder}, which
 * check every value against the region's catalog and the placement registry. Problems are collected, never
 * thrown one at a time, and come back as one {@link io.fleetsim.scenario.ScenarioException}.
 *
 * <p>Public helpers reusable elsewhere: {@link io.fleetsim.scenario.Units} (human quantities to engine units),
 * {@link io.fleetsim.scenario.Schedules} with {@link io.fleetsim.scenario.CronSchedule},
 * {@link io.fleetsim.scenario.RateSchedule} and {@link io.fleetsim.scenario.AtStartSchedule} (EventBridge
 * schedule expressions), and {@link io.fleetsim.scenario.TimingDefaults} (lifecycle latency defaults with their
 * sources). The language is documented in {@code docs/scenario-reference.md}.
 */
package io.fleetsim.scenario;
