package org.reasonlab.ui.internal.editor;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.reasonlab.core.edit.RecordQuery;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.validate.ProblemKind;

/** Search text, label, split, problem and disagreement filters above the record table, with the match count. */
final class FilterBar {
    private static final int TYPING_DELAY_MS = 150;

    private final Composite root;
    private final Text search;
    private final Combo label;
    private final Combo split;
    private final Combo problem;
    private final Button disagreement;
    private final Label count;
    private final Consumer<RecordQuery> onChange;
    private List<String> labelNames = List.of();
    private RecordQuery query = RecordQuery.ALL;
    private boolean updating;
    private int typingGeneration;

    FilterBar(Composite parent, Consumer<RecordQuery> onChange, Runnable showKeys) {
        this.onChange = onChange;
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(1).spacing(2, 2).margins(2, 2).applyTo(root);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(root);
        Composite first = new Composite(root, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(first);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(first);
        search = new Text(first, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("Find in statements and reasons (Ctrl+F)");
        GridDataFactory.fillDefaults().grab(true, false).hint(180, SWT.DEFAULT).applyTo(search);
        search.addModifyListener(e -> {
            int generation = ++typingGeneration;
            search.getDisplay().timerExec(TYPING_DELAY_MS, () -> {
                if (generation == typingGeneration && !search.isDisposed()) {
                    update();
                }
            });
        });
        search.addListener(SWT.DefaultSelection, e -> update());
        count = new Label(first, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(150, SWT.DEFAULT).applyTo(count);
        Button keys = new Button(first, SWT.PUSH);
        keys.setText("Keys (F1)");
        keys.setToolTipText("The editor's commands and their keys");
        keys.addListener(SWT.Selection, e -> showKeys.run());

        Composite second = new Composite(root, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(second);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(second);
        label = new Combo(second, SWT.READ_ONLY);
        split = new Combo(second, SWT.READ_ONLY);
        split.setItems("Any split", Split.TRAIN.id(), Split.VALIDATION.id(), Split.TEST.id(), "(no split)");
        split.select(0);
        problem = new Combo(second, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(problem);
        disagreement = new Button(second, SWT.CHECK);
        disagreement.setText("Disagreement");
        disagreement.setToolTipText("Only records whose annotators gave different labels");
        setSchema(LabelSchema.defaultSchema());
        setProblemCounts(Map.of());
        for (Combo c : new Combo[] {label, split, problem}) {
            c.addListener(SWT.Selection, e -> update());
        }
        disagreement.addListener(SWT.Selection, e -> update());
    }

    Composite control() {
        return root;
    }

    Text searchText() {
        return search;
    }

    RecordQuery query() {
        return query;
    }

    void setSchema(LabelSchema schema) {
        if (schema.names().equals(labelNames)) {
            return;
        }
        labelNames = schema.names();
        updating = true;
        label.removeAll();
        label.add("Any label");
        label.add("(unlabelled)");
        labelNames.forEach(label::add);
        label.select(0);
        updating = false;
    }

    /** Lists the problem kinds found with their counts. */
    void setProblemCounts(Map<ProblemKind, Integer> counts) {
        ProblemKind selected = query.problem();
        updating = true;
        problem.removeAll();
        problem.add("Any problems");
        problem.add("With problems");
        for (ProblemKind kind : ProblemKind.values()) {
            problem.add(kind.title() + " (" + counts.getOrDefault(kind, 0) + ")");
        }
        problem.select(query.withProblems() ? 1 : selected == null ? 0 : selected.ordinal() + 2);
        updating = false;
        root.layout(true, true);
    }

    String countText() {
        return count.getText();
    }

    void setCount(int shown, int total) {
        count.setText(shown == total ? String.format("%,d entries", total) : String.format("%,d of %,d entries", shown, total));
    }

    /** Sets the filters from outside (outline, statistics links) and applies them. */
    void setQuery(RecordQuery newQuery) {
        updating = true;
        search.setText(newQuery.text() == null ? "" : newQuery.text());
        label.select(newQuery.label() == null ? 0 : RecordQuery.UNLABELLED.equals(newQuery.label()) ? 1
                : 2 + Math.max(0, labelNames.indexOf(newQuery.label())));
        split.select(newQuery.unassignedSplit() ? 4 : newQuery.split() == null ? 0 : newQuery.split().ordinal() + 1);
        problem.select(newQuery.withProblems() ? 1 : newQuery.problem() == null ? 0 : newQuery.problem().ordinal() + 2);
        disagreement.setSelection(newQuery.disagreement());
        updating = false;
        typingGeneration++;
        update();
    }

    private void update() {
        if (updating) {
            return;
        }
        int l = label.getSelectionIndex();
        int s = split.getSelectionIndex();
        int p = problem.getSelectionIndex();
        query = new RecordQuery(search.getText(),
                l <= 0 ? null : l == 1 ? RecordQuery.UNLABELLED : labelNames.get(l - 2),
                s <= 0 || s == 4 ? null : Split.values()[s - 1], s == 4,
                p <= 1 ? null : ProblemKind.values()[p - 2], p == 1, disagreement.getSelection());
        onChange.accept(query);
    }
}
