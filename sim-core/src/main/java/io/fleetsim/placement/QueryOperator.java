package io.fleetsim.placement;

/**
 * Operators of the ECS cluster query language, each with its symbol and its word form. Source: platform-semantics.md
 * section 5.3; AWS {@code cluster-query-language.md} (awsdocs/amazon-ecs-developer-guide), operator table.
 */
enum QueryOperator {
    EQUALS("==", "equals"),
    NOT_EQUALS("!=", "not_equals"),
    GREATER_THAN(">", "greater_than"),
    GREATER_THAN_EQUAL(">=", "greater_than_equal"),
    LESS_THAN("<", "less_than"),
    LESS_THAN_EQUAL("<=", "less_than_equal"),
    EXISTS("exists", "exists"),
    NOT_EXISTS("!exists", "not_exists"),
    IN("in", "in"),
    NOT_IN("!in", "not_in"),
    MATCHES("=~", "matches"),
    NOT_MATCHES("!~", "not_matches");

    private final String symbol;
    private final String word;

    QueryOperator(String symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    /** The operator spelled as a word ({@code equals}, {@code not_in} ...), or {@code null}. */
    static QueryOperator fromWord(String word) {
        for (QueryOperator op : values()) {
            if (op.word.equals(word)) {
                return op;
            }
        }
        return null;
    }

    /** Whether the operator is the negation of a positive test ({@code !=}, {@code !exists}, {@code !in}, ...). */
    boolean negated() {
        return this == NOT_EQUALS || this == NOT_EXISTS || this == NOT_IN || this == NOT_MATCHES;
    }

    /** Whether a comparison that came out {@code cmp} (negative, zero, positive) satisfies this operator. */
    boolean holds(int cmp) {
        switch (this) {
            case EQUALS: return cmp == 0;
            case NOT_EQUALS: return cmp != 0;
            case GREATER_THAN: return cmp > 0;
            case GREATER_THAN_EQUAL: return cmp >= 0;
            case LESS_THAN: return cmp < 0;
            case LESS_THAN_EQUAL: return cmp <= 0;
            default: throw new IllegalStateException(this + " is not a comparison");
        }
    }

    /** {@code ==/equals}, or just {@code exists} when symbol and word are one. */
    String display() {
        return symbol.equals(word) ? symbol : symbol + "/" + word;
    }

    String symbol() {
        return symbol;
    }
}
