package org.reasonlab.ui.internal.runs;

import java.util.Comparator;
import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.reasonlab.core.compare.PaperSetting;
import org.reasonlab.core.compare.RunSummary;
import org.reasonlab.core.run.folder.RunSnapshot;
import org.reasonlab.ui.internal.results.ComparisonPart;

/**
 * Opens the comparison of the selected runs in the paper's order (pre-trained, L, L+R, R-&gt;L, then the rest), so
 * the baseline (the first) is the pre-trained evaluation when one is selected. Runs the selection offers as read
 * ({@link RunSnapshot}) are not read again.
 */
public class CompareRunsHandler extends RunHandler {
    @Override
    protected Object execute(ExecutionEvent event, List<SelectedRun> runs) throws ExecutionException {
        List<SelectedRun> ordered = runs.stream()
                .sorted(Comparator.comparing(r -> PaperSetting.of(r.info().pretrained(), r.info().mode()))).toList();
        try {
            if (ordered.stream().allMatch(r -> r.snapshot() != null)) {
                return ComparisonPart.showSummaries(page(event),
                        ordered.stream().map(r -> RunSummary.of(r.snapshot())).toList());
            }
            return ComparisonPart.show(page(event), ordered.stream().map(r -> r.info().folder()).toList());
        } catch (PartInitException | RuntimeException e) {
            error(event, "Compare Runs", "Cannot compare the runs: " + e.getMessage());
            return null;
        }
    }
}
