package io.fleetsim.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A broken bundled file is a fleetsim bug: the loader must fail with IllegalStateException naming the file, the
 * JSON path, what it expected and what it found, instead of guessing.
 */
class CatalogLoaderTest {

    private static final String FILE = "catalog/aws-us-east-1.json";
    private static final String BUNDLED = read();

    private static String read() {
        try (InputStream in = CatalogLoaderTest.class.getResourceAsStream("/" + FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Catalog parse(String json) {
        return CatalogLoader.parse(FILE, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "us-east-1");
    }

    /** {@code BUNDLED} with exactly one occurrence of {@code from} replaced. */
    private static String edit(String from, String to) {
        int at = BUNDLED.indexOf(from);
        assertThat(at).as("test setup: '%s' occurs in the bundled file", from).isNotNegative();
        assertThat(BUNDLED.indexOf(from, at + 1)).as("test setup: '%s' occurs once", from).isNegative();
        return BUNDLED.replace(from, to);
    }

    @Test
    void bundledFile_parsesIntoTheSameCatalogAsForRegion() {
        Catalog parsed = parse(BUNDLED);
        Catalog bundled = Catalog.forRegion("us-east-1").orElseThrow();
        assertThat(parsed.instanceTypes()).isEqualTo(bundled.instanceTypes());
        assertThat(parsed.provenance()).isEqualTo(bundled.provenance());
    }

    @Test
    void priceWrittenAsANumber_isRejectedBecauseItWouldPassThroughADouble() {
        assertThatThrownBy(() -> parse(edit("\"storagePerGbMonth\": \"0.10\"", "\"storagePerGbMonth\": 0.10")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(FILE)
                .hasMessageContaining("/prices/ecr/storagePerGbMonth")
                .hasMessageContaining("a decimal written as a string")
                .hasMessageContaining("found number 0.1");
    }

    @Test
    void misspelledField_isRejectedWithTheKnownFields() {
        assertThatThrownBy(() -> parse(edit("{ \"name\": \"t3.micro\",   \"vcpu\"", "{ \"name\": \"t3.micro\",   \"vpcu\"")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/instanceTypes/rows/0")
                .hasMessageContaining("unknown field 'vpcu'")
                .hasMessageContaining("vcpu");
    }

    @Test
    void regionThatDiffersFromTheIndex_isRejected() {
        assertThatThrownBy(() -> parse(edit("\"region\": \"us-east-1\"", "\"region\": \"us-east-2\"")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected 'us-east-1'")
                .hasMessageContaining("found 'us-east-2'");
    }

    @Test
    void duplicateInstanceType_isRejected() {
        assertThatThrownBy(() -> parse(edit("{ \"name\": \"t3.small\"", "{ \"name\": \"t3.micro\"")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("instance type 't3.micro' is listed twice");
    }

    @Test
    void fargateRangeThatIsNotAWholeNumberOfSteps_isRejected() {
        assertThatThrownBy(() -> parse(edit("\"min\": 16384, \"max\": 61440,  \"step\": 4096",
                "\"min\": 16384, \"max\": 61440,  \"step\": 5000")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/fargate/linuxSizes/5/memoryMiBRange")
                .hasMessageContaining("min 16384, max 61440, step 5000");
    }

    @Test
    void undefinedSourceReference_isRejected() {
        assertThatThrownBy(() -> parse(edit("\"sources\": [\"ecr-pricing\"]", "\"sources\": [\"ecr-pricng\"]")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("source 'ecr-pricng' is not defined");
    }

    @Test
    void spotDiscountOfOne_isRejected() {
        assertThatThrownBy(() -> parse(edit("\"spotDiscount\": \"0.60\"", "\"spotDiscount\": \"1\"")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/prices")
                .hasMessageContaining("0 <= discount < 1")
                .hasMessageContaining("found 1");
    }

    @Test
    void duplicateJsonKeyOrTruncatedFile_isNotValidJson() {
        assertThatThrownBy(() -> parse(edit("\"asOf\": \"2026-11\",", "\"asOf\": \"2026-11\", \"asOf\": \"2027-01\",")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not valid JSON")
                .hasMessageContaining("asOf");
        assertThatThrownBy(() -> parse(BUNDLED.substring(0, BUNDLED.length() / 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not valid JSON");
    }

    @Test
    void asOfThatIsNotADate_isRejected() {
        assertThatThrownBy(() -> parse(edit("\"asOf\": \"2026-11\"", "\"asOf\": \"November 2026\"")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected a date yyyy-MM or yyyy-MM-dd, found 'November 2026'");
    }
}
