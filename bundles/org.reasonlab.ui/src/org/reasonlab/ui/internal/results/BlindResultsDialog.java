package org.reasonlab.ui.internal.results;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.reasonlab.core.review.blind.ReviewSessionResults;
import org.reasonlab.core.review.blind.ReviewSessionTables;

/** A blinded session's results: misalignment per run, tests between runs, agreement between reviewers. */
final class BlindResultsDialog extends Dialog {
    private final String title;
    private final ReviewSessionResults results;

    BlindResultsDialog(Shell parent, String title, ReviewSessionResults results) {
        super(parent);
        this.title = title;
        this.results = results;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    static String text(ReviewSessionResults r) {
        return r.items() + " items, reviewers: " + String.join(", ", r.reviewers()) + "\n\n"
                + "Misalignment per run (pooled over reviewers, majority verdict; 95% Wilson intervals)\n\n"
                + ReviewSessionTables.runs(r).toText() + "\n"
                + "Differences between runs (two-proportion z-test)\n\n" + ReviewSessionTables.comparisons(r).toText()
                + "\nAgreement between reviewers\n\n" + ReviewSessionTables.agreement(r).toText();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Results of " + title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Text text = new Text(area, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        text.setText(text(results));
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.widthHint = 900;
        data.heightHint = 420;
        text.setLayoutData(data);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
