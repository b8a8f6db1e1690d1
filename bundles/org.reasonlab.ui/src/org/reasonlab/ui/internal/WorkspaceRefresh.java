package org.reasonlab.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * Brings files that ReasonLab writes behind the workspace's back (the trainer's run files, reviews appended with
 * fsync) into the workspace, so views that listen to resource changes and the Project Explorer see them.
 */
public final class WorkspaceRefresh {
    private WorkspaceRefresh() {
    }

    /** The nearest existing workspace container that holds {@code path} (the file's folder or one above it), or null. */
    public static IContainer containerAbove(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null) {
            return null;
        }
        try {
            for (IContainer c : ResourcesPlugin.getWorkspace().getRoot().findContainersForLocationURI(parent.toUri())) {
                IContainer candidate = c;
                while (candidate != null && candidate.getType() != IResource.ROOT && !candidate.exists()) {
                    candidate = candidate.getParent();
                }
                if (candidate != null && candidate.getType() != IResource.ROOT) {
                    return candidate;
                }
            }
        } catch (RuntimeException e) {
            // not in the workspace
        }
        return null;
    }

    /** Refreshes, in a short background job, the container that holds {@code path}; nothing when outside the workspace. */
    public static void soon(Path path) {
        IContainer container = containerAbove(path);
        if (container == null) {
            return;
        }
        WorkspaceJob refresh = new WorkspaceJob("Refreshing " + container.getFullPath()) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                if (container.exists()) {
                    container.refreshLocal(IResource.DEPTH_INFINITE, monitor);
                }
                return Status.OK_STATUS;
            }
        };
        refresh.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().refreshRule(container));
        refresh.setSystem(true);
        refresh.schedule(100);
    }
}
