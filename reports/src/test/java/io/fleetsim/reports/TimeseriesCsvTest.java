package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.experiment.ExperimentResult;
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
}
