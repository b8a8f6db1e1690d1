package org.reasonlab.ui.internal.runs;

import java.util.function.Predicate;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * A button of the run page that runs one of the run commands on the page's own run, whatever part is active (a
 * tool bar click need not activate the page, so the workbench's selection may be another part's).
 */
final class PageRunCommand extends Action {
    private final IWorkbenchPartSite site;
    private final String commandId;
    private final Predicate<RunInfo> applies;
    private RunRow run;

    PageRunCommand(IWorkbenchPartSite site, String commandId, String text, String tooltip, Predicate<RunInfo> applies) {
        super(text);
        this.site = site;
        this.commandId = commandId;
        this.applies = applies;
        setToolTipText(tooltip);
        setEnabled(false);
    }

    /** The run as last read; enables the button when the command applies to it. */
    void setRun(RunRow run) {
        this.run = run;
        setEnabled(applies.test(run.info()));
    }

    @Override
    public void run() {
        if (run == null) {
            return;
        }
        IHandlerService handlers = site.getService(IHandlerService.class);
        ParameterizedCommand command = new ParameterizedCommand(
                site.getService(ICommandService.class).getCommand(commandId), null);
        IEvaluationContext context = handlers.createContextSnapshot(false);
        context.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, new StructuredSelection(run));
        try {
            handlers.executeCommandInContext(command, null, context);
        } catch (Exception e) {
            ReasonLabUiPlugin.log("Could not run " + commandId + " on " + run.info().name(), e);
        }
    }
}
