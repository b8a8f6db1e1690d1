package org.reasonlab.ui.internal.runs;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.reasonlab.ui.internal.remote.RemoteControlJob;
import org.reasonlab.ui.internal.remote.RemoteDownloadJob;

/**
 * Downloads the adapter, merged model and checkpoints of the selected runs on compute targets, which stay there
 * until asked for (they can be large).
 */
public class DownloadRunHandler extends RunHandler {
    @Override
    protected Object execute(ExecutionEvent event, List<SelectedRun> runs) {
        RemoteDownloadJob last = null;
        for (SelectedRun run : runs) {
            if (RemoteControlJob.isRemote(run.info().folder())) {
                last = RemoteDownloadJob.start(run.info().folder());
            }
        }
        return last;
    }
}
