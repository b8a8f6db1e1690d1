package org.reasonlab.ui.internal.runs;

import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.reasonlab.ui.internal.results.ReviewEditor;

/** Opens the reason review of each selected run. */
public class ReviewReasonsHandler extends RunHandler {
    @Override
    protected Object execute(ExecutionEvent event, List<SelectedRun> runs) throws ExecutionException {
        for (SelectedRun r : runs) {
            try {
                ReviewEditor.open(page(event), r.info().folder());
            } catch (PartInitException | RuntimeException e) {
                error(event, "Review Reasons", "Cannot open the review of " + r.name() + ": " + e.getMessage());
            }
        }
        return null;
    }
}
