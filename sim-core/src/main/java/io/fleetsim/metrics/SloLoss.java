package io.fleetsim.metrics;

/**
 * A service's SLO-violating minutes by cause ({@link ElasticAnalysis#sloLoss}): in a fault window, else in a
 * scaling-lag window, else other.
 *
 * @param violated   minutes in SLO violation (after warm-up, as {@link LatencySummary#sloViolations()})
 * @param faults     of those, minutes overlapping a fault window
 * @param scalingLag minutes overlapping a scaling-lag window and no fault window
 * @param other      the rest
 */
public record SloLoss(long violated, long faults, long scalingLag, long other) {
}
