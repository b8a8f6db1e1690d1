package org.reasonlab.ui.internal.runs;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunSnapshot;

/** A run in a selection: what was read of it, its folder in the workspace, and all that was read (null if not offered). */
record SelectedRun(RunInfo info, IContainer container, RunSnapshot snapshot) {

    /** The selected elements that adapt to a run and its folder, in selection order. */
    static List<SelectedRun> of(ISelection selection) {
        List<SelectedRun> runs = new ArrayList<>();
        if (selection instanceof IStructuredSelection s) {
            for (Object o : s.toList()) {
                RunInfo info = Adapters.adapt(o, RunInfo.class);
                IContainer container = Adapters.adapt(o, IContainer.class);
                if (info != null && container != null) {
                    runs.add(new SelectedRun(info, container, Adapters.adapt(o, RunSnapshot.class)));
                }
            }
        }
        return runs;
    }

    String name() {
        return info.name();
    }
}
