package io.fleetsim.placement;

/**
 * A cluster query language expression that does not parse. The message names the column (1-based, within the
 * expression), what was expected and what was found, then repeats the expression with a caret under the column:
 * <pre>
 * cluster query, column 19: expected an operator for runningTasksCount ..., found end of expression
 *   runningTasksCount
 *                    ^
 * </pre>
 * {@link #column()} lets the scenario loader turn the column into a line:column of the scenario file.
 */
public final class ClusterQueryException extends IllegalArgumentException {

    private final String expression;
    private final int column;
    private final String problem;

    ClusterQueryException(String expression, int column, String problem) {
        super(format(expression, column, problem));
        this.expression = expression;
        this.column = column;
        this.problem = problem;
    }

    /** The expression as given. */
    public String expression() {
        return expression;
    }

    /** 1-based column of the problem within {@link #expression()}; one past the end for "end of expression". */
    public int column() {
        return column;
    }

    /** The problem alone, without the column and the echoed expression. */
    public String problem() {
        return problem;
    }

    private static String format(String expression, int column, String problem) {
        StringBuilder echo = new StringBuilder(expression.length());
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            echo.append(Character.isISOControl(c) ? ' ' : c); // keep the caret aligned under tabs and newlines
        }
        return "cluster query, column " + column + ": " + problem + "\n  " + echo + "\n  "
                + " ".repeat(column - 1) + "^";
    }
}
