package org.reasonlab.core.imports;

/**
 * A problem in text a person typed (labels, first records), at a 1-based line or row.
 *
 * @param line the 1-based line (or record row) the problem is on; 0 when it is about the whole text
 * @param message what is wrong, for a person
 */
public record TextProblem(int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
