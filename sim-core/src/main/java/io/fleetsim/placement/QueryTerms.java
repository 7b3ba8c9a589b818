package io.fleetsim.placement;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple expressions ({@code subject operator [argument]}) of the cluster query language, compiled: arguments
 * are parsed and regexes compiled once, so testing a node allocates nothing. Semantics (platform-semantics.md
 * section 5.3; AWS {@code cluster-query-language.md}), with fleetsim's choices where AWS is silent:
 * <ul>
 *   <li>every negated operator ({@code !=}, {@code !in}, {@code !~}, {@code !exists}) is exactly the negation of
 *       its positive form, so a node without the attribute satisfies {@code attribute:x != v};</li>
 *   <li>{@code =~} is a full match of the Java regex over the value ({@link Matcher#matches()}, like
 *       {@code String.matches}): AWS names {@code java.util.regex.Pattern} but not the matching mode, and the AWS
 *       example {@code g2.*} only reads as a pattern for the whole instance type;</li>
 *   <li>{@code agentConnected} is the string {@code true} or {@code false};</li>
 *   <li>{@code agentVersion} compares as dotted numbers ({@code 1.9 < 1.14.5}), missing parts counting as 0;</li>
 *   <li>{@code task:group == G} holds if the node runs at least one task of group G.</li>
 * </ul>
 */
final class QueryTerms {

    private QueryTerms() {
    }

    /** A string-valued subject. */
    interface StringField {
        /** The value, or {@code null} when the node has none (an absent attribute). */
        String of(PlacementNode node);
    }

    static final StringField EC2_INSTANCE_ID = PlacementNode::ec2InstanceId;
    static final StringField AGENT_CONNECTED = node -> node.agentConnected() ? "true" : "false";

    /** {@code ==}, {@code in}, {@code =~}, {@code exists} and their negations over a string subject. */
    static final class StringTerm implements QueryExpr {
        private final StringField field;
        private final boolean negated;
        /** One value for {@code ==}, the list for {@code in}; {@code null} for the other operators. */
        private final String[] values;
        /** For {@code =~}; one matcher per thread, reset per test. */
        private final ThreadLocal<Matcher> matcher;
        private final boolean exists;

        private StringTerm(StringField field, boolean negated, String[] values, Pattern pattern, boolean exists) {
            this.field = field;
            this.negated = negated;
            this.values = values;
            this.matcher = pattern == null ? null : ThreadLocal.withInitial(() -> pattern.matcher(""));
            this.exists = exists;
        }

        static StringTerm equalsAny(StringField field, boolean negated, String... values) {
            return new StringTerm(field, negated, values.clone(), null, false);
        }

        static StringTerm matches(StringField field, boolean negated, Pattern pattern) {
            return new StringTerm(field, negated, null, pattern, false);
        }

        static StringTerm exists(StringField field, boolean negated) {
            return new StringTerm(field, negated, null, null, true);
        }

        @Override
        public boolean test(PlacementNode node) {
            String value = field.of(node);
            boolean positive;
            if (value == null) {
                positive = false;
            } else if (exists) {
                positive = true;
            } else if (matcher != null) {
                positive = matcher.get().reset(value).matches();
            } else {
                positive = contains(values, value);
            }
            return positive != negated;
        }
    }

    /** Ordering comparisons over {@code runningTasksCount} or {@code registeredAt} (simulated nanoseconds). */
    static final class NumberTerm implements QueryExpr {
        private final boolean registeredAt;
        private final QueryOperator op;
        private final long argument;

        NumberTerm(boolean registeredAt, QueryOperator op, long argument) {
            this.registeredAt = registeredAt;
            this.op = op;
            this.argument = argument;
        }

        @Override
        public boolean test(PlacementNode node) {
            long value = registeredAt ? node.registeredAtNanos() : node.runningTasksCount();
            return op.holds(Long.compare(value, argument));
        }
    }

    /** Ordering comparisons over {@code agentVersion}, as dotted numbers. */
    static final class VersionTerm implements QueryExpr {
        private final QueryOperator op;
        private final String argument;

        VersionTerm(QueryOperator op, String argument) {
            this.op = op;
            this.argument = argument;
        }

        @Override
        public boolean test(PlacementNode node) {
            return op.holds(compareVersions(node.agentVersion(), argument));
        }
    }

    /** {@code task:group} {@code ==}/{@code in} (and negations): the node runs a task of one of the groups. */
    static final class GroupTerm implements QueryExpr {
        private final boolean negated;
        private final String[] groups;

        GroupTerm(boolean negated, String... groups) {
            this.negated = negated;
            this.groups = groups.clone();
        }

        @Override
        public boolean test(PlacementNode node) {
            boolean positive = false;
            for (String group : groups) {
                if (node.tasksInGroup(group) > 0) {
                    positive = true;
                    break;
                }
            }
            return positive != negated;
        }
    }

    private static boolean contains(String[] values, String value) {
        for (String v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares dotted versions numerically part by part ({@code 1.9 < 1.14.5}, {@code 1.14 == 1.14.0}), without
     * allocating.
     *
     * @throws IllegalArgumentException if either has a part that is not a decimal number
     */
    static int compareVersions(String a, String b) {
        int i = 0;
        int j = 0;
        final int la = a.length();
        final int lb = b.length();
        while (i < la || j < lb) {
            long x = 0;
            for (; i < la && a.charAt(i) != '.'; i++) {
                x = x * 10 + digit(a, i);
            }
            long y = 0;
            for (; j < lb && b.charAt(j) != '.'; j++) {
                y = y * 10 + digit(b, j);
            }
            if (x != y) {
                return x < y ? -1 : 1;
            }
            i++; // skip the dot (or step past the end)
            j++;
        }
        return 0;
    }

    private static int digit(String version, int index) {
        char c = version.charAt(index);
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("agent version '" + version
                    + "' is not dotted decimal numbers (like 1.88.0): found '" + c + "' at index " + index);
        }
        return c - '0';
    }
}
