package org.reasonlab.ui.internal.views.overview;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.forms.widgets.FormToolkit;

/**
 * A read-only table of text cells whose size fits its rows and columns, so that a form of several
 * tables needs no scroll bars inside the tables. The first column is left-aligned, the others
 * right-aligned (they hold numbers).
 */
final class TextTable {
    private static final int MIN_COLUMN_WIDTH = 64;

    private final TableViewer viewer;
    private List<String[]> rows = List.of();
    private final Map<String[], Image> images = new IdentityHashMap<>();

    TextTable(Composite parent, FormToolkit toolkit, String... headers) {
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        Table table = viewer.getTable();
        toolkit.adapt(table, false, false);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        setHeaders(headers);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(table);
    }

    /** Replaces the columns; used by tables whose columns depend on the data. */
    void setHeaders(String... headers) {
        Table table = viewer.getTable();
        for (TableColumn column : table.getColumns()) {
            column.dispose();
        }
        for (int i = 0; i < headers.length; i++) {
            int index = i;
            TableViewerColumn column = new TableViewerColumn(viewer, i == 0 ? SWT.LEFT : SWT.RIGHT);
            column.getColumn().setText(headers[i]);
            column.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    String[] row = (String[]) element;
                    return index < row.length ? row[index] : "";
                }

                @Override
                public Image getImage(Object element) {
                    return index == 0 ? images.get(element) : null;
                }
            });
        }
    }

    void setRows(List<String[]> newRows) {
        setRows(newRows, row -> null);
    }

    /** Sets the rows, each with an image (possibly null) in its first cell. */
    void setRows(List<String[]> newRows, Function<String[], Image> firstCellImage) {
        rows = List.copyOf(newRows);
        images.clear();
        for (String[] row : rows) {
            Image image = firstCellImage.apply(row);
            if (image != null) {
                images.put(row, image);
            }
        }
        viewer.setInput(rows.toArray());
        Table table = viewer.getTable();
        for (TableColumn column : table.getColumns()) {
            column.pack();
            column.setWidth(Math.max(MIN_COLUMN_WIDTH, column.getWidth() + 12));
        }
        int visibleRows = Math.max(1, rows.size());
        ((GridData) table.getLayoutData()).heightHint = table.getHeaderHeight() + visibleRows * table.getItemHeight()
                + 2 * table.getBorderWidth() + 2;
    }

    /** The rows as shown, each row's cells joined by tabs. */
    List<String> rowsAsText() {
        List<String> text = new ArrayList<>();
        for (String[] row : rows) {
            text.add(String.join("\t", row));
        }
        return text;
    }

    Table table() {
        return viewer.getTable();
    }
}
