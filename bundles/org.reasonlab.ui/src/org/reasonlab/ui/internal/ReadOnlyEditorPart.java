package org.reasonlab.ui.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.ui.part.EditorPart;

/**
 * An editor that is never dirty: it shows files from disk, and what the user does in it (a review verdict) is
 * written at once.
 */
public abstract class ReadOnlyEditorPart extends EditorPart {

    @Override
    public void doSave(IProgressMonitor monitor) {
    }

    @Override
    public void doSaveAs() {
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }
}
