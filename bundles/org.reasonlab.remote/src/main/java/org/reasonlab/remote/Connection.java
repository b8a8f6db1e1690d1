package org.reasonlab.remote;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A way to run commands on a target: over SSH ({@code org.reasonlab.remote.ssh.SshConnection}) or on this machine
 * ({@link LocalConnection}, a SLURM cluster whose {@code sbatch} is local). Commands are shell command lines built
 * with {@code ShellQuote}, run by {@code sh -c} in both cases, so quoting is the same everywhere.
 */
public interface Connection extends AutoCloseable {
    Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Runs a command line and waits for it.
     *
     * @param stdin what the command reads, or null for nothing
     * @throws IOException when the command could not be run or did not end in time (not when it failed: see
     *                     {@link CommandResult#orThrow()})
     */
    CommandResult run(String commandLine, InputStream stdin, Duration timeout) throws IOException;

    default CommandResult run(String commandLine) throws IOException {
        return run(commandLine, null, DEFAULT_TIMEOUT);
    }

    /** {@code alice@login.example.edu:22}, or "this machine": what messages name. */
    String where();

    @Override
    void close();
}
