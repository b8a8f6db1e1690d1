package org.reasonlab.ui.internal.editor;

import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorActionBarContributor;

/** Points the workbench's Undo and Redo at the active dataset editor's own history. */
public final class DatasetEditorContributor extends EditorActionBarContributor {

    @Override
    public void setActiveEditor(IEditorPart part) {
        IActionBars bars = getActionBars();
        if (bars == null) {
            return;
        }
        if (part instanceof DatasetEditor editor && editor.undoAction() != null) {
            bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), editor.undoAction());
            bars.setGlobalActionHandler(ActionFactory.REDO.getId(), editor.redoAction());
            bars.setGlobalActionHandler(ActionFactory.REVERT.getId(), editor.revertAction());
        } else {
            bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), null);
            bars.setGlobalActionHandler(ActionFactory.REDO.getId(), null);
            bars.setGlobalActionHandler(ActionFactory.REVERT.getId(), null);
        }
        bars.updateActionBars();
    }
}
