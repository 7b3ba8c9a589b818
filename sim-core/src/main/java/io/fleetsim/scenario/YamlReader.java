package io.fleetsim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fleetsim.scenario.YamlNode.Entry;
import io.fleetsim.scenario.YamlNode.ScalarNode.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link YamlNode} tree with line:column on every node, using Jackson's streaming YAML
 * parser (SnakeYAML underneath).
 *
 * <p>Why not {@code ObjectMapper.readTree}: Jackson's {@code JsonNode} forgets locations and silently keeps the
 * last of two duplicate keys. Reading the token stream ourselves keeps each node's {@code currentTokenLocation()},
 * each key's own location, key order, and reports duplicate keys.
 *
 * <p>Rejected with a problem (never a stack trace): syntax errors (at SnakeYAML's "problem mark"), duplicate
 * keys, aliases ({@code *name}: Jackson's streaming parser would hand back the alias name as a string, which
 * would be silently wrong), more than one YAML document, and an empty file.
 */
final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /** The root node, or {@code null} when the text is not readable YAML (the reason is in {@code problems}). */
    static YamlNode read(String text, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add("$", 1, 1, "the file is empty; a scenario is a YAML map with at least `name`, "
                        + "`duration`, `region` and `clusters`");
                return null;
            }
            YamlNode root = value(parser, first, "$", problems);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add("$", at.getLineNr(), at.getColumnNr(),
                        "a second YAML document starts here; a scenario file holds exactly one document");
            }
            return root;
        } catch (StreamReadException e) {
            syntaxProblem(e, problems);
            return null;
        } catch (IOException e) {
            // Parsing an in-memory String performs no I/O; Jackson still declares IOException.
            problems.add("$", 0, 0, "cannot read the YAML text: " + e.getMessage());
            return null;
        }
    }

    private static YamlNode value(JsonParser p, JsonToken token, String path, Problems problems) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (token) {
            case START_OBJECT:
                return map(p, line, column, path, problems);
            case START_ARRAY:
                return list(p, line, column, path, problems);
            case VALUE_STRING:
                if (p instanceof YAMLParser && ((YAMLParser) p).isCurrentAlias()) {
                    problems.add(path, line, column, "YAML aliases (`*" + p.getText()
                            + "`) are not supported; write the value out in full");
                    return new YamlNode.ScalarNode(line, column, Kind.NULL, "");
                }
                return new YamlNode.ScalarNode(line, column, Kind.STRING, p.getText());
            case VALUE_NUMBER_INT:
                return new YamlNode.ScalarNode(line, column, Kind.INTEGER, p.getText());
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.ScalarNode(line, column, Kind.FLOAT, p.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.ScalarNode(line, column, Kind.BOOLEAN, p.getText());
            case VALUE_NULL:
                return new YamlNode.ScalarNode(line, column, Kind.NULL, "");
            default:
                // VALUE_EMBEDDED_OBJECT (binary !!binary scalars) and anything else Jackson may add.
                problems.add(path, line, column, "unsupported YAML value (" + token + ")");
                return new YamlNode.ScalarNode(line, column, Kind.NULL, "");
        }
    }

    private static YamlNode map(JsonParser p, int line, int column, String path, Problems problems)
            throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation keyAt = p.currentTokenLocation();
            String childPath = "$".equals(path) ? key : path + "." + key;
            YamlNode child = value(p, p.nextToken(), childPath, problems);
            Entry entry = new Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), child);
            Entry first = entries.get(key);
            if (first != null) {
                problems.atKey(entry, childPath, "duplicate key `" + key + "` (first given at line "
                        + first.keyLine() + ":" + first.keyColumn() + "); each key may appear once");
            } else {
                entries.put(key, entry);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IllegalStateException("YAML parser produced " + t + " inside a mapping at " + path);
        }
        return new YamlNode.MapNode(line, column, entries);
    }

    private static YamlNode list(JsonParser p, int line, int column, String path, Problems problems)
            throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IllegalStateException("YAML parser ended inside a sequence at " + path);
            }
            items.add(value(p, t, path + "[" + items.size() + "]", problems));
        }
        return new YamlNode.ListNode(line, column, items);
    }

    /**
     * SnakeYAML's own exception carries the exact "problem mark" (0-based) and a context ("while parsing a flow
     * sequence ... line 1, column 4"); Jackson's wrapper location can point at the context instead, so prefer the
     * SnakeYAML marks when present.
     */
    private static void syntaxProblem(StreamReadException e, Problems problems) {
        if (e.getCause() instanceof MarkedYAMLException) {
            MarkedYAMLException y = (MarkedYAMLException) e.getCause();
            org.yaml.snakeyaml.error.Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
            StringBuilder message = new StringBuilder("YAML syntax error: ").append(oneLine(y.getProblem()));
            if (y.getContext() != null && y.getContextMark() != null) {
                message.append(" (").append(oneLine(y.getContext())).append(" started at line ")
                        .append(y.getContextMark().getLine() + 1).append(':')
                        .append(y.getContextMark().getColumn() + 1).append(')');
            }
            if (mark != null) {
                problems.add("$", mark.getLine() + 1, mark.getColumn() + 1, message.toString());
                return;
            }
        }
        JsonLocation at = e.getLocation();
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Expected a field name")) {
            // Jackson's message names a SnakeYAML event class; say what the user wrote instead.
            original = "map keys must be plain scalars (complex keys such as `? [a, b]` are not supported)";
        }
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        problems.add("$", Math.max(line, 0), Math.max(column, 0), "YAML syntax error: " + oneLine(original));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
