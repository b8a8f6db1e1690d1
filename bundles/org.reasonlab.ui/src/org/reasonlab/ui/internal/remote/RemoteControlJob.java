package org.reasonlab.ui.internal.remote;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.RunControl;
import org.reasonlab.ui.internal.JobFamilies;

/**
 * Cancel or Resume of a run on a compute target, in the background ({@link RunControl}); the run is then followed
 * ({@link RemoteRunJob}) until its job ends.
 */
public final class RemoteControlJob extends Job {
    private final Path folder;
    private final boolean resume;

    private RemoteControlJob(Path folder, boolean resume) {
        super((resume ? "Resuming " : "Cancelling ") + folder.getFileName());
        this.folder = folder;
        this.resume = resume;
        setUser(true);
    }

    public static RemoteControlJob cancel(Path folder) {
        RemoteControlJob job = new RemoteControlJob(folder, false);
        job.schedule();
        return job;
    }

    public static RemoteControlJob resume(Path folder) {
        RemoteControlJob job = new RemoteControlJob(folder, true);
        job.schedule();
        return job;
    }

    /** Whether the run in the folder executes on a compute target. */
    public static boolean isRemote(Path folder) {
        return java.nio.file.Files.isRegularFile(RunTarget.file(folder));
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.REMOTE;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            try (Connection connection = RunConnections.open(folder)) {
                RunControl control = new RunControl(connection);
                if (resume) {
                    control.resume(folder);
                } else {
                    control.cancel(folder);
                }
            }
            RemoteRunJob.watch(folder);
            return Status.OK_STATUS;
        } catch (IOException | RuntimeException e) {
            return Status.error((resume ? "Cannot resume " : "Cannot cancel ") + folder.getFileName() + ": "
                    + FileErrors.describe(e instanceof IOException io ? io : new IOException(e.getMessage(), e)), e);
        }
    }
}
