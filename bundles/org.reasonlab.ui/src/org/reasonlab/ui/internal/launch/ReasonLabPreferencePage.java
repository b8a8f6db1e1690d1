package org.reasonlab.ui.internal.launch;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Window &gt; Preferences &gt; ReasonLab: the root of ReasonLab's pages, saying what is where. */
public class ReasonLabPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    @Override
    public void init(IWorkbench workbench) {
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        Label l = new Label(c, SWT.WRAP);
        l.setText("ReasonLab: label + reason datasets, fine-tuning with L and L+R, and the review of generated reasons.\n\n"
                + "Training: the defaults of new fine-tune launch configurations (trainer heap, device, DJL cache and"
                + " offline mode, LoRA and optimizer settings).\n"
                + "The dataset editor's and the reason review's keys are under General > Keys, categories"
                + " 'ReasonLab Dataset Editor' and 'ReasonLab Reason Review'.");
        return c;
    }
}
