package org.reasonlab.ui.internal.runs;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;

/** Datasets as the views show them: as a workspace path when the file lies in the workspace, else as given. */
final class WorkspacePaths {
    private final Map<String, String> shown = new ConcurrentHashMap<>();

    /** The dataset's workspace path, or the path as given; looked up once per path. Null for null. */
    String shown(String dataset) {
        return dataset == null ? null : shown.computeIfAbsent(dataset, WorkspacePaths::lookUp);
    }

    private static String lookUp(String dataset) {
        try {
            for (IFile f : ResourcesPlugin.getWorkspace().getRoot()
                    .findFilesForLocationURI(Path.of(dataset).toAbsolutePath().toUri())) {
                return f.getFullPath().toString();
            }
        } catch (RuntimeException e) {
            // not a path, or no workspace: show it as it is
        }
        return dataset;
    }
}
