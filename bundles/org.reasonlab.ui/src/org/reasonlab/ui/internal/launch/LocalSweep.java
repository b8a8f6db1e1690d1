package org.reasonlab.ui.internal.launch;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.debug.core.ILaunch;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * The runs of a sweep on this machine, trained one after another in the same launch (each its own process in the
 * Console and job in the Progress view): two trainers at once would only share the cores. A run that fails does not
 * stop the next; cancelling one (or terminating the launch) stops the sweep, and the runs not started stay as
 * created, to be resumed from the Runs view.
 */
final class LocalSweep {
    private final ILaunch launch;
    private final LaunchSettings settings;
    private final List<Path> classPath;
    private final List<Path> folders;

    private LocalSweep(ILaunch launch, LaunchSettings settings, List<Path> classPath, List<Path> folders) {
        this.launch = launch;
        this.settings = settings;
        this.classPath = classPath;
        this.folders = folders;
    }

    /** Starts the first run; returns its job. */
    static TrainerJob start(ILaunch launch, LaunchSettings settings, List<Path> classPath, LaunchRuns runs)
            throws CoreException {
        return new LocalSweep(launch, settings, classPath, runs.folders()).startRun(0);
    }

    private TrainerJob startRun(int index) throws CoreException {
        Path folder = folders.get(index);
        TrainerCommand command = TrainerCommand.train(settings, classPath, folder);
        String label = "Fine-tune " + folder.getFileName() + " (" + (index + 1) + " of " + folders.size() + ")";
        TrainerJob job = TrainerLauncher.start(launch, command, label, true);
        if (index + 1 < folders.size()) {
            job.addJobChangeListener(new JobChangeAdapter() {
                @Override
                public void done(IJobChangeEvent event) {
                    if (event.getResult().getSeverity() == IStatus.CANCEL || job.outcome() == RunStatus.CANCELLED) {
                        return;
                    }
                    try {
                        startRun(index + 1);
                    } catch (CoreException e) {
                        ReasonLabUiPlugin.log("Cannot start the next run of the sweep: " + folders.get(index + 1), e);
                    }
                }
            });
        }
        return job;
    }
}
