package org.reasonlab.core.target;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * What the scheduler (or the SSH host's process table) last said about a run's job.
 *
 * @param state   SLURM's state ({@code PENDING}, {@code RUNNING}, {@code TIMEOUT}, {@code PREEMPTED}, ...) or, on an
 *                SSH host, {@code RUNNING} / {@code EXITED}; {@code GONE} when the scheduler has forgotten it;
 *                {@code UNKNOWN} before anything answered
 * @param reason  SLURM's reason for a pending job ({@code Resources}, {@code Priority}), else null
 * @param checked when it was asked
 */
public record JobState(String state, String reason, Instant checked) {
    public static final String PENDING = "PENDING";
    public static final String RUNNING = "RUNNING";
    public static final String EXITED = "EXITED";
    public static final String UNKNOWN = "UNKNOWN";
    /** The scheduler no longer knows the job (it ended before the last {@code MinJobAge}, without accounting). */
    public static final String GONE = "GONE";
    /** SLURM states after which the job no longer runs (an array task's trainer may still have written its end). */
    private static final Set<String> ENDED = Set.of("COMPLETED", "CANCELLED", "FAILED", "TIMEOUT", "PREEMPTED",
            "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "REVOKED", "SPECIAL_EXIT", EXITED, GONE);

    public JobState {
        state = state == null || state.isBlank() ? UNKNOWN : normalize(state);
        reason = reason == null || reason.isBlank() || reason.equals("None") || reason.equals("(null)") ? null
                : reason.strip();
    }

    /** {@code CANCELLED by 0} → {@code CANCELLED}. */
    private static String normalize(String state) {
        String s = state.strip().toUpperCase(Locale.ROOT);
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    public boolean isPending() {
        return PENDING.equals(state) || "CONFIGURING".equals(state) || "REQUEUED".equals(state);
    }

    public boolean isActive() {
        return isPending() || RUNNING.equals(state) || "COMPLETING".equals(state) || "SUSPENDED".equals(state)
                || "STOPPED".equals(state) || "RESIZING".equals(state) || "SIGNALING".equals(state);
    }

    public boolean hasEnded() {
        return ENDED.contains(state);
    }

    /** {@code pending (Resources)}, {@code running}, {@code timeout}: what the Runs view shows. */
    public String text() {
        String s = state.toLowerCase(Locale.ROOT).replace('_', ' ');
        return reason != null && isPending() ? s + " (" + reason + ")" : s;
    }
}
