package io.fleetsim.scenario;

import io.fleetsim.scenario.YamlNode.Entry;
import io.fleetsim.scenario.YamlNode.MapNode;
import io.fleetsim.scenario.YamlNode.ScalarNode;
import io.fleetsim.scenario.model.DistributionSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a duration distribution ({@code work}, {@code io} of a service's traffic) into a {@link DistributionSpec},
 * parametrised by its mean and, where the family needs a second parameter, its p99 (lognormal) or shape (gamma,
 * Weibull).
 *
 * <p>Lognormal feasibility. With {@code X = exp(mu + sigma Z)}, {@code Z} standard normal:
 * {@code mean = exp(mu + sigma^2 / 2)} and {@code p99 = exp(mu + z sigma)}, z = Phi^-1(0.99) = 2.3263478740408408,
 * so {@code ln(p99 / mean) = z sigma - sigma^2 / 2}. Over sigma this peaks at sigma = z with value z^2 / 2: no
 * lognormal has {@code p99 / mean > exp(z^2 / 2)} (about 14.97). The loader requires
 * {@code mean < p99 <= mean exp(z^2 / 2)}, which leaves one root sigma in (0, z] (the other, above z, would put
 * most of the mass far below the mean). Source: the lognormal moments and quantiles (Johnson, Kotz and
 * Balakrishnan, Continuous Univariate Distributions vol. 1, 2nd ed., chapter 14); z from the normal quantile
 * function (Acklam / Wichura AS241 give 2.326347874040841).
 */
final class DistributionBinder {

    /** Phi^-1(0.99), the standard normal 99th percentile. */
    static final double Z99 = 2.3263478740408408;

    /** Keys each distribution takes, in the order messages list them (the types in the order the docs do). */
    static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("constant", List.of("distribution", "value"));
        KEYS.put("exponential", List.of("distribution", "mean"));
        KEYS.put("lognormal", List.of("distribution", "mean", "p99"));
        KEYS.put("gamma", List.of("distribution", "mean", "shape"));
        KEYS.put("weibull", List.of("distribution", "mean", "shape"));
        KEYS.put("empirical", List.of("distribution", "samples"));
    }

    private static final Map<String, String> TYPES = new LinkedHashMap<>();
    private static final List<String> ALL_KEYS = new ArrayList<>();

    static {
        for (Map.Entry<String, List<String>> e : KEYS.entrySet()) {
            TYPES.put(e.getKey(), e.getKey());
            for (String k : e.getValue()) {
                if (!ALL_KEYS.contains(k)) {
                    ALL_KEYS.add(k);
                }
            }
        }
    }

    private final Reader r;
    private final Path folder;

    /** @param folder the folder relative {@code samples} paths are resolved against */
    DistributionBinder(Reader r, Path folder) {
        this.r = r;
        this.folder = folder;
    }

    /** The distribution at {@code node}, or {@code null} after reporting its problems. */
    DistributionSpec bind(YamlNode node, String path) {
        MapNode map = r.map(node, path);
        if (map == null) {
            return null;
        }
        int before = r.problems().size();
        String type = type(map, path);
        Reader.Fields f = r.fields(map, path, type == null ? ALL_KEYS : KEYS.get(type),
                type == null ? Map.of() : otherTypesKeys(type));
        if (type == null) {
            return null;
        }
        DistributionSpec spec = null;
        switch (type) {
            case "constant": {
                Long value = duration(f, "value", "5ms");
                spec = value == null ? null : new DistributionSpec(type, value, 0, 0, List.of());
                break;
            }
            case "exponential": {
                Long mean = positiveDuration(f, "mean", "20ms");
                spec = mean == null ? null : new DistributionSpec(type, mean, 0, 0, List.of());
                break;
            }
            case "lognormal":
                spec = lognormal(f);
                break;
            case "gamma":
            case "weibull": {
                Long mean = positiveDuration(f, "mean", "20ms");
                Double shape = positiveNumber(f, "shape", "2");
                spec = mean == null || shape == null ? null : new DistributionSpec(type, mean, 0, shape, List.of());
                break;
            }
            default:
                spec = empirical(f);
                break;
        }
        return r.problems().size() > before ? null : spec;
    }

    private String type(MapNode map, String path) {
        String tPath = Reader.child(path, "distribution");
        Entry e = map.entry("distribution");
        if (e == null || e.value() instanceof ScalarNode && ((ScalarNode) e.value()).isNull()) {
            r.problems().add(tPath, e != null ? e.keyLine() : map.line(), e != null ? e.keyColumn() : map.column(),
                    "missing required key `distribution` " + Reader.where(path) + ", e.g. `distribution: lognormal`"
                            + "; one of " + String.join(", ", TYPES.keySet()));
            return null;
        }
        return r.choice(e.value(), tPath, "distribution", TYPES);
    }

    /** Keys of other distributions, each with a message saying it does not apply to {@code type}. */
    private static Map<String, String> otherTypesKeys(String type) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> own = KEYS.get(type);
        for (String key : ALL_KEYS) {
            if (own.contains(key)) {
                continue;
            }
            List<String> users = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : KEYS.entrySet()) {
                if (e.getValue().contains(key)) {
                    users.add(e.getKey());
                }
            }
            out.put(key, "`" + key + "` does not apply to distribution " + type + " (it takes "
                    + String.join(", ", own.subList(1, own.size())) + "); `" + key + "` is for "
                    + String.join(", ", users));
        }
        return out;
    }

    private DistributionSpec lognormal(Reader.Fields f) {
        Long mean = positiveDuration(f, "mean", "20ms");
        Long p99 = positiveDuration(f, "p99", "150ms");
        if (mean == null || p99 == null) {
            return null;
        }
        if (p99 <= mean) {
            r.problems().at(f.get("p99"), f.path("p99"), "a lognormal's p99 must be above its mean: p99 "
                    + Units.formatDuration(p99) + " is not above mean " + Units.formatDuration(mean)
                    + " (for a constant time use `distribution: constant`)");
            return null;
        }
        double limit = Z99 * Z99 / 2;
        if (StrictMath.log((double) p99 / mean) > limit) {
            double maxRatio = StrictMath.exp(limit);
            r.problems().at(f.get("p99"), f.path("p99"), "no lognormal distribution has mean "
                    + Units.formatDuration(mean) + " and p99 " + Units.formatDuration(p99) + ": ln(p99 / mean) is at "
                    + "most z^2 / 2 (z = " + Z99 + ", the normal 99th percentile), so p99 is at most "
                    + decimal(maxRatio) + " x mean; the largest p99 for mean " + Units.formatDuration(mean) + " is "
                    + formatNanosDown(mean * maxRatio)
                    + " (for a heavier tail use `distribution: weibull` with a shape below 1)");
            return null;
        }
        return new DistributionSpec("lognormal", mean, p99, 0, List.of());
    }

    private DistributionSpec empirical(Reader.Fields f) {
        YamlNode node = f.required("samples", "latency-samples.txt");
        String text = node == null ? null : r.nonBlank(node, f.path("samples"));
        if (text == null) {
            return null;
        }
        Path file = Inputs.resolve(r, node, f.path("samples"), folder, text, "samples file");
        if (file == null) {
            return null;
        }
        List<Long> samples;
        try {
            samples = SampleFiles.read(file);
        } catch (SampleFiles.SampleFileException e) {
            r.problems().at(node, f.path("samples"), "samples file `" + text + "`"
                    + (e.line() > 0 ? " line " + e.line() : "") + ": " + e.getMessage()
                    + (e.line() == 0 ? Inputs.resolvedNote(text, file) : ""));
            return null;
        }
        double sum = 0;
        for (long s : samples) {
            sum += s;
        }
        return new DistributionSpec("empirical", sum / samples.size(), 0, 0, samples);
    }

    private Long duration(Reader.Fields f, String key, String example) {
        YamlNode node = f.required(key, example);
        return node == null ? null : r.quantity(node, f.path(key), Reader.DURATION, Units::parseDuration);
    }

    private Long positiveDuration(Reader.Fields f, String key, String example) {
        Long v = duration(f, key, example);
        if (v != null && v <= 0) {
            r.problems().at(f.get(key), f.path(key), "`" + key + "` must be longer than 0s");
            return null;
        }
        return v;
    }

    private Double positiveNumber(Reader.Fields f, String key, String example) {
        YamlNode node = f.required(key, example);
        Double v = node == null ? null : r.number(node, f.path(key));
        if (v != null && !(v > 0)) {
            r.problems().at(node, f.path(key), "`" + key + "` must be above 0, found " + decimal(v));
            return null;
        }
        return v;
    }

    /** Four significant digits, for messages. */
    static String decimal(double v) {
        return new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * A duration in nanoseconds as a human string with four significant digits, rounded down (a suggested upper
     * bound must itself be within the bound): 299.37 ms is "299.3ms".
     */
    static String formatNanosDown(double nanos) {
        String[] units = {"d", "h", "m", "s", "ms", "us", "ns"};
        double[] factors = {86_400e9, 3_600e9, 60e9, 1e9, 1e6, 1e3, 1};
        int u = 0;
        while (u < units.length - 1 && nanos < factors[u]) {
            u++;
        }
        // Minutes, hours and days are only used for whole amounts of them; otherwise seconds read better.
        while (u < 3 && nanos % factors[u] != 0) {
            u++;
        }
        return new BigDecimal(nanos / factors[u]).round(new MathContext(4, RoundingMode.DOWN)).stripTrailingZeros()
                .toPlainString() + units[u];
    }
}
