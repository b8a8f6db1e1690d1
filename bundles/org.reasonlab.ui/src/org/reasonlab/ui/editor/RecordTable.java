package org.reasonlab.ui.editor;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.validate.Severity;

/**
 * The records as a virtual table: only the rows on screen are ever filled, so opening and
 * filtering cost the same for 100 or 1,000,000 records. Rows are entry indices in display order.
 */
final class RecordTable {
    static final int COL_FLAGS = 0;
    static final int COL_LINE = 1;
    static final int COL_ID = 2;
    static final int COL_SPLIT = 3;
    static final int COL_LABEL = 4;
    static final int COL_STATEMENT = 5;
    static final int COL_REASON = 6;
    private static final int EXCERPT = 160;
    /** Shown in the flags column for records whose annotators disagree. */
    static final String DISAGREEMENT_FLAG = "\u2260";

    private final Table table;
    private DatasetModel model;
    private int[] rows = new int[0];

    RecordTable(Composite parent) {
        table = new Table(parent, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column("", 44, "Problems (icon) and annotator disagreement (\u2260)");
        column("Line", 56, "Line in the file");
        column("Id", 80, null);
        column("Split", 80, null);
        column("Label", 90, null);
        column("Statement", 360, null);
        column("Reason", 360, null);
        table.addListener(SWT.SetData, event -> fill((TableItem) event.item, table.indexOf((TableItem) event.item)));
    }

    private void column(String title, int width, String tooltip) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(title);
        c.setWidth(width);
        c.setToolTipText(tooltip);
    }

    Table control() {
        return table;
    }

    void setModel(DatasetModel model) {
        this.model = model;
    }

    int[] rows() {
        return rows;
    }

    /** Shows these entries; keeps the selection on {@code selectRow} (or none for -1). */
    void setRows(int[] newRows, int selectRow) {
        rows = newRows;
        table.setRedraw(false);
        try {
            table.clearAll();
            table.setItemCount(rows.length);
            if (selectRow >= 0 && selectRow < rows.length) {
                table.setSelection(selectRow);
                table.showSelection();
            } else {
                table.deselectAll();
            }
        } finally {
            table.setRedraw(true);
        }
    }

    /** Redraws the row that shows this entry, if shown. */
    void refreshEntry(int entryIndex) {
        int row = rowOf(entryIndex);
        if (row >= 0) {
            table.clear(row);
        }
    }

    void refreshAll() {
        table.clearAll();
    }

    /** The row showing the entry, or -1 (binary search: rows are in file order). */
    int rowOf(int entryIndex) {
        int row = java.util.Arrays.binarySearch(rows, entryIndex);
        return row >= 0 ? row : -1;
    }

    int selectedRow() {
        return table.getSelectionIndex();
    }

    /** The selected entry index, or -1. */
    int selectedEntry() {
        int row = table.getSelectionIndex();
        return row >= 0 && row < rows.length ? rows[row] : -1;
    }

    void select(int row) {
        if (row >= 0 && row < rows.length) {
            table.setSelection(row);
            table.showSelection();
        }
    }

    private void fill(TableItem item, int row) {
        if (model == null || row < 0 || row >= rows.length) {
            return;
        }
        int entryIndex = rows[row];
        DatasetEntry entry = model.entry(entryIndex);
        Severity worst = model.index().worstSeverity(entryIndex);
        item.setImage(COL_FLAGS, severityImage(worst));
        item.setText(COL_FLAGS, model.index().hasDisagreement(entryIndex) ? DISAGREEMENT_FLAG : "");
        item.setText(COL_LINE, entry.sourceLine() > 0 ? Integer.toString(entry.sourceLine()) : "new");
        if (entry instanceof RawLine raw) {
            item.setText(COL_ID, "");
            item.setText(COL_SPLIT, "");
            item.setText(COL_LABEL, "(unparsed)");
            item.setText(COL_STATEMENT, excerpt(raw.text()));
            item.setText(COL_REASON, excerpt(raw.problem()));
            item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_RED));
            return;
        }
        DatasetRecord r = (DatasetRecord) entry;
        item.setText(COL_ID, nonNull(r.id()));
        item.setText(COL_SPLIT, r.split() == null ? "" : r.split().id());
        item.setText(COL_LABEL, nonNull(r.label()));
        item.setText(COL_STATEMENT, excerpt(r.statement()));
        item.setText(COL_REASON, excerpt(r.reason()));
        item.setForeground(null);
    }

    static Image severityImage(Severity severity) {
        if (severity == null) {
            return null;
        }
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        return images.getImage(switch (severity) {
            case ERROR -> ISharedImages.IMG_OBJS_ERROR_TSK;
            case WARNING -> ISharedImages.IMG_OBJS_WARN_TSK;
            case INFO -> ISharedImages.IMG_OBJS_INFO_TSK;
        });
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** One line of at most {@value #EXCERPT} characters. */
    static String excerpt(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.length() > EXCERPT * 2 ? s.substring(0, EXCERPT * 2) : s;
        flat = flat.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return flat.length() > EXCERPT ? flat.substring(0, EXCERPT - 1) + "\u2026" : flat;
    }
}
