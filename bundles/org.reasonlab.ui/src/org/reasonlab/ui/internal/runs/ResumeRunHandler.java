package org.reasonlab.ui.internal.runs;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.reasonlab.ui.internal.remote.RemoteControlJob;
import org.eclipse.core.runtime.CoreException;
import org.reasonlab.ui.internal.launch.TrainerLauncher;

/**
 * Resumes the selected run from its newest checkpoint, with the Training preferences' runtime settings; returns
 * the job that follows the trainer.
 */
public class ResumeRunHandler extends RunHandler {
    @Override
    protected Object execute(ExecutionEvent event, List<SelectedRun> runs) {
        SelectedRun run = runs.get(0);
        if (RemoteControlJob.isRemote(run.info().folder())) {
            return RemoteControlJob.resume(run.info().folder()); // resubmitted on its compute target
        }
        try {
            return TrainerLauncher.resume(run.info().folder());
        } catch (CoreException | RuntimeException e) {
            error(event, "Resume Run", "Cannot resume " + run.name() + ": " + e.getMessage());
            return null;
        }
    }
}
