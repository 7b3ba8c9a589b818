package io.fleetsim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the {@link ScenarioProblem}s of one pass over a scenario tree (the binder reports and carries on, so a
 * user sees every mistake at once, DESIGN.md principle 7).
 */
final class Problems {

    private final String file;
    private final List<ScenarioProblem> list = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** A problem located at {@code node} (its first character). */
    void at(YamlNode node, String path, String message) {
        add(path, node.line(), node.column(), message);
    }

    /** A problem located at a map key (unknown and duplicate keys point at the key itself). */
    void atKey(YamlNode.Entry entry, String path, String message) {
        add(path, entry.keyLine(), entry.keyColumn(), message);
    }

    /** {@code path} "" (the root) is reported as {@code $}. */
    void add(String path, int line, int column, String message) {
        list.add(new ScenarioProblem(file, path.isEmpty() ? "$" : path, line, column, message));
    }

    int size() {
        return list.size();
    }

    /** The problems in the order they were found. */
    List<ScenarioProblem> list() {
        return List.copyOf(list);
    }
}
