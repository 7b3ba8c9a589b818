package io.fleetsim.reports;

import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.MinuteSample;
import io.fleetsim.metrics.ProviderElastic;
import io.fleetsim.metrics.ServiceElastic;
import io.fleetsim.metrics.ServiceTaskMinute;
import io.fleetsim.metrics.ServiceMinute;
import io.fleetsim.metrics.ServiceTrafficResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * timeseries.csv: one row per variant per simulated minute, variants in result order, for spreadsheets and plots.
 *
 * <p>Columns: {@code variant,minute,time}, then one per {@link MinuteColumn}. {@code minute} is
 * {@link MinuteColumn#minuteNumber}; {@code time} is the ISO-8601 instant the sample was taken (run start plus the
 * sample's simulated time). Percentages have 2 decimals (HALF_UP) and are empty when nothing is registered; the
 * accrued cost is the exact USD amount.
 *
 * <p>Then, for each service with traffic in any run (in order of first appearance, {@link TrafficServices}), the
 * {@link ServiceMinuteColumn#CSV} columns named {@code <service>.requests}, {@code <service>.errors},
 * {@code <service>.p50_ms} ... {@code <service>.healthy_targets}. A run's minute i is its traffic's minute i (the
 * simulation closes both at the same instants; a mismatch is an error, not silently misaligned rows). A variant
 * without traffic for a service has empty cells for it.
 *
 * <p>When any run has service auto scaling or cluster events ({@link ElasticSection#any}), then per service
 * {@code <service>.desired}, {@code <service>.running}, {@code <service>.pending} (its task counts at the end of
 * the minute) and per EC2 capacity provider {@code <cluster>/<provider>.instances} (instances running).
 *
 * <p>Fields are quoted per RFC 4180 section 2 (https://www.rfc-editor.org/rfc/rfc4180) when needed; only the
 * variant name can need it.
 *
 * <p>Caveats: lines end in {@code \n}, not the CRLF of RFC 4180, so the file is byte-identical on every platform
 * and diffs cleanly; every common CSV reader accepts both. A variant name starting with {@code =}, {@code +},
 * {@code -} or {@code @} is written as is: a spreadsheet may read it as a formula.
 */
final class TimeseriesCsv implements ReportRenderer {

    /** Per service, when the result has anything elastic ({@link ElasticSection#any}). */
    private static final List<String> TASK_COLUMNS = List.of("desired", "running", "pending");

    @Override
    public void render(ExperimentResult result, Writer out) throws IOException {
        out.write("variant,minute,time");
        for (MinuteColumn column : MinuteColumn.ALL) {
            out.write(',');
            out.write(column.csvName());
        }
        List<String> services = TrafficServices.names(result.runs());
        for (String service : services) {
            for (ServiceMinuteColumn column : ServiceMinuteColumn.CSV) {
                out.write(',');
                out.write(Text.csv(service + "." + column.csvName()));
            }
        }
        boolean elastic = ElasticSection.any(result.runs());
        List<String> elasticServices = elastic ? ElasticSection.services(result.runs()) : List.of();
        List<String> elasticProviders = elastic ? ElasticSection.providers(result.runs()) : List.of();
        for (String service : elasticServices) {
            for (String column : TASK_COLUMNS) {
                out.write(',');
                out.write(Text.csv(service + "." + column));
            }
        }
        for (String provider : elasticProviders) {
            out.write(',');
            out.write(Text.csv(provider + ".instances"));
        }
        out.write('\n');
        String noTraffic = ",".repeat(ServiceMinuteColumn.CSV.size());
        for (RunResult run : result.runs()) {
            String variant = Text.csv(run.variant());
            List<ServiceTrafficResult> traffic = TrafficServices.of(run, services);
            for (ServiceTrafficResult t : traffic) {
                if (t != null) {
                    checkAligned(run, t);
                }
            }
            if (elastic) {
                checkAligned(run);
            }
            for (int i = 0; i < run.minutes().size(); i++) {
                MinuteSample m = run.minutes().get(i);
                out.write(variant);
                out.write(',');
                out.write(Long.toString(MinuteColumn.minuteNumber(m.timeNanos())));
                out.write(',');
                out.write(run.start().plusNanos(m.timeNanos()).toString());
                for (MinuteColumn column : MinuteColumn.ALL) {
                    out.write(',');
                    out.write(column.csv(m));
                }
                for (ServiceTrafficResult t : traffic) {
                    if (t == null) {
                        out.write(noTraffic);
                        continue;
                    }
                    ServiceMinute sm = t.minutes().get(i);
                    for (ServiceMinuteColumn column : ServiceMinuteColumn.CSV) {
                        out.write(',');
                        out.write(column.csv(sm));
                    }
                }
                for (String service : elasticServices) {
                    ServiceElastic se = ElasticSection.service(run, service);
                    if (se == null) {
                        out.write(",,,");
                        continue;
                    }
                    ServiceTaskMinute tm = se.minutes().get(i);
                    out.write("," + tm.desired() + "," + tm.running() + "," + tm.pending());
                }
                for (String provider : elasticProviders) {
                    ProviderElastic pe = ElasticSection.provider(run, provider);
                    out.write(pe == null ? "," : "," + pe.instances().get(i));
                }
                out.write('\n');
            }
        }
    }

    /** Checks that the task and instance counts have one value per minute of the run. */
    private static void checkAligned(RunResult run) {
        int n = run.minutes().size();
        for (ServiceElastic s : run.elastic().services()) {
            if (s.minutes().size() != n) {
                throw new IllegalArgumentException("expected " + n + " minutes of task counts for service '"
                        + s.service() + "' in variant '" + run.variant() + "', found " + s.minutes().size());
            }
        }
        for (ProviderElastic p : run.elastic().providers()) {
            if (p.instances().size() != n) {
                throw new IllegalArgumentException("expected " + n + " minutes of instances for capacity provider '"
                        + p.name() + "' in variant '" + run.variant() + "', found " + p.instances().size());
            }
        }
    }

    /** Checks that the traffic's minutes are the run's minutes, one to one at the same times. */
    static void checkAligned(RunResult run, ServiceTrafficResult traffic) {
        List<MinuteSample> minutes = run.minutes();
        List<ServiceMinute> serviceMinutes = traffic.minutes();
        if (minutes.size() != serviceMinutes.size()) {
            throw new IllegalArgumentException("expected " + minutes.size() + " minutes of traffic for service '"
                    + traffic.service() + "' in variant '" + run.variant() + "' (one per minute of the run), found "
                    + serviceMinutes.size());
        }
        for (int i = 0; i < minutes.size(); i++) {
            if (minutes.get(i).timeNanos() != serviceMinutes.get(i).timeNanos()) {
                throw new IllegalArgumentException("expected minute " + (i + 1) + " of service '" + traffic.service()
                        + "' in variant '" + run.variant() + "' at " + minutes.get(i).timeNanos()
                        + " ns like the run's, found " + serviceMinutes.get(i).timeNanos() + " ns");
            }
        }
    }
}
