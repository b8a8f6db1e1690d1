package org.reasonlab.ui.internal.wizards;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerEditor;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationStrategy;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TableViewerEditor;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.reasonlab.core.imports.NewDataset;
import org.reasonlab.core.imports.RecordDraft;
import org.reasonlab.core.imports.TextProblem;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;

/**
 * Optional first records of a new dataset, in a small table edited in place: statement, label, reason
 * and split. Rows left empty are skipped; the others need a statement, and their label and split
 * must be known.
 */
public class FirstRecordsPage extends WizardPage {
    private static final String[] SPLITS = {"", Split.TRAIN.id(), Split.VALIDATION.id(), Split.TEST.id()};

    /** One row of the table, edited in place. */
    private static final class Row {
        String statement = "";
        String label = "";
        String reason = "";
        String split = "";

        RecordDraft draft() {
            return new RecordDraft(statement, label, reason, split);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private LabelSchema schema = LabelSchema.defaultSchema();
    private TableViewer viewer;
    private ComboBoxCellEditor labelEditor;
    private Button removeButton;

    public FirstRecordsPage() {
        super("records");
        setTitle("First Records");
        setDescription("Optionally type the first records: a statement, its label and the reason for the label.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite composite = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(composite);

        Label intro = new Label(composite, SWT.WRAP);
        intro.setText("Click a cell to edit it; Tab moves to the next one. Records are numbered 1, 2, 3, ... as ids."
                + " You can also leave the table empty and add records in the editor.");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(intro);

        viewer = new TableViewer(composite, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, 200).applyTo(table);
        viewer.setContentProvider(ArrayContentProvider.getInstance());

        labelEditor = new ComboBoxCellEditor(table, labelItems(), SWT.READ_ONLY);
        column("Statement", 190, r -> r.statement, (r, v) -> r.statement = v, new TextCellEditor(table), null);
        column("Label", 90, r -> r.label, (r, v) -> r.label = v, labelEditor, this::labelItems);
        column("Reason", 190, r -> r.reason, (r, v) -> r.reason = v, new TextCellEditor(table), null);
        column("Split", 80, r -> r.split, (r, v) -> r.split = v, new ComboBoxCellEditor(table, SPLITS, SWT.READ_ONLY),
                () -> SPLITS);
        TableViewerEditor.create(viewer, new ColumnViewerEditorActivationStrategy(viewer),
                ColumnViewerEditor.TABBING_HORIZONTAL | ColumnViewerEditor.TABBING_MOVE_TO_ROW_NEIGHBOR
                        | ColumnViewerEditor.TABBING_VERTICAL | ColumnViewerEditor.KEYBOARD_ACTIVATION);
        viewer.setInput(rows);

        Composite buttons = new Composite(composite, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        Button add = new Button(buttons, SWT.PUSH);
        add.setText("&Add");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(add);
        add.addListener(SWT.Selection, e -> addRow());
        removeButton = new Button(buttons, SWT.PUSH);
        removeButton.setText("&Remove");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(removeButton);
        removeButton.addListener(SWT.Selection, e -> removeSelected());
        viewer.addSelectionChangedListener(e -> removeButton.setEnabled(!e.getSelection().isEmpty()));
        removeButton.setEnabled(false);

        setControl(composite);
        validate();
    }

    private interface Getter {
        String get(Row row);
    }

    private interface Setter {
        void set(Row row, String value);
    }

    private interface Items {
        String[] get();
    }

    private void column(String title, int width, Getter getter, Setter setter, CellEditor editor, Items items) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return getter.get((Row) element);
            }
        });
        column.setEditingSupport(new EditingSupport(viewer) {
            @Override
            protected CellEditor getCellEditor(Object element) {
                if (items != null && editor instanceof ComboBoxCellEditor combo) {
                    combo.setItems(items.get());
                }
                return editor;
            }

            @Override
            protected boolean canEdit(Object element) {
                return true;
            }

            @Override
            protected Object getValue(Object element) {
                String value = getter.get((Row) element);
                if (items == null) {
                    return value;
                }
                String[] choices = items.get();
                for (int i = 0; i < choices.length; i++) {
                    if (choices[i].equals(value)) {
                        return i;
                    }
                }
                return 0;
            }

            @Override
            protected void setValue(Object element, Object value) {
                String text;
                if (items == null) {
                    text = value == null ? "" : value.toString();
                } else {
                    String[] choices = items.get();
                    int index = value instanceof Integer i ? i : -1;
                    text = index >= 0 && index < choices.length ? choices[index] : "";
                }
                setter.set((Row) element, text);
                viewer.update(element, null);
                validate();
            }
        });
    }

    private String[] labelItems() {
        List<String> items = new ArrayList<>();
        items.add("");
        items.addAll(schema.names());
        return items.toArray(String[]::new);
    }

    private void addRow() {
        Row row = new Row();
        rows.add(row);
        viewer.refresh();
        viewer.editElement(row, 0);
        validate();
    }

    private void removeSelected() {
        IStructuredSelection selection = viewer.getStructuredSelection();
        rows.removeAll(selection.toList());
        viewer.refresh();
        validate();
    }

    private void validate() {
        List<TextProblem> problems = NewDataset.problems(drafts(), schema);
        if (problems.isEmpty()) {
            setErrorMessage(null);
            setPageComplete(true);
        } else {
            TextProblem first = problems.get(0);
            setErrorMessage("Record " + first.line() + ": " + first.message());
            setPageComplete(false);
        }
    }

    /** The labels a record may have; rows whose label the schema does not know become problems. */
    public void setSchema(LabelSchema schema) {
        this.schema = schema;
        if (viewer != null) {
            labelEditor.setItems(labelItems());
            validate();
        }
    }

    /** Replaces the rows, e.g. from a test. */
    public void setDrafts(List<RecordDraft> drafts) {
        rows.clear();
        for (RecordDraft draft : drafts) {
            Row row = new Row();
            row.statement = draft.statement();
            row.label = draft.label();
            row.reason = draft.reason();
            row.split = draft.split();
            rows.add(row);
        }
        if (viewer != null) {
            viewer.refresh();
            validate();
        }
    }

    /** The rows as typed, blank ones included. */
    public List<RecordDraft> drafts() {
        return rows.stream().map(Row::draft).toList();
    }
}
