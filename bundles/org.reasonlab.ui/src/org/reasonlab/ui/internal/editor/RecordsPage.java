package org.reasonlab.ui.internal.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.reasonlab.core.edit.DatasetEdit;
import org.reasonlab.core.edit.EntryInsertion;
import org.reasonlab.core.edit.EntryRemoval;
import org.reasonlab.core.edit.EntryReplacement;
import org.reasonlab.core.edit.RecordIds;
import org.reasonlab.core.edit.RecordNavigator;
import org.reasonlab.core.edit.RecordQuery;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;

/**
 * The editor's main page: filter bar, virtual record table and the form of the selected record,
 * and the keyboard actions on them. Every change goes through {@link DatasetEditor#execute} so it
 * can be undone.
 */
final class RecordsPage {
    private final DatasetEditor editor;
    private final Composite root;
    private final ChangeBanner banner;
    private final FilterBar filterBar;
    private final RecordTable table;
    private final RecordForm form;
    private DatasetModel model;
    private int shownEntry = -1;

    RecordsPage(Composite parent, DatasetEditor editor) {
        this.editor = editor;
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(root);
        banner = new ChangeBanner(root, editor);
        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        Composite left = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(left);
        filterBar = new FilterBar(left, this::applyQuery, editor::showKeyReference);
        table = new RecordTable(left);
        form = new RecordForm(sash, this::setLabel, this::setSplit);
        sash.setWeights(62, 38);
        table.addListener(SWT.Selection, e -> selectionChanged());
        form.statementText().addModifyListener(e -> editor.pendingTextChanged());
        form.reasonText().addModifyListener(e -> editor.pendingTextChanged());
    }

    Control control() {
        return root;
    }

    RecordTable table() {
        return table;
    }

    RecordForm form() {
        return form;
    }

    FilterBar filterBar() {
        return filterBar;
    }

    ChangeBanner banner() {
        return banner;
    }

    void setModel(DatasetModel newModel) {
        model = newModel;
        table.setModel(newModel);
        LabelSchema schema = newModel.dataset().schema();
        form.setSchema(schema);
        filterBar.setSchema(schema);
        filterBar.setProblemCounts(newModel.index().problemKindCounts());
        shownEntry = -1;
        applyQuery(filterBar.query());
    }

    /** Keeps the table and form in step with the model (edits, undo, validation, reload). */
    void modelChanged(DatasetModel.Change change, int entryIndex) {
        switch (change) {
            case ENTRY -> {
                table.refreshEntry(entryIndex);
                if (entryIndex == shownEntry) {
                    showEntry(entryIndex);
                }
            }
            case STRUCTURE -> {
                int[] rows = model.index().filter(filterBar.query());
                int row = Arrays.binarySearch(rows, entryIndex);
                table.setRows(rows, row >= 0 ? row : Math.min(rows.length - 1, Math.max(0, -row - 1)));
                filterBar.setCount(rows.length, model.index().size());
                selectionChanged();
            }
            case PROBLEMS -> {
                table.refreshAll();
                filterBar.setProblemCounts(model.index().problemKindCounts());
                if (shownEntry >= 0 && form.pendingRecord() == null) {
                    showEntry(shownEntry);
                }
            }
            case RELOADED -> setModel(model);
        }
    }

    void applyQuery(RecordQuery query) {
        if (model == null) {
            return;
        }
        commitPending();
        int selected = table.selectedEntry();
        int[] rows = model.index().filter(query);
        int row = selected < 0 ? 0 : Arrays.binarySearch(rows, selected);
        table.setRows(rows, row >= 0 ? row : 0);
        filterBar.setCount(rows.length, model.index().size());
        selectionChanged();
    }

    /** Clears the filters if needed and selects the entry. */
    void reveal(int entryIndex) {
        if (model == null || entryIndex < 0 || entryIndex >= model.index().size()) {
            return;
        }
        if (table.rowOf(entryIndex) < 0) {
            filterBar.setQuery(RecordQuery.ALL);
        }
        commitPending();
        table.select(table.rowOf(entryIndex));
        selectionChanged();
    }

    private void selectionChanged() {
        int entry = table.selectedEntry();
        if (entry != shownEntry) {
            commitPending();
        }
        showEntry(entry);
        editor.selectionChanged(entry);
    }

    private void showEntry(int entryIndex) {
        shownEntry = entryIndex;
        if (entryIndex < 0) {
            form.show(null, List.of());
        } else {
            form.show(model.entry(entryIndex), model.index().problemsOf(entryIndex));
        }
        editor.pendingTextChanged(); // showing a record sets the form's text: not typing, so not dirty
    }

    int shownEntry() {
        return shownEntry;
    }

    boolean hasPendingText() {
        return form.pendingRecord() != null;
    }

    /** Turns typed text into an edit; true when there was something to commit. */
    boolean commitPending() {
        DatasetRecord changed = form.pendingRecord();
        if (changed == null || shownEntry < 0) {
            return false;
        }
        DatasetEntry before = model.entry(shownEntry);
        if (before != form.shownRecord()) {
            return false; // the form is stale (entry replaced meanwhile); the model wins
        }
        editor.execute("Edit record", List.of(new EntryReplacement(shownEntry, before, changed)));
        return true;
    }

    /**
     * Sets the label of the selected records: the shown one (typed text is committed with it) and
     * every other selected row, as one undoable edit.
     */
    void setLabel(String label) {
        replaceSelected("Set label " + label, r -> r.setLabel(label));
    }

    /** Sets the n-th label of the schema (1-based, like the digit keys); false if there is no such label. */
    boolean setLabelNumber(int number) {
        List<String> names = model == null ? List.of() : model.dataset().schema().names();
        if (number < 1 || number > names.size()) {
            return false;
        }
        setLabel(names.get(number - 1));
        return true;
    }

    /** Sets the split of the selected records, as {@link #setLabel} does. */
    void setSplit(Split split) {
        replaceSelected("Set split " + (split == null ? "(none)" : split.id()), r -> r.setSplit(split));
    }

    /** One edit that changes every selected record (unparsed lines are skipped); the shown one with its typed text. */
    private void replaceSelected(String label, Consumer<DatasetRecord> change) {
        if (model == null || shownEntry < 0) {
            return;
        }
        int[] selected = table.selectedEntries();
        int[] entries = selected.length > 1 ? selected : new int[] {shownEntry};
        DatasetRecord pending = form.pendingRecord();
        List<DatasetEdit> edits = new ArrayList<>();
        for (int entry : entries) {
            if (model.entry(entry) instanceof DatasetRecord before) {
                DatasetRecord after = entry == shownEntry && pending != null ? pending : before.copy();
                change.accept(after);
                if (!after.equals(before)) {
                    edits.add(new EntryReplacement(entry, before, after));
                }
            }
        }
        if (!edits.isEmpty()) {
            editor.execute(edits.size() == 1 ? label : label + " on " + edits.size() + " records", edits);
        }
    }

    /** Commits the typed text and moves to the next row (Ctrl+Enter). */
    void commitAndNext() {
        commitPending();
        move(1);
    }

    /** Moves the selection by {@code delta} rows (Alt+Up/Down), committing typed text first. */
    void move(int delta) {
        if (model == null || table.rows().length == 0) {
            return;
        }
        int row = table.selectedRow();
        int target = Math.max(0, Math.min(table.rows().length - 1, row + delta));
        if (target != row) {
            commitPending();
            table.select(target);
            selectionChanged();
        }
    }

    /** Selects the next record without a label; false when there is none. */
    boolean nextUnlabelled() {
        return goToRow(model == null ? -1 : RecordNavigator.nextUnlabelled(model.index(), table.rows(), table.selectedRow()));
    }

    /** Selects the next entry with a validation problem; false when there is none. */
    boolean nextWithProblems() {
        return goToRow(model == null ? -1 : RecordNavigator.nextWithProblems(model.index(), table.rows(), table.selectedRow()));
    }

    private boolean goToRow(int row) {
        if (row < 0) {
            return false;
        }
        commitPending();
        table.select(row);
        selectionChanged();
        return true;
    }

    /** Adds an empty record after the selected entry (same split) and selects it. */
    void addRecord() {
        if (model == null) {
            return;
        }
        commitPending();
        int at = shownEntry < 0 ? model.index().size() : shownEntry + 1;
        Split split = shownEntry >= 0 && model.entry(shownEntry) instanceof DatasetRecord r ? r.split() : null;
        DatasetRecord record = new DatasetRecord(RecordIds.next(model.dataset()), "", null, "", split);
        List<DatasetEdit> edits = List.of(new EntryInsertion(at, record));
        filterBar.setQuery(RecordQuery.ALL);
        editor.execute("Add record", edits);
        reveal(at);
        form.statementText().setFocus();
    }

    /** Removes the selected entry (unparsed lines too: that is the only way to drop one). */
    void deleteSelected() {
        if (model == null || shownEntry < 0) {
            return;
        }
        DatasetEntry entry = model.entry(shownEntry);
        editor.execute("Delete record", List.of(new EntryRemoval(shownEntry, entry)));
    }

    void focusTable() {
        table.control().setFocus();
    }

    void focusFilter() {
        filterBar.searchText().setFocus();
        filterBar.searchText().selectAll();
    }
}
