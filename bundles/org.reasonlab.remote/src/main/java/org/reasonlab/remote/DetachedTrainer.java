package org.reasonlab.remote;

import java.io.IOException;

import org.reasonlab.core.target.JobScript;
import org.reasonlab.core.target.ShellQuote;

/**
 * The trainer on an SSH host without SLURM: the run's {@code run.sh} started with {@code nohup setsid}, so it
 * survives a dropped connection, its pid recorded. The process is identified by pid and working folder, so a reused
 * pid is never taken for the run's.
 */
public final class DetachedTrainer {
    private final Connection connection;

    public DetachedTrainer(Connection connection) {
        this.connection = connection;
    }

    /** Starts {@code run.sh} in the run folder; returns its pid. */
    public long start(String runFolder) throws IOException {
        CommandResult r = connection.run("cd -- " + ShellQuote.quote(runFolder) + " && { nohup setsid bash "
                + JobScript.DETACHED_FILE + " >/dev/null 2>&1 </dev/null & echo $!; }").orThrow();
        try {
            return Long.parseLong(r.stdout().strip());
        } catch (NumberFormatException e) {
            throw new IOException(connection.where() + ": starting the trainer printed no pid: " + r.stdout());
        }
    }

    /** Whether the run's process is alive: that pid, working in that folder. */
    public boolean isAlive(long pid, String runFolder) throws IOException {
        return connection.run(check(pid, runFolder)).ok();
    }

    /** SIGTERM to the run's script, which passes it to the trainer (checkpoint, then stop). */
    public void terminate(long pid, String runFolder) throws IOException {
        connection.run(check(pid, runFolder) + " && kill -TERM " + pid);
    }

    /** That pid runs in that folder ({@code -ef}: the same inode, also where a path goes through a symbolic link). */
    static String check(long pid, String runFolder) {
        return "[ /proc/" + pid + "/cwd -ef " + ShellQuote.quote(runFolder) + " ]";
    }
}
