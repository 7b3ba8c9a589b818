package io.fleetsim.traffic;

/** Argument checks shared by the work distributions, with messages that say what was expected. */
final class WorkChecks {

    private WorkChecks() {
    }

    static void mean(String family, double meanNanos, boolean zeroAllowed) {
        boolean ok = zeroAllowed ? meanNanos >= 0 : meanNanos > 0;
        if (!ok || Double.isInfinite(meanNanos)) {
            throw new IllegalArgumentException(family + " distribution: expected a finite mean " + (zeroAllowed ? ">= 0" : "> 0")
                    + " ns, got " + meanNanos);
        }
    }

    static void shape(String family, double shape) {
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException(family + " distribution: expected a finite shape k > 0, got " + shape);
        }
    }

    /** A non-negative variate rounded to whole nanoseconds (saturating at Long.MAX_VALUE). */
    static long round(double nanos) {
        return nanos <= 0 ? 0 : Math.round(nanos);
    }
}
