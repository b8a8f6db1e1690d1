package org.reasonlab.ui.internal.runs;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.reasonlab.ui.internal.remote.RemoteControlJob;

/**
 * Cancels the selected runs on compute targets: SIGTERM to the trainer, which writes a checkpoint and stops (a
 * queued job is removed). A local run is stopped with the Console's Terminate button.
 */
public class CancelRunHandler extends RunHandler {
    @Override
    protected Object execute(ExecutionEvent event, List<SelectedRun> runs) {
        RemoteControlJob last = null;
        for (SelectedRun run : runs) {
            if (RemoteControlJob.isRemote(run.info().folder())) {
                last = RemoteControlJob.cancel(run.info().folder());
            }
        }
        return last;
    }
}
