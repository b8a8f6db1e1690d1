package org.reasonlab.ui.internal.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.ISources;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.reasonlab.core.compare.PaperSetting;
import org.reasonlab.core.compare.RunSummary;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.group.RunGroup;
import org.reasonlab.ui.internal.results.ComparisonPart;

/**
 * Opens the comparison of the selected runs and run groups. Runs alone are ordered as the paper orders them
 * (pre-trained, L, L+R, R-&gt;L, then the rest), so the baseline (the first) is the pre-trained evaluation when one
 * is selected; a group stands for its runs, one arm per setting over seeds. Runs the selection offers as read
 * ({@link org.reasonlab.core.run.folder.RunSnapshot}) are not read again.
 */
public class CompareRunsHandler extends AbstractHandler {
    /** Enabled on a selection of runs and run groups (decided here: a group row is no resource). */
    @Override
    public void setEnabled(Object evaluationContext) {
        Object selection = HandlerUtil.getVariable(evaluationContext, ISources.ACTIVE_CURRENT_SELECTION_NAME);
        setBaseEnabled(selection instanceof IStructuredSelection s && !s.isEmpty()
                && s.toList().stream().allMatch(CompareRunsHandler::isRunOrGroup));
    }

    static boolean isRunOrGroup(Object o) {
        return Adapters.adapt(o, RunGroup.class) != null
                || Adapters.adapt(o, RunInfo.class) != null && Adapters.adapt(o, IContainer.class) != null;
    }

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        List<Path> groups = new ArrayList<>();
        if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s) {
            for (Object o : s.toList()) {
                RunGroup g = Adapters.adapt(o, RunGroup.class);
                if (g != null) {
                    groups.add(g.file());
                }
            }
        }
        List<SelectedRun> runs = SelectedRun.of(HandlerUtil.getCurrentSelection(event));
        if (runs.isEmpty() && groups.isEmpty()) {
            return null;
        }
        List<SelectedRun> ordered = runs.stream()
                .sorted(Comparator.comparing(r -> PaperSetting.of(r.info().pretrained(), r.info().mode()))).toList();
        try {
            var page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
            if (groups.isEmpty() && ordered.stream().allMatch(r -> r.snapshot() != null)) {
                return ComparisonPart.showSummaries(page,
                        ordered.stream().map(r -> RunSummary.of(r.snapshot())).toList());
            }
            List<Path> compared = new ArrayList<>(ordered.stream().map(r -> r.info().folder()).toList());
            compared.addAll(groups);
            return ComparisonPart.show(page, compared);
        } catch (PartInitException | RuntimeException e) {
            MessageDialog.openError(HandlerUtil.getActiveShell(event), "Compare Runs",
                    "Cannot compare the runs: " + e.getMessage());
            return null;
        }
    }
}
