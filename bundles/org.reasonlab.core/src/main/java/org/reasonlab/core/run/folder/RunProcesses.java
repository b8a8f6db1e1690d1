package org.reasonlab.core.run.folder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trainer processes one program (the IDE) started, so that a run whose events end without {@code finished} can
 * be told apart: its process alive (running) or gone (crashed). Whoever starts or resumes a run calls
 * {@link #register}. For a run it did not start (the command line, an earlier session) there is no process to ask:
 * it counts as running while its events file changed within {@link #staleAfter()}, else as crashed.
 * Thread-safe.
 */
public final class RunProcesses {
    /** The default of {@link #staleAfter()}. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private final Map<Path, ProcessHandle> processes = new ConcurrentHashMap<>();
    private volatile Duration staleAfter = STALE_AFTER;

    /** Records the process that trains (or evaluates) the run in the folder. */
    public void register(Path runFolder, ProcessHandle process) {
        processes.put(key(runFolder), process);
    }

    /** Whether the registered process of the run is alive; empty when none was registered for it. */
    public Optional<Boolean> isAlive(Path runFolder) {
        ProcessHandle p = processes.get(key(runFolder));
        return p == null ? Optional.empty() : Optional.of(p.isAlive());
    }

    /** How long the events file of a run without a known process may stay unchanged before it counts as crashed. */
    public Duration staleAfter() {
        return staleAfter;
    }

    public void setStaleAfter(Duration duration) {
        staleAfter = duration;
    }

    private static Path key(Path folder) {
        return folder.toAbsolutePath().normalize();
    }
}
