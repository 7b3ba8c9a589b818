package io.fleetsim.placement;

import static io.fleetsim.placement.QueryOperator.EQUALS;
import static io.fleetsim.placement.QueryOperator.EXISTS;
import static io.fleetsim.placement.QueryOperator.GREATER_THAN;
import static io.fleetsim.placement.QueryOperator.GREATER_THAN_EQUAL;
import static io.fleetsim.placement.QueryOperator.IN;
import static io.fleetsim.placement.QueryOperator.LESS_THAN;
import static io.fleetsim.placement.QueryOperator.LESS_THAN_EQUAL;
import static io.fleetsim.placement.QueryOperator.MATCHES;
import static io.fleetsim.placement.QueryOperator.NOT_EQUALS;
import static io.fleetsim.placement.QueryOperator.NOT_EXISTS;
import static io.fleetsim.placement.QueryOperator.NOT_IN;
import static io.fleetsim.placement.QueryOperator.NOT_MATCHES;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Subjects of the ECS cluster query language and the operators each accepts. Source: platform-semantics.md section
 * 5.3; AWS {@code cluster-query-language.md}, "Subject", which lists the valid operators of every subject except
 * {@code attribute:} and {@code task:group}.
 *
 * <p>For those two fleetsim decides: {@code attribute:NAME} takes the string operators and {@code exists} /
 * {@code !exists} (an attribute is the only subject that can be absent); {@code task:group} takes {@code ==},
 * {@code !=}, {@code in}, {@code !in} (the AWS examples use {@code ==} and {@code not(...)}; a pattern over groups
 * would need the list of a node's groups, which {@link PlacementNode} does not expose).
 *
 * <p>Caveats: ordering operators on attributes are rejected, since AWS does not say how attribute values order.
 */
enum QuerySubject {
    AGENT_CONNECTED("agentConnected", EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, MATCHES, NOT_MATCHES)),
    AGENT_VERSION("agentVersion", EnumSet.of(EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUAL, LESS_THAN,
            LESS_THAN_EQUAL)),
    ATTRIBUTE("attribute:<name>", EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, MATCHES, NOT_MATCHES, EXISTS,
            NOT_EXISTS)),
    EC2_INSTANCE_ID("ec2InstanceId", EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, MATCHES, NOT_MATCHES)),
    REGISTERED_AT("registeredAt", EnumSet.of(EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUAL, LESS_THAN,
            LESS_THAN_EQUAL)),
    RUNNING_TASKS_COUNT("runningTasksCount", EnumSet.of(EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_EQUAL,
            LESS_THAN, LESS_THAN_EQUAL)),
    TASK_GROUP("task:group", EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN));

    static final String ATTRIBUTE_PREFIX = "attribute:";

    private static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>();
        for (QuerySubject s : values()) {
            names.add(s.spelling);
        }
        NAMES = Collections.unmodifiableList(names);
    }

    private final String spelling;
    private final Set<QueryOperator> operators;

    QuerySubject(String spelling, Set<QueryOperator> operators) {
        this.spelling = spelling;
        this.operators = operators;
    }

    /** The subject a word names, or {@code null}; any word starting {@code attribute:} is {@link #ATTRIBUTE}. */
    static QuerySubject of(String word) {
        if (word.startsWith(ATTRIBUTE_PREFIX)) {
            return ATTRIBUTE;
        }
        for (QuerySubject s : values()) {
            if (s != ATTRIBUTE && s.spelling.equals(word)) {
                return s;
            }
        }
        return null;
    }

    /** Every subject as written, {@code attribute:<name>} for attributes, in the AWS documentation's order. */
    static List<String> names() {
        return NAMES;
    }

    boolean accepts(QueryOperator op) {
        return operators.contains(op);
    }

    /** The accepted operators for a message: {@code ==/equals, !=/not_equals, ...}. */
    String operatorList() {
        StringJoiner joiner = new StringJoiner(", ");
        for (QueryOperator op : operators) {
            joiner.add(op.display());
        }
        return joiner.toString();
    }

    String spelling() {
        return spelling;
    }
}
