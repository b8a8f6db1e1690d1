package org.reasonlab.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a trainer JVM's exit code means, and the evidence a launcher leaves in the run folder when
 * the trainer could not write its own end. Exit codes of {@code train}: 0 completed, 1 failed,
 * 2 bad arguments, 3 cancelled from inside the process; SIGTERM (Cancel, Ctrl+C, {@code kill}) makes
 * the trainer stop after the current step, write its {@code finished} event (status cancelled) and
 * exit with 143 (128 + 15) like any JVM ended by SIGTERM. Any other code above 128 is a signal the
 * trainer did not survive (137: SIGKILL, 134: SIGABRT, the JVM's own abort on a native crash).
 * Used by the IDE's trainer job and, through {@link #main}, by {@code ./reasonlab train}.
 */
public final class TrainerExit {
    public static final int COMPLETED = 0;
    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;
    public static final int CANCELLED = 3;
    /** 128 + SIGTERM: the trainer stopped on SIGTERM (with a final checkpoint when it had started training). */
    public static final int TERMINATED = 143;

    private static final int SIGNAL_BASE = 128;
    private static final int SIGTERM = 15;
    private static final Map<Integer, String> SIGNAL_NAMES = Map.ofEntries(Map.entry(1, "SIGHUP"),
            Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"), Map.entry(6, "SIGABRT"),
            Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"), Map.entry(9, "SIGKILL"), Map.entry(11, "SIGSEGV"),
            Map.entry(13, "SIGPIPE"), Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"), Map.entry(24, "SIGXCPU"),
            Map.entry(25, "SIGXFSZ"));

    private TrainerExit() {
    }

    /** Whether the code says the run was cancelled: 3 from inside, 143 on SIGTERM. */
    public static boolean isCancelled(int exitCode) {
        return exitCode == CANCELLED || exitCode == TERMINATED;
    }

    /** The signal that ended the process, when the code is 128 + a signal number; else 0. */
    public static int signal(int exitCode) {
        return exitCode > SIGNAL_BASE && exitCode < SIGNAL_BASE + 65 ? exitCode - SIGNAL_BASE : 0;
    }

    /** "signal 9 (SIGKILL)". */
    public static String signalName(int signal) {
        String name = SIGNAL_NAMES.get(signal);
        return "signal " + signal + (name == null ? "" : " (" + name + ")");
    }

    /**
     * The code in words for a run's message: "the trainer was killed by signal 9 (SIGKILL)",
     * "the trainer exited with code 2: invalid settings".
     */
    public static String describe(int exitCode) {
        int signal = signal(exitCode);
        if (signal == SIGTERM) {
            return "the trainer was stopped by " + signalName(signal);
        }
        if (signal > 0) {
            return "the trainer was killed by " + signalName(signal)
                    + (signal == 6 ? ": the JVM aborted (a native crash)" : "");
        }
        return "the trainer exited with code " + exitCode + switch (exitCode) {
            case COMPLETED -> ": completed";
            case BAD_ARGUMENTS -> ": invalid settings";
            default -> ""; // 3 means cancelled only with the trainer's own cancelled event, which is not described here
        };
    }

    /**
     * Whether the trainer ended its latest attempt itself: a {@code finished} event after the last
     * {@code started} one (a resumed run's earlier attempts do not count), or, in an evaluation's
     * folder (no {@code started}), its {@code eval} event.
     */
    public static boolean endedOnItsOwn(RunEvents events) {
        List<RunEvent> all = events.events();
        boolean started = false;
        for (int i = all.size() - 1; i >= 0; i--) {
            RunEvent event = all.get(i);
            if (event instanceof FinishedEvent) {
                return true;
            }
            if (event instanceof StartedEvent) {
                started = true;
                break;
            }
        }
        return !started && all.stream().anyMatch(EvalEvent.class::isInstance);
    }

    /**
     * After the trainer's process exited: unless it ended on its own ({@link #endedOnItsOwn}), appends
     * what happened to {@code events.jsonl}. A stop the launcher asked for (SIGTERM) that came before
     * the trainer could write its end is recorded as a message and {@code finished} with status
     * cancelled; anything else as an {@code error} event naming the exit code or signal and a
     * {@code finished} event with status failed. Nothing is written after a clean exit (code 0), bad
     * arguments (code 2: nothing ran), or when the run folder does not exist.
     *
     * @param stopRequested whether the launcher sent the stop (Cancel, Terminate, Ctrl+C)
     * @param detail the last lines of the trainer's error output, or null
     * @return the message recorded, or null when nothing was written
     */
    public static String recordIfUnfinished(RunDirectory run, int exitCode, boolean stopRequested, String detail)
            throws IOException {
        boolean nothingRan = exitCode == COMPLETED || exitCode == BAD_ARGUMENTS;
        if (nothingRan || !Files.isDirectory(run.root()) || endedOnItsOwn(run.readEvents())) {
            return null;
        }
        Instant now = Instant.now();
        try (RunEventLog log = run.openEventLog()) {
            if (stopRequested && isCancelled(exitCode)) {
                String message = describe(exitCode) + " before it could write a checkpoint";
                log.append(new MessageEvent(now, MessageEvent.Level.WARNING, message));
                log.append(new FinishedEvent(now, RunStatus.CANCELLED, Double.NaN));
                return message;
            }
            String message = describe(exitCode) + " without finishing the run";
            log.append(new ErrorEvent(now, message, detail));
            log.append(new FinishedEvent(now, RunStatus.FAILED, Double.NaN));
            return message;
        }
    }

    /**
     * {@code TrainerExit RUN_DIR EXIT_CODE [stopped]}, for shell launchers: records as
     * {@link #recordIfUnfinished} does and prints the message to stderr; exits with EXIT_CODE.
     */
    public static void main(String[] args) {
        int code = Integer.parseInt(args[1]);
        try {
            String message = recordIfUnfinished(new RunDirectory(Path.of(args[0])), code,
                    args.length > 2 && args[2].equals("stopped"), null);
            if (message != null) {
                System.err.println("reasonlab: " + message + " (recorded in " + Path.of(args[0], RunDirectory.EVENTS) + ")");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("reasonlab: could not record the trainer's end in " + args[0] + ": " + e.getMessage());
        }
        System.exit(code);
    }
}
