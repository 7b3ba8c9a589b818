package io.fleetsim.scenario;

import io.fleetsim.text.NearMiss;
import io.fleetsim.scenario.model.ArrivalSpec;
import io.fleetsim.scenario.model.ArrivalSpec.BurstSpec;
import io.fleetsim.scenario.model.ArrivalSpec.DailySpec;
import io.fleetsim.scenario.model.ArrivalSpec.ProfileSpec;
import io.fleetsim.scenario.model.ArrivalSpec.StepSpec;
import io.fleetsim.scenario.model.ArrivalSpec.TraceSpec;
import io.fleetsim.scenario.model.DistributionSpec;
import io.fleetsim.scenario.model.LoadBalancerSpec;
import io.fleetsim.scenario.model.ServingSpec;
import io.fleetsim.scenario.model.TrafficSpec;
import io.fleetsim.traffic.TraceFormat.TraceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a service's {@code traffic}: the arrival process (with its rate profile or trace), the work and non-CPU
 * latency distributions ({@link DistributionBinder}), how a task serves requests, and the load balancer.
 * docs/scenario-reference.md, section "traffic", is the user's reference.
 *
 * <p>Load balancer defaults and limits come from the Application Load Balancer target group attributes (AWS ELB
 * User Guide, "Target groups for your Application Load Balancers"): {@code load_balancing.algorithm.type} is
 * {@code round_robin} (default) or {@code least_outstanding_requests}; {@code deregistration_delay.timeout_seconds}
 * ranges 0-3600 s, default 300 s. {@code healthCheckGracePeriodSeconds} defaults to 0 (platform-semantics.md
 * section 5.4, from ECS {@code service_definition_parameters.md}) and is at most 2,147,483,647 s (ECS API
 * CreateService).
 *
 * <p>Trace files are read once per variant at load time (a trace that does not parse must stop the scenario
 * before a run starts); the parsed arrivals are then dropped, since the model holds the trace's path.
 *
 * <p>Caveats: a trace or samples file is read again for each variant that uses it; bursts and steps after the
 * scenario's {@code duration} are accepted (a variant may run longer) and simply never take effect.
 */
final class TrafficBinder {

    static final List<String> KEYS = List.of("arrivals", "work", "io", "serving", "loadBalancer");
    static final List<String> ARRIVAL_KEYS = List.of("process", "rate", "profile", "trace", "scale", "shift");
    static final List<String> PROFILE_KEYS = List.of("daily", "weekly", "bursts", "steps");
    static final List<String> DAILY_KEYS = List.of("peakToMean", "peakAt");
    static final List<String> BURST_KEYS = List.of("start", "duration", "multiplier");
    static final List<String> STEP_KEYS = List.of("at", "rate");
    static final List<String> SERVING_KEYS = List.of("discipline", "maxConcurrency", "queueCapacity");
    static final List<String> LB_KEYS = List.of("algorithm", "deregistrationDelay", "healthCheckGracePeriod");

    static final List<String> PROCESSES = List.of("constant", "poisson", "trace");
    static final List<String> DISCIPLINES = List.of("fcfs", "ps");
    static final List<String> ALGORITHMS = List.of("round_robin", "least_outstanding_requests");

    /** Serving when none is given: first come first served, no concurrency limit, no queue limit (fleetsim's). */
    static final ServingSpec DEFAULT_SERVING = new ServingSpec("fcfs", 0, 0);
    /** ALB {@code load_balancing.algorithm.type} default. */
    static final String DEFAULT_ALGORITHM = "round_robin";
    /** ALB {@code deregistration_delay.timeout_seconds}: default 300 s, range 0-3600 s. */
    static final long DEFAULT_DEREGISTRATION_DELAY_NANOS = 300_000_000_000L;
    static final long MAX_DEREGISTRATION_DELAY_NANOS = 3_600_000_000_000L;
    /** ECS {@code healthCheckGracePeriodSeconds}: default 0 (section 5.4), at most 2^31 - 1 s (API). */
    static final long DEFAULT_GRACE_PERIOD_NANOS = 0;
    static final long MAX_GRACE_PERIOD_NANOS = Integer.MAX_VALUE * 1_000_000_000L;

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])");
    private static final String RATE = "a rate such as `300/s` or `18000/m`";
    private static final String TRACE_ONLY = "applies only to `process: trace`";

    private final Reader r;
    private final TraceFormats traces;
    private final Path folder;
    private final DistributionBinder distributions;

    /** The folder relative data file paths are resolved against. */
    Path folder() {
        return folder;
    }

    /** @param folder the folder relative trace and samples paths are resolved against */
    TrafficBinder(Reader r, TraceFormats traces, Path folder) {
        this.r = r;
        this.traces = traces;
        this.folder = folder;
        this.distributions = new DistributionBinder(r, folder);
    }

    /** The traffic at {@code node}, or {@code null} after reporting its problems. */
    TrafficSpec bind(YamlNode node, String path) {
        Reader.Fields f = r.fields(node, path, KEYS, Map.of());
        if (f == null) {
            return null;
        }
        int before = r.problems().size();
        YamlNode aNode = f.required("arrivals", "{ process: poisson, rate: 300/s }");
        ArrivalSpec arrivals = aNode == null ? null : arrivals(aNode, f.path("arrivals"));
        YamlNode wNode = f.required("work", "{ distribution: lognormal, mean: 20ms, p99: 150ms }");
        DistributionSpec work = wNode == null ? null : distributions.bind(wNode, f.path("work"));
        DistributionSpec io = f.has("io") ? distributions.bind(f.get("io"), f.path("io")) : null;
        ServingSpec serving = f.has("serving") ? serving(f.get("serving"), f.path("serving")) : DEFAULT_SERVING;
        LoadBalancerSpec lb = f.has("loadBalancer") ? loadBalancer(f.get("loadBalancer"), f.path("loadBalancer"))
                : new LoadBalancerSpec(DEFAULT_ALGORITHM, DEFAULT_DEREGISTRATION_DELAY_NANOS,
                        DEFAULT_GRACE_PERIOD_NANOS);
        return r.problems().size() > before ? null : new TrafficSpec(arrivals, work, io, serving, lb);
    }

    private ArrivalSpec arrivals(YamlNode node, String path) {
        Reader.Fields f = r.fields(node, path, ARRIVAL_KEYS, Map.of());
        if (f == null) {
            return null;
        }
        int before = r.problems().size();
        YamlNode pNode = f.required("process", "poisson");
        String process = pNode == null ? null : r.choice(pNode, f.path("process"), "arrival process", options(PROCESSES));
        if (process == null) {
            return null;
        }
        if (process.equals("trace")) {
            String why = "a trace replays its own arrival times (use `scale` to replay it faster or slower)";
            notHere(f, "rate", "`rate` does not apply to `process: trace`: " + why);
            notHere(f, "profile", "`profile` does not apply to `process: trace`: " + why);
            YamlNode tNode = f.required("trace", "\"azure-llm:traces/AzureLLMInferenceTrace_code.csv\"");
            TraceSpec trace = tNode == null ? null : trace(f, tNode);
            return r.problems().size() > before ? null : new ArrivalSpec(process, 0, null, trace);
        }
        for (String key : List.of("trace", "scale", "shift")) {
            notHere(f, key, "`" + key + "` " + TRACE_ONLY + "; this process is " + process);
        }
        YamlNode rNode = f.required("rate", "300/s");
        Double rate = rNode == null ? null : r.quantity(rNode, f.path("rate"), RATE, Units::parseRatePerSecond);
        ProfileSpec profile = null;
        if (f.has("profile")) {
            if (process.equals("constant")) {
                notHere(f, "profile", "`profile` applies only to `process: poisson`: a constant process spaces "
                        + "arrivals evenly at one fixed rate; for a rate that varies over time use poisson");
            } else {
                profile = profile(f.get("profile"), f.path("profile"));
            }
        }
        return r.problems().size() > before ? null : new ArrivalSpec(process, rate, profile, null);
    }

    private void notHere(Reader.Fields f, String key, String message) {
        if (f.has(key)) {
            r.problems().atKey(f.entry(key), f.path(key), message);
        }
    }

    private TraceSpec trace(Reader.Fields f, YamlNode node) {
        String path = f.path("trace");
        String text = r.nonBlank(node, path);
        Double scale = 1.0;
        if (f.has("scale")) {
            scale = r.number(f.get("scale"), f.path("scale"));
            if (scale != null && !(scale > 0)) {
                r.problems().at(f.get("scale"), f.path("scale"), "`scale` must be above 0 (2 replays the trace "
                        + "twice as fast), found " + DistributionBinder.decimal(scale));
                scale = null;
            }
        }
        Long shift = f.has("shift")
                ? r.quantity(f.get("shift"), f.path("shift"), Reader.DURATION, Units::parseDuration) : Long.valueOf(0);
        if (text == null) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            r.problems().at(node, path, "expected `format:path`, e.g. `azure-llm:traces/azure.csv`, found `" + text
                    + "`; formats: " + String.join(", ", traces.names()));
            return null;
        }
        String format = text.substring(0, colon);
        String file = text.substring(colon + 1);
        List<String> names = traces.names();
        if (!names.contains(format)) {
            r.problems().at(node, path, "unknown trace format `" + format + "`"
                    + NearMiss.hintAndList(format, names, "expected one of"));
            return null;
        }
        Path resolved = Inputs.resolve(r, node, path, folder, file, "trace file");
        if (resolved == null) {
            return null;
        }
        try {
            long[] arrivals = traces.read(format, resolved);
            if (arrivals.length == 0) {
                r.problems().at(node, path, "trace file `" + file + "` has no arrivals");
                return null;
            }
        } catch (TraceException e) {
            r.problems().at(node, path, "trace file `" + file + "`" + (e.line() > 0 ? " line " + e.line() : "")
                    + ": " + e.getMessage());
            return null;
        }
        return scale == null || shift == null ? null : new TraceSpec(format, resolved, scale, shift);
    }

    private ProfileSpec profile(YamlNode node, String path) {
        Reader.Fields f = r.fields(node, path, PROFILE_KEYS, Map.of());
        if (f == null) {
            return null;
        }
        int before = r.problems().size();
        if (!f.has("daily") && !f.has("weekly") && !f.has("bursts") && !f.has("steps")) {
            r.problems().at(node, path, "an empty profile changes nothing; give `daily`, `weekly`, `bursts` or "
                    + "`steps`, or remove `profile`");
            return null;
        }
        DailySpec daily = f.has("daily") ? daily(f.get("daily"), f.path("daily")) : null;
        List<Double> weekly = f.has("weekly") ? weekly(f.get("weekly"), f.path("weekly")) : List.of();
        List<BurstSpec> bursts = bursts(f);
        List<StepSpec> steps = steps(f);
        return r.problems().size() > before ? null : new ProfileSpec(daily, weekly, bursts, steps);
    }

    private DailySpec daily(YamlNode node, String path) {
        Reader.Fields f = r.fields(node, path, DAILY_KEYS, Map.of());
        if (f == null) {
            return null;
        }
        YamlNode pNode = f.required("peakToMean", "2.0");
        Double peak = pNode == null ? null : r.number(pNode, f.path("peakToMean"));
        if (peak != null && (peak < 1 || peak > 2)) {
            String why = peak < 1 ? "the peak cannot be below the mean (1 is a flat day)"
                    : "the daily shape 1 + (peakToMean - 1) x cos(2 pi (t - peakAt) / 1d) would go negative at the "
                            + "trough (2 - peakToMean = " + DistributionBinder.decimal(2 - peak) + ")";
            r.problems().at(pNode, f.path("peakToMean"), "peakToMean must be between 1 and 2, found "
                    + DistributionBinder.decimal(peak) + ": " + why);
            peak = null;
        }
        YamlNode tNode = f.required("peakAt", "\"14:00\"");
        String text = tNode == null ? null : r.string(tNode, f.path("peakAt"));
        Long peakAt = null;
        if (text != null) {
            Matcher m = TIME_OF_DAY.matcher(text.trim());
            if (m.matches()) {
                peakAt = Long.parseLong(m.group(1)) * 60 * MINUTE + Long.parseLong(m.group(2)) * MINUTE;
            } else {
                r.problems().at(tNode, f.path("peakAt"), "expected a UTC time of day HH:MM from 00:00 to 23:59, "
                        + "e.g. \"14:00\", found `" + text + "`");
            }
        }
        return peak == null || peakAt == null ? null : new DailySpec(peak, peakAt);
    }

    /** Seven positive multipliers, Monday first, normalised to mean 1: {@code w_i x 7 / sum(w)}. */
    private List<Double> weekly(YamlNode node, String path) {
        List<YamlNode> items = r.items(node, path);
        if (!(node instanceof YamlNode.ListNode)) {
            return null;
        }
        if (items.size() != 7) {
            r.problems().at(node, path, "weekly needs exactly 7 multipliers, Monday first (e.g. "
                    + "`[1.1, 1.1, 1.1, 1.1, 1.0, 0.8, 0.8]`), found " + items.size());
            return null;
        }
        double[] w = new double[7];
        double sum = 0;
        boolean ok = true;
        for (int i = 0; i < 7; i++) {
            Double v = r.number(items.get(i), Reader.item(path, i));
            if (v != null && !(v > 0)) {
                r.problems().at(items.get(i), Reader.item(path, i), "a weekly multiplier must be above 0, found "
                        + DistributionBinder.decimal(v) + " (a day without traffic is not a rate; use a small "
                        + "multiplier such as 0.01)");
                v = null;
            }
            ok &= v != null;
            w[i] = v == null ? 0 : v;
            sum += w[i];
        }
        if (!ok) {
            return null;
        }
        List<Double> out = new ArrayList<>(7);
        for (double v : w) {
            out.add(v * 7 / sum);
        }
        return out;
    }

    private List<BurstSpec> bursts(Reader.Fields profile) {
        List<BurstSpec> out = new ArrayList<>();
        List<YamlNode> items = profile.items("bursts");
        for (int i = 0; i < items.size(); i++) {
            String path = Reader.item(profile.path("bursts"), i);
            Reader.Fields f = r.fields(items.get(i), path, BURST_KEYS, Map.of());
            if (f == null) {
                continue;
            }
            Long start = duration(f, "start", "2d");
            Long duration = duration(f, "duration", "30m");
            if (duration != null && duration <= 0) {
                r.problems().at(f.get("duration"), f.path("duration"), "a burst's duration must be longer than 0s");
                duration = null;
            }
            YamlNode mNode = f.required("multiplier", "3");
            Double multiplier = mNode == null ? null : r.number(mNode, f.path("multiplier"));
            if (multiplier != null && !(multiplier > 0)) {
                r.problems().at(mNode, f.path("multiplier"), "a burst's multiplier must be above 0, found "
                        + DistributionBinder.decimal(multiplier));
                multiplier = null;
            }
            if (start != null && duration != null && multiplier != null) {
                out.add(new BurstSpec(start, duration, multiplier));
            }
        }
        return out;
    }

    private List<StepSpec> steps(Reader.Fields profile) {
        List<StepSpec> out = new ArrayList<>();
        List<YamlNode> items = profile.items("steps");
        Long previous = null;
        int previousIndex = -1;
        for (int i = 0; i < items.size(); i++) {
            String path = Reader.item(profile.path("steps"), i);
            Reader.Fields f = r.fields(items.get(i), path, STEP_KEYS, Map.of());
            if (f == null) {
                continue;
            }
            Long at = duration(f, "at", "3d");
            YamlNode rNode = f.required("rate", "500/s");
            Double rate = rNode == null ? null : r.quantity(rNode, f.path("rate"), RATE, Units::parseRatePerSecond);
            if (at != null && previous != null && at <= previous) {
                r.problems().at(f.get("at"), f.path("at"), "steps must be sorted by `at`, each later than the one "
                        + "before: " + Units.formatDuration(at) + " is not after " + Units.formatDuration(previous)
                        + " (" + Reader.item(profile.path("steps"), previousIndex) + ")");
            }
            if (at != null) {
                previous = at;
                previousIndex = i;
            }
            if (at != null && rate != null) {
                out.add(new StepSpec(at, rate));
            }
        }
        return out;
    }

    private ServingSpec serving(YamlNode node, String path) {
        Reader.Fields f = r.fields(node, path, SERVING_KEYS, Map.of());
        if (f == null) {
            return null;
        }
        String discipline = f.has("discipline")
                ? r.choice(f.get("discipline"), f.path("discipline"), "serving discipline", options(DISCIPLINES))
                : DEFAULT_SERVING.discipline();
        Integer concurrency = f.has("maxConcurrency")
                ? r.intValue(f.get("maxConcurrency"), f.path("maxConcurrency"), 0, Integer.MAX_VALUE)
                : Integer.valueOf(DEFAULT_SERVING.maxConcurrency());
        Integer capacity = f.has("queueCapacity")
                ? r.intValue(f.get("queueCapacity"), f.path("queueCapacity"), 0, Integer.MAX_VALUE)
                : Integer.valueOf(DEFAULT_SERVING.queueCapacity());
        if ("ps".equals(discipline) && capacity != null && capacity > 0) {
            r.problems().at(f.get("queueCapacity"), f.path("queueCapacity"), "queueCapacity applies only to "
                    + "`discipline: fcfs`: under ps every admitted request is served at once (limit them with "
                    + "maxConcurrency)");
            return null;
        }
        return discipline == null || concurrency == null || capacity == null ? null
                : new ServingSpec(discipline, concurrency, capacity);
    }

    private LoadBalancerSpec loadBalancer(YamlNode node, String path) {
        Reader.Fields f = r.fields(node, path, LB_KEYS, Map.of());
        if (f == null) {
            return null;
        }
        String algorithm = f.has("algorithm")
                ? r.choice(f.get("algorithm"), f.path("algorithm"), "load balancing algorithm", options(ALGORITHMS))
                : DEFAULT_ALGORITHM;
        Long delay = seconds(f, "deregistrationDelay", DEFAULT_DEREGISTRATION_DELAY_NANOS,
                MAX_DEREGISTRATION_DELAY_NANOS, "ALB deregistration_delay.timeout_seconds");
        Long grace = seconds(f, "healthCheckGracePeriod", DEFAULT_GRACE_PERIOD_NANOS, MAX_GRACE_PERIOD_NANOS,
                "ECS healthCheckGracePeriodSeconds");
        return algorithm == null || delay == null || grace == null ? null
                : new LoadBalancerSpec(algorithm, delay, grace);
    }

    /** A duration in whole seconds, 0 to {@code max}, as the AWS setting {@code setting} takes. */
    private Long seconds(Reader.Fields f, String key, long defaultValue, long max, String setting) {
        if (!f.has(key)) {
            return defaultValue;
        }
        Long v = r.quantity(f.get(key), f.path(key), Reader.DURATION, Units::parseDuration);
        if (v != null && v % SECOND != 0) {
            r.problems().at(f.get(key), f.path(key), key + " must be a whole number of seconds (" + setting
                    + " is in seconds), found " + Units.formatDuration(v));
            return null;
        }
        if (v != null && v > max) {
            r.problems().at(f.get(key), f.path(key), key + " must be at most " + Units.formatDuration(max)
                    + " (" + setting + "), found " + Units.formatDuration(v));
            return null;
        }
        return v;
    }

    private Long duration(Reader.Fields f, String key, String example) {
        YamlNode node = f.required(key, example);
        return node == null ? null : r.quantity(node, f.path(key), Reader.DURATION, Units::parseDuration);
    }

    private static Map<String, String> options(List<String> names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, n);
        }
        return m;
    }
}
