package org.reasonlab.ui.internal.editor;

import java.util.List;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.reasonlab.core.edit.DatasetEdit;

/** One user action on a dataset (possibly several entry edits), undoable through the workbench operation history. */
public final class DatasetEditOperation extends AbstractOperation {
    private final DatasetModel model;
    private final List<DatasetEdit> edits;

    public DatasetEditOperation(String label, DatasetModel model, List<DatasetEdit> edits) {
        super(label);
        this.model = model;
        this.edits = List.copyOf(edits);
        addContext(model.undoContext());
    }

    public List<DatasetEdit> edits() {
        return edits;
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return redo(monitor, info);
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        try {
            model.apply(edits);
        } catch (IllegalStateException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return Status.OK_STATUS;
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        try {
            model.revert(edits);
        } catch (IllegalStateException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        return Status.OK_STATUS;
    }
}
