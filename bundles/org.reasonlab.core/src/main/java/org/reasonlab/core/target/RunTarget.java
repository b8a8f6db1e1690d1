package org.reasonlab.core.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.reasonlab.core.io.AtomicFiles;
import org.reasonlab.core.run.JsonFields;

/**
 * {@code target.json} in a run folder whose run executes elsewhere: the target, its host, the run's folder there,
 * the job (SLURM job id, or the trainer's pid on an SSH host), the sweep it belongs to and what the scheduler last
 * said. The local run folder mirrors the remote one; docs/run-directory.md describes the file.
 *
 * @param remoteFolder the run folder on the target
 * @param trainerDir   the uploaded trainer jars on the target ({@code workDir/trainer/<hash>})
 * @param jobId        SLURM job id ({@code 1234}, or {@code 1234_2} for an array task); null on SSH targets
 * @param jobs         every job id the run had, oldest first (a resumed run gets a new one)
 * @param pid          the detached trainer's process id on an SSH target
 * @param groupId      the sweep this run is one task of, or null
 * @param arrayIndex   the run's task index in the sweep's job array, or null
 * @param job          the scheduler's last answer, or null before the first
 * @param cancelRequested when Cancel was pressed (the final {@code scancel} follows after the grace period)
 */
public record RunTarget(String target, TargetKind kind, String host, Integer port, String user, String workDir,
        String remoteFolder, String trainerDir, String jobId, List<String> jobs, Long pid, String groupId,
        Integer arrayIndex, Instant submitted, JobState job, Instant cancelRequested) {
    public static final String FILE = "target.json";
    public static final int VERSION = 1;

    public RunTarget {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    public static RunTarget of(ComputeTarget target, String remoteFolder, String trainerDir) {
        return new RunTarget(target.name(), target.kind(), target.host(), target.port(), target.user(),
                target.workDir(), remoteFolder, trainerDir, null, List.of(), null, null, null, null, null, null);
    }

    public RunTarget withJob(String id, Instant when) {
        List<String> all = new ArrayList<>(jobs);
        all.add(id);
        return new RunTarget(target, kind, host, port, user, workDir, remoteFolder, trainerDir, id, all, pid, groupId,
                arrayIndex, when, new JobState(JobState.PENDING, null, when), null);
    }

    public RunTarget withPid(long processId, Instant when) {
        return new RunTarget(target, kind, host, port, user, workDir, remoteFolder, trainerDir, null, jobs, processId,
                groupId, arrayIndex, when, new JobState(JobState.RUNNING, null, when), null);
    }

    public RunTarget inSweep(String group, int index) {
        return new RunTarget(target, kind, host, port, user, workDir, remoteFolder, trainerDir, jobId, jobs, pid, group,
                index, submitted, job, cancelRequested);
    }

    public RunTarget withState(JobState state) {
        return new RunTarget(target, kind, host, port, user, workDir, remoteFolder, trainerDir, jobId, jobs, pid,
                groupId, arrayIndex, submitted, state, cancelRequested);
    }

    public RunTarget withCancelRequested(Instant when) {
        return new RunTarget(target, kind, host, port, user, workDir, remoteFolder, trainerDir, jobId, jobs, pid,
                groupId, arrayIndex, submitted, job, when);
    }

    /** {@code job 1234 on lab-cluster}, {@code pid 4242 on gpu-box}. */
    public String jobText() {
        if (jobId != null) {
            return "job " + jobId + " on " + target;
        }
        return pid != null ? "pid " + pid + " on " + target : "on " + target;
    }

    public static Path file(Path runFolder) {
        return runFolder.resolve(FILE);
    }

    /** The run folder's target record; empty for a local run (no {@code target.json}). */
    public static Optional<RunTarget> read(Path runFolder) throws IOException {
        Path file = file(runFolder);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code target.json} atomically. */
    public void write(Path runFolder) throws IOException {
        byte[] bytes = (JsonFields.PRETTY.toJson(toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file(runFolder), out -> out.write(bytes));
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("version", VERSION);
        o.addProperty("target", target);
        o.addProperty("kind", kind.id());
        TargetJson.put(o, "host", host);
        TargetJson.put(o, "port", port);
        TargetJson.put(o, "user", user);
        TargetJson.put(o, "workDir", workDir);
        o.addProperty("remoteFolder", remoteFolder);
        TargetJson.put(o, "trainerDir", trainerDir);
        TargetJson.put(o, "jobId", jobId);
        o.add("jobs", TargetJson.array(jobs));
        TargetJson.put(o, "pid", pid);
        TargetJson.put(o, "groupId", groupId);
        TargetJson.put(o, "arrayIndex", arrayIndex);
        TargetJson.put(o, "submitted", submitted == null ? null : submitted.toString());
        if (job != null) {
            JsonObject j = new JsonObject();
            j.addProperty("state", job.state());
            TargetJson.put(j, "reason", job.reason());
            TargetJson.put(j, "checked", job.checked() == null ? null : job.checked().toString());
            o.add("job", j);
        }
        TargetJson.put(o, "cancelRequested", cancelRequested == null ? null : cancelRequested.toString());
        return o;
    }

    public static RunTarget parse(String text) {
        JsonElement root = JsonFields.parse(text);
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("target.json must be a JSON object");
        }
        TargetJson j = new TargetJson(root.getAsJsonObject(), "");
        String kindText = j.string("kind");
        TargetKind kind = TargetKind.parse(kindText)
                .orElseThrow(() -> new IllegalArgumentException("kind must be local, ssh or slurm, not " + kindText));
        String remoteFolder = j.string("remoteFolder");
        if (j.string("target") == null || remoteFolder == null) {
            throw new IllegalArgumentException("target and remoteFolder are required");
        }
        TargetJson job = j.object("job");
        JobState state = job == null ? null : new JobState(job.string("state"), job.string("reason"),
                instant(job.string("checked")));
        return new RunTarget(j.string("target"), kind, j.string("host"), j.integer("port"), j.string("user"),
                j.string("workDir"), remoteFolder, j.string("trainerDir"), j.string("jobId"), j.strings("jobs"),
                j.longValue("pid"), j.string("groupId"), j.integer("arrayIndex"), instant(j.string("submitted")), state,
                instant(j.string("cancelRequested")));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
