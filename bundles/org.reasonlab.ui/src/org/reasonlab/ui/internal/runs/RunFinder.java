package org.reasonlab.ui.internal.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.reasonlab.core.run.folder.RunFolders;

/**
 * Finds run folders in the workspace ({@link RunFolders#isRunFolder} says what they are). The search does not
 * descend into a run folder, nor into hidden folders.
 */
public final class RunFinder {

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
        return RunFolders.isRunFolder(name -> c.getFile(IPath.fromOSString(name)).exists());
    }

    /** The folder on disk, null when it has none (a virtual folder). */
    public static Path location(IContainer c) {
        IPath location = c.getLocation();
        return location == null ? null : location.toPath();
    }
}
