package io.fleetsim.scaling;

import java.util.Locale;

/** What {@link ServiceAutoScaler} needs from either kind of scaling policy to record an action it decided. */
abstract class Policy {

    /** Reasons print ratios with two decimals; metric values and targets as given ({@link Double#toString}). */
    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The {@link ScalingAction#source()} of this policy's actions. */
    abstract String source();

    /** Why this policy proposes what it does this minute, with the numbers, for a service at {@code current}. */
    abstract String reason(int current);

    /** End of the first minute of the run of breaching datapoints behind this policy's scale-out, -1 if none. */
    abstract long breachStartNanos();
}
