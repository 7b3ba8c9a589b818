package io.fleetsim.scenario;

/**
 * One thing wrong with a scenario file.
 *
 * @param file    the file as the user named it
 * @param path    YAML path, e.g. {@code services[0].taskDefinition.cpu} (list items by index; {@code $} for root)
 * @param line    1-based line, 0 if unknown
 * @param column  1-based column, 0 if unknown
 * @param message what was expected, and the near miss when there is one ("did you mean `desiredCount`?")
 */
public record ScenarioProblem(String file, String path, int line, int column, String message) {

    /** {@code file:line:column: path: message}, the form editors and terminals link. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + path + ": " + message;
    }
}
