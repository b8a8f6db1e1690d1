package org.reasonlab.ui.internal.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.ISources;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.review.blind.ReviewSession;
import org.reasonlab.core.review.blind.ReviewSessionFile;
import org.reasonlab.core.run.PredictionsFile;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.group.RunGroup;
import org.reasonlab.ui.internal.WorkspaceRefresh;

/**
 * Starts a blinded review of the selected runs (a group stands for its runs that have predictions): asks for the
 * session's settings, writes {@code <name>.review-session.json} beside the first run and opens it.
 */
public class BlindReviewHandler extends AbstractHandler {
    /** Enabled on a selection of runs with predictions and run groups. */
    @Override
    public void setEnabled(Object evaluationContext) {
        Object selection = HandlerUtil.getVariable(evaluationContext, ISources.ACTIVE_CURRENT_SELECTION_NAME);
        setBaseEnabled(selection instanceof IStructuredSelection s && !s.isEmpty() && s.toList().stream()
                .allMatch(o -> Adapters.adapt(o, RunGroup.class) != null || Adapters.adapt(o, RunInfo.class) != null
                        && Adapters.adapt(o, RunInfo.class).hasPredictions()));
    }

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        List<Path> runs = runsOf(HandlerUtil.getCurrentSelection(event));
        if (runs.isEmpty()) {
            MessageDialog.openInformation(HandlerUtil.getActiveShell(event), "Blinded Review",
                    "None of the selected runs has generated reasons to review (runs in mode L answer with a label"
                            + " only).");
            return null;
        }
        Path folder = runs.get(0).toAbsolutePath().getParent();
        BlindReviewDialog dialog = new BlindReviewDialog(HandlerUtil.getActiveShell(event), folder, runs.size());
        if (dialog.open() != Window.OK) {
            return null;
        }
        BlindReviewDialog.Choice c = dialog.choice();
        try {
            Path file = folder.resolve(c.name() + ReviewSessionFile.SUFFIX);
            ReviewSession.create(file, runs, c.seed(), c.hidePredictedLabel(), c.perRunLimit());
            WorkspaceRefresh.soon(file);
            return BlindReviewEditor.open(HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage(), file);
        } catch (IOException | IllegalArgumentException | PartInitException e) {
            MessageDialog.openError(HandlerUtil.getActiveShell(event), "Blinded Review", "Cannot start the session: "
                    + (e instanceof IOException io ? FileErrors.describe(io) : e.getMessage()));
            return null;
        }
    }

    /**
     * The selected runs and the selected groups' runs whose predictions hold generated reasons (a group's L runs
     * have none), each once, in selection order.
     */
    static List<Path> runsOf(Object selection) {
        Set<Path> out = new LinkedHashSet<>();
        if (selection instanceof IStructuredSelection s) {
            for (Object o : s.toList()) {
                RunGroup group = Adapters.adapt(o, RunGroup.class);
                RunInfo run = Adapters.adapt(o, RunInfo.class);
                List<Path> candidates = new ArrayList<>();
                if (group != null) {
                    candidates.addAll(group.members());
                } else if (run != null) {
                    candidates.add(run.folder());
                }
                for (Path p : candidates) {
                    if (hasReasons(p)) {
                        out.add(p.toAbsolutePath().normalize());
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean hasReasons(Path run) {
        Path file = new RunDirectory(run).predictionsFile();
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return PredictionsFile.read(file).stream()
                    .anyMatch(p -> p.generatedReason() != null && !p.generatedReason().isBlank());
        } catch (IOException | RuntimeException e) {
            return true; // the session says what is wrong with the file
        }
    }
}
