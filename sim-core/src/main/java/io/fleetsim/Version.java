package io.fleetsim;

/** The fleetsim version recorded in every report (DESIGN.md principle 2). */
public final class Version {

    /** Keep in step with the Maven project version. */
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
