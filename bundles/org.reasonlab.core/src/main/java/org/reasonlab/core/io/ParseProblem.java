package org.reasonlab.core.io;

import java.nio.file.Path;

/**
 * A problem found while reading a dataset file, at a 1-based line and column.
 *
 * @param file the file, or the name given for messages; may be null for an anonymous stream
 * @param line 1-based line where the problem is (for a multi-line CSV row, the line of the offending cell)
 * @param column 1-based column in characters
 * @param message what is wrong, for a person
 */
public record ParseProblem(Path file, int line, int column, String message) {

    @Override
    public String toString() {
        return (file == null ? "<input>" : file.toString()) + ":" + line + ":" + column + ": " + message;
    }
}
