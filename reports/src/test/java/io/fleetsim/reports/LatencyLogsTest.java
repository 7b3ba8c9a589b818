package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.experiment.ExperimentResult;
import io.fleetsim.experiment.RunResult;
import io.fleetsim.metrics.ServiceTrafficResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyLogsTest {

    @Test
    void safe_replacesEverythingOutsideLettersDigitsDotUnderscoreAndHyphen() {
        assertThat(LatencyLogs.safe("../a b/c\\d:é-1.x_y")).isEqualTo(".._a_b_c_d__-1.x_y");
    }

    // Variants "a b" and "a_b" both reduce to "a_b", and the second "a b" run (another seed, say) too:
    // the first keeps the plain name, the later ones get -2 and -3 in run order.
    @Test
    void fileNames_numberNamesThatReduceToTheSameFile() {
        RunResult withApi = Fixtures.withTraffic().runs().get(1);
        ServiceTrafficResult api = withApi.traffic().get(0);
        ExperimentResult result = new ExperimentResult("quick", "q.yaml", List.of(
                Fixtures.withTraffic(Fixtures.ec2("a b"), List.of(api)),
                Fixtures.withTraffic(Fixtures.ec2("a_b"), List.of(api)),
                Fixtures.ec2("no-traffic"),
                Fixtures.withTraffic(Fixtures.ec2("a b"), List.of(api))));
        assertThat(LatencyLogs.fileNames(result)).containsExactly(List.of("latency-a_b-api.hlog"),
                List.of("latency-a_b-api-2.hlog"), List.of(), List.of("latency-a_b-api-3.hlog"));
    }
}
