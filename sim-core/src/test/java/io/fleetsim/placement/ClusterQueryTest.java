package io.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusterQueryTest {

    private static final String RUNNING_TASKS_OPERATORS = "==/equals, !=/not_equals, >/greater_than,"
            + " >=/greater_than_equal, </less_than, <=/less_than_equal";
    private static final String SUBJECTS = "agentConnected, agentVersion, attribute:<name>, ec2InstanceId,"
            + " registeredAt, runningTasksCount, task:group";

    /** A g2.2xlarge in us-east-1a, agent 1.14.4 connected, 1 task (service:api), registered at 1000 ns. */
    private static final FakeNode N1 = new FakeNode("n1").ec2InstanceId("i-0123456789abcdef0").zone("us-east-1a")
            .attribute("ecs.instance-type", "g2.2xlarge").attribute("stage", "blue").attribute("note", "a (b)")
            .agentVersion("1.14.4").agentConnected(true).tasks("service:api", 1).registeredAt(1_000);

    /** A t2.small in us-east-1d, agent 1.88.0 disconnected, 3 tasks (2 database, 1 service:api), at 5000 ns. */
    private static final FakeNode N2 = new FakeNode("n2").ec2InstanceId("i-0fedcba9876543210").zone("us-east-1d")
            .attribute("ecs.instance-type", "t2.small").agentVersion("1.88.0").agentConnected(false)
            .tasks("database", 2).tasks("service:api", 1).registeredAt(5_000);

    static Stream<Arguments> table() {
        return Stream.of(
                // runningTasksCount: n1 = 1, n2 = 3; every comparison operator, symbol and word
                arguments("runningTasksCount == 1", true, false),
                arguments("runningTasksCount equals 3", false, true),
                arguments("runningTasksCount != 1", false, true),
                arguments("runningTasksCount not_equals 1", false, true),
                arguments("runningTasksCount > 1", false, true),
                arguments("runningTasksCount greater_than 0", true, true),
                arguments("runningTasksCount >= 3", false, true),
                arguments("runningTasksCount greater_than_equal 1", true, true),
                arguments("runningTasksCount < 3", true, false),
                arguments("runningTasksCount less_than 1", false, false),
                arguments("runningTasksCount <= 1", true, false),
                arguments("runningTasksCount less_than_equal 3", true, true),
                arguments("runningTasksCount==1", true, false),
                // agentVersion: n1 1.14.4, n2 1.88.0; dotted numbers, so 1.14.4 > 1.9 (as strings it would be <)
                arguments("agentVersion < 1.14.5", true, false),
                arguments("agentVersion > 1.9", true, true),
                arguments("agentVersion == 1.88", false, true),
                arguments("agentVersion != 1.14.4", false, true),
                arguments("agentVersion >= 1.14.4", true, true),
                arguments("agentVersion <= 1.14.4", true, false),
                // registeredAt: n1 1000 ns, n2 5000 ns
                arguments("registeredAt < 2000", true, false),
                arguments("registeredAt >= 5000", false, true),
                arguments("registeredAt == 1000", true, false),
                // agentConnected: n1 true, n2 false
                arguments("agentConnected == true", true, false),
                arguments("agentConnected != true", false, true),
                arguments("agentConnected in [false]", false, true),
                arguments("agentConnected !in [false]", true, false),
                arguments("agentConnected =~ t.*", true, false),
                arguments("agentConnected !~ t.*", false, true),
                // ec2InstanceId
                arguments("ec2InstanceId == i-0123456789abcdef0", true, false),
                arguments("ec2InstanceId in ['i-0123456789abcdef0', 'i-abcd1234']", true, false),
                arguments("ec2InstanceId not_in [i-0123456789abcdef0, i-abcd1234]", false, true),
                arguments("ec2InstanceId matches i-0f.*", false, true),
                arguments("ec2InstanceId not_matches i-0f.*", true, false),
                // attributes; =~ is a full match: "2xlarge" does not match g2.2xlarge, ".*2xlarge" does
                arguments("attribute:ecs.instance-type == t2.small", false, true),
                arguments("attribute:ecs.instance-type =~ g2.*", true, false),
                arguments("attribute:ecs.instance-type =~ 2xlarge", false, false),
                arguments("attribute:ecs.instance-type =~ .*2xlarge", true, false),
                arguments("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]", true, false),
                arguments("attribute:ecs.availability-zone !in [us-east-1a,us-east-1b]", false, true),
                arguments("attribute:stage exists", true, false),
                arguments("attribute:stage !exists", false, true),
                arguments("attribute:stage not_exists", false, true),
                arguments("attribute:stage == \"blue\"", true, false),
                arguments("attribute:stage != blue", false, true), // n2 has no stage: != holds
                arguments("attribute:stage !~ b.*", false, true),
                arguments("attribute:note == 'a (b)'", true, false),
                // task:group: n1 runs service:api, n2 runs database and service:api
                arguments("task:group == service:api", true, true),
                arguments("task:group == database", false, true),
                arguments("task:group != database", true, false),
                arguments("not(task:group == database)", true, false),
                arguments("task:group in [database, service:web]", false, true),
                arguments("task:group not_in[database, service:web]", true, false),
                // compound expressions
                arguments("attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d",
                        true, false),
                arguments("runningTasksCount == 1 && agentConnected == true", true, false),
                arguments("runningTasksCount==1&&agentConnected==true", true, false),
                arguments("runningTasksCount == 1 || agentConnected == false", true, true),
                arguments("runningTasksCount == 3 or agentConnected == true", true, true),
                arguments("! agentConnected == true", false, true),
                arguments("not not agentConnected == true", true, false),
                // and binds tighter than or: n2 = T or (F and F) = T; read left to right, (T or F) and F = F
                arguments("agentConnected == false or agentVersion < 1.20 and runningTasksCount == 1", true, true),
                // parentheses override: n2 = (T or F) and F = F
                arguments("(agentConnected == false or agentVersion < 1.20) and runningTasksCount == 1",
                        true, false),
                // not binds tighter than and: n2 = (not F) and F = F; not(F and F) would be T
                arguments("not runningTasksCount == 1 and agentConnected == true", false, false),
                arguments("not (runningTasksCount == 1 and agentConnected == true)", false, true));
    }

    @ParameterizedTest(name = "{0} -> n1 {1}, n2 {2}")
    @MethodSource("table")
    void memberOf_evaluatesExpressionOnEachNode(String expression, boolean onN1, boolean onN2) {
        ClusterQuery query = ClusterQuery.parse(expression);

        assertThat(query.matches(N1)).as("n1").isEqualTo(onN1);
        assertThat(query.matches(N2)).as("n2").isEqualTo(onN2);
    }

    // The AWS examples (cluster-query-language.md), as memberOf constraints.
    @Test
    void memberOf_awsDocumentationExamples() {
        PlacementConstraint g2NotInD = PlacementPolicies.constraint("memberOf",
                "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d");
        PlacementConstraint antiAffinity = PlacementPolicies.constraint("memberOf", "not(task:group == database)");
        PlacementConstraint oneTask = PlacementPolicies.constraint("memberOf", "runningTasksCount == 1");
        PlacementRequest any = new PlacementRequest(1, 1, false, "service:api", java.util.List.of(),
                java.util.List.of());

        assertThat(g2NotInD.allows(N1, any)).isTrue();
        assertThat(g2NotInD.allows(N2, any)).isFalse();
        assertThat(antiAffinity.allows(N1, any)).isTrue();
        assertThat(antiAffinity.allows(N2, any)).isFalse();
        assertThat(oneTask.allows(N1, any)).isTrue();
        assertThat(oneTask.allows(N2, any)).isFalse();
        assertThat(g2NotInD).hasToString("memberOf(attribute:ecs.instance-type =~ g2.* and"
                + " attribute:ecs.availability-zone != us-east-1d)");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("runningTasksCount", 18, "expected an operator for runningTasksCount ("
                        + RUNNING_TASKS_OPERATORS + "), found end of expression"),
                arguments("runningTasksCount = 1", 19, "expected an operator for runningTasksCount ("
                        + RUNNING_TASKS_OPERATORS + "), found '='; did you mean `==`?"),
                arguments("instanceType == t2.small", 1, "unknown subject 'instanceType'; expected one of "
                        + SUBJECTS),
                arguments("agentversion < 1.2", 1, "unknown subject 'agentversion'; expected one of " + SUBJECTS
                        + "; did you mean `agentVersion`?"),
                arguments("", 1, "expected a subject (" + SUBJECTS + "), '(', '!' or 'not', found end of"
                        + " expression"),
                arguments("attribute:stage == blue and", 28, "expected a subject (" + SUBJECTS + "), '(', '!' or"
                        + " 'not', found end of expression"),
                arguments("attribute:stage == blue green", 25, "expected 'and', '&&', 'or', '||' or the end of the"
                        + " expression, found 'green'"),
                arguments("(runningTasksCount == 1", 24, "expected 'and', 'or' or ')' to close the '(' at column 1,"
                        + " found end of expression"),
                arguments("attribute: exists", 1, "expected an attribute name after 'attribute:' (like"
                        + " attribute:ecs.instance-type), found none"),
                arguments("ec2InstanceId > i-1", 15, "operator '>' does not apply to ec2InstanceId; it takes"
                        + " ==/equals, !=/not_equals, in, !in/not_in, =~/matches, !~/not_matches"),
                arguments("attribute:cores > 4", 17, "operator '>' does not apply to attribute:<name>; it takes"
                        + " ==/equals, !=/not_equals, exists, !exists/not_exists, in, !in/not_in, =~/matches,"
                        + " !~/not_matches"),
                arguments("task:group =~ data.*", 12, "operator '=~' does not apply to task:group; it takes"
                        + " ==/equals, !=/not_equals, in, !in/not_in"),
                arguments("runningTasksCount == many", 22, "expected a whole number of tasks, found 'many'"),
                arguments("agentVersion < 1.x", 16, "expected an agent version of dotted numbers (like 1.14.5),"
                        + " found '1.x'"),
                arguments("agentConnected == yes", 19, "expected true or false for agentConnected, found 'yes'"),
                arguments("registeredAt < 2018-02-13", 16, "expected simulated nanoseconds since scenario start"
                        + " (like registeredAt < 3600000000000 for the first hour), found the date '2018-02-13':"
                        + " a simulation has no calendar"),
                arguments("attribute:stage in blue", 20, "expected '[' to start the argument list of 'in' (like"
                        + " [a, b]), found 'blue'"),
                arguments("attribute:stage in (a, b)", 20, "expected '[' to start the argument list of 'in' (like"
                        + " [a, b]), found '('"),
                arguments("attribute:stage in [a, b", 25, "expected ',' or ']' in the argument list, found end of"
                        + " expression"),
                arguments("attribute:stage == 'blue", 20, "expected a closing ' for the value opened here, found"
                        + " end of expression"),
                arguments("attribute:stage == (blue)", 20, "expected a value after '==', found '(' (quote a value"
                        + " that holds spaces, parentheses, brackets or commas)"),
                arguments("attribute:stage =~ '[a-z'", 20, "expected a Java regular expression, found '[a-z':"
                        + " Unclosed character class near index 3"));
    }

    @ParameterizedTest(name = "{0} -> column {1}")
    @MethodSource("errors")
    void parseError_namesColumnWhatWasExpectedAndWhatWasFound(String expression, int column, String problem) {
        assertThatThrownBy(() -> ClusterQuery.parse(expression))
                .isInstanceOfSatisfying(ClusterQueryException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.expression()).isEqualTo(expression);
                });
    }

    // Column 19 is the '=': the echo line is indented by 2, so the caret has 2 + 18 spaces before it.
    @Test
    void parseErrorMessage_echoesExpressionWithCaretUnderTheColumn() {
        assertThatThrownBy(() -> ClusterQuery.parse("runningTasksCount = 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cluster query, column 19: expected an operator for runningTasksCount ("
                        + RUNNING_TASKS_OPERATORS + "), found '='; did you mean `==`?\n"
                        + "  runningTasksCount = 1\n"
                        + "  " + " ".repeat(18) + "^");
    }

    @Test
    void expressionLongerThanTheEcsLimit_isRejected() {
        String tooLong = "attribute:a == " + "x".repeat(1986); // 15 + 1986 = 2001 characters

        assertThatThrownBy(() -> ClusterQuery.parse(tooLong))
                .isInstanceOfSatisfying(ClusterQueryException.class, e -> {
                    assertThat(e.column()).isEqualTo(2001);
                    assertThat(e.problem()).isEqualTo("expected at most 2000 characters (the ECS API limit),"
                            + " found 2001");
                });
        String atLimit = "attribute:a == " + "x".repeat(1985); // 2000 characters
        assertThat(ClusterQuery.parse(atLimit).matches(N1)).isFalse();
    }
}
