/**
 * Small text helpers shared by the packages that talk to users (scenario errors, policy registries): "did you
 * mean ...?" suggestions. Kept out of {@code scenario} so that {@code placement} need not depend on it.
 */
package io.fleetsim.text;
