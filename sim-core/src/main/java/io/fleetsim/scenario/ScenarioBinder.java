package io.fleetsim.scenario;

import io.fleetsim.text.NearMiss;
import io.fleetsim.scenario.model.FaultsSpec;
import io.fleetsim.scenario.model.ClusterSpec;
import io.fleetsim.scenario.model.JobSpec;
import io.fleetsim.scenario.model.PricingSpec;
import io.fleetsim.scenario.model.Scenario;
import io.fleetsim.scenario.model.ServiceSpec;
import io.fleetsim.scenario.model.TimingSpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds one scenario tree (the base, or a variant's tree with its overrides applied) into a {@link Scenario}:
 * the top-level keys, {@code pricing} and {@code timings} here; clusters, services, jobs, task definitions and
 * {@code faults} in their own binders. Every problem goes to {@link Problems}; the result is {@code null} when there
 * was any.
 */
final class ScenarioBinder {

    static final List<String> KEYS = List.of("name", "description", "seed", "start", "duration", "warmup", "region",
            "sampling", "pricing", "timings", "clusters", "services", "jobs", "faults", "variants");
    static final List<String> PRICING_KEYS = List.of("fargateSpotDiscount", "ec2SpotDiscount");
    static final List<String> TIMING_KEYS = List.of("fargateProvisioning", "ec2EniAttach",
            "fargatePullBandwidthPerVcpu", "ec2PullBandwidth", "containerStart", "ec2Boot", "ec2AgentRegistration",
            "ec2RegistryCheck", "restartThrottleBase");
    static final List<String> RANGE_KEYS = List.of("min", "max");

    /** Default {@code start}: 2024-01-01T00:00:00Z, a Monday (model {@link Scenario} Javadoc). */
    static final Instant DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z");
    /** Default {@code seed}. */
    static final long DEFAULT_SEED = 1;
    /** Fargate Spot: "up to a 70% discount off the regular Fargate price" (platform-semantics.md section 1.4). */
    static final BigDecimal DEFAULT_FARGATE_SPOT_DISCOUNT = new BigDecimal("0.7");

    /** The service scheduler's longest restart delay, 15 minutes (platform-semantics.md section 5.4). */
    static final long RESTART_THROTTLE_CAP_NANOS = 15 * 60_000_000_000L;

    private static final String FRACTION = "a fraction such as `70%` or `0.7`";

    private ScenarioBinder() {
    }

    /**
     * @param traces the trace formats {@code traffic.arrivals.trace} may name
     * @param folder the folder relative data file paths (traces, samples) are resolved against
     */
    static Scenario bind(YamlNode root, String variant, CatalogView.Source catalogs, PlacementRules placement,
            TraceFormats traces, Path folder, Problems problems) {
        int before = problems.size();
        Reader r = new Reader(problems);
        Reader.Fields top = r.fields(root, "", KEYS, Map.of());
        if (top == null) {
            return null;
        }
        YamlNode nameNode = top.required("name", "web-api-fargate-vs-ec2");
        String name = nameNode == null ? null : r.nonBlank(nameNode, "name");
        String description = top.string("description", "");
        Long seed = top.has("seed") ? r.integer(top.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE)
                : Long.valueOf(DEFAULT_SEED);
        Instant start = top.has("start") ? instant(r, top.get("start"), "start") : DEFAULT_START;
        YamlNode durationNode = top.required("duration", "7d");
        Long duration = durationNode == null ? null
                : r.quantity(durationNode, "duration", Reader.DURATION, Units::parseDuration);
        if (duration != null && duration <= 0) {
            problems.at(durationNode, "duration", "must be longer than 0s");
            duration = null;
        }
        long warmup = 0;
        if (top.has("warmup")) {
            Long w = r.quantity(top.get("warmup"), "warmup", Reader.DURATION, Units::parseDuration);
            if (w != null && duration != null && w >= duration) {
                problems.at(top.get("warmup"), "warmup", "warmup " + Units.formatDuration(w)
                        + " must be shorter than duration " + Units.formatDuration(duration));
            }
            warmup = w == null ? 0 : w;
        }
        long sampling = Scenario.DEFAULT_SAMPLING_NANOS;
        if (top.has("sampling")) {
            Long v = r.quantity(top.get("sampling"), "sampling", Reader.DURATION, Units::parseDuration);
            if (v != null) {
                if (v <= 0 || v % Scenario.DEFAULT_SAMPLING_NANOS != 0) {
                    problems.at(top.get("sampling"), "sampling", "must be a whole number of minutes (at least 1m), "
                            + "found " + Units.formatDuration(v));
                } else {
                    sampling = v;
                }
            }
        }
        CatalogView catalog = region(r, top, catalogs);
        String region = catalog == null ? null : r.string(top.get("region"), "region");

        PricingSpec pricing = pricing(r, top, catalog);
        TimingSpec timings = timings(r, top);

        int beforeClusters = problems.size();
        Map<String, ClusterBinder.ClusterInfo> clusters = ClusterBinder.bindAll(r, top, catalog);
        // Without a catalog EC2 providers have no spec: faults then cannot tell whether Spot capacity exists.
        boolean clustersComplete = catalog != null && problems.size() == beforeClusters;
        TrafficBinder traffic = new TrafficBinder(r, traces, folder);
        List<ServiceSpec> services = new WorkloadBinder(r, clusters, catalog, placement, start, traffic)
                .services(top);
        List<JobSpec> jobs = new WorkloadBinder(r, clusters, catalog, placement, start, traffic).jobs(top);

        List<ClusterSpec> clusterSpecs = new ArrayList<>();
        for (ClusterBinder.ClusterInfo c : clusters.values()) {
            if (c.spec() != null) {
                clusterSpecs.add(c.spec());
            } else {
                clustersComplete = false;
            }
        }
        FaultsSpec faults = FaultsBinder.bind(r, top, clusterSpecs, clustersComplete);
        if (sampling != Scenario.DEFAULT_SAMPLING_NANOS) {
            // Request metrics, SLO minutes and service auto scaling are defined per one-minute datapoint (5.5).
            for (ServiceSpec s : services) {
                if (s.traffic() != null || s.autoScaling() != null) {
                    problems.at(top.get("sampling"), "sampling", "sampling " + Units.formatDuration(sampling)
                            + " needs every service to be without traffic and autoscaling (their metrics are per "
                            + "one-minute datapoint), but service " + s.name() + " has "
                            + (s.traffic() != null ? "traffic" : "autoscaling") + "; remove sampling or set 1m");
                    break;
                }
            }
        }

        if (problems.size() > before) {
            return null;
        }
        return new Scenario(name, description, variant, seed, start, duration, warmup, region, pricing, timings,
                clusterSpecs, services, jobs, faults, sampling);
    }

    private static Instant instant(Reader r, YamlNode node, String path) {
        String text = r.string(node, path);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                r.problems().at(node, path, "expected an ISO-8601 instant such as 2024-01-01T00:00:00Z, found `"
                        + text + "`");
                return null;
            }
        }
    }

    /** The catalog of the scenario's region, or {@code null} (reported) when the region is missing or unknown. */
    private static CatalogView region(Reader r, Reader.Fields top, CatalogView.Source catalogs) {
        YamlNode node = top.required("region", "us-east-1");
        String region = node == null ? null : r.string(node, "region");
        if (region == null) {
            return null;
        }
        List<String> regions = catalogs.regions();
        CatalogView catalog = regions.contains(region) ? catalogs.forRegion(region).orElse(null) : null;
        if (catalog == null) {
            r.problems().at(node, "region", "unknown region `" + region + "`"
                    + NearMiss.hintAndList(region, regions, "regions in the bundled catalog"));
        }
        return catalog;
    }

    private static PricingSpec pricing(Reader r, Reader.Fields top, CatalogView catalog) {
        BigDecimal fargateSpot = DEFAULT_FARGATE_SPOT_DISCOUNT;
        // AWS publishes no fixed EC2 Spot discount (platform-semantics.md section 2.5); the catalog's price book
        // holds the assumed default.
        BigDecimal ec2Spot = catalog == null ? null : Units.normalize(catalog.ec2SpotDiscount());
        if (top.has("pricing")) {
            Reader.Fields p = r.fields(top.get("pricing"), "pricing", PRICING_KEYS, Map.of());
            if (p != null) {
                if (p.has("fargateSpotDiscount")) {
                    fargateSpot = r.quantity(p.get("fargateSpotDiscount"), p.path("fargateSpotDiscount"),
                            FRACTION, Units::parseFraction);
                }
                if (p.has("ec2SpotDiscount")) {
                    ec2Spot = r.quantity(p.get("ec2SpotDiscount"), p.path("ec2SpotDiscount"), FRACTION,
                            Units::parseFraction);
                }
            }
        }
        return new PricingSpec(fargateSpot, ec2Spot);
    }

    private static TimingSpec timings(Reader r, Reader.Fields top) {
        TimingSpec d = TimingDefaults.spec();
        if (!top.has("timings")) {
            return d;
        }
        Reader.Fields t = r.fields(top.get("timings"), "timings", TIMING_KEYS, Map.of());
        if (t == null) {
            return d;
        }
        long[] prov = range(r, t, "fargateProvisioning", d.fargateProvisioningMinNanos(),
                d.fargateProvisioningMaxNanos(), false);
        long[] boot = range(r, t, "ec2Boot", d.ec2BootNanos(), d.ec2BootMaxNanos(), true);
        long[] registration = range(r, t, "ec2AgentRegistration", d.ec2AgentRegistrationNanos(),
                d.ec2AgentRegistrationMaxNanos(), true);
        return new TimingSpec(prov[0], prov[1],
                duration(r, t, "ec2EniAttach", d.ec2EniAttachNanos()),
                bandwidth(r, t, "fargatePullBandwidthPerVcpu", d.fargatePullBytesPerSecondPerVcpu()),
                bandwidth(r, t, "ec2PullBandwidth", d.ec2PullBytesPerSecond()),
                duration(r, t, "containerStart", d.containerStartNanos()),
                boot[0], registration[0], boot[1], registration[1],
                restartThrottleBase(r, t, d.restartThrottleBaseNanos()),
                duration(r, t, "ec2RegistryCheck", d.ec2RegistryCheckNanos()));
    }

    /** The restart throttle's base delay: longer than 0s and at most the 15-minute cap (section 5.4). */
    private static long restartThrottleBase(Reader r, Reader.Fields t, long defaultValue) {
        long v = duration(r, t, "restartThrottleBase", defaultValue);
        if (t.has("restartThrottleBase") && (v <= 0 || v > RESTART_THROTTLE_CAP_NANOS)) {
            r.problems().at(t.get("restartThrottleBase"), t.path("restartThrottleBase"), "restartThrottleBase must be "
                    + "longer than 0s and at most 15m (the service scheduler's cap on restart delays, ECS "
                    + "service throttle logic), found " + Units.formatDuration(v));
            return defaultValue;
        }
        return v;
    }
    /**
     * A uniform range {@code { min, max }} (either may be left out), or, when {@code scalarAllowed}, one duration
     * meaning a fixed time.
     */
    private static long[] range(Reader r, Reader.Fields t, String key, long min, long max, boolean scalarAllowed) {
        if (!t.has(key)) {
            return new long[] {min, max};
        }
        if (scalarAllowed && !(t.get(key) instanceof YamlNode.MapNode)) {
            long v = duration(r, t, key, min);
            return new long[] {v, v};
        }
        Reader.Fields range = r.fields(t.get(key), t.path(key), RANGE_KEYS, Map.of());
        if (range != null) {
            min = duration(r, range, "min", min);
            max = duration(r, range, "max", range.has("min") && !range.has("max") && scalarAllowed ? min : max);
            if (min > max) {
                YamlNode at = range.has("min") ? range.get("min") : range.node();
                r.problems().at(at, range.path("min"), "min " + Units.formatDuration(min)
                        + " is above max " + Units.formatDuration(max));
            }
        }
        return new long[] {min, max};
    }

    private static long duration(Reader r, Reader.Fields f, String key, long defaultValue) {
        if (!f.has(key)) {
            return defaultValue;
        }
        Long v = r.quantity(f.get(key), f.path(key), Reader.DURATION, Units::parseDuration);
        return v == null ? defaultValue : v;
    }

    private static long bandwidth(Reader r, Reader.Fields f, String key, long defaultValue) {
        if (!f.has(key)) {
            return defaultValue;
        }
        Long v = r.quantity(f.get(key), f.path(key), "a bandwidth such as `40MiB/s`",
                Units::parseBytesPerSecond);
        return v == null ? defaultValue : v;
    }
}
