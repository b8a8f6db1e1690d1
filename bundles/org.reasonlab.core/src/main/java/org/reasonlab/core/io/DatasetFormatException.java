package org.reasonlab.core.io;

import java.io.IOException;
import java.nio.file.Path;

/** The whole file cannot be read as a dataset, e.g. a CSV without a statement column. */
public class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient ParseProblem problem;

    public DatasetFormatException(Path file, int line, int column, String message) {
        this(new ParseProblem(file, line, column, message));
    }

    public DatasetFormatException(ParseProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public ParseProblem problem() {
        return problem;
    }
}
