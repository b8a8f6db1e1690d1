package org.reasonlab.core.io;

/**
 * Why one line or row cannot become a record. Thrown only on bad input and caught by the reader,
 * so it carries no stack trace.
 */
final class LineProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final int lineOffset;
    private final int column;

    LineProblem(String message, int column) {
        this(message, 0, column);
    }

    /** @param lineOffset how many lines below the first line of the row the problem is */
    LineProblem(String message, int lineOffset, int column) {
        super(message, null, false, false);
        this.lineOffset = lineOffset;
        this.column = column;
    }

    int lineOffset() {
        return lineOffset;
    }

    int column() {
        return column;
    }
}
