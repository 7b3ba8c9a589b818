package io.fleetsim.reports;

import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.ServiceTrafficResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * "Across seeds" in summary.md when variants ran on several seeds ({@code fleetsim run --seeds N}): per variant, the
 * mean of each headline figure over its seeds with a 95% confidence interval from Student's t distribution,
 * mean +- t(0.975, n - 1) x s / sqrt(n), s the sample standard deviation; and the smallest and largest value. The
 * seeds are independent replications (different master seeds, so every named stream differs), which is what the
 * interval assumes.
 */
final class SeedsSection {

    private SeedsSection() {
    }

    /** Mean, sample standard deviation and 95% half-width of {@code values}; the half-width is NaN below 2. */
    record Spread(int n, double mean, double sd, double halfWidth, double min, double max) {

        static Spread of(double[] values) {
            int n = values.length;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / n;
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            double sd = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
            double half = n < 2 ? Double.NaN
                    : new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
            return new Spread(n, mean, sd, half, min, max);
        }

        String format(int decimals, String unit) {
            String f = "%." + decimals + "f";
            String s = String.format(Locale.ROOT, f, mean) + unit;
            if (!Double.isNaN(halfWidth)) {
                s += String.format(Locale.ROOT, " ± " + f, halfWidth) + unit;
            }
            return s + String.format(Locale.ROOT, " (" + f + " to " + f + ")", min, max);
        }
    }

    /** Runs grouped by the variant they replicate, in order of first appearance. */
    static Map<String, List<RunResult>> groups(ExperimentResult result) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (int i = 0; i < result.runs().size(); i++) {
            groups.computeIfAbsent(result.baseVariants().get(i), k -> new ArrayList<>()).add(result.runs().get(i));
        }
        return groups;
    }

    static void write(ExperimentResult result, Writer out) throws IOException {
        Map<String, List<RunResult>> groups = groups(result);
        List<String> services = TrafficServices.names(result.runs());
        out.write("\n## Across seeds\n\n");
        out.write("Each variant ran on several seeds. Figures are the mean ± the half-width of a 95% confidence "
                + "interval (Student's t over the seeds), then the smallest and largest run in parentheses.\n\n");
        StringBuilder header = new StringBuilder("| Variant | Seeds | Total cost (USD) |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|");
        for (String service : services) {
            header.append(' ').append(Text.markdown(service)).append(" p99 (ms) | ")
                    .append(Text.markdown(service)).append(" SLO attainment (%) |");
            rule.append("---:|---:|");
        }
        out.write(header + "\n" + rule + "\n");
        for (Map.Entry<String, List<RunResult>> g : groups.entrySet()) {
            List<RunResult> runs = g.getValue();
            double[] cost = new double[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                cost[i] = runs.get(i).cost().total().doubleValue();
            }
            StringBuilder row = new StringBuilder("| " + Text.markdown(g.getKey()) + " | " + runs.size() + " | "
                    + Spread.of(cost).format(4, "") + " |");
            for (String service : services) {
                row.append(' ').append(serviceSpread(runs, service, true)).append(" | ")
                        .append(serviceSpread(runs, service, false)).append(" |");
            }
            out.write(row + "\n");
        }
    }

    private static String serviceSpread(List<RunResult> runs, String service, boolean p99) {
        double[] values = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            ServiceTrafficResult t = TrafficServices.find(runs.get(i), service);
            if (t == null) {
                return "n/a";
            }
            values[i] = p99 ? t.summary().p99Nanos() / 1e6 : t.summary().sloAttainment() * 100.0;
            if (Double.isNaN(values[i])) {
                return "n/a";
            }
        }
        return Spread.of(values).format(p99 ? 3 : 2, "");
    }
}
