package org.reasonlab.core.cli;

import java.io.PrintStream;
import java.util.List;

import org.reasonlab.core.io.ParseProblem;

/** Prints problems one per line as {@code file:line:column: error: message}, the form editors and CI logs link. */
final class ProblemPrinter {
    static final int DEFAULT_LIMIT = 50;

    private ProblemPrinter() {
    }

    static void printParseProblems(List<ParseProblem> problems, PrintStream stream, int limit) {
        int shown = 0;
        for (ParseProblem p : problems) {
            if (shown++ == limit) {
                stream.println("... and " + (problems.size() - limit) + " more problems (use --json for all)");
                return;
            }
            stream.println(p.file() + ":" + p.line() + ":" + p.column() + ": error: " + p.message());
        }
    }
}
