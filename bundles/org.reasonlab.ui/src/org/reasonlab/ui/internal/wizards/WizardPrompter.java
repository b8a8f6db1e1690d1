package org.reasonlab.ui.internal.wizards;

import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * How the dataset wizards ask and tell the user things while they finish: dialogs in the workbench;
 * tests install one that answers and records instead.
 */
public interface WizardPrompter {

    /** The workbench's dialogs. */
    WizardPrompter DIALOGS = new WizardPrompter() {
        @Override
        public boolean confirmReplace(Shell shell, String title, List<String> existingFiles) {
            int shown = Math.min(existingFiles.size(), 10);
            StringBuilder text = new StringBuilder(existingFiles.size() == 1 ? "This file exists already:\n\n"
                    : "These files exist already:\n\n");
            for (String file : existingFiles.subList(0, shown)) {
                text.append("  ").append(file).append('\n');
            }
            if (existingFiles.size() > shown) {
                text.append("  and ").append(existingFiles.size() - shown).append(" more\n");
            }
            text.append("\nReplace ").append(existingFiles.size() == 1 ? "it" : "them").append('?');
            return MessageDialog.openQuestion(shell, title, text.toString());
        }

        @Override
        public void report(Shell shell, String title, String message, IStatus status) {
            ErrorDialog.openError(shell, title, message, status,
                    IStatus.OK | IStatus.INFO | IStatus.WARNING | IStatus.ERROR);
        }
    };

    /**
     * Asks whether files that exist may be replaced; nothing is replaced unless this says yes.
     *
     * @param existingFiles the files, as paths for a person to read
     */
    boolean confirmReplace(Shell shell, String title, List<String> existingFiles);

    /** Tells the user an outcome: an error that stopped the wizard, or problems found on the way (WARNING). */
    void report(Shell shell, String title, String message, IStatus status);
}
