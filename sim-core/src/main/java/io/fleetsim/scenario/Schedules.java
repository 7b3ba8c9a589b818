package io.fleetsim.scenario;

import io.fleetsim.text.NearMiss;
import io.fleetsim.scenario.model.Schedule;
import java.time.Instant;
import java.util.List;

/** Parses a job's {@code schedule}: {@code cron(...)}, {@code rate(...)} or {@code at-start}. */
public final class Schedules {

    private Schedules() {
    }

    /**
     * The schedule {@code text} describes, with cron calendar fields relative to {@code start}.
     *
     * @throws IllegalArgumentException naming the accepted forms, or what is wrong inside one
     */
    public static Schedule parse(String text, Instant start) {
        String t = text.trim();
        if (t.startsWith("cron(")) {
            return CronSchedule.parse(t, start);
        }
        if (t.startsWith("rate(")) {
            return RateSchedule.parse(t);
        }
        if (t.equals(AtStartSchedule.EXPRESSION)) {
            return AtStartSchedule.INSTANCE;
        }
        String head = t.contains("(") ? t.substring(0, t.indexOf('(')) : t;
        throw new IllegalArgumentException("unknown schedule `" + t + "`"
                + NearMiss.hint(head, List.of("cron", "rate", AtStartSchedule.EXPRESSION))
                + (NearMiss.closest(head, List.of("cron", "rate", AtStartSchedule.EXPRESSION)) == null ? ";" : "")
                + " expected cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at-start");
    }
}
