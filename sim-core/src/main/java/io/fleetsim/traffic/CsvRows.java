package io.fleetsim.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.fleetsim.traffic.TraceFormat.TraceException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV file with their 1-based line numbers, read by jackson-dataformat-csv's streaming parser
 * (RFC 4180 quoting, LF or CRLF line ends). Blank lines are skipped and a UTF-8 byte-order mark is removed, so
 * files saved by spreadsheets read the same as files written by scripts. Errors become {@link TraceException}s
 * naming the file and the line.
 */
final class CsvRows implements Closeable {

    private static final CsvMapper MAPPER = new CsvMapper();

    private final Path file;
    private final CsvParser parser;
    private final List<String> cells = new ArrayList<>();
    private int line;
    private boolean first = true;

    CsvRows(Path file) throws TraceException {
        this.file = file;
        try {
            BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.parser = MAPPER.getFactory().createParser(reader);
        } catch (NoSuchFileException e) {
            throw new TraceException(file + ": trace file not found", 0);
        } catch (IOException e) {
            throw new TraceException(file + ": cannot read the trace file: " + e.getMessage(), 0);
        }
        parser.setSchema(CsvSchema.emptySchema());
    }

    /** Advances to the next non-blank row; false at the end of the file. */
    boolean next() throws TraceException {
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return false;
                }
                if (token != JsonToken.START_ARRAY) {
                    throw error(parser.currentTokenLocation().getLineNr(), "expected a CSV row, got " + token);
                }
                cells.clear();
                line = 0;
                while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    if (line == 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    String text = parser.getText();
                    if (first) {
                        first = false;
                        if (text.startsWith("\uFEFF")) {
                            text = text.substring(1);
                        }
                    }
                    cells.add(text.strip());
                }
                if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
                    return true;
                }
            }
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw error(at, "malformed CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TraceException(file + ": cannot read the trace file: " + e.getMessage(), 0);
        }
    }

    /** 1-based line of the current row. */
    int line() {
        return line;
    }

    int size() {
        return cells.size();
    }

    String get(int column) {
        return cells.get(column);
    }

    /** The current row as it would be written, for messages. */
    String text() {
        return String.join(",", cells);
    }

    /** An error about the current row: "file: line N: message". */
    TraceException error(String message) {
        return error(line, message);
    }

    TraceException error(int atLine, String message) {
        return new TraceException(file + ": line " + atLine + ": " + message, atLine);
    }

    /** An error about the file as a whole. */
    TraceException fileError(String message) {
        return new TraceException(file + ": " + message, 0);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing was written; a failed close of a reader loses nothing
        }
    }
}
