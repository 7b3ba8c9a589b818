package io.fleetsim.scenario;

import io.fleetsim.text.NearMiss;
import io.fleetsim.scenario.YamlNode.Entry;
import io.fleetsim.scenario.YamlNode.ListNode;
import io.fleetsim.scenario.YamlNode.MapNode;
import io.fleetsim.scenario.YamlNode.ScalarNode;
import io.fleetsim.scenario.YamlNode.ScalarNode.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed reads of {@link YamlNode}s for the binders. Every method either returns a value or reports a problem
 * ("expected X, found Y", with the node's path and line:column) and returns {@code null}, so a binder can carry
 * on and find the next mistake. Paths are built with {@link #child(String, String)} and
 * {@link #item(String, int)}: {@code services[0].taskDefinition.cpu}.
 */
final class Reader {

    private final Problems problems;

    Reader(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    /** "at the top level" or "in services[0]", for messages about a map's keys. */
    static String where(String path) {
        return path.isEmpty() ? "at the top level" : "in " + path;
    }

    MapNode map(YamlNode node, String path) {
        if (node instanceof MapNode) {
            return (MapNode) node;
        }
        problems.at(node, path, "expected a map (`key: value` lines or `{ key: value }`), found " + node.describe());
        return null;
    }

    ListNode list(YamlNode node, String path) {
        if (node instanceof ListNode) {
            return (ListNode) node;
        }
        problems.at(node, path, "expected a list (`- item` lines or `[a, b]`), found " + node.describe());
        return null;
    }

    /** Any non-null scalar, as written ({@code tag: 1.0} is the string "1.0"). */
    String string(YamlNode node, String path) {
        if (node instanceof ScalarNode && !((ScalarNode) node).isNull()) {
            return ((ScalarNode) node).text();
        }
        problems.at(node, path, "expected a string, found " + node.describe());
        return null;
    }

    /** A non-blank string. */
    String nonBlank(YamlNode node, String path) {
        String s = string(node, path);
        if (s != null && s.isBlank()) {
            problems.at(node, path, "must not be empty");
            return null;
        }
        return s;
    }

    /** An integer in {@code [min, max]}. */
    Long integer(YamlNode node, String path, long min, long max) {
        ScalarNode s = node instanceof ScalarNode ? (ScalarNode) node : null;
        Long value = null;
        if (s != null && s.kind() == Kind.INTEGER) {
            value = parseLong(s.text());
        }
        if (value == null) {
            String hint = s != null && s.kind() == Kind.STRING && parseLong(s.text().trim()) != null
                    ? " (remove the quotes)" : "";
            problems.at(node, path, "expected an integer, found " + node.describe() + hint);
            return null;
        }
        return inRange(node, path, value, min, max) ? value : null;
    }

    Integer intValue(YamlNode node, String path, int min, int max) {
        Long v = integer(node, path, min, max);
        return v == null ? null : v.intValue();
    }

    boolean inRange(YamlNode node, String path, long value, long min, long max) {
        if (value >= min && value <= max) {
            return true;
        }
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            problems.at(node, path, "must be at least " + min + ", found " + value);
        } else {
            problems.at(node, path, "must be between " + min + " and " + max + ", found " + value);
        }
        return false;
    }

    /**
     * A plain decimal number ({@code 2}, {@code 1.5}, {@code 0.25}): an integer or float scalar written with
     * digits only (YAML's {@code .inf}, {@code .nan}, exponents and {@code 0x} forms are rejected).
     */
    Double number(YamlNode node, String path) {
        ScalarNode s = node instanceof ScalarNode ? (ScalarNode) node : null;
        boolean numeric = s != null && (s.kind() == Kind.INTEGER || s.kind() == Kind.FLOAT);
        if (numeric && s.text().matches("[-+]?[0-9]+(\\.[0-9]+)?")) {
            return Double.parseDouble(s.text());
        }
        String hint = s != null && s.kind() == Kind.STRING && s.text().trim().matches("[-+]?[0-9]+(\\.[0-9]+)?")
                ? " (remove the quotes)" : numeric ? " (write the digits out, e.g. `1.5`)" : "";
        problems.at(node, path, "expected a number such as `1.5`, found " + node.describe() + hint);
        return null;
    }

    Boolean bool(YamlNode node, String path) {
        if (node instanceof ScalarNode && ((ScalarNode) node).kind() == Kind.BOOLEAN) {
            String t = ((ScalarNode) node).text().toLowerCase(Locale.ROOT);
            return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
        }
        problems.at(node, path, "expected true or false, found " + node.describe());
        return null;
    }

    /**
     * A quantity with units ({@link Units}): the scalar's text goes through {@code parse}, whose
     * IllegalArgumentException message becomes the problem.
     *
     * @param expected for a non-scalar, e.g. "a duration such as `90s`"
     */
    static final String DURATION = "a duration such as `90s` or `1.5h`";

    <T> T quantity(YamlNode node, String path, String expected, Function<String, T> parse) {
        if (!(node instanceof ScalarNode) || ((ScalarNode) node).isNull()
                || ((ScalarNode) node).kind() == Kind.BOOLEAN) {
            problems.at(node, path, "expected " + expected + ", found " + node.describe());
            return null;
        }
        try {
            return parse.apply(((ScalarNode) node).text());
        } catch (IllegalArgumentException e) {
            problems.at(node, path, e.getMessage());
            return null;
        }
    }

    /** One of {@code options} (exact spelling), with a near-miss suggestion otherwise. */
    <E> E choice(YamlNode node, String path, String what, Map<String, E> options) {
        String text = string(node, path);
        if (text == null) {
            return null;
        }
        E value = options.get(text);
        if (value == null) {
            problems.at(node, path, "unknown " + what + " `" + text + "`"
                    + NearMiss.hintAndList(text, options.keySet(), "expected one of"));
        }
        return value;
    }

    /** The items of a list, or an empty list after reporting when {@code node} is not a list. */
    List<YamlNode> items(YamlNode node, String path) {
        ListNode list = list(node, path);
        return list == null ? List.of() : list.items();
    }

    /**
     * The keys of a map, checked against {@code known} (unknown keys are reported with a suggestion) and against
     * {@code reserved} (keys for features not built yet, reported with their own message); {@code null} when
     * {@code node} is not a map.
     */
    Fields fields(YamlNode node, String path, List<String> known, Map<String, String> reserved) {
        MapNode map = map(node, path);
        if (map == null) {
            return null;
        }
        for (Entry e : map.entries().values()) {
            String key = e.key();
            if (known.contains(key)) {
                continue;
            }
            String reason = reserved.get(key);
            if (reason != null) {
                problems.atKey(e, child(path, key), reason);
            } else {
                problems.atKey(e, child(path, key), "unknown key `" + key + "` " + where(path)
                        + NearMiss.hintAndList(key, known, "known keys"));
            }
        }
        return new Fields(map, path);
    }

    /** A checked map: values by key, treating an explicit {@code null} the same as an absent key. */
    final class Fields {
        private final MapNode map;
        private final String path;

        private Fields(MapNode map, String path) {
            this.map = map;
            this.path = path;
        }

        MapNode node() {
            return map;
        }

        String path() {
            return path;
        }

        String path(String key) {
            return child(path, key);
        }

        /** The value, or {@code null} when absent or written as null. */
        YamlNode get(String key) {
            Entry e = map.entry(key);
            if (e == null || e.value() instanceof ScalarNode && ((ScalarNode) e.value()).isNull()) {
                return null;
            }
            return e.value();
        }

        boolean has(String key) {
            return get(key) != null;
        }

        Entry entry(String key) {
            return map.entry(key);
        }

        /** The value, or a "missing required key" problem at the map and {@code null}. */
        YamlNode required(String key, String example) {
            YamlNode v = get(key);
            if (v == null) {
                Entry e = map.entry(key);
                String found = e != null ? " (found null)" : "";
                problems.add(path(key), e != null ? e.keyLine() : map.line(), e != null ? e.keyColumn() : map.column(),
                        "missing required key `" + key + "` " + where(path) + found
                                + (example.isEmpty() ? "" : ", e.g. `" + key + ": " + example + "`"));
            }
            return v;
        }

        String string(String key, String defaultValue) {
            YamlNode v = get(key);
            return v == null ? defaultValue : Reader.this.string(v, path(key));
        }

        List<YamlNode> items(String key) {
            YamlNode v = get(key);
            return v == null ? new ArrayList<>() : Reader.this.items(v, path(key));
        }
    }

    /** Optional sign and decimal digits only (YAML's 0x.., 0o.. and 1_000 forms are rejected). */
    static Long parseLong(String text) {
        if (!text.matches("[-+]?[0-9]+")) {
            return null;
        }
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
