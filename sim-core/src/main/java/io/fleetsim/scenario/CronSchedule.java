package io.fleetsim.scenario;

import io.fleetsim.text.NearMiss;
import io.fleetsim.scenario.model.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.Locale;

/**
 * An EventBridge cron schedule, {@code cron(minutes hours day-of-month month day-of-week year)}, evaluated in UTC
 * against the scenario's {@code start} instant (simulated time 0 = {@code start}).
 *
 * <p>Source: Amazon EventBridge user guide, "Schedule expressions", cron table: minutes 0-59, hours 0-23,
 * day-of-month 1-31, month 1-12 or JAN-DEC, day-of-week 1-7 or SUN-SAT (1 = Sunday), year 1970-2199; wildcards
 * {@code , - * /} in every field, {@code ?} in day-of-month or day-of-week, {@code L} and {@code W} in
 * day-of-month, {@code L} and {@code #} in day-of-week; "You can't specify the Day-of-month and Day-of-week fields
 * in the same cron expression. If you specify a value or a * in one of the fields, you must use a ? in the other."
 * Supported here: all of it. {@code nW} is the weekday nearest day n within the same month, {@code LW} the last
 * weekday of the month, {@code nL} in day-of-week the last weekday n of the month, {@code n#k} the k-th weekday n,
 * and {@code L} alone in day-of-week is Saturday (7), as in Quartz, whose syntax EventBridge follows.
 *
 * <p>{@link #nextAtOrAfter} skips by field (year, month, day, hour, minute), never minute by minute: a schedule
 * that fires once a year costs a handful of steps per call. A day-of-month that no allowed month has (Feb 30)
 * is rejected when parsing, so the search always ends; the year field ends at 2199, after which the schedule
 * never fires again ({@link Long#MAX_VALUE}).
 *
 * <p>Caveats: ranges must ascend ({@code FRI-MON} is rejected, not wrapped); firings fall on whole UTC minutes,
 * so with a {@code start} that is not on a minute boundary the first firing is the next whole minute.
 */
public final class CronSchedule implements Schedule {

    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2199;
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
        "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** Longest length of each month (February in a leap year). */
    private static final int[] MAX_DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final String expression;
    private final Instant start;
    private final long minutes;      // bit m set: minute m allowed
    private final long hours;        // bit h
    private final long months;       // bit m, 1..12
    private final BitSet years;      // bit y - FIRST_YEAR
    private final boolean daysByMonth; // true: day-of-month field decides, day-of-week is '?'
    private final long daysOfMonth;  // bit d, 1..31
    private final boolean lastDayOfMonth;
    private final boolean lastWeekdayOfMonth;
    private final int nearestWeekdayTo; // nW, 0 if absent
    private final long daysOfWeek;   // bit d, 1..7 (1 = Sunday)
    private final int nthWeekday;    // n#k: day n (1..7), 0 if absent
    private final int nthWeekdayIndex; // k, 1..5
    private final int lastWeekdayOf; // nL: day n (1..7), 0 if absent

    private CronSchedule(String expression, Instant start, String[] f) {
        this.expression = expression;
        this.start = start;
        this.minutes = field(f[0], "minutes", 0, 59, null);
        this.hours = field(f[1], "hours", 0, 23, null);
        this.months = field(f[3], "month", 1, 12, MONTHS);
        String dom = f[2];
        String dow = f[4];
        boolean domAny = dom.equals("?");
        boolean dowAny = dow.equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("exactly one of day-of-month (`" + dom + "`) and day-of-week (`" + dow
                    + "`) must be `?` (EventBridge: if you give a value or * in one, use ? in the other), e.g. "
                    + "cron(0 2 * * ? *) or cron(30 9 ? * MON-FRI *)");
        }
        this.daysByMonth = !domAny;
        long dm = 0;
        boolean lastDay = false;
        boolean lastWeekday = false;
        int nearest = 0;
        if (daysByMonth) {
            if (dom.equals("L")) {
                lastDay = true;
            } else if (dom.equals("LW")) {
                lastWeekday = true;
            } else if (dom.endsWith("W")) {
                nearest = (int) number(dom.substring(0, dom.length() - 1), "day-of-month", 1, 31, null);
            } else {
                dm = field(dom, "day-of-month", 1, 31, null);
            }
        }
        this.daysOfMonth = dm;
        this.lastDayOfMonth = lastDay;
        this.lastWeekdayOfMonth = lastWeekday;
        this.nearestWeekdayTo = nearest;
        long dw = 0;
        int nth = 0;
        int nthIndex = 0;
        int lastOf = 0;
        if (!daysByMonth) {
            if (dow.equals("L")) {
                dw = 1L << 7;
            } else if (dow.contains("#")) {
                int hash = dow.indexOf('#');
                nth = (int) number(dow.substring(0, hash), "day-of-week", 1, 7, DAYS);
                nthIndex = (int) number(dow.substring(hash + 1), "day-of-week occurrence after #", 1, 5, null);
            } else if (dow.length() > 1 && dow.endsWith("L")) {
                lastOf = (int) number(dow.substring(0, dow.length() - 1), "day-of-week", 1, 7, DAYS);
            } else {
                dw = field(dow, "day-of-week", 1, 7, DAYS);
            }
        }
        this.daysOfWeek = dw;
        this.nthWeekday = nth;
        this.nthWeekdayIndex = nthIndex;
        this.lastWeekdayOf = lastOf;
        this.years = yearField(f[5]);
        checkCanFire();
    }

    /**
     * Parses {@code cron(...)} as written in a scenario.
     *
     * @throws IllegalArgumentException with a message naming the field and what it accepts
     */
    public static CronSchedule parse(String text, Instant start) {
        String t = text.trim();
        if (!t.startsWith("cron(") || !t.endsWith(")")) {
            throw new IllegalArgumentException("`" + t + "` is not a cron expression; expected "
                    + "cron(minutes hours day-of-month month day-of-week year)");
        }
        String body = t.substring(5, t.length() - 1).trim();
        String[] f = body.isEmpty() ? new String[0] : body.split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("cron needs 6 fields (minutes hours day-of-month month day-of-week "
                    + "year), found " + f.length + " in `" + t + "`" + (f.length == 5 ? "; EventBridge cron has a "
                    + "year field: add ` *` at the end" : ""));
        }
        return new CronSchedule(t, start, f);
    }

    @Override
    public String expression() {
        return expression;
    }

    /** The scenario start instant this schedule counts from. */
    public Instant start() {
        return start;
    }

    @Override
    public long nextAtOrAfter(long simNanos) {
        Instant at = start.plusNanos(simNanos);
        LocalDateTime c = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        LocalDateTime minute = c.truncatedTo(ChronoUnit.MINUTES);
        c = minute.equals(c) ? c : minute.plusMinutes(1);
        while (true) {
            int year = c.getYear();
            if (year > LAST_YEAR) {
                return Long.MAX_VALUE;
            }
            if (year < FIRST_YEAR || !years.get(year - FIRST_YEAR)) {
                int next = years.nextSetBit(Math.max(year + 1, FIRST_YEAR) - FIRST_YEAR);
                if (next < 0) {
                    return Long.MAX_VALUE;
                }
                c = LocalDateTime.of(next + FIRST_YEAR, 1, 1, 0, 0);
                continue;
            }
            int month = c.getMonthValue();
            if ((months & (1L << month)) == 0) {
                int next = nextBit(months, month + 1, 12);
                c = next < 0 ? LocalDateTime.of(year + 1, 1, 1, 0, 0) : LocalDateTime.of(year, next, 1, 0, 0);
                continue;
            }
            if (!dayMatches(c.toLocalDate())) {
                c = c.toLocalDate().plusDays(1).atStartOfDay();
                continue;
            }
            int hour = c.getHour();
            if ((hours & (1L << hour)) == 0) {
                int next = nextBit(hours, hour + 1, 23);
                c = next < 0 ? c.toLocalDate().plusDays(1).atStartOfDay() : c.withHour(next).withMinute(0);
                continue;
            }
            int min = c.getMinute();
            if ((minutes & (1L << min)) == 0) {
                int next = nextBit(minutes, min + 1, 59);
                c = next < 0 ? c.withMinute(0).plusHours(1) : c.withMinute(next);
                continue;
            }
            try {
                return Math.addExact(simNanos, ChronoUnit.NANOS.between(at, c.toInstant(ZoneOffset.UTC)));
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
    }

    private boolean dayMatches(LocalDate d) {
        int dom = d.getDayOfMonth();
        if (daysByMonth) {
            if (lastDayOfMonth) {
                return dom == d.lengthOfMonth();
            }
            if (lastWeekdayOfMonth) {
                return d.equals(weekdayOnOrBefore(d.with(TemporalAdjusters.lastDayOfMonth())));
            }
            if (nearestWeekdayTo > 0) {
                return nearestWeekdayTo <= d.lengthOfMonth()
                        && d.equals(nearestWeekday(d.withDayOfMonth(nearestWeekdayTo)));
            }
            return (daysOfMonth & (1L << dom)) != 0;
        }
        int dow = cronDayOfWeek(d.getDayOfWeek());
        if (nthWeekday > 0) {
            return dow == nthWeekday && (dom - 1) / 7 + 1 == nthWeekdayIndex;
        }
        if (lastWeekdayOf > 0) {
            return dow == lastWeekdayOf && dom + 7 > d.lengthOfMonth();
        }
        return (daysOfWeek & (1L << dow)) != 0;
    }

    /** EventBridge numbers days 1 = Sunday ... 7 = Saturday; java.time 1 = Monday ... 7 = Sunday. */
    static int cronDayOfWeek(DayOfWeek d) {
        return d.getValue() % 7 + 1;
    }

    private static LocalDate weekdayOnOrBefore(LocalDate d) {
        switch (d.getDayOfWeek()) {
            case SATURDAY:
                return d.minusDays(1);
            case SUNDAY:
                return d.minusDays(2);
            default:
                return d;
        }
    }

    /** Quartz {@code nW}: the weekday nearest {@code d}, never leaving its month. */
    private static LocalDate nearestWeekday(LocalDate d) {
        switch (d.getDayOfWeek()) {
            case SATURDAY:
                return d.getDayOfMonth() == 1 ? d.plusDays(2) : d.minusDays(1);
            case SUNDAY:
                return d.getDayOfMonth() == d.lengthOfMonth() ? d.minusDays(2) : d.plusDays(1);
            default:
                return d;
        }
    }

    /** Rejects day-of-month lists no allowed month can hold (Feb 30), which would never fire. */
    private void checkCanFire() {
        if (!daysByMonth || lastDayOfMonth || lastWeekdayOfMonth) {
            return;
        }
        int smallestDay = nearestWeekdayTo > 0 ? nearestWeekdayTo : Long.numberOfTrailingZeros(daysOfMonth);
        for (int m = 1; m <= 12; m++) {
            if ((months & (1L << m)) != 0 && MAX_DAYS[m - 1] >= smallestDay) {
                return;
            }
        }
        throw new IllegalArgumentException("`" + expression + "` never fires: no allowed month has day "
                + smallestDay);
    }

    private static int nextBit(long mask, int from, int max) {
        for (int i = from; i <= max; i++) {
            if ((mask & (1L << i)) != 0) {
                return i;
            }
        }
        return -1;
    }

    private static BitSet yearField(String text) {
        BitSet set = new BitSet(LAST_YEAR - FIRST_YEAR + 1);
        for (String part : text.split(",", -1)) {
            int[] r = range(part, "year", FIRST_YEAR, LAST_YEAR, null);
            for (int y = r[0]; y <= r[1]; y += r[2]) {
                set.set(y - FIRST_YEAR);
            }
        }
        return set;
    }

    /** A list of {@code *}, {@code a}, {@code a-b}, {@code * /n}, {@code a/n}, {@code a-b/n} as a bit mask. */
    private static long field(String text, String name, int min, int max, String[] names) {
        long mask = 0;
        for (String part : text.split(",", -1)) {
            int[] r = range(part, name, min, max, names);
            for (int v = r[0]; v <= r[1]; v += r[2]) {
                mask |= 1L << v;
            }
        }
        return mask;
    }

    /** {from, to, step} of one list element. */
    private static int[] range(String part, String name, int min, int max, String[] names) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("empty element in the " + name + " field (check the commas)");
        }
        String base = part;
        int step = 1;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            base = part.substring(0, slash);
            step = (int) number(part.substring(slash + 1), name + " step", 1, max - min + 1, null);
        }
        int from;
        int to;
        if (base.equals("*")) {
            from = min;
            to = max;
        } else if (base.contains("-")) {
            int dash = base.indexOf('-');
            from = (int) number(base.substring(0, dash), name, min, max, names);
            to = (int) number(base.substring(dash + 1), name, min, max, names);
            if (from > to) {
                throw new IllegalArgumentException("range `" + base + "` in the " + name + " field runs backwards; "
                        + "write it ascending");
            }
        } else {
            from = (int) number(base, name, min, max, names);
            to = slash >= 0 ? max : from;
        }
        return new int[] {from, to, step};
    }

    private static long number(String text, String name, int min, int max, String[] names) {
        if (names != null) {
            String upper = text.toUpperCase(Locale.ROOT);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(upper)) {
                    return i + 1;
                }
            }
        }
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            boolean special = text.matches("[0-9]*(L|W|LW|\\?)|[0-9A-Za-z]*#[0-9]*");
            throw new IllegalArgumentException("`" + text + "` is not valid in the " + name + " field; expected "
                    + min + "-" + max + (names == null ? "" : " or " + names[0] + "-" + names[names.length - 1])
                    + NearMiss.hint(text, names == null ? java.util.List.of() : java.util.List.of(names))
                    + (special ? " (`?`, `L`, `W` and `#` are allowed only in day-of-month or day-of-week, and only "
                    + "as the whole field)" : ""));
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(text + " is out of range in the " + name + " field (" + min + "-"
                    + max + ")");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronSchedule && ((CronSchedule) o).expression.equals(expression)
                && ((CronSchedule) o).start.equals(start);
    }

    @Override
    public int hashCode() {
        return expression.hashCode() * 31 + start.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
