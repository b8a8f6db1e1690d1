package org.reasonlab.remote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEventReader;
import org.reasonlab.core.target.JobState;
import org.reasonlab.core.target.JobScript;
import org.reasonlab.core.target.RemotePaths;
import org.reasonlab.core.target.RunTarget;
import org.reasonlab.core.target.TargetKind;
import org.reasonlab.remote.slurm.Slurm;

/**
 * Keeps a run folder in the workspace a mirror of the run's folder on its target. Each {@link #sync} appends the
 * events written since the last one: the local {@code events.jsonl} holds whole lines only, so its size is the
 * byte offset to continue from, also after a dropped connection (nothing lost, nothing twice). It asks the scheduler
 * for the job's state (recorded in {@code target.json}), fetches {@code environment.json} once it exists and, when the
 * run has ended, {@code predictions.jsonl}, {@code metrics.json} and the trainer's log. Checkpoints, the adapter and
 * the merged model stay on the target ({@link RunDownload} fetches them when asked).
 */
public final class RunMirror {
    /** The files fetched when the run has ended. */
    static final List<String> RESULT_FILES = List.of(RunDirectory.ENVIRONMENT, RunDirectory.PREDICTIONS,
            RunDirectory.METRICS, JobScript.LOG_FILE);

    private final Connection connection;
    private final Duration cancelGrace;

    /** @param cancelGrace how long after Cancel's SIGTERM a job may still run before it is ended with scancel */
    public RunMirror(Connection connection, Duration cancelGrace) {
        this.connection = connection;
        this.cancelGrace = cancelGrace;
    }

    /**
     * @param target    the run's record after this sync
     * @param newEvents event lines appended
     * @param ended     whether the job no longer runs (its results are here, as far as it wrote any)
     */
    public record SyncResult(RunTarget target, int newEvents, boolean ended) {
    }

    public SyncResult sync(Path localRun) throws IOException {
        try (RunFolderLock lock = RunFolderLock.acquire(localRun)) {
            return syncLocked(localRun);
        }
    }

    private SyncResult syncLocked(Path localRun) throws IOException {
        RunTarget record = RunTarget.read(localRun)
                .orElseThrow(() -> new IOException(localRun + " has no " + RunTarget.FILE + ": it is not a remote run"));
        RemoteFiles files = new RemoteFiles(connection, record.workDir());
        Path events = new RunDirectory(localRun).eventsFile();
        long offset = Files.exists(events) ? Files.size(events) : 0;
        byte[] chunk = newLines(files, record, offset);
        JobState state = jobState(record);
        boolean ended = !state.isActive() && !JobState.UNKNOWN.equals(state.state());
        if (ended) {
            chunk = newLines(files, record, offset); // with the last lines written as the job ended
        }
        boolean finished = RunEventReader.parse(new String(chunk, StandardCharsets.UTF_8)).status().isFinal()
                || RunEventReader.read(events).status().isFinal();
        record = record.withState(state);
        if (!Files.exists(localRun.resolve(RunDirectory.ENVIRONMENT))) {
            files.download(RemotePaths.under(record.remoteFolder(), RunDirectory.ENVIRONMENT),
                    localRun.resolve(RunDirectory.ENVIRONMENT));
        }
        // the results before the events that say the run is over: whoever sees it finished finds them here
        if (ended || finished) {
            for (String name : RESULT_FILES) {
                files.download(RemotePaths.under(record.remoteFolder(), name), localRun.resolve(name));
            }
        }
        int lines = append(events, chunk);
        finishCancel(record, state);
        record.write(localRun);
        return new SyncResult(record, lines, ended || finished && !state.isActive());
    }

    /** The remote events after {@code offset}, whole lines only (a line being written comes next time). */
    static byte[] newLines(RemoteFiles files, RunTarget record, long offset) throws IOException {
        byte[] bytes = files.readFrom(RemotePaths.under(record.remoteFolder(), RunDirectory.EVENTS), offset);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end);
    }

    /** Appends whole lines to the local event log (and forces them to disk); returns how many. */
    static int append(Path events, byte[] chunk) throws IOException {
        if (chunk.length == 0) {
            return 0;
        }
        int lines = 0;
        for (byte b : chunk) {
            if (b == '\n') {
                lines++;
            }
        }
        try (FileChannel out = FileChannel.open(events, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(chunk);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        }
        return lines;
    }

    private JobState jobState(RunTarget record) throws IOException {
        if (record.kind() == TargetKind.SLURM && record.jobId() != null) {
            return new Slurm(connection).state(record.jobId());
        }
        if (record.pid() != null) {
            boolean alive = new DetachedTrainer(connection).isAlive(record.pid(), record.remoteFolder());
            return new JobState(alive ? JobState.RUNNING : JobState.EXITED, null, Instant.now());
        }
        return new JobState(JobState.UNKNOWN, null, Instant.now());
    }

    /** After Cancel's SIGTERM and the grace period, a job still there is ended for good. */
    private void finishCancel(RunTarget record, JobState state) throws IOException {
        if (record.cancelRequested() != null && state.isActive()
                && (state.isPending() || Instant.now().isAfter(record.cancelRequested().plus(cancelGrace)))) {
            new RunControl(connection).forceStop(record);
        }
    }
}
