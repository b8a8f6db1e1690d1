package org.reasonlab.core.io;

import java.util.List;

import org.reasonlab.core.model.Dataset;

/** A loaded dataset and every problem found while reading it, in file order. */
public record LoadResult(Dataset dataset, List<ParseProblem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
