package org.reasonlab.ui.internal.views.overview;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.stats.DatasetStatistics;
import org.reasonlab.core.validate.Severity;
import org.reasonlab.core.validate.ValidationProblem;

/**
 * Everything the Dataset Overview shows about one file, computed off the UI thread.
 *
 * @param file the workspace file
 * @param modificationStamp the file's modification stamp when it was read
 * @param load the loaded dataset and the lines that could not be parsed
 * @param statistics the dataset's statistics
 * @param validationProblems what the validator found
 */
public record DatasetOverview(IFile file, long modificationStamp, LoadResult load, DatasetStatistics statistics,
        List<ValidationProblem> validationProblems) {

    public DatasetOverview {
        validationProblems = List.copyOf(validationProblems);
    }

    /** Number of lines the loader could not parse. */
    public int parseProblemCount() {
        return load.problems().size();
    }

    /** Validation problems counted by severity, every severity present (possibly 0), most severe first. */
    public Map<Severity, Integer> problemsBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        for (ValidationProblem problem : validationProblems) {
            counts.merge(problem.severity(), 1, Integer::sum);
        }
        return counts;
    }
}
