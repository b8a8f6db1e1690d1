package org.reasonlab.core.traces;

import java.nio.file.Path;
import java.util.List;

import org.reasonlab.core.io.ParseProblem;

/**
 * A traces file as read: the traces that could be read, in file order, and every line that could not, each
 * with its line. A line with a problem gives no trace.
 */
public record TraceFile(Path file, List<Trace> traces, List<ParseProblem> problems) {

    public TraceFile {
        traces = List.copyOf(traces);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
