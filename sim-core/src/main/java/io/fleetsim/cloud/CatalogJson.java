package io.fleetsim.cloud;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A strict, read-only view of one JSON object of a catalog file, with its JSON-pointer path for messages.
 *
 * <p>Catalog files are bundled with fleetsim, so every problem in them is a bug: accessors throw
 * {@link IllegalStateException} naming the file, the path, what was expected and what was found. Unknown fields
 * are rejected ({@link #allowOnly}) so a typo cannot silently drop a value. Prices must be JSON strings
 * ({@link #decimal}) so that no value ever passes through a {@code double}.
 */
final class CatalogJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private final String file;
    private final String path;
    private final JsonNode node;

    private CatalogJson(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Parses {@code in} (closed afterwards); the root must be an object. */
    static CatalogJson parse(String file, InputStream in) {
        try (InputStream stream = in) {
            JsonNode root = MAPPER.readTree(stream);
            if (root == null || !root.isObject()) {
                throw new IllegalStateException("catalog file " + file + ": expected a JSON object at the root, found "
                        + (root == null ? "an empty file" : root.getNodeType()));
            }
            return new CatalogJson(file, "", root);
        } catch (IOException e) {
            throw new IllegalStateException("catalog file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    String file() {
        return file;
    }

    /** Fails if this object has a field not in {@code allowed}. */
    CatalogJson allowOnly(String... allowed) {
        Set<String> known = new TreeSet<>(List.of(allowed));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw fail("unknown field '" + name + "'; expected one of " + known);
            }
        }
        return this;
    }

    boolean has(String field) {
        return node.has(field);
    }

    CatalogJson object(String field) {
        JsonNode n = required(field);
        if (!n.isObject()) {
            throw fail(field, "an object", n);
        }
        return new CatalogJson(file, path + "/" + field, n);
    }

    List<CatalogJson> objects(String field) {
        JsonNode n = array(field);
        List<CatalogJson> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isObject()) {
                throw fail(field + "/" + i, "an object", e);
            }
            out.add(new CatalogJson(file, path + "/" + field + "/" + i, e));
        }
        return out;
    }

    String text(String field) {
        JsonNode n = required(field);
        if (!n.isTextual() || n.textValue().isBlank()) {
            throw fail(field, "a non-empty string", n);
        }
        return n.textValue();
    }

    List<String> texts(String field) {
        JsonNode n = array(field);
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual() || e.textValue().isBlank()) {
                throw fail(field + "/" + i, "a non-empty string", e);
            }
            out.add(e.textValue());
        }
        return out;
    }

    int integer(String field) {
        JsonNode n = required(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw fail(field, "an integer", n);
        }
        return n.intValue();
    }

    /** An integer that must be at least {@code min}. */
    int integer(String field, int min) {
        int v = integer(field);
        if (v < min) {
            throw fail("field '" + field + "': expected an integer >= " + min + ", found " + v);
        }
        return v;
    }

    List<Integer> integers(String field) {
        JsonNode n = array(field);
        List<Integer> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToInt()) {
                throw fail(field + "/" + i, "an integer", e);
            }
            out.add(e.intValue());
        }
        return out;
    }

    boolean bool(String field) {
        JsonNode n = required(field);
        if (!n.isBoolean()) {
            throw fail(field, "true or false", n);
        }
        return n.booleanValue();
    }

    /** An exact decimal written as a JSON string, e.g. {@code "0.000011244"}; numbers are refused. */
    BigDecimal decimal(String field) {
        JsonNode n = required(field);
        if (!n.isTextual()) {
            throw fail(field, "a decimal written as a string such as \"0.096\" (exact, never a binary double)", n);
        }
        try {
            return new BigDecimal(n.textValue());
        } catch (NumberFormatException e) {
            throw fail(field, "a decimal string such as \"0.096\"", n);
        }
    }

    IllegalStateException fail(String detail) {
        return new IllegalStateException("catalog file " + file + " at " + (path.isEmpty() ? "/" : path) + ": "
                + detail);
    }

    private IllegalStateException fail(String field, String expected, JsonNode found) {
        String shown = found.isTextual() ? "\"" + found.textValue() + "\"" : found.toString();
        return new IllegalStateException("catalog file " + file + " at " + path + "/" + field + ": expected "
                + expected + ", found " + found.getNodeType().toString().toLowerCase(Locale.ROOT) + " "
                + shown);
    }

    private JsonNode required(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            throw fail("missing required field '" + field + "'");
        }
        return n;
    }

    private JsonNode array(String field) {
        JsonNode n = required(field);
        if (!n.isArray()) {
            throw fail(field, "an array", n);
        }
        return n;
    }
}
