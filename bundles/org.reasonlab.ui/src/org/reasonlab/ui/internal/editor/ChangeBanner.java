package org.reasonlab.ui.internal.editor;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * A bar at the top of the editor that says the file changed (or vanished) on disk and offers to
 * reload it. The editor never reloads or overwrites on its own.
 */
final class ChangeBanner {
    private final Composite root;
    private final Label message;
    private final Button reload;
    private final Button dismiss;
    private boolean shown;

    ChangeBanner(Composite parent, DatasetEditor editor) {
        root = new Composite(parent, SWT.BORDER);
        root.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND));
        GridLayoutFactory.swtDefaults().numColumns(3).margins(6, 3).applyTo(root);
        message = new Label(root, SWT.WRAP);
        message.setBackground(root.getBackground());
        message.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_INFO_FOREGROUND));
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(message);
        reload = new Button(root, SWT.PUSH);
        reload.setText("&Reload from Disk");
        reload.addListener(SWT.Selection, e -> editor.reloadFromDisk());
        dismiss = new Button(root, SWT.PUSH);
        dismiss.setText("&Keep Editor Contents");
        dismiss.addListener(SWT.Selection, e -> hide());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(root);
        hide();
    }

    /** Shows the offer to reload; {@code dirty} adds that reloading discards the unsaved edits. */
    void showChanged(String fileName, boolean dirty) {
        message.setText(fileName + " was changed on disk by another program."
                + (dirty ? " Reloading discards your unsaved edits; saving asks before overwriting the file on disk."
                        : " Reload to see the new contents."));
        reload.setEnabled(true);
        show();
    }

    void showDeleted(String fileName) {
        message.setText(fileName + " was deleted on disk. Save to write it again, or close the editor.");
        reload.setEnabled(false);
        show();
    }

    boolean isShown() {
        return shown;
    }

    Button reloadButton() {
        return reload;
    }

    private void show() {
        shown = true;
        ((GridData) root.getLayoutData()).exclude = false;
        root.setVisible(true);
        root.getParent().layout(true, true);
    }

    void hide() {
        shown = false;
        ((GridData) root.getLayoutData()).exclude = true;
        root.setVisible(false);
        root.getParent().layout(true, true);
    }
}
