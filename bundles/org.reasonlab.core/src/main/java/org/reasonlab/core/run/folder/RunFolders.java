package org.reasonlab.core.run.folder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;

import org.reasonlab.core.review.ReviewsFile;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.core.run.RunDirectory;

/**
 * What makes a folder a run folder: {@code spec.json} (a fine-tuning run), or {@code metrics.json} with
 * {@code predictions.jsonl} (an evaluation as {@code EvalMain --out} writes it).
 */
public final class RunFolders {
    /** The files whose changes can change what is shown of a run. */
    public static final Set<String> RUN_FILES = Set.of(RunDirectory.SPEC, RunDirectory.ENVIRONMENT,
            RunDirectory.EVENTS, RunDirectory.METRICS, RunDirectory.PREDICTIONS, ReviewsFile.NAME, RunTarget.FILE,
            RunDirectory.PROBE);

    private RunFolders() {
    }

    public static boolean isRunFolder(Path folder) {
        return isRunFolder(name -> Files.isRegularFile(folder.resolve(name)));
    }

    /** The rule over a folder's files as its owner knows them (e.g. a workspace folder's resources). */
    public static boolean isRunFolder(Predicate<String> hasFile) {
        return hasFile.test(RunDirectory.SPEC)
                || hasFile.test(RunDirectory.METRICS) && hasFile.test(RunDirectory.PREDICTIONS);
    }
}
