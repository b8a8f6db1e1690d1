package org.reasonlab.ui.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trainer processes this IDE started, so that a run whose events end without {@code finished} can be told
 * apart: its process alive (running) or gone (crashed). The launcher calls {@link #register} when it starts or
 * resumes a run. For a run this IDE did not start (the command line, an earlier session) there is no process to
 * ask: it counts as running while its events file changed within {@link #staleAfter()}, else as crashed.
 */
public final class RunProcesses {
    private static final Map<Path, ProcessHandle> PROCESSES = new ConcurrentHashMap<>();
    private static volatile Duration staleAfter = Duration.ofMinutes(10);

    private RunProcesses() {
    }

    /** Records the process that trains (or evaluates) the run in the folder. */
    public static void register(Path runFolder, ProcessHandle process) {
        PROCESSES.put(key(runFolder), process);
    }

    /** Whether the registered process of the run is alive; empty when this IDE started none for it. */
    public static Optional<Boolean> isAlive(Path runFolder) {
        ProcessHandle p = PROCESSES.get(key(runFolder));
        return p == null ? Optional.empty() : Optional.of(p.isAlive());
    }

    /** How long the events file of a run without a known process may stay unchanged before it counts as crashed. */
    public static Duration staleAfter() {
        return staleAfter;
    }

    public static void setStaleAfter(Duration duration) {
        staleAfter = duration;
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }
}
