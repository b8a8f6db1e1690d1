package org.reasonlab.ui.internal.runs;

import org.eclipse.core.expressions.PropertyTester;
import org.reasonlab.core.run.folder.RunInfo;

/**
 * Properties of a run for {@code enabledWhen}/{@code visibleWhen} expressions (namespace {@code org.reasonlab.run}):
 * {@code resumable} (a stopped fine-tuning run with checkpoints to go on from), {@code hasPredictions} (generated
 * answers to review) {@code cancellable} (a run on a compute target whose job is queued or runs) and {@code remote} (a run on a
 * compute target).
 */
public class RunPropertyTester extends PropertyTester {
    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        if (!(receiver instanceof RunInfo run)) {
            return false;
        }
        boolean value = switch (property) {
            case "resumable" -> resumable(run);
            case "hasPredictions" -> run.hasPredictions();
            case "cancellable" -> cancellable(run);
            case "remote" -> run.remote() != null;
            default -> false;
        };
        return expectedValue == null ? value : expectedValue.equals(value);
    }

    /** A run on a compute target whose job is queued or runs. */
    static boolean cancellable(RunInfo run) {
        return run.remote() != null && (run.state() == org.reasonlab.core.run.folder.RunState.RUNNING
                || run.state() == org.reasonlab.core.run.folder.RunState.UNKNOWN && run.remote().job() != null
                        && run.remote().job().isActive());
    }

    /** A stopped fine-tuning run, which can go on from its checkpoints. */
    static boolean resumable(RunInfo run) {
        return !run.pretrained() && run.state().isResumable();
    }
}
