package io.fleetsim.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the samples file of an {@code empirical} distribution: one duration per line, written with its unit as
 * everywhere in a scenario ({@code 12ms}, {@code 850us}, {@code 1.2s}; {@link Units#parseDuration}). Blank lines
 * and lines starting with {@code #} are skipped; surrounding blanks are ignored; at least one sample is required.
 *
 * <p>A bare number is rejected, as in the scenario itself: {@code 12} could be milliseconds or seconds, and
 * exports from different tools disagree (a silent factor of 1000 in a latency model is the worst kind of
 * mistake). Add the unit with e.g. {@code sed 's/$/ms/'}.
 *
 * <p>Caveats: the whole file is held in memory (one boxed {@code Long} per sample, the model's
 * {@code DistributionSpec.samplesNanos}); files of a few million samples are fine, billions are not.
 */
final class SampleFiles {

    private SampleFiles() {
    }

    /** A samples file that cannot be read or parsed: the message, and the 1-based line (0 for the whole file). */
    static final class SampleFileException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        SampleFileException(String message, int line) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** The samples in nanoseconds, in file order. */
    static List<Long> read(Path file) throws SampleFileException {
        String text;
        try {
            // Strict UTF-8, as for scenario files: a mis-encoded file must not turn into replacement characters.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new SampleFileException("no such file", 0);
        } catch (CharacterCodingException e) {
            throw new SampleFileException("the file is not valid UTF-8 text", 0);
        } catch (IOException e) {
            throw new SampleFileException("cannot read the file: " + e, 0);
        }
        return parse(text);
    }

    /** The samples of a file's text (see the class comment for the format). */
    static List<Long> parse(String text) throws SampleFileException {
        List<Long> samples = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                samples.add(Units.parseDuration(line));
            } catch (IllegalArgumentException e) {
                throw new SampleFileException("expected one duration with its unit per line (e.g. `12ms`): "
                        + e.getMessage(), i + 1);
            }
        }
        if (samples.isEmpty()) {
            throw new SampleFileException("no samples: expected one duration per line, e.g. `12ms`", 0);
        }
        return samples;
    }
}
