package io.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlacementPoliciesTest {

    @Test
    void registry_listsEveryNameInRegistrationOrder() {
        assertThat(PlacementPolicies.strategyNames()).containsExactly("binpack", "random", "spread");
        assertThat(PlacementPolicies.constraintNames()).containsExactly("distinctInstance", "memberOf");
    }

    @Test
    void strategy_buildsEachTypeAndField() {
        assertThat(PlacementPolicies.strategy("binpack", "cpu")).hasToString("binpack(cpu)");
        assertThat(PlacementPolicies.strategy("binpack", "memory")).hasToString("binpack(memory)");
        assertThat(PlacementPolicies.strategy("spread", "instanceId")).hasToString("spread(instanceId)");
        assertThat(PlacementPolicies.strategy("spread", "host")).hasToString("spread(host)");
        assertThat(PlacementPolicies.strategy("spread", "attribute:ecs.availability-zone"))
                .hasToString("spread(attribute:ecs.availability-zone)");
        assertThat(PlacementPolicies.strategy("random", null)).hasToString("random");
        assertThat(PlacementPolicies.strategy("random", "")).hasToString("random");
    }

    @Test
    void unknownStrategy_listsKnownNamesAndTheNearMiss() {
        assertThatThrownBy(() -> PlacementPolicies.strategy("binpak", "cpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placement strategy type 'binpak'; known: binpack, random, spread;"
                        + " did you mean `binpack`?");
        assertThatThrownBy(() -> PlacementPolicies.strategy("roundRobin", null))
                .hasMessage("unknown placement strategy type 'roundRobin'; known: binpack, random, spread");
        assertThatThrownBy(() -> PlacementPolicies.strategy(null, null))
                .hasMessage("unknown placement strategy type none; known: binpack, random, spread");
    }

    @Test
    void badBinpackField_saysWhatIsAllowed() {
        assertThatThrownBy(() -> PlacementPolicies.strategy("binpack", "disk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("binpack field must be cpu or memory, found 'disk'");
        assertThatThrownBy(() -> PlacementPolicies.strategy("binpack", "CPU"))
                .hasMessage("binpack field must be cpu or memory, found 'CPU'; did you mean `cpu`?");
        assertThatThrownBy(() -> PlacementPolicies.strategy("binpack", null))
                .hasMessage("binpack field must be cpu or memory, found none");
    }

    @Test
    void badSpreadField_saysWhatIsAllowed() {
        String allowed = "spread field must be instanceId, host or attribute:<name> (like"
                + " attribute:ecs.availability-zone), found ";
        assertThatThrownBy(() -> PlacementPolicies.strategy("spread", "zone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(allowed + "'zone'");
        assertThatThrownBy(() -> PlacementPolicies.strategy("spread", "instanceid"))
                .hasMessage(allowed + "'instanceid'; did you mean `instanceId`?");
        assertThatThrownBy(() -> PlacementPolicies.strategy("spread", "attribute:"))
                .hasMessage(allowed + "'attribute:'");
        assertThatThrownBy(() -> PlacementPolicies.strategy("spread", null))
                .hasMessage(allowed + "none");
    }

    @Test
    void randomWithAField_isRejected() {
        assertThatThrownBy(() -> PlacementPolicies.strategy("random", "cpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("random takes no field, found 'cpu'");
    }

    @Test
    void unknownConstraint_listsKnownNames() {
        assertThatThrownBy(() -> PlacementPolicies.constraint("distinct", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown placement constraint type 'distinct'; known: distinctInstance, memberOf");
        assertThatThrownBy(() -> PlacementPolicies.constraint("memberof", "runningTasksCount == 0"))
                .hasMessage("unknown placement constraint type 'memberof'; known: distinctInstance, memberOf;"
                        + " did you mean `memberOf`?");
    }

    @Test
    void constraintExpressions_areRequiredExactlyWhereTheApiRequiresThem() {
        assertThat(PlacementPolicies.constraint("distinctInstance", null)).hasToString("distinctInstance");
        assertThat(PlacementPolicies.constraint("memberOf", "runningTasksCount == 0"))
                .hasToString("memberOf(runningTasksCount == 0)");
        assertThatThrownBy(() -> PlacementPolicies.constraint("distinctInstance", "runningTasksCount == 0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("distinctInstance takes no expression, found 'runningTasksCount == 0'");
        assertThatThrownBy(() -> PlacementPolicies.constraint("memberOf", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memberOf needs a cluster query language expression (like"
                        + " attribute:ecs.instance-type =~ t3.*), found none");
        assertThatThrownBy(() -> PlacementPolicies.constraint("memberOf", "runningTasksCount"))
                .isInstanceOf(ClusterQueryException.class);
    }
}
