package org.reasonlab.ui.internal.wizards;

import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/** Statuses and texts for the problems the dataset wizards report. */
final class Problems {
    /** The most problems listed in a page or a dialog; the rest are counted. */
    static final int LIMIT = 200;

    private Problems() {
    }

    /** {@code line 12, column 3: message}, for a list that names the file elsewhere. */
    static String atLine(ParseProblem problem) {
        return "line " + problem.line() + ", column " + problem.column() + ": " + problem.message();
    }

    /** A WARNING status with one child per problem (each naming file, line and column), at most {@link #LIMIT}. */
    static IStatus warning(String message, List<ParseProblem> problems) {
        MultiStatus status = new MultiStatus(ReasonLabUiPlugin.PLUGIN_ID, 0, message);
        int shown = Math.min(problems.size(), LIMIT);
        for (ParseProblem problem : problems.subList(0, shown)) {
            status.add(new Status(IStatus.WARNING, ReasonLabUiPlugin.PLUGIN_ID, problem.toString()));
        }
        if (problems.size() > shown) {
            status.add(new Status(IStatus.WARNING, ReasonLabUiPlugin.PLUGIN_ID,
                    "and " + (problems.size() - shown) + " more problems"));
        }
        return status;
    }

    static IStatus error(String message, Throwable cause) {
        return new Status(IStatus.ERROR, ReasonLabUiPlugin.PLUGIN_ID, message, cause);
    }

    /** "1 record", "2 records". */
    static String count(int n, String singular, String plural) {
        return String.format("%,d %s", n, n == 1 ? singular : plural);
    }
}
