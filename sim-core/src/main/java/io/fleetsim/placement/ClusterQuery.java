package io.fleetsim.placement;

import java.util.Objects;

/**
 * A compiled expression of the ECS cluster query language, the language of {@code memberOf} constraints: a
 * predicate over {@link PlacementNode}s. Source: platform-semantics.md section 5.3; AWS
 * {@code cluster-query-language.md} (awsdocs/amazon-ecs-developer-guide).
 *
 * <p>Grammar (precedence {@code not} over {@code and} over {@code or}, parentheses to group):
 * <pre>
 * expression := or
 * or         := and (("||" | "or") and)*
 * and        := unary (("&amp;&amp;" | "and") unary)*
 * unary      := ("!" | "not") unary | "(" or ")" | term
 * term       := subject operator [argument]
 * subject    := agentConnected | agentVersion | attribute:NAME | ec2InstanceId | registeredAt
 *             | runningTasksCount | task:group
 * operator   := == | equals | != | not_equals | &gt; | greater_than | &gt;= | greater_than_equal | &lt; | less_than
 *             | &lt;= | less_than_equal | exists | !exists | not_exists | in | !in | not_in | =~ | matches
 *             | !~ | not_matches
 * argument   := value | "[" value ("," value)* "]"      (a list for in / !in, one value otherwise)
 * value      := bare word | 'single quoted' | "double quoted"
 * </pre>
 * Keywords, subjects and operators are case-sensitive, as AWS spells them. A bare value runs to the next space,
 * parenthesis, bracket or comma (or {@code &&} / {@code ||}): {@code g2.*}, {@code us-east-1a},
 * {@code service:api}. Quote a value holding any of those; quotes have no escapes. Which operators each subject
 * takes is in {@link QuerySubject}, and what they mean in {@link QueryTerms} (in short: {@code =~} is a full
 * match, negations are exact negations, so an absent attribute satisfies {@code !=}).
 *
 * <p>Argument values are checked when parsing: {@code agentConnected} takes {@code true}/{@code false},
 * {@code agentVersion} dotted numbers, {@code runningTasksCount} a whole number, and regexes must compile.
 *
 * <p>Caveats: {@code registeredAt} compares with simulated nanoseconds since scenario start (a whole number,
 * e.g. {@code registeredAt < 3600000000000} for "registered in the first hour"), not with the calendar dates AWS
 * accepts ({@code 2018-02-13}): a simulation has no calendar. AWS says "a single expression can't contain
 * parentheses" yet its own example is {@code not(task:group == database)}; fleetsim accepts parentheses around any
 * expression. Expressions longer than 2000 characters are refused, as by the ECS API (API reference,
 * PlacementConstraint: "The expression can have a maximum length of 2000 characters").
 */
public final class ClusterQuery {

    /** ECS API reference, PlacementConstraint.expression: "a maximum length of 2000 characters". */
    public static final int MAX_LENGTH = 2000;

    private final String expression;
    private final QueryExpr compiled;

    private ClusterQuery(String expression, QueryExpr compiled) {
        this.expression = expression;
        this.compiled = compiled;
    }

    /**
     * Parses and compiles an expression.
     *
     * @throws ClusterQueryException with the column of the first problem, what was expected and what was found
     */
    public static ClusterQuery parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        return new ClusterQuery(expression, new ClusterQueryParser(expression).parse());
    }

    /** Whether the node is a member of the group this expression defines. Allocates nothing. */
    public boolean matches(PlacementNode node) {
        return compiled.test(node);
    }

    /** The expression as given to {@link #parse}. */
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }
}
