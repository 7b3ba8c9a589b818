package io.fleetsim.placement;

import io.fleetsim.text.NearMiss;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Hand-written recursive-descent parser for {@link ClusterQuery} (grammar in its Javadoc). It reads characters
 * directly, with no separate token stream, because what a token is depends on the position: after an operator,
 * {@code g2.*} or {@code service:api} is one value, while a subject or keyword stops at operator characters so
 * that {@code runningTasksCount==1} needs no spaces. Every error is a {@link ClusterQueryException} naming the
 * 1-based column, what was expected and what was found.
 */
final class ClusterQueryParser {

    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})*");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final Pattern CALENDAR_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}.*");
    private static final int FOUND_MAX_CHARS = 24;

    private final String src;
    private final int length;
    private int pos;

    ClusterQueryParser(String src) {
        this.src = src;
        this.length = src.length();
    }

    QueryExpr parse() {
        if (length > ClusterQuery.MAX_LENGTH) {
            throw error(ClusterQuery.MAX_LENGTH + 1, "expected at most " + ClusterQuery.MAX_LENGTH
                    + " characters (the ECS API limit), found " + length);
        }
        QueryExpr expr = parseOr();
        skipSpaces();
        if (pos < length) {
            throw error(pos + 1, "expected 'and', '&&', 'or', '||' or the end of the expression, found " + found());
        }
        return expr;
    }

    private QueryExpr parseOr() {
        QueryExpr left = parseAnd();
        while (acceptKeyword("||", "or")) {
            left = new QueryExpr.Or(left, parseAnd());
        }
        return left;
    }

    private QueryExpr parseAnd() {
        QueryExpr left = parseUnary();
        while (acceptKeyword("&&", "and")) {
            left = new QueryExpr.And(left, parseUnary());
        }
        return left;
    }

    private QueryExpr parseUnary() {
        skipSpaces();
        int start = pos;
        if (pos < length && src.charAt(pos) == '(') {
            pos++;
            QueryExpr inner = parseOr();
            skipSpaces();
            if (pos >= length || src.charAt(pos) != ')') {
                throw error(pos + 1, "expected 'and', 'or' or ')' to close the '(' at column " + (start + 1)
                        + ", found " + found());
            }
            pos++;
            return inner;
        }
        if (pos < length && src.charAt(pos) == '!') {
            pos++;
            return new QueryExpr.Not(parseUnary());
        }
        String word = readWord();
        if (word.equals("not")) {
            return new QueryExpr.Not(parseUnary());
        }
        if (word.isEmpty()) {
            throw error(start + 1, "expected a subject (" + String.join(", ", QuerySubject.names())
                    + "), '(', '!' or 'not', found " + found());
        }
        return parseTerm(word, start);
    }

    /** {@code subject operator [argument]}, the subject already read. */
    private QueryExpr parseTerm(String subjectWord, int subjectStart) {
        QuerySubject subject = QuerySubject.of(subjectWord);
        if (subject == null) {
            throw error(subjectStart + 1, "unknown subject '" + subjectWord + "'; expected one of "
                    + String.join(", ", QuerySubject.names()) + NearMiss.hint(subjectWord, QuerySubject.names()));
        }
        String attributeName = null;
        if (subject == QuerySubject.ATTRIBUTE) {
            attributeName = subjectWord.substring(QuerySubject.ATTRIBUTE_PREFIX.length());
            if (attributeName.isEmpty()) {
                throw error(subjectStart + 1, "expected an attribute name after 'attribute:' (like"
                        + " attribute:ecs.instance-type), found none");
            }
        }
        skipSpaces();
        int opStart = pos;
        QueryOperator op = readOperator(subject);
        if (!subject.accepts(op)) {
            throw error(opStart + 1, "operator '" + op.symbol() + "' does not apply to " + subject.spelling()
                    + "; it takes " + subject.operatorList());
        }
        switch (op) {
            case EXISTS:
            case NOT_EXISTS:
                return QueryTerms.StringTerm.exists(new NodeAttribute(attributeName)::of, op.negated());
            case IN:
            case NOT_IN:
                return listTerm(subject, attributeName, op);
            default:
                return valueTerm(subject, attributeName, op);
        }
    }

    private QueryExpr valueTerm(QuerySubject subject, String attributeName, QueryOperator op) {
        skipSpaces();
        int valueStart = pos;
        String value = readValue("a value after '" + op.symbol() + "'");
        switch (subject) {
            case AGENT_VERSION:
                if (!VERSION.matcher(value).matches()) {
                    throw error(valueStart + 1, "expected an agent version of dotted numbers (like 1.14.5), found '"
                            + value + "'");
                }
                return new QueryTerms.VersionTerm(op, value);
            case REGISTERED_AT:
                return new QueryTerms.NumberTerm(true, op, registeredAt(value, valueStart));
            case RUNNING_TASKS_COUNT:
                if (!WHOLE_NUMBER.matcher(value).matches()) {
                    throw error(valueStart + 1, "expected a whole number of tasks, found '" + value + "'");
                }
                return new QueryTerms.NumberTerm(false, op, Long.parseLong(value));
            case TASK_GROUP:
                return new QueryTerms.GroupTerm(op.negated(), value);
            default:
                break;
        }
        QueryTerms.StringField field = stringField(subject, attributeName);
        if (op == QueryOperator.MATCHES || op == QueryOperator.NOT_MATCHES) {
            return QueryTerms.StringTerm.matches(field, op.negated(), regex(value, valueStart));
        }
        checkStringValue(subject, value, valueStart);
        return QueryTerms.StringTerm.equalsAny(field, op.negated(), value);
    }

    private QueryExpr listTerm(QuerySubject subject, String attributeName, QueryOperator op) {
        skipSpaces();
        if (pos >= length || src.charAt(pos) != '[') {
            throw error(pos + 1, "expected '[' to start the argument list of '" + op.symbol()
                    + "' (like [a, b]), found " + found());
        }
        pos++;
        List<String> values = new ArrayList<>();
        while (true) {
            skipSpaces();
            int valueStart = pos;
            String value = readValue("a value in the argument list");
            checkStringValue(subject, value, valueStart);
            values.add(value);
            skipSpaces();
            if (pos < length && src.charAt(pos) == ',') {
                pos++;
            } else if (pos < length && src.charAt(pos) == ']') {
                pos++;
                break;
            } else {
                throw error(pos + 1, "expected ',' or ']' in the argument list, found " + found());
            }
        }
        String[] array = values.toArray(new String[0]);
        if (subject == QuerySubject.TASK_GROUP) {
            return new QueryTerms.GroupTerm(op.negated(), array);
        }
        return QueryTerms.StringTerm.equalsAny(stringField(subject, attributeName), op.negated(), array);
    }

    private static QueryTerms.StringField stringField(QuerySubject subject, String attributeName) {
        switch (subject) {
            case AGENT_CONNECTED:
                return QueryTerms.AGENT_CONNECTED;
            case EC2_INSTANCE_ID:
                return QueryTerms.EC2_INSTANCE_ID;
            case ATTRIBUTE:
                return new NodeAttribute(attributeName)::of;
            default:
                throw new IllegalStateException(subject + " is not a string subject");
        }
    }

    /** {@code agentConnected} compares with the strings {@code true} and {@code false} only. */
    private void checkStringValue(QuerySubject subject, String value, int valueStart) {
        if (subject == QuerySubject.AGENT_CONNECTED && !value.equals("true") && !value.equals("false")) {
            throw error(valueStart + 1, "expected true or false for agentConnected, found '" + value + "'");
        }
    }

    private long registeredAt(String value, int valueStart) {
        if (WHOLE_NUMBER.matcher(value).matches()) {
            return Long.parseLong(value);
        }
        if (CALENDAR_DATE.matcher(value).matches()) {
            throw error(valueStart + 1, "expected simulated nanoseconds since scenario start (like"
                    + " registeredAt < 3600000000000 for the first hour), found the date '" + value
                    + "': a simulation has no calendar");
        }
        throw error(valueStart + 1, "expected simulated nanoseconds since scenario start (a whole number), found '"
                + value + "'");
    }

    private Pattern regex(String value, int valueStart) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw error(valueStart + 1, "expected a Java regular expression, found '" + value + "': "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private QueryOperator readOperator(QuerySubject subject) {
        int start = pos;
        if (pos < length) {
            char c = src.charAt(pos);
            char next = pos + 1 < length ? src.charAt(pos + 1) : '\0';
            QueryOperator symbolic = null;
            int width = 2;
            if (c == '=' && next == '=') {
                symbolic = QueryOperator.EQUALS;
            } else if (c == '=' && next == '~') {
                symbolic = QueryOperator.MATCHES;
            } else if (c == '!' && next == '=') {
                symbolic = QueryOperator.NOT_EQUALS;
            } else if (c == '!' && next == '~') {
                symbolic = QueryOperator.NOT_MATCHES;
            } else if (c == '>') {
                symbolic = next == '=' ? QueryOperator.GREATER_THAN_EQUAL : QueryOperator.GREATER_THAN;
                width = next == '=' ? 2 : 1;
            } else if (c == '<') {
                symbolic = next == '=' ? QueryOperator.LESS_THAN_EQUAL : QueryOperator.LESS_THAN;
                width = next == '=' ? 2 : 1;
            }
            if (symbolic != null) {
                pos += width;
                return symbolic;
            }
            if (c == '!') {
                pos++;
                String word = readWord();
                if (word.equals("exists")) {
                    return QueryOperator.NOT_EXISTS;
                }
                if (word.equals("in")) {
                    return QueryOperator.NOT_IN;
                }
                pos = start;
            } else if (c != '=') {
                QueryOperator byWord = QueryOperator.fromWord(readWord());
                if (byWord != null) {
                    return byWord;
                }
                pos = start;
            }
        }
        String hint = pos < length && src.charAt(pos) == '=' ? "; did you mean `==`?" : "";
        throw error(start + 1, "expected an operator for " + subject.spelling() + " (" + subject.operatorList()
                + "), found " + found() + hint);
    }

    /** Subjects and keywords: up to a space or a character that is punctuation in the language. */
    private String readWord() {
        int start = pos;
        while (pos < length && !endsWord(src.charAt(pos))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || "()[],'\"=!<>~&|".indexOf(c) >= 0;
    }

    /** A quoted value, or a bare one up to a space, parenthesis, bracket, comma, {@code &&} or {@code ||}. */
    private String readValue(String expected) {
        int start = pos;
        if (pos >= length) {
            throw error(start + 1, "expected " + expected + ", found end of expression");
        }
        char c = src.charAt(pos);
        if (c == '\'' || c == '"') {
            int close = src.indexOf(c, pos + 1);
            if (close < 0) {
                throw error(start + 1, "expected a closing " + c + " for the value opened here, found end of"
                        + " expression");
            }
            pos = close + 1;
            return src.substring(start + 1, close);
        }
        while (pos < length && !endsBareValue(pos)) {
            pos++;
        }
        if (pos == start) {
            throw error(start + 1, "expected " + expected + ", found " + found()
                    + " (quote a value that holds spaces, parentheses, brackets or commas)");
        }
        return src.substring(start, pos);
    }

    private boolean endsBareValue(int at) {
        char c = src.charAt(at);
        if (Character.isWhitespace(c) || "()[],".indexOf(c) >= 0) {
            return true;
        }
        char next = at + 1 < length ? src.charAt(at + 1) : '\0';
        return (c == '&' && next == '&') || (c == '|' && next == '|');
    }

    /** Consumes {@code symbol} or the keyword {@code word} (as a whole word) if next; otherwise consumes nothing. */
    private boolean acceptKeyword(String symbol, String word) {
        skipSpaces();
        if (src.startsWith(symbol, pos)) {
            pos += symbol.length();
            return true;
        }
        int end = pos + word.length();
        if (src.startsWith(word, pos) && (end == length || endsWord(src.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < length && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    /** What is at {@code pos}, for a message: {@code 'xyz'} (a few characters) or {@code end of expression}. */
    private String found() {
        if (pos >= length) {
            return "end of expression";
        }
        int end = pos + 1;
        if ("()[],".indexOf(src.charAt(pos)) < 0) {
            while (end < length && end - pos < FOUND_MAX_CHARS && !Character.isWhitespace(src.charAt(end))) {
                end++;
            }
        }
        return "'" + src.substring(pos, end) + "'";
    }

    private ClusterQueryException error(int column, String problem) {
        return new ClusterQueryException(src, column, problem);
    }
}
