package io.fleetsim.scenario;

import io.fleetsim.cloud.PurchaseOption;
import io.fleetsim.scenario.model.CapacityProviderSpec;
import io.fleetsim.scenario.model.CapacityProviderSpec.CapacityProviderType;
import io.fleetsim.scenario.model.ClusterSpec;
import io.fleetsim.scenario.YamlNode.ScalarNode;
import io.fleetsim.scenario.model.FaultsSpec;
import io.fleetsim.scenario.model.FaultsSpec.ZoneOutageSpec;
import io.fleetsim.text.NearMiss;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds the top-level {@code faults} section into a {@link FaultsSpec}: Spot interruptions
 * ({@code faults.spotInterruptions.fargateSpot} and {@code .ec2}, each a fraction of tasks (instances) reclaimed
 * per period of running, turned into a Poisson rate per hour), instance failures and task crashes (each a mean
 * time between failures, {@code { mtbf: 30d }}, turned into the rate {@code 1 / mtbf} per instance-hour or
 * task-hour), and scripted zone outages ({@code { zone, start, duration }}). Absent, the section is
 * {@link FaultsSpec#NONE}.
 *
 * <p>Zone outages: the zone must be a zone of some cluster of the scenario, {@code start} must lie inside the run
 * ({@code 0 <= start < duration}), {@code duration > 0}, and outages of one zone must not overlap (intervals are
 * half-open, {@code [start, start + duration)}, so back-to-back outages are allowed). An outage may run past the
 * end of the scenario.
 *
 * <p>Rates are written {@code <percent>%/month}, {@code %/day} or {@code %/hour}. A fraction {@code f} of a period
 * of {@code H} hours is the rate {@code -ln(1 - f) / H} per hour (the probability that a Poisson process of that
 * rate fires at least once in {@code H} hours is {@code f}); a month is 730 hours, the AWS pricing convention
 * ({@link FaultsSpec#hourlyRate}). For {@code ec2} a Spot Instance Advisor band is also accepted: the advisor
 * publishes the "rate at which Spot has reclaimed capacity during the trailing month" only as the bands
 * {@code <5%, 5-10%, 10-15%, 15-20%, >20%} (platform-semantics.md section 2.5, from the Spot Instance Advisor's
 * spot-advisor-data.json). A rate whose capacity does not exist in the scenario is an error: nothing a user asks
 * for is silently dropped.
 *
 * <p>Caveats: the monthly fraction of a band is fleetsim's choice, not AWS's: the band's midpoint, and 25% for the
 * open-ended {@code >20%}. The advisor's figure is per instance type and region over the trailing month; a
 * constant Poisson rate ignores that interruptions cluster in time when Spot capacity is reclaimed. AWS publishes
 * no failure rate for EC2 hosts or containers (platform-semantics.md has none), so {@code mtbf} has no default:
 * it is the user's assumption, and a constant rate (exponential lifetimes) ignores wear-out and infant mortality.
 */
final class FaultsBinder {

    static final List<String> KEYS = List.of("spotInterruptions", "instanceFailures", "taskCrashes", "zoneOutages");
    static final List<String> SPOT_KEYS = List.of("fargateSpot", "ec2");
    static final List<String> MTBF_KEYS = List.of("mtbf");
    static final List<String> OUTAGE_KEYS = List.of("zone", "start", "duration");
    /** Nanoseconds per hour: a mean time between failures of {@code m} ns is the rate {@code 3600e9 / m} per hour. */
    static final double NANOS_PER_HOUR = 3600e9;
    /** Hours per period a rate may be written per: a 730-hour month (the AWS pricing convention), a day, an hour. */
    static final Map<String, Double> PERIOD_HOURS = new LinkedHashMap<>();
    /**
     * Spot Instance Advisor bands (platform-semantics.md section 2.5) and the monthly fraction fleetsim assumes
     * for each: the midpoint, 25% for the open-ended {@code >20%}. AWS publishes only the bands.
     */
    static final Map<String, BigDecimal> BANDS = new LinkedHashMap<>();

    static {
        PERIOD_HOURS.put("month", 730.0);
        PERIOD_HOURS.put("day", 24.0);
        PERIOD_HOURS.put("hour", 1.0);
        BANDS.put("<5%", new BigDecimal("0.025"));
        BANDS.put("5-10%", new BigDecimal("0.075"));
        BANDS.put("10-15%", new BigDecimal("0.125"));
        BANDS.put("15-20%", new BigDecimal("0.175"));
        BANDS.put(">20%", new BigDecimal("0.25"));
    }

    private static final Pattern RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*%\\s*/\\s*(\\S+)");
    private static final String RATE_EXAMPLE = "a rate such as `5%/month` (per `month`, `day` or `hour`)";
    private static final String EC2_EXAMPLE = RATE_EXAMPLE + " or a Spot Instance Advisor band (`<5%`, `5-10%`, "
            + "`10-15%`, `15-20%`, `>20%`)";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FaultsBinder() {
    }

    /**
     * The faults of the scenario, or {@code null} after reporting a problem.
     *
     * @param clusters         the bound clusters, for the check that interrupted capacity exists
     * @param clustersComplete false when binding the clusters reported problems: a provider may then be missing
     *                         from {@code clusters}, so the existence check is skipped rather than misreported
     */
    static FaultsSpec bind(Reader r, Reader.Fields top, List<ClusterSpec> clusters, boolean clustersComplete) {
        if (!top.has("faults")) {
            return FaultsSpec.NONE;
        }
        int before = r.problems().size();
        Reader.Fields f = r.fields(top.get("faults"), top.path("faults"), KEYS, Map.of());
        if (f == null) {
            return null;
        }
        double[] spot = f.has("spotInterruptions") ? spot(r, f, clusters, clustersComplete) : new double[2];
        double instanceFailures = 0;
        if (f.has("instanceFailures")) {
            Double v = mtbfRate(r, f, "instanceFailures");
            instanceFailures = v == null ? 0 : v;
            if (v != null && clustersComplete && !hasAnyEc2(clusters)) {
                r.problems().at(f.get("instanceFailures"), f.path("instanceFailures"), "no EC2 capacity provider: "
                        + "instance failures would never happen (add a capacity provider of type EC2 to a cluster, "
                        + "or remove `instanceFailures`)");
            }
        }
        double taskCrashes = 0;
        if (f.has("taskCrashes")) {
            Double v = mtbfRate(r, f, "taskCrashes");
            taskCrashes = v == null ? 0 : v;
        }
        List<ZoneOutageSpec> outages = f.has("zoneOutages")
                ? zoneOutages(r, f, scenarioDuration(top), clusters, clustersComplete) : List.of();
        if (r.problems().size() > before) {
            return null;
        }
        return new FaultsSpec(spot[0], spot[1], instanceFailures, taskCrashes, outages);
    }

    /** {@code {fargateSpot, ec2}} rates per hour of {@code faults.spotInterruptions}; 0 where absent or bad. */
    private static double[] spot(Reader r, Reader.Fields f, List<ClusterSpec> clusters, boolean clustersComplete) {
        double[] rates = new double[2];
        Reader.Fields s = r.fields(f.get("spotInterruptions"), f.path("spotInterruptions"), SPOT_KEYS, Map.of());
        if (s == null) {
            return rates;
        }
        if (s.has("fargateSpot")) {
            Double v = r.quantity(s.get("fargateSpot"), s.path("fargateSpot"), RATE_EXAMPLE,
                    text -> parseRatePerHour(text, false));
            rates[0] = v == null ? 0 : v;
            if (v != null && v > 0 && clustersComplete && !hasProvider(clusters, CapacityProviderType.FARGATE_SPOT)) {
                r.problems().at(s.get("fargateSpot"), s.path("fargateSpot"), "no FARGATE_SPOT capacity provider: "
                        + "fargateSpot interruptions would never happen (add a provider of type FARGATE_SPOT to a "
                        + "cluster, or remove the rate)");
            }
        }
        if (s.has("ec2")) {
            Double v = r.quantity(s.get("ec2"), s.path("ec2"), EC2_EXAMPLE, text -> parseRatePerHour(text, true));
            rates[1] = v == null ? 0 : v;
            if (v != null && v > 0 && clustersComplete && !hasProvider(clusters, CapacityProviderType.EC2)) {
                r.problems().at(s.get("ec2"), s.path("ec2"), "no EC2 capacity provider with `purchaseOption: spot`: "
                        + "ec2 interruptions would never happen (set `purchaseOption: spot` on an EC2 capacity "
                        + "provider, or remove the rate)");
            }
        }
        return rates;
    }

    /**
     * The rate per hour of {@code f.key}, a map {@code { mtbf: <duration> }}: {@code 3600e9 / mtbfNanos}, the
     * rate of a Poisson process whose mean time between events is the MTBF; {@code null} after a problem.
     */
    private static Double mtbfRate(Reader r, Reader.Fields f, String key) {
        Reader.Fields m = r.fields(f.get(key), f.path(key), MTBF_KEYS, Map.of());
        if (m == null) {
            return null;
        }
        YamlNode node = m.required("mtbf", "30d");
        if (node == null) {
            return null;
        }
        Long nanos = r.quantity(node, m.path("mtbf"), Reader.DURATION, Units::parseDuration);
        if (nanos == null) {
            return null;
        }
        if (nanos <= 0) {
            r.problems().at(node, m.path("mtbf"), "must be longer than 0s (a mean time between failures of 0 is an "
                    + "infinite rate; remove `" + key + "` for none)");
            return null;
        }
        return NANOS_PER_HOUR / nanos;
    }

    /** The outages of {@code faults.zoneOutages}, in file order; problems are reported, bad items left out. */
    private static List<ZoneOutageSpec> zoneOutages(Reader r, Reader.Fields f, Long scenarioNanos,
            List<ClusterSpec> clusters, boolean clustersComplete) {
        TreeSet<String> zones = new TreeSet<>();
        for (ClusterSpec c : clusters) {
            zones.addAll(c.zones());
        }
        List<ZoneOutageSpec> outages = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<YamlNode> items = f.items("zoneOutages");
        for (int i = 0; i < items.size(); i++) {
            String path = Reader.item(f.path("zoneOutages"), i);
            Reader.Fields o = r.fields(items.get(i), path, OUTAGE_KEYS, Map.of());
            if (o == null) {
                continue;
            }
            YamlNode zoneNode = o.required("zone", "us-east-1a");
            YamlNode startNode = o.required("start", "2d");
            YamlNode durationNode = o.required("duration", "4h");
            String zone = zoneNode == null ? null : r.nonBlank(zoneNode, o.path("zone"));
            if (zone != null && clustersComplete && !zones.contains(zone)) {
                r.problems().at(zoneNode, o.path("zone"), "zone `" + zone + "` is not a zone of any cluster"
                        + NearMiss.hintAndList(zone, zones, "zones of the clusters"));
                zone = null;
            }
            Long start = startNode == null ? null
                    : r.quantity(startNode, o.path("start"), Reader.DURATION, Units::parseDuration);
            if (start != null && scenarioNanos != null && start >= scenarioNanos) {
                r.problems().at(startNode, o.path("start"), "outage start " + Units.formatDuration(start)
                        + " must be before the end of the scenario (duration " + Units.formatDuration(scenarioNanos)
                        + ")");
                start = null;
            }
            Long duration = durationNode == null ? null
                    : r.quantity(durationNode, o.path("duration"), Reader.DURATION, Units::parseDuration);
            if (duration != null && duration <= 0) {
                r.problems().at(durationNode, o.path("duration"), "must be longer than 0s");
                duration = null;
            }
            if (zone == null || start == null || duration == null) {
                continue;
            }
            ZoneOutageSpec outage = new ZoneOutageSpec(zone, start, duration);
            for (int j = 0; j < outages.size(); j++) {
                ZoneOutageSpec prior = outages.get(j);
                if (prior.zone().equals(zone) && overlap(prior, outage)) {
                    r.problems().at(startNode, o.path("start"), "outage of " + zone + " " + span(outage)
                            + " overlaps the outage " + span(prior) + " at " + paths.get(j) + "; outages of one zone "
                            + "must not overlap (merge them into one)");
                    break;
                }
            }
            outages.add(outage);
            paths.add(path);
        }
        return outages;
    }

    /** Half-open intervals {@code [start, start + duration)} intersect. */
    private static boolean overlap(ZoneOutageSpec a, ZoneOutageSpec b) {
        return a.startNanos() < b.startNanos() + b.durationNanos()
                && b.startNanos() < a.startNanos() + a.durationNanos();
    }

    private static String span(ZoneOutageSpec o) {
        return "[" + Units.formatDuration(o.startNanos()) + ", "
                + Units.formatDuration(o.startNanos() + o.durationNanos()) + ")";
    }

    /**
     * The scenario's {@code duration}, read again without reporting (the scenario binder reports a bad one), or
     * {@code null} when it is absent or bad: the outage start is then not checked against it.
     */
    static Long scenarioDuration(Reader.Fields top) {
        YamlNode node = top.get("duration");
        if (!(node instanceof ScalarNode) || ((ScalarNode) node).isNull()) {
            return null;
        }
        try {
            long nanos = Units.parseDuration(((ScalarNode) node).text());
            return nanos > 0 ? nanos : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The per-hour Poisson rate of {@code text}: {@code 5%/month}, {@code 0.2%/day}, {@code 0.01%/hour}, or (with
     * {@code bands}) a Spot Instance Advisor band such as {@code 5-10%}, read as its monthly fraction
     * ({@link #BANDS}).
     *
     * @throws IllegalArgumentException what was expected and what was found
     */
    static double parseRatePerHour(String text, boolean bands) {
        String t = text.trim();
        BigDecimal band = BANDS.get(t.replace(" ", ""));
        if (band != null) {
            if (!bands) {
                throw new IllegalArgumentException("`" + t + "` is a Spot Instance Advisor band, which describes EC2 "
                        + "Spot only; write a Fargate Spot rate such as `5%/month`");
            }
            return FaultsSpec.hourlyRate(band.doubleValue());
        }
        Matcher m = RATE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + (bands ? EC2_EXAMPLE : RATE_EXAMPLE) + ", found `" + t
                    + "`");
        }
        String period = m.group(2);
        Double hours = PERIOD_HOURS.get(period);
        if (hours == null) {
            throw new IllegalArgumentException("unknown period `" + period + "` in `" + t + "`"
                    + NearMiss.hintAndList(period, PERIOD_HOURS.keySet(), "expected one of"));
        }
        BigDecimal percent = new BigDecimal(m.group(1));
        if (percent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("`" + t + "`: the fraction must be below 100% (100% per " + period
                    + " is an infinite rate)");
        }
        double fraction = percent.divide(HUNDRED).doubleValue();
        if (period.equals("month")) {
            return FaultsSpec.hourlyRate(fraction);
        }
        // P(at least one interruption in H hours) = 1 - exp(-rate * H) = fraction.
        return -StrictMath.log1p(-fraction) / hours;
    }

    private static boolean hasAnyEc2(List<ClusterSpec> clusters) {
        for (ClusterSpec c : clusters) {
            for (CapacityProviderSpec p : c.capacityProviders()) {
                if (p.type() == CapacityProviderType.EC2) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasProvider(List<ClusterSpec> clusters, CapacityProviderType type) {
        for (ClusterSpec c : clusters) {
            for (CapacityProviderSpec p : c.capacityProviders()) {
                if (p.type() == type && (type != CapacityProviderType.EC2
                        || p.purchaseOption() == PurchaseOption.SPOT)) {
                    return true;
                }
            }
        }
        return false;
    }
}
