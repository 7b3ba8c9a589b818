package io.fleetsim.scenario;

import java.util.List;

/** A scenario that cannot run, with every problem found (not just the first). */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }

    private static String format(List<ScenarioProblem> problems) {
        StringBuilder sb = new StringBuilder();
        for (ScenarioProblem p : problems) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(p);
        }
        return sb.toString();
    }
}
