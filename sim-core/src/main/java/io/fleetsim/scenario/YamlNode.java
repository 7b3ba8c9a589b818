package io.fleetsim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it was written: the loader's own small tree, built by
 * {@link YamlReader} from Jackson's streaming YAML parser so that every error can name a line and column.
 *
 * <p>Trees are immutable. A variant's overrides ({@link VariantOverrides}) build a new tree that shares every
 * untouched subtree with the base; an overriding value keeps the line and column it has in the variant's
 * {@code set} section, which is how a problem inside an override points at the variant's text.
 */
abstract sealed class YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.ScalarNode {

    private final int line;
    private final int column;

    YamlNode(int line, int column) {
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the node's first character. */
    final int line() {
        return line;
    }

    /** 1-based column of the node's first character. */
    final int column() {
        return column;
    }

    /** What the node is, for "expected X, found Y" messages: {@code a map}, {@code the string "six"}, ... */
    abstract String describe();

    /** A key of a map with the key's own location (unknown-key errors point at the key, not the value). */
    record Entry(String key, int keyLine, int keyColumn, YamlNode value) {
    }

    /** A YAML mapping; keys keep file order. */
    static final class MapNode extends YamlNode {
        private final Map<String, Entry> entries;

        MapNode(int line, int column, Map<String, Entry> entries) {
            super(line, column);
            this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** Entries in file order. */
        Map<String, Entry> entries() {
            return entries;
        }

        Entry entry(String key) {
            return entries.get(key);
        }

        /** A copy with {@code key} set to {@code value}; an existing key keeps its position, a new one goes last. */
        MapNode with(String key, int keyLine, int keyColumn, YamlNode value) {
            Map<String, Entry> copy = new LinkedHashMap<>(entries);
            Entry old = copy.get(key);
            if (old != null) {
                copy.put(key, new Entry(key, old.keyLine(), old.keyColumn(), value));
            } else {
                copy.put(key, new Entry(key, keyLine, keyColumn, value));
            }
            return new MapNode(line(), column(), copy);
        }

        @Override
        String describe() {
            return "a map";
        }
    }

    /** A YAML sequence. */
    static final class ListNode extends YamlNode {
        private final List<YamlNode> items;

        ListNode(int line, int column, List<YamlNode> items) {
            super(line, column);
            this.items = List.copyOf(items);
        }

        List<YamlNode> items() {
            return items;
        }

        /** A copy with item {@code index} replaced. */
        ListNode with(int index, YamlNode value) {
            List<YamlNode> copy = new ArrayList<>(items);
            copy.set(index, value);
            return new ListNode(line(), column(), copy);
        }

        @Override
        String describe() {
            return "a list";
        }
    }

    /** A YAML scalar with the type Jackson's YAML parser resolved and its text exactly as written. */
    static final class ScalarNode extends YamlNode {

        /** The YAML core-schema type of a plain or quoted scalar (quoted scalars are always STRING). */
        enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        private final Kind kind;
        private final String text;

        ScalarNode(int line, int column, Kind kind, String text) {
            super(line, column);
            this.kind = kind;
            this.text = text;
        }

        Kind kind() {
            return kind;
        }

        String text() {
            return text;
        }

        boolean isNull() {
            return kind == Kind.NULL;
        }

        @Override
        String describe() {
            switch (kind) {
                case STRING:
                    return "the string \"" + text + "\"";
                case INTEGER:
                    return "the integer " + text;
                case FLOAT:
                    return "the number " + text;
                case BOOLEAN:
                    return "the boolean " + text;
                default:
                    return "null";
            }
        }
    }
}
