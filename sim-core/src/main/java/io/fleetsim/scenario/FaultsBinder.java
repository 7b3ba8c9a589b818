package io.fleetsim.scenario;

import io.fleetsim.cloud.PurchaseOption;
import io.fleetsim.scenario.model.CapacityProviderSpec;
import io.fleetsim.scenario.model.CapacityProviderSpec.CapacityProviderType;
import io.fleetsim.scenario.model.ClusterSpec;
import io.fleetsim.scenario.model.FaultsSpec;
import io.fleetsim.text.NearMiss;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds the top-level {@code faults} section into a {@link FaultsSpec}. Only Spot interruptions are implemented:
 * {@code faults.spotInterruptions.fargateSpot} and {@code faults.spotInterruptions.ec2}, each a fraction of
 * tasks (instances) reclaimed per period of running, turned into a Poisson rate per hour. Absent, the section is
 * {@link FaultsSpec#NONE}.
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
 * constant Poisson rate ignores that interruptions cluster in time when Spot capacity is reclaimed.
 */
final class FaultsBinder {

    static final List<String> KEYS = List.of("spotInterruptions");
    static final List<String> SPOT_KEYS = List.of("fargateSpot", "ec2");
    /** Fault kinds of the faults issue that are not built yet: named, so they are not "unknown keys". */
    static final Map<String, String> NOT_IMPLEMENTED = new LinkedHashMap<>();
    /** Hours per period a rate may be written per: a 730-hour month (the AWS pricing convention), a day, an hour. */
    static final Map<String, Double> PERIOD_HOURS = new LinkedHashMap<>();
    /**
     * Spot Instance Advisor bands (platform-semantics.md section 2.5) and the monthly fraction fleetsim assumes
     * for each: the midpoint, 25% for the open-ended {@code >20%}. AWS publishes only the bands.
     */
    static final Map<String, BigDecimal> BANDS = new LinkedHashMap<>();

    static {
        for (String kind : List.of("instanceFailures", "taskCrashes", "zoneOutages")) {
            NOT_IMPLEMENTED.put(kind, "`" + kind + "` faults are not implemented yet; only `spotInterruptions` is "
                    + "(remove the key)");
        }
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
        Reader.Fields f = r.fields(top.get("faults"), top.path("faults"), KEYS, NOT_IMPLEMENTED);
        if (f == null || !f.has("spotInterruptions")) {
            return r.problems().size() > before ? null : FaultsSpec.NONE;
        }
        Reader.Fields s = r.fields(f.get("spotInterruptions"), f.path("spotInterruptions"), SPOT_KEYS, Map.of());
        if (s == null) {
            return null;
        }
        double fargateSpot = 0;
        if (s.has("fargateSpot")) {
            Double v = r.quantity(s.get("fargateSpot"), s.path("fargateSpot"), RATE_EXAMPLE,
                    text -> parseRatePerHour(text, false));
            fargateSpot = v == null ? 0 : v;
            if (v != null && v > 0 && clustersComplete && !hasProvider(clusters, CapacityProviderType.FARGATE_SPOT)) {
                r.problems().at(s.get("fargateSpot"), s.path("fargateSpot"), "no FARGATE_SPOT capacity provider: "
                        + "fargateSpot interruptions would never happen (add a provider of type FARGATE_SPOT to a "
                        + "cluster, or remove the rate)");
            }
        }
        double ec2 = 0;
        if (s.has("ec2")) {
            Double v = r.quantity(s.get("ec2"), s.path("ec2"), EC2_EXAMPLE, text -> parseRatePerHour(text, true));
            ec2 = v == null ? 0 : v;
            if (v != null && v > 0 && clustersComplete && !hasProvider(clusters, CapacityProviderType.EC2)) {
                r.problems().at(s.get("ec2"), s.path("ec2"), "no EC2 capacity provider with `purchaseOption: spot`: "
                        + "ec2 interruptions would never happen (set `purchaseOption: spot` on an EC2 capacity "
                        + "provider, or remove the rate)");
            }
        }
        return r.problems().size() > before ? null : new FaultsSpec(fargateSpot, ec2);
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
