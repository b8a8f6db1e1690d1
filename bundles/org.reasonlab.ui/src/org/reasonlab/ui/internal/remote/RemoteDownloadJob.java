package org.reasonlab.ui.internal.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.RunDownload;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.WorkspaceRefresh;

/** Downloads what stays on the target ({@code adapter/}, {@code merged/}, {@code checkpoints/}) in the background. */
public final class RemoteDownloadJob extends Job {
    private final Path folder;
    private volatile int files;

    private RemoteDownloadJob(Path folder) {
        super("Downloading the model files of " + folder.getFileName());
        this.folder = folder;
        setUser(true);
    }

    public static RemoteDownloadJob start(Path folder) {
        RemoteDownloadJob job = new RemoteDownloadJob(folder);
        job.schedule();
        return job;
    }

    /** How many files the download wrote (after the job). */
    public int files() {
        return files;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.REMOTE;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            try (Connection connection = RunConnections.open(folder)) {
                List<Path> written = new RunDownload(connection).download(folder, RunDownload.FOLDERS);
                files = written.size();
            }
            WorkspaceRefresh.soon(folder.resolve(RunDirectory.SPEC));
            return Status.OK_STATUS;
        } catch (IOException | RuntimeException e) {
            return Status.error("Cannot download the model files of " + folder.getFileName() + ": "
                    + FileErrors.describe(e instanceof IOException io ? io : new IOException(e.getMessage(), e)), e);
        }
    }
}
