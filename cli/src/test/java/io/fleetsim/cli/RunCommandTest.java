package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunCommandTest {

    @Test
    void defaultOutputDir_isOutSlashScenarioName() {
        assertThat(RunCommand.defaultOutputDir("web-api_v2.1")).isEqualTo(Path.of("out", "web-api_v2.1"));
    }

    // "../../etc" -> unsafe '/' become '-' -> "..-..-etc" -> leading dots dropped -> "-..-etc": one path component
    @Test
    void defaultOutputDir_cannotEscapeOutOrHide() {
        assertThat(RunCommand.defaultOutputDir("../../etc")).isEqualTo(Path.of("out", "-..-etc"));
        assertThat(RunCommand.defaultOutputDir("..")).isEqualTo(Path.of("out", "scenario"));
        assertThat(RunCommand.defaultOutputDir(".hidden")).isEqualTo(Path.of("out", "hidden"));
        assertThat(RunCommand.defaultOutputDir("")).isEqualTo(Path.of("out", "scenario"));
        assertThat(RunCommand.defaultOutputDir("a b/c\\d:é")).isEqualTo(Path.of("out", "a-b-c-d--"));
    }
}
