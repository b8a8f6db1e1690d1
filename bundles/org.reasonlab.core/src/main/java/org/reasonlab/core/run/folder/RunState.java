package org.reasonlab.core.run.folder;

import java.util.Locale;

import org.reasonlab.core.run.RunStatus;

/**
 * Where a run stands as a reader of its folder sees it: the {@link RunStatus} its events give, plus
 * {@link #CRASHED} for a run whose events end without {@code finished} while no trainer process is writing them.
 */
public enum RunState {
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED,
    /** The events stop without a {@code finished} or {@code error} line and no live process writes them. */
    CRASHED,
    /** No {@code started} event yet (or no events file): not started, or an evaluation-only folder. */
    UNKNOWN;

    public static RunState of(RunStatus status) {
        return switch (status) {
            case RUNNING -> RUNNING;
            case COMPLETED -> COMPLETED;
            case CANCELLED -> CANCELLED;
            case FAILED -> FAILED;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** Whether the run may still change (views keep polling it). */
    public boolean isLive() {
        return this == RUNNING;
    }

    /** Whether a stopped run can be resumed from its checkpoints. */
    public boolean isResumable() {
        return this == CRASHED || this == FAILED || this == CANCELLED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
