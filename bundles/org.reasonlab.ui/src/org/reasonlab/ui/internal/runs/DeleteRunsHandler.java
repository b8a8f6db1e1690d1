package org.reasonlab.ui.internal.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.MultiRule;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * Asks, then deletes the selected run folders in a workspace job, which it returns. A running run is never
 * deleted.
 */
public class DeleteRunsHandler extends RunHandler {
    private static Predicate<List<String>> confirmation;

    /** Replaces the question (tests): given the names of the runs, whether to delete them; null asks with a dialog. */
    static void setConfirmation(Predicate<List<String>> names) {
        confirmation = names;
    }

    @Override
    protected Object execute(ExecutionEvent event, List<SelectedRun> runs) {
        List<SelectedRun> running = runs.stream().filter(r -> r.info().state() == RunState.RUNNING).toList();
        if (!running.isEmpty()) {
            error(event, "Delete Runs", running.get(0).name() + " is still running; stop it before deleting it.");
            return null;
        }
        List<IContainer> folders = new ArrayList<>();
        for (SelectedRun r : runs) {
            if (r.container().getType() == IResource.FOLDER) {
                folders.add(r.container());
            }
        }
        if (folders.isEmpty()) {
            return null;
        }
        Predicate<List<String>> confirm = confirmation != null ? confirmation
                : names -> MessageDialog.openConfirm(HandlerUtil.getActiveShell(event), "Delete Runs",
                        folders.size() == 1 ? "Delete the run folder " + folders.get(0).getFullPath()
                                + " with its checkpoints and results?"
                                : "Delete the " + folders.size() + " run folders with their checkpoints and results?");
        if (!confirm.test(runs.stream().map(SelectedRun::name).toList())) {
            return null;
        }
        return delete(folders);
    }

    private static Job delete(List<IContainer> folders) {
        ISchedulingRule[] rules = folders.stream()
                .map(f -> ResourcesPlugin.getWorkspace().getRuleFactory().deleteRule(f)).toArray(ISchedulingRule[]::new);
        WorkspaceJob job = new WorkspaceJob("Deleting runs") {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) {
                MultiStatus status = new MultiStatus(ReasonLabUiPlugin.PLUGIN_ID, 0, "Some runs could not be deleted", null);
                for (IContainer f : folders) {
                    try {
                        f.delete(true, monitor);
                    } catch (CoreException e) {
                        status.add(e.getStatus());
                    }
                }
                return status.isOK() ? Status.OK_STATUS : status;
            }
        };
        job.setRule(MultiRule.combine(rules));
        job.setUser(true);
        job.schedule();
        return job;
    }
}
