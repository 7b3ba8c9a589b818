package io.fleetsim.scenario;

import io.fleetsim.scenario.model.Schedule;

/**
 * {@code at-start}: fires once, at simulated time 0 (the scenario start). A fleetsim convenience with no
 * EventBridge equivalent (the nearest is a one-time {@code at(...)} schedule at the start instant).
 */
public final class AtStartSchedule implements Schedule {

    /** The only instance. */
    public static final AtStartSchedule INSTANCE = new AtStartSchedule();

    /** The expression as scenarios write it. */
    public static final String EXPRESSION = "at-start";

    private AtStartSchedule() {
    }

    @Override
    public String expression() {
        return EXPRESSION;
    }

    @Override
    public long nextAtOrAfter(long simNanos) {
        return simNanos <= 0 ? 0 : Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return EXPRESSION;
    }
}
