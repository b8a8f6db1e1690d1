package org.reasonlab.ui.internal.runs;

import org.eclipse.core.expressions.PropertyTester;
import org.reasonlab.core.run.folder.RunInfo;

/**
 * Properties of a run for {@code enabledWhen}/{@code visibleWhen} expressions (namespace {@code org.reasonlab.run}):
 * {@code resumable} (a stopped fine-tuning run with checkpoints to go on from) and {@code hasPredictions} (generated
 * answers to review).
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
            default -> false;
        };
        return expectedValue == null ? value : expectedValue.equals(value);
    }

    /** A stopped fine-tuning run, which can go on from its checkpoints. */
    static boolean resumable(RunInfo run) {
        return !run.pretrained() && run.state().isResumable();
    }
}
