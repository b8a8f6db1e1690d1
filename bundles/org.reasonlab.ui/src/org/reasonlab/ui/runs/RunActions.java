package org.reasonlab.ui.runs;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.reasonlab.ui.launch.TrainerLauncher;
import org.reasonlab.ui.results.ReviewEditor;

/** What the Runs view and the run page do to a run folder, with the error dialog when it cannot be done. */
final class RunActions {
    private RunActions() {
    }

    /** Opens the reason review of the run. */
    static void review(IWorkbenchPart part, Path folder, String name) {
        try {
            ReviewEditor.open(part.getSite().getPage(), folder);
        } catch (PartInitException | RuntimeException e) {
            MessageDialog.openError(part.getSite().getShell(), "Review Reasons",
                    "Cannot open the review of " + name + ": " + e.getMessage());
        }
    }

    /** Resumes the run from its newest checkpoint; false (after saying why) when it cannot. */
    static boolean resume(IWorkbenchPart part, Path folder, String name) {
        try {
            TrainerLauncher.resume(folder);
            return true;
        } catch (Exception e) {
            MessageDialog.openError(part.getSite().getShell(), "Resume Run",
                    "Cannot resume " + name + ": " + e.getMessage());
            return false;
        }
    }
}
