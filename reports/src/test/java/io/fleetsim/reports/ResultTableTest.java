package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.experiment.ExperimentResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    // Fixtures: fargate $0.25 / $3,554.66 / 0 pending; ec2 $0.21 / $2,972.18 / 2 pending of which 1 unplaced.
    // Column widths: "variant" 7, "total" 5, "30-day projection" 17, "pending (unplaced)" 18.
    @Test
    void render_alignsOneLinePerVariant() {
        assertThat(ResultTable.render(Fixtures.twoVariants())).isEqualTo(""
                + "variant  total  30-day projection  pending (unplaced)\n"
                + "fargate  $0.25          $3,554.66               0 (0)\n"
                + "ec2      $0.21          $2,972.18               2 (1)\n");
    }

    // "graviton-?[2J-spot" is 18 characters: the variant column widens to 18, the escape becomes '?'.
    @Test
    void render_widensColumnsForLongNamesAndNeutralisesControlCharacters() {
        ExperimentResult result = new ExperimentResult("quick", "q.yaml",
                List.of(Fixtures.ec2("graviton-\u001b[2J-spot")));
        assertThat(ResultTable.render(result)).isEqualTo(""
                + "variant             total  30-day projection  pending (unplaced)\n"
                + "graviton-?[2J-spot  $0.21          $2,972.18               2 (1)\n");
    }
}
