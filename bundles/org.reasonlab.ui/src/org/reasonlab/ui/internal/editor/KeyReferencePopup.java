package org.reasonlab.ui.internal.editor;

import org.eclipse.jface.dialogs.PopupDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** The keyboard reference in a popup over the editor (F1). */
final class KeyReferencePopup extends PopupDialog {
    private final String text;

    KeyReferencePopup(Shell parent, String text) {
        super(parent, PopupDialog.INFOPOPUPRESIZE_SHELLSTYLE, true, true, false, false, false,
                "Dataset editor keys", "Esc closes");
        this.text = text;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Text area = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        area.setFont(JFaceResources.getTextFont());
        area.setText(text);
        return area;
    }

    @Override
    protected Point getDefaultSize() {
        return new Point(900, 420);
    }
}
