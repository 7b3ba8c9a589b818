package io.fleetsim.reports;

import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The short result table a command prints to a terminal after a run: per variant its total cost, 30-day
 * projection and tasks pending at end (unplaced in parentheses). Money as in summary.md ({@code $1,234.56}).
 *
 * <pre>
 * variant  total  30-day projection  pending (unplaced)
 * fargate  $0.25          $3,554.66               0 (0)
 * ec2      $0.21          $2,972.18               2 (1)
 * </pre>
 *
 * <p>Variant names come from the scenario and are printed to a terminal, so control characters in them
 * (an escape sequence could rewrite the screen) are shown as {@code ?}.
 */
public final class ResultTable {

    private static final String[] HEADER = {"variant", "total", "30-day projection", "pending (unplaced)"};

    private ResultTable() {
    }

    /** The table, one line per run plus a header, each line ending in {@code \n}. */
    public static String render(ExperimentResult result) {
        List<String[]> rows = new ArrayList<>(result.runs().size() + 1);
        rows.add(HEADER);
        for (RunResult run : result.runs()) {
            rows.add(new String[] {
                terminalSafe(run.variant()),
                Text.money(run.cost().total()),
                Text.money(run.projected30DayCost()),
                run.summary().tasksPendingAtEnd() + " (" + run.summary().tasksUnplacedAtEnd() + ")"});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            sb.append(row[0]).append(" ".repeat(widths[0] - row[0].length()));
            for (int c = 1; c < row.length; c++) {
                sb.append("  ").append(" ".repeat(widths[c] - row[c].length())).append(row[c]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code text} with every ISO control character (C0, DEL, C1) replaced by {@code ?}. */
    public static String terminalSafe(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }
}
