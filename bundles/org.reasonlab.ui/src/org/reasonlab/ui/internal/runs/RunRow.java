package org.reasonlab.ui.internal.runs;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.runtime.IAdaptable;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunSnapshot;

/**
 * A row of the Runs view: the run as read from its folder (all of it, so a comparison need not read it again), the folder in the workspace, and the dataset as shown
 * (a workspace path when the dataset lies in the workspace). Adapts to the folder ({@link IContainer}) and to the
 * {@link RunInfo}, so that commands contributed to the view's menu can use it; not to {@code IResource}, which
 * would fill the menu with every plugin's resource actions.
 */
public record RunRow(IContainer container, RunSnapshot snapshot, String dataset) implements IAdaptable {

    /** The run's row values. */
    public RunInfo info() {
        return snapshot.info();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == RunInfo.class) {
            return adapter.cast(info());
        }
        if (adapter == RunSnapshot.class) {
            return adapter.cast(snapshot);
        }
        if (adapter == IContainer.class) {
            return adapter.cast(container);
        }
        return null;
    }
}
