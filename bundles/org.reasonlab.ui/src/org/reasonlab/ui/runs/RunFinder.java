package org.reasonlab.ui.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.reasonlab.core.review.ReviewsFile;
import org.reasonlab.core.run.RunDirectory;

/**
 * Finds run folders in the workspace, the way {@code RunSummary.read} recognises them: a folder with
 * {@code spec.json} (a fine-tuning run) or with {@code metrics.json} and {@code predictions.jsonl} (an evaluation
 * as {@code EvalMain --out} writes it). The search does not descend into a run folder, nor into hidden folders.
 */
public final class RunFinder {
    /** The files whose changes can change what the Runs view shows. */
    public static final Set<String> RUN_FILES = Set.of(RunDirectory.SPEC, RunDirectory.ENVIRONMENT,
            RunDirectory.EVENTS, RunDirectory.METRICS, RunDirectory.PREDICTIONS, ReviewsFile.NAME);

    private RunFinder() {
    }

    /** The run folders at or under {@code root}, in the workspace's order. */
    public static List<IContainer> find(IContainer root) throws CoreException {
        List<IContainer> found = new ArrayList<>();
        if (!root.isAccessible()) {
            return found;
        }
        root.accept(proxy -> {
            if (proxy.getType() == IResource.FILE) {
                return false;
            }
            if (proxy.getType() != IResource.ROOT && proxy.getName().startsWith(".")) {
                return false;
            }
            IResource resource = proxy.requestResource();
            if (resource instanceof IContainer c && c.getType() != IResource.ROOT) {
                if (!c.isAccessible()) {
                    return false;
                }
                if (isRunFolder(c)) {
                    found.add(c);
                    return false;
                }
            }
            return true;
        }, IResource.NONE);
        return found;
    }

    public static boolean isRunFolder(IContainer c) {
        return c.getFile(IPath.fromOSString(RunDirectory.SPEC)).exists()
                || c.getFile(IPath.fromOSString(RunDirectory.METRICS)).exists()
                        && c.getFile(IPath.fromOSString(RunDirectory.PREDICTIONS)).exists();
    }

    public static boolean isRunFolder(Path folder) {
        RunDirectory run = new RunDirectory(folder);
        return Files.isRegularFile(run.specFile())
                || Files.isRegularFile(run.metricsFile()) && Files.isRegularFile(run.predictionsFile());
    }

    /** The folder on disk, null when it has none (a virtual folder). */
    public static Path location(IContainer c) {
        IPath location = c.getLocation();
        return location == null ? null : location.toPath();
    }
}
