package org.reasonlab.ui.internal.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Listener;
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

    /**
     * Shrinking a GTK virtual table removes its rows one at a time (about 50 microseconds each), so
     * a filter that drops more rows than this gets a fresh table instead; growing is cheap.
     */
    private static final int REBUILD_WHEN_REMOVING = 2_000;
    /**
     * Adding a row to a GTK virtual table costs about 5 microseconds, so a large result grows in steps of this
     * many rows from the event loop: the first rows show at once and the table stays responsive meanwhile.
     */
    private static final int GROW_STEP = 5_000;

    private final Composite holder;
    private final List<Object[]> listeners = new ArrayList<>();
    private int[] widths = {44, 56, 80, 80, 90, 360, 360};
    private Table table;
    private DatasetModel model;
    private int[] rows = new int[0];
    /** Counts {@link #setRows} calls, so that growing a superseded result stops. */
    private int generation;

    RecordTable(Composite parent) {
        holder = new Composite(parent, SWT.NONE);
        holder.setLayout(new FillLayout());
        holder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = createTable();
    }

    private Table createTable() {
        Table t = new Table(holder, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        String[][] columns = {{"", "Problems (icon) and annotator disagreement (\u2260)"}, {"Line", "Line in the file"},
                {"Id", null}, {"Split", null}, {"Label", null}, {"Statement", null}, {"Reason", null}};
        for (int i = 0; i < columns.length; i++) {
            TableColumn c = new TableColumn(t, SWT.LEFT);
            c.setText(columns[i][0]);
            c.setWidth(widths[i]);
            c.setToolTipText(columns[i][1]);
        }
        t.addListener(SWT.SetData, event -> fill((TableItem) event.item, t.indexOf((TableItem) event.item)));
        for (Object[] l : listeners) {
            t.addListener((Integer) l[0], (Listener) l[1]);
        }
        return t;
    }

    /** Adds a listener to the table, and to every table that replaces it. */
    void addListener(int eventType, Listener listener) {
        listeners.add(new Object[] {eventType, listener});
        table.addListener(eventType, listener);
    }

    private void rebuild() {
        boolean focused = table.isFocusControl();
        TableColumn[] columns = table.getColumns();
        for (int i = 0; i < columns.length && i < widths.length; i++) {
            widths[i] = columns[i].getWidth();
        }
        Table old = table;
        table = createTable();
        old.dispose();
        holder.layout(true, true);
        if (focused) {
            table.setFocus();
        }
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
        if (table.getItemCount() - newRows.length > REBUILD_WHEN_REMOVING) {
            rebuild();
        }
        rows = newRows;
        int current = ++generation;
        table.setRedraw(false);
        try {
            table.clearAll();
            table.setItemCount(Math.min(rows.length, Math.max(table.getItemCount(), Math.max(GROW_STEP, selectRow + 1))));
            if (selectRow >= 0 && selectRow < rows.length) {
                table.setSelection(selectRow);
                table.showSelection();
            } else {
                table.deselectAll();
            }
        } finally {
            table.setRedraw(true);
        }
        growLater(current);
    }

    /** Adds the next {@link #GROW_STEP} rows from the event loop until the table has them all. */
    private void growLater(int forGeneration) {
        Table t = table;
        if (t.getItemCount() >= rows.length) {
            return;
        }
        t.getDisplay().asyncExec(() -> {
            if (t.isDisposed() || t != table || forGeneration != generation) {
                return;
            }
            t.setItemCount(Math.min(rows.length, t.getItemCount() + GROW_STEP));
            growLater(forGeneration);
        });
    }

    /** Whether the table has all rows (it grows in steps after a large {@link #setRows}). */
    boolean complete() {
        return table.getItemCount() == rows.length;
    }

    /** Grows the table at once to hold the row. */
    private void ensureRow(int row) {
        if (row >= table.getItemCount() && row < rows.length) {
            table.setItemCount(row + 1);
        }
    }

    /** Redraws the row that shows this entry, if shown. */
    void refreshEntry(int entryIndex) {
        int row = rowOf(entryIndex);
        if (row >= 0 && row < table.getItemCount()) {
            table.clear(row);
        }
    }

    void refreshAll() {
        table.clearAll();
    }

    /** The row showing the entry, or -1 (binary search: rows are in file order). */
    int rowOf(int entryIndex) {
        int row = Arrays.binarySearch(rows, entryIndex);
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

    /** The entries of every selected row (Shift/Ctrl+click, Ctrl+A), in file order. */
    int[] selectedEntries() {
        return Arrays.stream(table.getSelectionIndices()).filter(row -> row >= 0 && row < rows.length).sorted()
                .map(row -> rows[row]).toArray();
    }

    /** Selects these rows as Ctrl+clicks would; the first is the one the form shows. */
    void selectRows(int... toSelect) {
        for (int row : toSelect) {
            ensureRow(row);
        }
        table.setSelection(toSelect);
    }

    void select(int row) {
        if (row >= 0 && row < rows.length) {
            ensureRow(row);
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
