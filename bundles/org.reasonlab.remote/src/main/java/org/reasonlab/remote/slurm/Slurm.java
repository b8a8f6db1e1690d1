package org.reasonlab.remote.slurm;

import java.io.IOException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reasonlab.core.target.JobState;
import org.reasonlab.core.target.ShellQuote;
import org.reasonlab.remote.CommandResult;
import org.reasonlab.remote.Connection;
import org.reasonlab.remote.RemoteCommandException;

/**
 * SLURM's commands on a cluster's login host (or this machine): {@code sbatch}, {@code squeue}, {@code sacct},
 * {@code scontrol}, {@code scancel}, {@code sinfo}. ReasonLab submits and asks; SLURM schedules.
 */
public final class Slurm {
    private static final Pattern JOB_ID = Pattern.compile("^(\\d+)(;.*)?$");
    private static final Pattern JOB_STATE = Pattern.compile("\\bJobState=(\\S+)");
    private static final Pattern REASON = Pattern.compile("\\bReason=(\\S+)");

    private final Connection connection;

    public Slurm(Connection connection) {
        this.connection = connection;
    }

    /**
     * {@code cd FOLDER && sbatch --parsable SCRIPT}: the job's output lands in the folder.
     *
     * @return the job id
     * @throws RemoteCommandException with sbatch's error ({@code sbatch: error: invalid partition specified: gpux})
     */
    public String submit(String folder, String script, String... options) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("sbatch", "--parsable"));
        command.addAll(java.util.List.of(options));
        command.addAll(java.util.List.of("--", script));
        CommandResult r = connection.run("cd -- " + ShellQuote.quote(folder) + " && " + ShellQuote.command(command))
                .orThrow();
        String out = r.stdout().strip();
        String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1).strip();
        Matcher m = JOB_ID.matcher(last);
        if (!m.matches()) {
            throw new IOException(connection.where() + ": sbatch printed no job id: " + out);
        }
        return m.group(1);
    }

    /** What the scheduler says about the job: squeue while it is queued or runs, then sacct, then scontrol. */
    public JobState state(String jobId) throws IOException {
        Instant now = Instant.now();
        CommandResult q = connection.run(ShellQuote.command("squeue", "-h", "-j", jobId, "-o", "%T|%r"));
        if (q.ok()) {
            String line = firstLine(q.stdout());
            if (!line.isEmpty()) {
                String[] parts = line.split("\\|", 2);
                return new JobState(parts[0], parts.length > 1 ? parts[1] : null, now);
            }
        }
        CommandResult a = connection.run(ShellQuote.command("sacct", "-n", "-X", "-P", "-j", jobId, "-o", "State"));
        if (a.ok() && !firstLine(a.stdout()).isEmpty()) {
            return new JobState(firstLine(a.stdout()), null, now);
        }
        // without accounting, scontrol still knows a job for a few minutes after it ended (MinJobAge)
        CommandResult c = connection.run(ShellQuote.command("scontrol", "show", "job", "-o", jobId));
        if (c.ok()) {
            Matcher state = JOB_STATE.matcher(c.stdout());
            if (state.find()) {
                Matcher reason = REASON.matcher(c.stdout());
                return new JobState(state.group(1), reason.find() ? reason.group(1) : null, now);
            }
        }
        if (!q.ok() && !q.stderr().contains("Invalid job id")) {
            throw new RemoteCommandException(q); // squeue itself failed: the cluster is not answering
        }
        // squeue answered and knows no such job, nor do sacct and scontrol: it ended long enough ago to be forgotten
        return new JobState(JobState.GONE, null, now);
    }

    /** {@code scancel --batch --signal=TERM}: the job's batch shell passes SIGTERM to the trainer, which checkpoints. */
    public void signalTerm(String jobId) throws IOException {
        connection.run(ShellQuote.command("scancel", "--batch", "--signal=TERM", jobId)).orThrow();
    }

    /** {@code scancel JOB}: ends the job. */
    public void cancel(String jobId) throws IOException {
        connection.run(ShellQuote.command("scancel", jobId)).orThrow();
    }

    /** Whether the partition exists ({@code sinfo -p}). */
    public boolean hasPartition(String partition) throws IOException {
        CommandResult r = connection.run(ShellQuote.command("sinfo", "-h", "-p", partition, "-o", "%P")).orThrow();
        return !r.stdout().isBlank();
    }

    /** {@code sinfo --version}: that SLURM's commands are there. */
    public String version() throws IOException {
        return connection.run(ShellQuote.command("sinfo", "--version")).orThrow().stdout().strip();
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
