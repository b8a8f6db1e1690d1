package org.reasonlab.ui.internal.editor;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IOperationHistoryListener;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.commands.operations.OperationHistoryEvent;
import org.eclipse.jface.action.Action;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.ide.undo.WorkspaceUndoUtil;

/**
 * Undo or Redo for one dataset editor's undo context. Unlike the platform's UndoActionHandler it
 * first commits text typed in the record form, so Undo right after typing takes the typing back.
 */
final class HistoryAction extends Action implements IOperationHistoryListener {
    private final DatasetEditor editor;
    private final boolean undo;
    private final IOperationHistory history;

    HistoryAction(DatasetEditor editor, boolean undo) {
        this.editor = editor;
        this.undo = undo;
        this.history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        setId(undo ? ActionFactory.UNDO.getId() : ActionFactory.REDO.getId());
        setActionDefinitionId(undo ? "org.eclipse.ui.edit.undo" : "org.eclipse.ui.edit.redo");
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        setImageDescriptor(images.getImageDescriptor(undo ? ISharedImages.IMG_TOOL_UNDO : ISharedImages.IMG_TOOL_REDO));
        history.addOperationHistoryListener(this);
        update();
    }

    @Override
    public void run() {
        editor.commitPendingText();
        if (editor.model() == null) {
            return;
        }
        try {
            var info = WorkspaceUndoUtil.getUIInfoAdapter(editor.getSite().getShell());
            if (undo) {
                history.undo(editor.model().undoContext(), null, info);
            } else {
                history.redo(editor.model().undoContext(), null, info);
            }
        } catch (ExecutionException e) {
            editor.showError((undo ? "Undo" : "Redo") + " failed", e);
        }
    }

    void update() {
        DatasetModel model = editor.model();
        IUndoableOperation op = model == null ? null
                : undo ? history.getUndoOperation(model.undoContext()) : history.getRedoOperation(model.undoContext());
        setEnabled(op != null || (undo && editor.hasPendingText()));
        String verb = undo ? "&Undo" : "&Redo";
        setText(op == null ? verb : verb + " " + op.getLabel());
    }

    @Override
    public void historyNotification(OperationHistoryEvent event) {
        switch (event.getEventType()) {
            case OperationHistoryEvent.OPERATION_ADDED, OperationHistoryEvent.OPERATION_REMOVED,
                    OperationHistoryEvent.UNDONE, OperationHistoryEvent.REDONE, OperationHistoryEvent.DONE,
                    OperationHistoryEvent.OPERATION_CHANGED -> {
                var display = PlatformUI.getWorkbench().getDisplay();
                if (display.getThread() == Thread.currentThread()) {
                    update();
                } else {
                    display.asyncExec(this::update);
                }
            }
            default -> {
            }
        }
    }

    void dispose() {
        history.removeOperationHistoryListener(this);
    }
}
