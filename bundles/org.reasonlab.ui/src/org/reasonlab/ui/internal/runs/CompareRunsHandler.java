package org.reasonlab.ui.internal.runs;

import java.util.Comparator;
import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.reasonlab.core.compare.PaperSetting;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.ui.internal.results.ComparisonPart;

/**
 * Opens the comparison of the selected runs in the paper's order (pre-trained, L, L+R, R-&gt;L, then the rest), so
 * the baseline (the first) is the pre-trained evaluation when one is selected.
 */
public class CompareRunsHandler extends RunHandler {
    @Override
    protected Object execute(ExecutionEvent event, List<SelectedRun> runs) throws ExecutionException {
        try {
            return ComparisonPart.show(page(event), runs.stream().map(SelectedRun::info)
                    .sorted(Comparator.comparing(r -> PaperSetting.of(r.pretrained(), r.mode())))
                    .map(RunInfo::folder).toList());
        } catch (PartInitException | RuntimeException e) {
            error(event, "Compare Runs", "Cannot compare the runs: " + e.getMessage());
            return null;
        }
    }
}
