package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.cli.RunTimes.RunTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTimesTest {

    private static final long S = 1_000_000_000L;

    // 1.5 s + 2.25 s = 3.75 s in the runs; the JVM used 4.55 s in all, so 0.80 s elsewhere
    @Test
    void line_listsEachRunAndTheJvmsOtherCpu() {
        List<RunTime> runs = List.of(new RunTime("fargate", 2 * S, 3 * S / 2), new RunTime("ec2-m6i", 3 * S, 9 * S / 4));
        assertThat(RunTimes.line(runs, 4_550_000_000L)).isEqualTo(
                "run CPU: fargate 1.50 s, ec2-m6i 2.25 s; 3.75 s in the runs, 0.80 s in the JVM's other threads"
                        + " (JIT compiler, GC)");
    }

    // runs of 1..12 s (listed out of order): range 1 to 12, median of 12 values = (6 + 7) / 2 = 6.5, sum 78
    @Test
    void line_summarisesMoreThanEightRunsAsARangeAndMedian() {
        List<RunTime> runs = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            runs.add(new RunTime("v-seed" + i, i * S, i * S));
        }
        assertThat(RunTimes.line(runs, -1)).isEqualTo("run CPU: 12 runs of 1.00 to 12.00 s (median 6.50 s); 78.00 s in the runs");
    }

    @Test
    void line_isEmptyWhenThreadCpuTimeIsNotMeasurable() {
        assertThat(RunTimes.line(List.of(new RunTime("a", S, -1)), 2 * S)).isEmpty();
        assertThat(RunTimes.line(List.of(), 2 * S)).isEmpty();
    }

    // finished() from the run threads is reported in the order asked for, whatever order the runs ended in;
    // progress goes through to the terminal listener
    @Test
    void line_followsTheRequestedOrderAndPassesProgressOn() {
        List<String> seen = new ArrayList<>();
        RunTimes times = new RunTimes((variant, sim, duration) -> seen.add(variant + " " + sim + "/" + duration));
        times.progress("b", 5, 10);
        times.finished("b", 2 * S, S);
        times.finished("a", 4 * S, 3 * S);
        assertThat(seen).containsExactly("b 5/10");
        assertThat(times.line(List.of("a", "b"))).startsWith("run CPU: a 3.00 s, b 1.00 s; 4.00 s in the runs, ");
    }
}
