package org.reasonlab.ui.internal.runs;

import org.eclipse.core.expressions.PropertyTester;
import org.reasonlab.core.run.folder.RunInfo;

/**
 * Properties of a run for {@code enabledWhen}/{@code visibleWhen} expressions (namespace {@code org.reasonlab.run}):
 * {@code resumable} (a stopped fine-tuning run with checkpoints to go on from), {@code hasPredictions} (generated
 * answers to review), {@code running}.
 */
public class RunPropertyTester extends PropertyTester {
    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        if (!(receiver instanceof RunInfo run)) {
            return false;
        }
        boolean value = switch (property) {
            case "resumable" -> !run.pretrained() && run.state().isResumable();
            case "hasPredictions" -> run.hasPredictions();
            case "running" -> run.state().isLive();
            default -> false;
        };
        return expectedValue == null ? value : expectedValue.equals(value);
    }
}
