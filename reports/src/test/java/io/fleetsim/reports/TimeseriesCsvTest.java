package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.ServiceTrafficResult;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeseriesCsvTest {

    private static final String HEADER = "variant,minute,time,tasks_provisioning,tasks_pending,tasks_running,"
            + "tasks_stopping,tasks_unplaced,instances,cpu_registered,cpu_reserved,cpu_reservation_pct,"
            + "memory_registered,memory_reserved,memory_reservation_pct,fargate_tasks,accrued_cost_usd";

    private static String render(ExperimentResult result) throws IOException {
        StringWriter out = new StringWriter();
        new TimeseriesCsv().render(result, out);
        return out.toString();
    }

    // ec2 minute 1: cpu 71,680 / 81,920 = 87.5%, memory 143,360 / 320,000 = 44.8%
    // ec2 minute 3: cpu 101,376 / 102,400 = 99%, memory 202,752 / 400,000 = 50.688% -> 50.69
    // fargate registers nothing: both percentages empty. time = 2024-01-01T00:00Z + minute.
    @Test
    void render_writesOneRowPerVariantPerMinute() throws IOException {
        assertThat(render(Fixtures.twoVariants())).isEqualTo(HEADER + "\n"
                + "fargate,1,2024-01-01T00:01:00Z,40,20,40,0,0,0,0,0,,0,0,,100,0.080000\n"
                + "fargate,2,2024-01-01T00:02:00Z,0,0,100,0,0,0,0,0,,0,0,,100,0.160000\n"
                + "fargate,3,2024-01-01T00:03:00Z,0,0,100,0,0,0,0,0,,0,0,,100,0.246852\n"
                + "ec2,1,2024-01-01T00:01:00Z,30,10,60,0,30,20,81920,71680,87.50,320000,143360,44.80,0,0.060000\n"
                + "ec2,2,2024-01-01T00:02:00Z,0,0,100,0,0,25,102400,102400,100.00,400000,204800,51.20,0,0.130000\n"
                + "ec2,3,2024-01-01T00:03:00Z,1,1,98,0,1,25,102400,101376,99.00,400000,202752,50.69,0,"
                + "0.206402\n");
    }

    @Test
    void render_quotesVariantNamesPerRfc4180() throws IOException {
        ExperimentResult result = new ExperimentResult("quick", "q.yaml", List.of(Fixtures.ec2("m6i, \"big\"")));
        assertThat(render(result).lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("\"m6i, \"\"big\"\"\",1,2024-01-01T00:01:00Z,30,10,60,0,30,20,81920,71680,87.50,"
                        + "320000,143360,44.80,0,0.060000");
    }

    private static final String SERVICE_COLUMNS = ".requests,%1$s.errors,%1$s.p50_ms,%1$s.p90_ms,%1$s.p99_ms,"
            + "%1$s.p999_ms,%1$s.max_ms,%1$s.cpu_utilization_pct,%1$s.requests_per_target,%1$s.healthy_targets";

    // Fixtures.withTraffic: api then web (first appearance). Latencies are exact ms (ns / 10^6); minute 1
    // completed nothing, so its latencies are empty, as are its NaN CPU and requests per target. 62.125 -> 62.13
    // (HALF_UP), 4.9 -> 4.90. ec2 has no web: ten empty cells.
    @Test
    void render_appendsColumnsPerServiceWithTraffic() throws IOException {
        String csv = render(Fixtures.withTraffic());
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(HEADER
                + ",api" + String.format(SERVICE_COLUMNS, "api") + ",web" + String.format(SERVICE_COLUMNS, "web"));
        assertThat(csv.lines().skip(1).toList()).containsExactly(
                "fargate,1,2024-01-01T00:01:00Z,40,20,40,0,0,0,0,0,,0,0,,100,0.080000,"
                        + "0,0,,,,,,,,0,"
                        + "0,0,,,,,,0.00,0.00,2",
                "fargate,2,2024-01-01T00:02:00Z,0,0,100,0,0,0,0,0,,0,0,,100,0.160000,"
                        + "500,0,10.002431,20.004863,100.007935,250.085375,250.085375,50.25,5.00,100,"
                        + "5,0,2.000895,2.000895,2.000895,2.000895,2.000895,1.50,2.50,2",
                "fargate,3,2024-01-01T00:03:00Z,0,0,100,0,0,0,0,0,,0,0,,100,0.246852,"
                        + "500,10,10.002431,20.004863,300.023807,500.170751,1000.341503,62.13,4.90,98,"
                        + "5,0,2.000895,2.000895,2.000895,2.000895,2.000895,1.50,2.50,2",
                "ec2,1,2024-01-01T00:01:00Z,30,10,60,0,30,20,81920,71680,87.50,320000,143360,44.80,0,0.060000,"
                        + "0,0,,,,,,,,0,"
                        + ",,,,,,,,,",
                "ec2,2,2024-01-01T00:02:00Z,0,0,100,0,0,25,102400,102400,100.00,400000,204800,51.20,0,0.130000,"
                        + "500,0,8.000511,9.998335,15.007743,20.004863,20.004863,70.00,20.00,25,"
                        + ",,,,,,,,,",
                "ec2,3,2024-01-01T00:03:00Z,1,1,98,0,1,25,102400,101376,99.00,400000,202752,50.69,0,0.206402,"
                        + "500,0,8.000511,9.998335,15.007743,20.004863,20.004863,71.00,20.00,25,"
                        + ",,,,,,,,,");
    }

    @Test
    void render_rejectsTrafficMinutesThatDoNotMatchTheRunsMinutes() {
        RunResult ec2 = Fixtures.withTraffic().runs().get(1);
        ServiceTrafficResult api = ec2.traffic().get(0);
        ServiceTrafficResult shifted = new ServiceTrafficResult("api", api.summary(),
                List.of(api.minutes().get(1), api.minutes().get(1), api.minutes().get(2)), api.intervalLog());
        ExperimentResult result = new ExperimentResult("quick", "q.yaml",
                List.of(Fixtures.withTraffic(ec2, List.of(shifted))));
        assertThatThrownBy(() -> render(result))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected minute 1 of service 'api' in variant 'ec2' at 60000000000 ns like the run's, "
                        + "found 120000000000 ns");
    }
}
