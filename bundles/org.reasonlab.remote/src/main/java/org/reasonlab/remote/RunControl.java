package org.reasonlab.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.reasonlab.core.target.JobScript;
import org.reasonlab.core.target.JobState;
import org.reasonlab.core.target.RemotePaths;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.core.target.ShellQuote;
import org.reasonlab.core.target.TargetKind;
import org.reasonlab.remote.slurm.Slurm;

/**
 * Cancel and Resume of a run on a target. Cancel sends SIGTERM (SLURM: {@code scancel --batch --signal=TERM} to
 * the job's batch shell, which passes it on; SSH: {@code kill -TERM}): the trainer writes a checkpoint after the
 * current step and stops; the mirror ends a job still there after the grace period ({@link #forceStop}). A queued
 * job is simply removed. Resume starts the same job script again: the trainer continues from the newest checkpoint
 * ({@code train --resume}), with a new job id (or pid) in {@code target.json}.
 */
public final class RunControl {
    private final Connection connection;

    public RunControl(Connection connection) {
        this.connection = connection;
    }

    public RunTarget cancel(Path localRun) throws IOException {
        try (RunFolderLock lock = RunFolderLock.acquire(localRun)) {
            return cancelLocked(localRun);
        }
    }

    private RunTarget cancelLocked(Path localRun) throws IOException {
        RunTarget record = read(localRun);
        if (record.kind() == TargetKind.SLURM) {
            Slurm slurm = new Slurm(connection);
            JobState state = slurm.state(record.jobId());
            if (state.isPending()) {
                slurm.cancel(record.jobId());
            } else if (state.isActive()) {
                slurm.signalTerm(record.jobId());
            }
        } else if (record.pid() != null) {
            new DetachedTrainer(connection).terminate(record.pid(), record.remoteFolder());
        }
        RunTarget cancelled = record.withCancelRequested(Instant.now());
        cancelled.write(localRun);
        return cancelled;
    }

    /** Ends the job without waiting for a checkpoint: {@code scancel}, or SIGKILL to the trainer's script. */
    void forceStop(RunTarget record) throws IOException {
        if (record.kind() == TargetKind.SLURM && record.jobId() != null) {
            new Slurm(connection).cancel(record.jobId());
        } else if (record.pid() != null) {
            connection.run(DetachedTrainer.check(record.pid(), record.remoteFolder()) + " && pkill -KILL -s "
                    + record.pid());
        }
    }

    /**
     * Starts the run's job again; it resumes from its newest checkpoint.
     *
     * @throws IOException when the job still runs or is queued, or the target refuses
     */
    public RunTarget resume(Path localRun) throws IOException {
        try (RunFolderLock lock = RunFolderLock.acquire(localRun)) {
            return resumeLocked(localRun);
        }
    }

    private RunTarget resumeLocked(Path localRun) throws IOException {
        RunTarget record = read(localRun);
        RunTarget updated;
        if (record.kind() == TargetKind.SLURM) {
            Slurm slurm = new Slurm(connection);
            if (record.jobId() != null && slurm.state(record.jobId()).isActive()) {
                throw new IOException(record.jobText() + " is still queued or running: cancel it first");
            }
            String jobId;
            if (record.groupId() != null && record.arrayIndex() != null) {
                String sweep = RemotePaths.under(record.workDir(), RemotePaths.SWEEPS, record.groupId());
                jobId = slurm.submit(sweep, JobScript.SBATCH_FILE, "--array=" + record.arrayIndex()) + "_"
                        + record.arrayIndex();
            } else {
                jobId = slurm.submit(record.remoteFolder(), JobScript.SBATCH_FILE);
            }
            updated = record.withJob(jobId, Instant.now());
        } else {
            DetachedTrainer detached = new DetachedTrainer(connection);
            if (record.pid() != null && detached.isAlive(record.pid(), record.remoteFolder())) {
                throw new IOException(record.jobText() + " is still running: cancel it first");
            }
            updated = record.withPid(detached.start(record.remoteFolder()), Instant.now());
        }
        updated.write(localRun);
        return updated;
    }

    private static RunTarget read(Path localRun) throws IOException {
        return RunTarget.read(localRun)
                .orElseThrow(() -> new IOException(localRun + " has no " + RunTarget.FILE + ": it is not a remote run"));
    }
}
