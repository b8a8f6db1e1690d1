package org.reasonlab.ui.internal.runs;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * A command on the selected runs ({@link org.reasonlab.ui.RunCommands}); when it may run is declared with the
 * handler in plugin.xml ({@code enabledWhen}).
 */
abstract class RunHandler extends AbstractHandler {

    @Override
    public final Object execute(ExecutionEvent event) throws ExecutionException {
        List<SelectedRun> runs = SelectedRun.of(HandlerUtil.getCurrentSelection(event));
        return runs.isEmpty() ? null : execute(event, runs);
    }

    /** Does the command on the runs (at least one); returns what the command's caller gets (e.g. a job). */
    protected abstract Object execute(ExecutionEvent event, List<SelectedRun> runs) throws ExecutionException;

    protected static IWorkbenchPage page(ExecutionEvent event) throws ExecutionException {
        return HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
    }

    protected static void error(ExecutionEvent event, String title, String message) {
        MessageDialog.openError(HandlerUtil.getActiveShell(event), title, message);
    }
}
