package io.fleetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writeAll_writesEveryFileAndLeavesNoTemporaryFile() throws IOException {
        List<Path> written = AtomicFiles.writeAll(dir.resolve("sub"), List.of(
                new AtomicFiles.Output("a.txt", out -> out.write("alpha\n")),
                new AtomicFiles.Output("b.txt", out -> out.write("beta é\n"))));
        assertThat(written).containsExactly(dir.resolve("sub/a.txt"), dir.resolve("sub/b.txt"));
        assertThat(Files.readString(dir.resolve("sub/a.txt"))).isEqualTo("alpha\n");
        assertThat(Files.readAllBytes(dir.resolve("sub/b.txt")))
                .isEqualTo("beta é\n".getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(dir.resolve("sub"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("a.txt", "b.txt");
        }
    }

    @Test
    void writeAll_replacesEarlierVersions() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "old, and longer than the new content\n");
        AtomicFiles.writeAll(dir, List.of(new AtomicFiles.Output("a.txt", out -> out.write("new\n"))));
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("new\n");
        assertThat(listing()).containsExactly("a.txt");
    }

    // The second file fails half-way: the first must not have been moved in either (all are rendered before any
    // is moved), the earlier versions stay, and no temporary file is left.
    @Test
    void writeAll_failingContentLeavesTargetsUntouchedAndNoTemporaryFile() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "a v1\n");
        Files.writeString(dir.resolve("b.txt"), "b v1\n");
        assertThatThrownBy(() -> AtomicFiles.writeAll(dir, List.of(
                new AtomicFiles.Output("a.txt", out -> out.write("a v2\n")),
                new AtomicFiles.Output("b.txt", out -> {
                    out.write("b v2, half");
                    throw new IOException("disk full");
                }),
                new AtomicFiles.Output("c.txt", out -> out.write("c v2\n")))))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");
        assertThat(listing()).containsExactly("a.txt", "b.txt");
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("a v1\n");
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("b v1\n");
    }

    @Test
    void writeAll_failingRuntimeExceptionAlsoCleansUp() {
        assertThatThrownBy(() -> AtomicFiles.writeAll(dir, List.of(
                new AtomicFiles.Output("a.txt", out -> {
                    out.write("partial");
                    throw new IllegalStateException("renderer bug");
                }))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("a.txt")).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void writeAll_intoARegularFileFailsWithNotDirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThatThrownBy(() -> AtomicFiles.writeAll(file, List.of(new AtomicFiles.Output("a.txt", out -> { }))))
                .isInstanceOf(java.nio.file.NotDirectoryException.class)
                .hasMessage(file.toString());
    }

    @Test
    void output_rejectsPathsInsteadOfFileNames() {
        assertThatThrownBy(() -> new AtomicFiles.Output("../escape.txt", out -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a plain file name, found '../escape.txt'");
        assertThatThrownBy(() -> new AtomicFiles.Output("", out -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
