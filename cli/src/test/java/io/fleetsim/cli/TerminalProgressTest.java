package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private static final long HOUR = 3_600_000_000_000L;

    // 45 min of 1 h = 75%; 59.99 min floors to 99% (never 100% before the end); past the end clamps to 100
    @Test
    void percent_floorsAndClamps() {
        assertThat(TerminalProgress.percent(HOUR * 3 / 4, HOUR)).isEqualTo(75);
        assertThat(TerminalProgress.percent(HOUR - 600_000_000L, HOUR)).isEqualTo(99);
        assertThat(TerminalProgress.percent(2 * HOUR, HOUR)).isEqualTo(100);
        assertThat(TerminalProgress.percent(-1, HOUR)).isZero();
        assertThat(TerminalProgress.percent(0, 0)).isEqualTo(100);
    }

    @Test
    void line_showsEachVariantsPercentInOrder() {
        assertThat(TerminalProgress.line(List.of("fargate", "fargate-spot", "ec2-m6i"), new int[] {45, 30, 12}))
                .isEqualTo("fargate 45% | fargate-spot 30% | ec2-m6i 12%");
    }

    // 12 variants "variant-NN" make a line longer than 79 characters: mean of 0..11 x 5 = 27.5 -> 27
    @Test
    void line_fallsBackToTheMeanWhenTooLong() {
        List<String> names = new java.util.ArrayList<>();
        int[] percents = new int[12];
        for (int i = 0; i < 12; i++) {
            names.add(String.format("variant-%02d", i));
            percents[i] = i * 5;
        }
        assertThat(TerminalProgress.line(names, percents)).isEqualTo("running 12 variants: 27% done");
    }

    @Test
    void line_neutralisesControlCharactersInNames() {
        assertThat(TerminalProgress.line(List.of("a\u001b[2Kb"), new int[] {5})).isEqualTo("a?[2Kb 5%");
    }

    @Test
    void disabled_printsNothing() {
        StringWriter err = new StringWriter();
        try (TerminalProgress progress = TerminalProgress.start(List.of("fargate"), new PrintWriter(err), false)) {
            progress.progress("fargate", HOUR / 2, HOUR);
            progress.progress("unknown-variant", HOUR / 2, HOUR);
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void line_ofNoVariantsIsEmpty() {
        assertThat(TerminalProgress.line(Collections.emptyList(), new int[0])).isEmpty();
    }
}
