package org.reasonlab.ui.internal.editor;

import java.util.List;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

/** Outline of a dataset by split and label, with counts; selecting a node filters the records to it. */
final class DatasetOutlinePage extends ContentOutlinePage {
    private static final int REFRESH_DELAY_MS = 300;

    private final DatasetEditor editor;
    private DatasetModel model;
    private boolean refreshScheduled;

    DatasetOutlinePage(DatasetEditor editor) {
        this.editor = editor;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return ((OutlineCounts.Node) parentElement).children().toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return !((OutlineCounts.Node) element).children().isEmpty();
            }
        });
        viewer.setLabelProvider(new LabelProvider());
        viewer.addSelectionChangedListener(event -> {
            if (event.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof OutlineCounts.Node node) {
                editor.setActivePageToRecords();
                editor.records().filterBar().setQuery(node.query());
            }
        });
        refresh();
    }

    void setModel(DatasetModel newModel) {
        model = newModel;
        refresh();
    }

    void modelChanged(DatasetModel.Change change) {
        if (change == DatasetModel.Change.PROBLEMS || refreshScheduled || getControl() == null) {
            return;
        }
        refreshScheduled = true;
        getControl().getDisplay().timerExec(REFRESH_DELAY_MS, () -> {
            refreshScheduled = false;
            refresh();
        });
    }

    List<OutlineCounts.Node> roots() {
        return model == null ? List.of() : OutlineCounts.of(model.dataset());
    }

    private void refresh() {
        TreeViewer viewer = getTreeViewer();
        if (viewer == null || viewer.getControl().isDisposed() || model == null) {
            return;
        }
        Object[] expanded = viewer.getExpandedElements();
        viewer.setInput(roots());
        if (expanded.length == 0) {
            viewer.expandAll();
        } else {
            viewer.expandToLevel(2);
        }
    }

    @Override
    public void dispose() {
        editor.outlineDisposed();
        super.dispose();
    }
}
