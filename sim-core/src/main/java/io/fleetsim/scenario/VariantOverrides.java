package io.fleetsim.scenario;

import io.fleetsim.text.NearMiss;
import io.fleetsim.scenario.YamlNode.Entry;
import io.fleetsim.scenario.YamlNode.ListNode;
import io.fleetsim.scenario.YamlNode.MapNode;
import io.fleetsim.scenario.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code variants} section: each variant is the base tree with its {@code set} overrides applied, in the
 * order written.
 *
 * <p>A {@code set} key is a dot-separated path. In a map a segment is a key (a key that itself contains dots, such
 * as a custom attribute {@code team.name}, is matched whole: the longest run of segments that names an existing
 * key wins); in a list a segment is an item's {@code name} ({@code services.api}) or a 0-based index
 * ({@code services.0}). {@code set} replaces the value at the path; when only the last key is missing from its
 * map, it is added. A path that matches nothing is an error naming the variant, the path, what exists there and
 * the near miss.
 *
 * <p>The replacing value keeps its own line:column (in the variant's {@code set}), so a problem found inside it
 * points at the variant's text.
 */
final class VariantOverrides {

    static final List<String> KEYS = List.of("name", "description", "set");
    /** Variant names appear in report file names: a conservative alphabet. */
    static final Pattern VARIANT_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    /** Name of the only variant of a file without {@code variants}. */
    static final String DEFAULT_VARIANT = "default";
    /** Top-level keys every variant shares. */
    static final List<String> SHARED = List.of("name", "seed", "variants");

    /** One override: the path as written, its segments, and the {@code set} entry (key location and value). */
    record Override(String path, String[] segments, Entry entry) {
    }

    /** A declared variant: its index in {@code variants}, name and overrides. */
    record Variant(int index, String name, List<Override> overrides) {
    }

    private VariantOverrides() {
    }

    /**
     * The variants declared under {@code variants}, or one {@link #DEFAULT_VARIANT} without overrides. Variants
     * whose declaration is wrong (no name, duplicate name) are reported and left out.
     */
    static List<Variant> declared(YamlNode root, Problems problems) {
        List<Variant> out = new ArrayList<>();
        Entry e = root instanceof MapNode ? ((MapNode) root).entry("variants") : null;
        if (e == null || e.value() instanceof ScalarNode && ((ScalarNode) e.value()).isNull()) {
            out.add(new Variant(-1, DEFAULT_VARIANT, List.of()));
            return out;
        }
        Reader r = new Reader(problems);
        List<YamlNode> items = r.items(e.value(), "variants");
        if (items.isEmpty() && e.value() instanceof ListNode) {
            out.add(new Variant(-1, DEFAULT_VARIANT, List.of()));
            return out;
        }
        Map<String, YamlNode> seen = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = Reader.item("variants", i);
            int before = problems.size();
            Reader.Fields f = r.fields(items.get(i), path, KEYS, Map.of());
            if (f == null) {
                continue;
            }
            YamlNode nameNode = f.required("name", "ec2-m6i");
            String name = nameNode == null ? null : r.nonBlank(nameNode, f.path("name"));
            if (name != null && !VARIANT_NAME.matcher(name).matches()) {
                problems.at(nameNode, f.path("name"), "variant name `" + name + "` is not valid: use letters, "
                        + "digits, `.`, `_` and `-`");
            } else if (name != null && seen.putIfAbsent(name, nameNode) != null) {
                problems.at(nameNode, f.path("name"), "duplicate variant name `" + name + "` (first defined at line "
                        + seen.get(name).line() + "); variant names must be unique");
            }
            f.string("description", "");
            List<Override> overrides = new ArrayList<>();
            if (f.has("set")) {
                MapNode set = r.map(f.get("set"), f.path("set"));
                for (Entry s : set == null ? List.<Entry>of() : set.entries().values()) {
                    Override o = override(s, f.path("set"), name, problems);
                    if (o != null) {
                        overrides.add(o);
                    }
                }
            }
            if (problems.size() == before) {
                out.add(new Variant(i, name, overrides));
            }
        }
        return out;
    }

    private static Override override(Entry s, String setPath, String variant, Problems problems) {
        String path = s.key();
        String where = setPath + ".\"" + path + "\"";
        String[] segments = path.split("\\.", -1);
        for (String seg : segments) {
            if (seg.isEmpty()) {
                problems.atKey(s, where, "variant " + variant + ": path `" + path + "` has an empty segment; write "
                        + "dot-separated keys, names or indexes, e.g. `services.api.desiredCount`");
                return null;
            }
        }
        if (SHARED.contains(segments[0])) {
            problems.atKey(s, where, "variant " + variant + ": `" + segments[0] + "` is shared by all variants "
                    + "and cannot be set per variant");
            return null;
        }
        return new Override(path, segments, s);
    }

    /** The variant's tree, or {@code null} when one of its paths matches nothing (reported). */
    static YamlNode apply(YamlNode root, Variant v, Problems problems) {
        YamlNode tree = root;
        boolean ok = true;
        for (Override o : v.overrides()) {
            YamlNode next = replace(tree, o, 0, "", v, problems);
            if (next == null) {
                ok = false;
            } else {
                tree = next;
            }
        }
        return ok ? tree : null;
    }

    private static YamlNode replace(YamlNode node, Override o, int i, String where, Variant v, Problems problems) {
        String[] segs = o.segments();
        if (node instanceof MapNode) {
            MapNode map = (MapNode) node;
            for (int j = segs.length; j > i; j--) {
                String key = String.join(".", java.util.Arrays.copyOfRange(segs, i, j));
                Entry e = map.entry(key);
                if (e != null) {
                    YamlNode value = j == segs.length ? o.entry().value()
                            : replace(e.value(), o, j, join(where, key), v, problems);
                    return value == null ? null : map.with(key, e.keyLine(), e.keyColumn(), value);
                }
            }
            if (i == segs.length - 1) {
                return map.with(segs[i], o.entry().keyLine(), o.entry().keyColumn(), o.entry().value());
            }
            List<String> keys = new ArrayList<>(map.entries().keySet());
            String notSet = where.isEmpty() && ScenarioBinder.KEYS.contains(segs[i])
                    ? " (the base scenario does not set `" + segs[i] + "`: set the whole `" + segs[i] + "` map instead)"
                    : "";
            fail(o, v, problems, "no key `" + segs[i] + "` " + (where.isEmpty() ? "at the top level" : "in `" + where
                    + "`") + notSet + NearMiss.hintAndList(segs[i], keys, "keys there"));
            return null;
        }
        if (node instanceof ListNode) {
            ListNode list = (ListNode) node;
            String seg = segs[i];
            int index = indexOf(list, seg);
            if (index < 0) {
                List<String> names = names(list);
                if (seg.matches("[0-9]+")) {
                    fail(o, v, problems, "index " + seg + " is out of range: `" + where + "` has " + list.items().size()
                            + " items");
                } else {
                    fail(o, v, problems, "no item named `" + seg + "` in `" + where + "`"
                            + NearMiss.hintAndList(seg, names, "items"));
                }
                return null;
            }
            YamlNode value = i == segs.length - 1 ? o.entry().value()
                    : replace(list.items().get(index), o, i + 1, join(where, seg), v, problems);
            return value == null ? null : list.with(index, value);
        }
        fail(o, v, problems, "`" + where + "` is " + node.describe() + "; there is nothing inside it to address with `"
                + segs[i] + "`");
        return null;
    }

    private static int indexOf(ListNode list, String seg) {
        if (seg.matches("[0-9]+")) {
            long index = Long.parseLong(seg.length() > 9 ? "999999999" : seg);
            return index < list.items().size() ? (int) index : -1;
        }
        for (int k = 0; k < list.items().size(); k++) {
            if (seg.equals(nameOf(list.items().get(k)))) {
                return k;
            }
        }
        return -1;
    }

    private static List<String> names(ListNode list) {
        List<String> names = new ArrayList<>();
        for (YamlNode item : list.items()) {
            String n = nameOf(item);
            if (n != null) {
                names.add(n);
            }
        }
        return names;
    }

    private static String nameOf(YamlNode item) {
        if (item instanceof MapNode) {
            Entry e = ((MapNode) item).entry("name");
            if (e != null && e.value() instanceof ScalarNode && !((ScalarNode) e.value()).isNull()) {
                return ((ScalarNode) e.value()).text();
            }
        }
        return null;
    }

    private static String join(String where, String seg) {
        return where.isEmpty() ? seg : where + "." + seg;
    }

    private static void fail(Override o, Variant v, Problems problems, String why) {
        problems.atKey(o.entry(), Reader.item("variants", v.index()) + ".set.\"" + o.path() + "\"", "variant "
                + v.name() + ": path `" + o.path() + "` matches nothing: " + why);
    }
}
