package org.reasonlab.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.text.WordCounter;
import org.reasonlab.core.validate.ValidationProblem;

/**
 * The form for one record. Label and split changes are edits at once; text typed into id,
 * statement and reason is pending until {@link #pendingRecord()} is committed (Ctrl+Enter, moving
 * to another record, or saving).
 */
final class RecordForm {
    /** The split combo's item for records without a split. */
    static final String NO_SPLIT = "(none)";

    private final Composite root;
    private final Label title;
    private final Text id;
    private final Combo split;
    private final Composite labels;
    private final List<Button> labelButtons = new ArrayList<>();
    private final Text statement;
    private final Text reason;
    private final Label wordCount;
    private final Table annotations;
    private final Text problems;
    private final Consumer<String> onLabel;
    private final Consumer<Split> onSplit;
    private LabelSchema schema;
    private DatasetRecord shown;
    private boolean updating;
    /** The widgets' text right after showing the record: widgets may normalise line breaks, so compare with these. */
    private String shownId = "";
    private String shownStatement = "";
    private String shownReason = "";

    RecordForm(Composite parent, Consumer<String> onLabel, Consumer<Split> onSplit) {
        this.onLabel = onLabel;
        this.onSplit = onSplit;
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(root);
        title = new Label(root, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(title);

        new Label(root, SWT.NONE).setText("Label:");
        labels = new Composite(root, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(1).applyTo(labels);

        new Label(root, SWT.NONE).setText("Statement:");
        statement = new Text(root, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, 60).applyTo(statement);

        new Label(root, SWT.NONE).setText("Reason:");
        reason = new Text(root, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(200, 100).applyTo(reason);
        new Label(root, SWT.NONE);
        wordCount = new Label(root, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(wordCount);
        reason.addModifyListener(e -> wordCount.setText(words(reason.getText())));

        new Label(root, SWT.NONE).setText("Split:");
        split = new Combo(root, SWT.READ_ONLY);
        split.add(NO_SPLIT);
        for (Split s : Split.values()) {
            split.add(s.id());
        }
        split.addListener(SWT.Selection, e -> {
            if (!updating && shown != null) {
                int i = split.getSelectionIndex();
                onSplit.accept(i <= 0 ? null : Split.values()[i - 1]);
            }
        });

        new Label(root, SWT.NONE).setText("Id:");
        id = new Text(root, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(id);

        Label annotationsTitle = new Label(root, SWT.NONE);
        annotationsTitle.setText("Annotators:");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(annotationsTitle);
        annotations = new Table(root, SWT.BORDER | SWT.FULL_SELECTION);
        annotations.setHeaderVisible(true);
        for (String[] c : new String[][] {{"Annotator", "90"}, {"Label", "80"}, {"Reason", "300"}}) {
            TableColumn column = new TableColumn(annotations, SWT.LEFT);
            column.setText(c[0]);
            column.setWidth(Integer.parseInt(c[1]));
        }
        GridDataFactory.fillDefaults().grab(true, false).hint(200, 70).applyTo(annotations);

        Label problemsTitle = new Label(root, SWT.NONE);
        problemsTitle.setText("Problems:");
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(problemsTitle);
        problems = new Text(root, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, 50).applyTo(problems);
        show(null, List.of());
    }

    Control control() {
        return root;
    }

    Text statementText() {
        return statement;
    }

    Text reasonText() {
        return reason;
    }

    List<Button> labelButtons() {
        return labelButtons;
    }

    /** Builds one radio button per label of the schema, numbered like the digit keys. */
    void setSchema(LabelSchema newSchema) {
        if (Objects.equals(schema, newSchema)) {
            return;
        }
        schema = newSchema;
        labelButtons.forEach(Button::dispose);
        labelButtons.clear();
        List<String> names = newSchema.names();
        GridLayoutFactory.fillDefaults().numColumns(Math.min(names.size(), 5)).applyTo(labels);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Button b = new Button(labels, SWT.RADIO);
            b.setText(i < 9 ? (i + 1) + "  " + name : name);
            b.setToolTipText(i < 9 ? "Press " + (i + 1) + " in the record table" : null);
            b.addListener(SWT.Selection, e -> {
                if (!updating && b.getSelection() && shown != null && !name.equals(shown.label())) {
                    onLabel.accept(name);
                }
            });
            labelButtons.add(b);
        }
        labels.getParent().layout(true, true);
    }

    /** Shows an entry (null = nothing selected); pending text of the previous one is dropped, so commit first. */
    void show(DatasetEntry entry, List<ValidationProblem> entryProblems) {
        updating = true;
        try {
            shown = entry instanceof DatasetRecord r ? r : null;
            boolean record = shown != null;
            for (Control c : new Control[] {id, split, statement, reason}) {
                c.setEnabled(record);
            }
            labelButtons.forEach(b -> b.setEnabled(record));
            annotations.removeAll();
            if (entry instanceof RawLine raw) {
                title.setText("Line " + raw.sourceLine() + " could not be parsed (" + raw.problem()
                        + "). It is kept verbatim on save; fix it with Open With > Text Editor.");
                statement.setText(raw.text());
                reason.setText("");
                id.setText("");
                split.select(0);
                labelButtons.forEach(b -> b.setSelection(false));
            } else if (shown != null) {
                title.setText(shown.sourceLine() > 0 ? "Record on line " + shown.sourceLine() : "New record");
                id.setText(nz(shown.id()));
                statement.setText(nz(shown.statement()));
                reason.setText(nz(shown.reason()));
                split.select(shown.split() == null ? 0 : shown.split().ordinal() + 1);
                for (int i = 0; i < labelButtons.size(); i++) {
                    labelButtons.get(i).setSelection(schema != null && schema.names().get(i).equals(shown.label()));
                }
                for (Annotation a : shown.annotations()) {
                    TableItem item = new TableItem(annotations, SWT.NONE);
                    item.setText(new String[] {a.annotator(), nz(a.label()), RecordTable.excerpt(a.reason())});
                }
            } else {
                title.setText("No record selected");
                id.setText("");
                statement.setText("");
                reason.setText("");
                split.select(0);
                labelButtons.forEach(b -> b.setSelection(false));
            }
            StringBuilder text = new StringBuilder();
            for (ValidationProblem p : entryProblems) {
                text.append(p.severity()).append(": ").append(p.message()).append('\n');
            }
            problems.setText(text.isEmpty() ? "none" : text.toString().strip());
            wordCount.setText(words(reason.getText()));
            shownId = id.getText();
            shownStatement = statement.getText();
            shownReason = reason.getText();
            root.layout(true, true);
        } finally {
            updating = false;
        }
    }

    /** The shown record with the typed text, or null when nothing was typed. */
    DatasetRecord pendingRecord() {
        if (shown == null || updating) {
            return null;
        }
        boolean idTyped = !id.getText().equals(shownId);
        boolean statementTyped = !statement.getText().equals(shownStatement);
        boolean reasonTyped = !reason.getText().equals(shownReason);
        if (!idTyped && !statementTyped && !reasonTyped) {
            return null;
        }
        DatasetRecord changed = shown.copy();
        if (idTyped) {
            changed.setId(emptyToNull(id.getText(), shown.id()));
        }
        if (statementTyped) {
            changed.setStatement(emptyToNull(statement.getText(), shown.statement()));
        }
        if (reasonTyped) {
            changed.setReason(emptyToNull(reason.getText(), shown.reason()));
        }
        return changed;
    }

    DatasetRecord shownRecord() {
        return shown;
    }

    /** Empty text means "absent" only if the field was absent before, so a load/save round trip keeps nulls. */
    private static String emptyToNull(String text, String before) {
        return text.isEmpty() && before == null ? null : text;
    }

    private static String words(String text) {
        int n = WordCounter.words(text);
        return n + (n == 1 ? " word" : " words");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static GridData fill() {
        return new GridData(SWT.FILL, SWT.FILL, true, true);
    }
}
