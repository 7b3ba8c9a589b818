package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.scaling.ScalingAction;
import io.fleetsim.scaling.ScalingTimeline;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingSectionTest {

    private static final long MINUTE = 60_000_000_000L;

    private static RunResult withScaling(RunResult r, ScalingTimeline t) {
        return new RunResult(r.scenarioName(), r.variant(), r.seed(), r.fleetsimVersion(), r.catalogProvenance(),
                r.start(), r.durationNanos(), r.usage(), r.cost(), r.projectionFactor(), r.summary(), r.minutes(),
                r.resources(), r.traffic(), List.of(t));
    }

    /* 6 -> 9 at 3 minutes (scale-out), 9 -> 7 at 20 minutes (scale-in): between 6 and 9, one of each. */
    @Test
    void summary_listsScalingActionsPerVariantAndService() throws IOException {
        ScalingTimeline t = new ScalingTimeline("api", 6, List.of(
                new ScalingAction(3 * MINUTE, 6, 9, "target-tracking:ECSServiceAverageCPUUtilization", "CPU 90 > 60"),
                new ScalingAction(20 * MINUTE, 9, 7, "target-tracking:ECSServiceAverageCPUUtilization", "CPU 40 < 54")));
        ExperimentResult result = new ExperimentResult("quick", "q.yaml",
                List.of(withScaling(Fixtures.twoVariants().runs().get(0), t)));
        StringWriter out = new StringWriter();
        new MarkdownSummary().render(result, out);
        assertThat(out.toString()).contains("\n## Scaling\n")
                .contains("Desired count 6 at the start, between 6 and 9; 1 scale-out, 1 scale-in.\n")
                .contains("| 3m | 6 -> 9 | target-tracking:ECSServiceAverageCPUUtilization | CPU 90 > 60 |\n")
                .contains("| 20m | 9 -> 7 | target-tracking:ECSServiceAverageCPUUtilization | CPU 40 < 54 |\n");
    }

    @Test
    void summary_hasNoScalingSectionWithoutAutoScaling() throws IOException {
        StringWriter out = new StringWriter();
        new MarkdownSummary().render(Fixtures.twoVariants(), out);
        assertThat(out.toString()).doesNotContain("## Scaling");
    }

    @Test
    void timelineDesiredAt_followsTheActions() {
        ScalingTimeline t = new ScalingTimeline("api", 6, List.of(new ScalingAction(3 * MINUTE, 6, 9, "s", "r")));
        assertThat(t.desiredAt(3 * MINUTE - 1)).isEqualTo(6);
        assertThat(t.desiredAt(3 * MINUTE)).isEqualTo(9);
    }
}
