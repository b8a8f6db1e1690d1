package org.reasonlab.ui.internal.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.target.ComputeTarget;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.RunMirror;
import org.reasonlab.remote.ssh.HostKeyException;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.WorkspaceRefresh;

/**
 * Follows one run on a compute target: syncs its folder ({@link RunMirror}) every few seconds while the job is queued
 * or runs, then once more for the results, and refreshes the workspace so the Runs view and run page see the
 * files. One per run folder ({@link #watch}); a dropped connection is retried on the next round (the mirror continues
 * from its byte offset), so a lost network or a sleeping laptop costs nothing. After a restart the workbench
 * {@link RemoteReattach reattaches} to every run that has not ended.
 */
public final class RemoteRunJob extends Job {
    private static final Map<Path, RemoteRunJob> WATCHED = new ConcurrentHashMap<>();
    static final long RUNNING_DELAY_MS = 2_000;
    static final long PENDING_DELAY_MS = 10_000;

    private final Path folder;
    private volatile Connection connection;
    private volatile String lastProblem;

    private RemoteRunJob(Path folder) {
        super("Following " + folder.getFileName() + " on its compute target");
        this.folder = folder;
        setSystem(false);
        setPriority(LONG);
    }

    /** Starts following the run in {@code folder} unless it is followed already. */
    public static void watch(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        WATCHED.computeIfAbsent(key, k -> {
            RemoteRunJob job = new RemoteRunJob(k);
            job.schedule();
            return job;
        });
    }

    /** Stops following every run (the workbench shuts down; tests); {@link RemoteReattach} picks them up again. */
    public static void stopAll() {
        for (RemoteRunJob job : WATCHED.values()) {
            job.cancel();
        }
        WATCHED.clear();
    }

    public static boolean isWatched(Path folder) {
        return WATCHED.containsKey(folder.toAbsolutePath().normalize());
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.REMOTE;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        boolean ended = false;
        try {
            RunTarget record = RunTarget.read(folder).orElse(null);
            if (record == null) {
                ended = true;
                return Status.OK_STATUS;
            }
            ComputeTarget target = RunConnections.targetOf(folder);
            if (connection == null) {
                connection = RunConnections.open(target);
            }
            RunMirror.SyncResult result = new RunMirror(connection, java.time.Duration.ofSeconds(
                    target.slurm().effectiveCancelGraceSeconds())).sync(folder);
            lastProblem = null;
            RunInfo info = RunReader.readOnce(folder).info();
            setName(folder.getFileName() + " on " + record.target() + ": " + info.statusText());
            ended = result.ended();
            WorkspaceRefresh.soon(folder.resolve(RunDirectory.SPEC));
            return Status.OK_STATUS;
        } catch (HostKeyException e) {
            // not a network blip: the key is unknown and was not accepted, or it changed; never retried unasked
            ended = true;
            return Status.error("Stopped following " + folder.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // the network may come back: keep following, say so in the Progress view
            lastProblem = FileErrors.describe(e instanceof IOException io ? io : new IOException(e));
            setName(folder.getFileName() + ": " + lastProblem + " (retrying)");
            closeConnection();
            return Status.OK_STATUS;
        } finally {
            if (ended || monitor.isCanceled() || WATCHED.get(folder) != this) {
                closeConnection();
                WATCHED.remove(folder, this);
            } else {
                schedule(delay());
            }
        }
    }

    @Override
    protected void canceling() {
        // a job cancelled while it waits for its next round never runs again: let go of it here
        closeConnection();
        WATCHED.remove(folder, this);
    }

    private long delay() {
        try {
            RunTarget record = RunTarget.read(folder).orElse(null);
            return record != null && record.job() != null && record.job().isPending() ? PENDING_DELAY_MS
                    : RUNNING_DELAY_MS;
        } catch (IOException e) {
            return PENDING_DELAY_MS;
        }
    }

    /** The last connection problem, or null (tests, the run page). */
    public String lastProblem() {
        return lastProblem;
    }

    private synchronized void closeConnection() {
        Connection open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
    }
}
