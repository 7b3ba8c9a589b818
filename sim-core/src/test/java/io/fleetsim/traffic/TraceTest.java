package io.fleetsim.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.engine.TestStreams;
import io.fleetsim.scenario.model.ArrivalSpec;
import io.fleetsim.scenario.model.ArrivalSpec.TraceSpec;
import io.fleetsim.traffic.TraceFormat.TraceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace formats and replay, against the bundled Azure trace and small hand-written files. */
class TraceTest {

    static final long S = 1_000_000_000L;
    static final Path AZURE = Path.of("..", "scenarios", "traces", "azure-llm-inference-2023",
            "AzureLLMInferenceTrace_code.csv");

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static long[] drain(ArrivalProcess a) {
        long[] out = new long[10_000];
        int n = 0;
        for (long t = a.nextArrival(); t != Long.MAX_VALUE; t = a.nextArrival()) {
            out[n++] = t;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    @Test
    void names_areSortedAndHoldTheBuiltIns() {
        // other tests may register more formats; the built-ins are always there, in order
        assertThat(TraceFormat.names()).isSorted().containsSubsequence("azure-llm", "seconds", "unix-ms");
    }

    // The file has a header and 8,819 rows (8,820 lines). First 2023-11-16 18:17:03.9799600, second
    // 18:17:04.0319600 (0.052 s later), last 19:14:19.9280160: 57 min 15.948056 s after the first =
    // 3,435.948056 s = 3,435,948,056,000 ns exactly.
    @Test
    void azureLlm_readsEveryRowWithExactNanosecondOffsets() throws TraceException {
        long[] offsets = TraceFormat.read("azure-llm", AZURE);
        assertThat(offsets).hasSize(8_819);
        assertThat(offsets[0]).isZero();
        assertThat(offsets[1]).isEqualTo(52_000_000L);
        assertThat(offsets[8_818]).isEqualTo(3_435_948_056_000L);
    }

    // shift 5 s, scale 1: first at 5 s, last at 5 s + 3,435,948,056,000 ns; scale 2: last at
    // 5 s + 1,717,974,028,000 ns (exactly half); all 8,819 replayed.
    @Test
    void traceReplay_reproducesCountFirstAndLastExactly() {
        for (double scale : new double[] {1, 2}) {
            ArrivalSpec spec = new ArrivalSpec("trace", 0, null, new TraceSpec("azure-llm", AZURE, scale, 5 * S));
            long[] arrivals = drain(Traffic.arrivals(spec, Instant.EPOCH, Long.MAX_VALUE, TestStreams.of(1)));
            assertThat(arrivals).hasSize(8_819);
            assertThat(arrivals[0]).isEqualTo(5 * S);
            assertThat(arrivals[8_818]).isEqualTo(5 * S + (scale == 1 ? 3_435_948_056_000L : 1_717_974_028_000L));
        }
    }

    // 63 rows of the file lie within 60 s of the first (counted with a script over the CSV); at scale 2 they
    // land within 30 s, so a run ending at shift + 30 s replays exactly 63.
    @Test
    void traceReplay_stopsAtEndNanos() {
        ArrivalSpec spec = new ArrivalSpec("trace", 0, null, new TraceSpec("azure-llm", AZURE, 2, 10 * S));
        long[] arrivals = drain(Traffic.arrivals(spec, Instant.EPOCH, 40 * S, TestStreams.of(1)));
        assertThat(arrivals).hasSize(63);
        assertThat(arrivals[1]).isEqualTo(10 * S + 26_000_000L);
    }

    @Test
    void azureLlm_badTimestampReportsFileLineAndExpectedForm() throws IOException {
        Path f = write("bad.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\r\n"
                + "2023-11-16 18:17:03.9799600,4808,10\r\n"
                + "2023-11-16 18:17:0x.0319600,3180,8\r\n");
        assertThatThrownBy(() -> TraceFormat.read("azure-llm", f))
                .isInstanceOf(TraceException.class)
                .hasMessage(f + ": line 3: expected TIMESTAMP like 2023-11-16 18:17:03.9799600 (yyyy-MM-dd HH:mm:ss"
                        + " with up to 9 fractional digits), got `2023-11-16 18:17:0x.0319600`")
                .extracting(e -> ((TraceException) e).line()).isEqualTo(3);
    }

    @Test
    void azureLlm_decreasingTimeHeaderAndColumnsAreChecked() throws IOException {
        Path back = write("back.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n"
                + "2023-11-16 18:17:04.0000000,1,1\n\n2023-11-16 18:17:03.5000000,1,1\n");
        assertThatThrownBy(() -> TraceFormat.read("azure-llm", back))
                .hasMessageContaining("line 4: expected timestamps in non-decreasing order, but 2023-11-16 18:17:03.5000000"
                        + " is before the previous row's 2023-11-16 18:17:04.0000000");
        Path header = write("header.csv", "time,tokens\n2023-11-16 18:17:04,1\n");
        assertThatThrownBy(() -> TraceFormat.read("azure-llm", header))
                .hasMessageContaining("line 1: expected the header TIMESTAMP,ContextTokens,GeneratedTokens, got time,tokens");
        Path columns = write("columns.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:04,1\n");
        assertThatThrownBy(() -> TraceFormat.read("azure-llm", columns))
                .hasMessageContaining("line 2: expected 3 columns");
        Path tokens = write("tokens.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:04,-1,1\n");
        assertThatThrownBy(() -> TraceFormat.read("azure-llm", tokens))
                .hasMessageContaining("line 2: expected ContextTokens as a whole number >= 0, got `-1`");
        Path empty = write("empty.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n");
        assertThatThrownBy(() -> TraceFormat.read("azure-llm", empty))
                .hasMessage(empty + ": no arrivals; expected at least one row after the header"
                        + " TIMESTAMP,ContextTokens,GeneratedTokens");
    }

    // 10.5, 11.25, 12 s -> offsets 0, 0.75 s, 1.5 s. Without a header the same.
    @Test
    void seconds_readsOneColumnWithOptionalHeaderRebasedToFirst() throws IOException, TraceException {
        Path withHeader = write("s1.csv", "\uFEFFtime\n10.5\n11.25\n12\n");
        assertThat(TraceFormat.read("seconds", withHeader)).containsExactly(0L, 750_000_000L, 1_500_000_000L);
        Path noHeader = write("s2.csv", "10.5,a\n11.25,b\n12,c");
        assertThat(TraceFormat.read("seconds", noHeader)).containsExactly(0L, 750_000_000L, 1_500_000_000L);
    }

    // 1700000000000.5 ms and 1700000000001 ms are 0.5 ms = 500,000 ns apart.
    @Test
    void unixMs_readsMillisecondsExactly() throws IOException, TraceException {
        Path f = write("ms.csv", "timestamp\n1700000000000.5\n1700000000001\n");
        assertThat(TraceFormat.read("unix-ms", f)).containsExactly(0L, 500_000L);
    }

    @Test
    void seconds_badValueReportsItsLineCountingBlankLines() throws IOException {
        Path f = write("bad.csv", "time\n\n1.0\nsoon\n");
        assertThatThrownBy(() -> TraceFormat.read("seconds", f))
                .hasMessage(f + ": line 4: expected a time in seconds (a decimal number such as 12.5) or, on the first"
                        + " row only, the header `time` or `timestamp`; got `soon`")
                .extracting(e -> ((TraceException) e).line()).isEqualTo(4);
    }

    @Test
    void missingFileAndUnknownFormat_areReported() {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> TraceFormat.read("seconds", missing))
                .isInstanceOf(TraceException.class).hasMessage(missing + ": trace file not found");
        assertThatThrownBy(() -> TraceFormat.read("azure_llm", missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown trace format `azure_llm`; did you mean `azure-llm`? known formats: azure-llm, seconds, unix-ms");
    }

    @Test
    void factory_turnsATraceErrorIntoIllegalArgumentWithTheSameMessage() throws IOException {
        Path f = write("bad.csv", "time\n2\n1\n");
        ArrivalSpec spec = new ArrivalSpec("trace", 0, null, new TraceSpec("seconds", f, 1, 0));
        assertThatThrownBy(() -> Traffic.arrivals(spec, Instant.EPOCH, Long.MAX_VALUE, TestStreams.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + ": line 3: expected times in non-decreasing order, but 1 is before the previous row's 2")
                .hasCauseInstanceOf(TraceException.class);
    }

    @Test
    void register_addsAFormatAndRefusesDuplicates() throws TraceException {
        TraceFormat.register("test-fixed", file -> new long[] {0, 7});
        assertThat(TraceFormat.names()).contains("test-fixed");
        assertThat(TraceFormat.read("test-fixed", dir)).containsExactly(0L, 7L);
        assertThatThrownBy(() -> TraceFormat.register("seconds", file -> new long[] {0}))
                .hasMessage("trace format `seconds` is already registered");
        assertThatThrownBy(() -> TraceFormat.register("Bad Name", file -> new long[] {0}))
                .hasMessageContaining("expected lower-case letters and digits separated by dashes");
    }
}
