package io.fleetsim.scenario;

import io.fleetsim.text.NearMiss;
import io.fleetsim.scenario.model.Schedule;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge rate schedule, {@code rate(value unit)}: fires at simulated times {@code k * period},
 * {@code k >= 0}, the first at the scenario start.
 *
 * <p>Source: Amazon EventBridge user guide, "Schedule expressions", rate expressions: value a positive whole
 * number, unit {@code minute | minutes | hour | hours | day | days}; "If the value is equal to 1, then the unit
 * must be singular. If the value is greater than 1, the unit must be plural. For example, rate(1 hours) and
 * rate(5 hour) are not valid." Enforced here the same way, so a file that loads here also deploys.
 *
 * <p>Caveats: EventBridge Scheduler counts a rate from the schedule's creation (or its start date); the
 * simulator counts it from simulated time 0, which is that start.
 */
public final class RateSchedule implements Schedule {

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\S+)\\s+(\\S+)\\s*\\)");
    private static final long MINUTE = 60_000_000_000L;

    private final String expression;
    private final long periodNanos;

    private RateSchedule(String expression, long periodNanos) {
        this.expression = expression;
        this.periodNanos = periodNanos;
    }

    /**
     * Parses {@code rate(5 minutes)}, {@code rate(1 hour)}, {@code rate(2 days)}.
     *
     * @throws IllegalArgumentException naming what is wrong, e.g. the singular/plural rule
     */
    public static RateSchedule parse(String text) {
        String t = text.trim();
        Matcher m = RATE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("`" + t + "` is not a rate expression; expected rate(value unit), "
                    + "e.g. rate(5 minutes), rate(1 hour), rate(2 days)");
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("rate value `" + m.group(1) + "` must be a positive whole number");
        }
        String unit = m.group(2);
        long unitNanos;
        String singular;
        switch (unit) {
            case "minute":
            case "minutes":
                unitNanos = MINUTE;
                singular = "minute";
                break;
            case "hour":
            case "hours":
                unitNanos = 60 * MINUTE;
                singular = "hour";
                break;
            case "day":
            case "days":
                unitNanos = 24 * 60 * MINUTE;
                singular = "day";
                break;
            default:
                throw new IllegalArgumentException("unknown rate unit `" + unit + "`"
                        + NearMiss.hintAndList(unit, java.util.List.of("minute", "minutes", "hour", "hours", "day",
                                "days"), "expected one of"));
        }
        boolean plural = !unit.equals(singular);
        if (value == 1 && plural) {
            throw new IllegalArgumentException("`" + t + "`: a value of 1 takes the singular unit: rate(1 "
                    + singular + ") (EventBridge rejects rate(1 " + unit + "))");
        }
        if (value > 1 && !plural) {
            throw new IllegalArgumentException("`" + t + "`: a value above 1 takes the plural unit: rate(" + value
                    + " " + singular + "s) (EventBridge rejects rate(" + value + " " + unit + "))");
        }
        long period;
        try {
            period = Math.multiplyExact(value, unitNanos);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("`" + t + "` is too long a period", e);
        }
        return new RateSchedule(t, period);
    }

    @Override
    public String expression() {
        return expression;
    }

    /** Time between firings, nanoseconds. */
    public long periodNanos() {
        return periodNanos;
    }

    @Override
    public long nextAtOrAfter(long simNanos) {
        if (simNanos <= 0) {
            return 0;
        }
        long k = simNanos / periodNanos + (simNanos % periodNanos == 0 ? 0 : 1);
        if (k > Long.MAX_VALUE / periodNanos) {
            return Long.MAX_VALUE;
        }
        return k * periodNanos;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateSchedule && ((RateSchedule) o).expression.equals(expression)
                && ((RateSchedule) o).periodNanos == periodNanos;
    }

    @Override
    public int hashCode() {
        return expression.hashCode() * 31 + Long.hashCode(periodNanos);
    }

    @Override
    public String toString() {
        return expression;
    }
}
