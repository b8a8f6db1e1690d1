package org.reasonlab.ui.internal.runs;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;

/** Opens the run page of each selected run. */
public class OpenRunHandler extends RunHandler {
    @Override
    protected Object execute(ExecutionEvent event, List<SelectedRun> runs) throws ExecutionException {
        for (SelectedRun r : runs) {
            try {
                RunEditor.open(page(event), r.container());
            } catch (PartInitException e) {
                error(event, "Open Run", "Cannot open " + r.name() + ": " + e.getMessage());
            }
        }
        return null;
    }
}
