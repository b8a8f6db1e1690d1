package org.reasonlab.ui.internal.runs;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Reads the runs of the active Runs view again. */
public class RefreshRunsHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActivePart(event) instanceof RunsView view) {
            view.refresh();
        }
        return null;
    }
}
