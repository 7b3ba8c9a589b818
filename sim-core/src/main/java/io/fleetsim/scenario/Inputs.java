package io.fleetsim.scenario;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Files a scenario refers to (traces, samples of empirical distributions). A relative path is resolved against the
 * folder of the scenario file, so a scenario and its data move together; an absolute path is taken as it is.
 * {@link ScenarioLoader#load(Path)} passes the scenario file's folder, {@link ScenarioLoader#load(String, String)}
 * the current directory (an empty path, so resolved paths stay relative to it).
 */
final class Inputs {

    private Inputs() {
    }

    /** The folder of {@code scenarioFile}: its parent, or the current directory (empty path) for a bare name. */
    static Path folderOf(Path scenarioFile) {
        Path parent = scenarioFile.getParent();
        return parent == null ? Path.of("") : parent;
    }

    /**
     * {@code text} resolved against {@code folder} and normalised, or {@code null} after reporting at {@code node}
     * that it is not a valid path or not an existing regular file.
     *
     * @param what for messages, e.g. "trace file"
     */
    static Path resolve(Reader r, YamlNode node, String path, Path folder, String text, String what) {
        Path file;
        try {
            file = folder.resolve(text).normalize();
        } catch (InvalidPathException e) {
            r.problems().at(node, path, "`" + text + "` is not a valid file path: " + e.getReason());
            return null;
        }
        if (Files.isDirectory(file)) {
            r.problems().at(node, path, what + " `" + text + "` is a directory, not a file" + resolvedNote(text, file));
            return null;
        }
        if (!Files.isRegularFile(file)) {
            r.problems().at(node, path, what + " `" + text + "` does not exist" + resolvedNote(text, file)
                    + "; relative paths are resolved against the scenario file's folder");
            return null;
        }
        return file;
    }

    /** " (resolved to `file`)" when the resolved path differs from what was written, else "". */
    static String resolvedNote(String text, Path file) {
        return file.toString().equals(text) ? "" : " (resolved to `" + file + "`)";
    }
}
