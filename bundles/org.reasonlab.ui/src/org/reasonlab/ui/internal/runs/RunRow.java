package org.reasonlab.ui.internal.runs;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IAdaptable;
import org.reasonlab.core.run.folder.RunInfo;

/**
 * A row of the Runs view: the run as read from its folder, the folder in the workspace, and the dataset as shown
 * (a workspace path when the dataset lies in the workspace). Adapts to the folder ({@link IContainer},
 * {@link IResource}) and to the {@link RunInfo}, so that commands contributed to the view's menu can use it.
 */
public record RunRow(IContainer container, RunInfo info, String dataset) implements IAdaptable {

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == RunInfo.class) {
            return adapter.cast(info);
        }
        if (adapter == IContainer.class || adapter == IResource.class) {
            return adapter.cast(container);
        }
        return null;
    }
}
