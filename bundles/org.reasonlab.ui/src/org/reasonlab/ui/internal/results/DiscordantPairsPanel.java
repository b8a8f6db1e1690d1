package org.reasonlab.ui.internal.results;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.reasonlab.core.compare.PairedItems;
import org.reasonlab.core.compare.RunResult;
import org.reasonlab.core.run.Prediction;

/**
 * The per-item differences between two runs: the discordant pairs (items one run got right and the other wrong),
 * and for the selected item the statement, both generated reasons and the gold reason side by side.
 */
final class DiscordantPairsPanel {
    private final Composite root;
    private final Combo first;
    private final Combo second;
    private final Button cleanOnly;
    private final Label summary;
    private final Table items;
    private final Text statement;
    private final Text firstReason;
    private final Text secondReason;
    private final Text goldReason;
    private final Group firstGroup;
    private final Group secondGroup;
    private List<RunResult> runs = List.of();
    private PairedItems pairs;
    private List<Integer> discordant = List.of();

    DiscordantPairsPanel(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayout(new GridLayout(6, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(bar, SWT.NONE).setText("Run:");
        first = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        new Label(bar, SWT.NONE).setText("against:");
        second = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        cleanOnly = new Button(bar, SWT.CHECK);
        cleanOnly.setText("&Leakage-free only");
        cleanOnly.setToolTipText("Only the items neither run saw in training (statement among its training records)");
        cleanOnly.addListener(SWT.Selection, e -> refresh());
        summary = new Label(bar, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        first.addListener(SWT.Selection, e -> refresh());
        second.addListener(SWT.Selection, e -> refresh());

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        items = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        items.setHeaderVisible(true);
        items.setLinesVisible(true);
        for (String title : new String[] {"Item", "Gold", "Run's label", "Other's label", "Leaked", "Statement"}) {
            TableColumn c = new TableColumn(items, SWT.LEFT);
            c.setText(title);
            c.setWidth(title.equals("Statement") ? 500 : 110);
        }
        items.addListener(SWT.Selection, e -> showItem());
        Composite detail = new Composite(sash, SWT.NONE);
        detail.setLayout(new GridLayout(3, true));
        statement = text(detail, null, 3);
        firstGroup = group(detail, "Run's reason");
        firstReason = text(firstGroup, null, 1);
        secondGroup = group(detail, "Other's reason");
        secondReason = text(secondGroup, null, 1);
        Group gold = group(detail, "Gold reason");
        goldReason = text(gold, null, 1);
        sash.setWeights(3, 2);
    }

    private static Group group(Composite parent, String title) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(1, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return g;
    }

    private static Text text(Composite parent, String initial, int span) {
        Text t = new Text(parent, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, span == 1);
        data.horizontalSpan = span;
        data.heightHint = span == 1 ? 60 : 40;
        t.setLayoutData(data);
        if (initial != null) {
            t.setText(initial);
        }
        return t;
    }

    Composite control() {
        return root;
    }

    /**
     * The runs to choose from (each with readable predictions); the run of {@code firstIndex} against the one of
     * {@code secondIndex}.
     */
    void setRuns(List<RunResult> all, int firstIndex, int secondIndex) {
        runs = List.copyOf(all);
        String[] names = runs.stream().map(RunResult::name).toArray(String[]::new);
        first.setItems(names);
        second.setItems(names);
        if (!runs.isEmpty()) {
            first.select(Math.min(Math.max(firstIndex, 0), runs.size() - 1));
            second.select(Math.min(Math.max(secondIndex, 0), runs.size() - 1));
        }
        root.layout(true, true);
        refresh();
    }

    /** Chooses the two runs by name. */
    void choose(String run, String other) {
        first.select(List.of(first.getItems()).indexOf(run));
        second.select(List.of(second.getItems()).indexOf(other));
        refresh();
    }

    private void refresh() {
        items.removeAll();
        discordant = List.of();
        pairs = null;
        if (first.getSelectionIndex() < 0 || second.getSelectionIndex() < 0) {
            summary.setText(runs.isEmpty() ? "No run has readable predictions." : "");
            showItem();
            return;
        }
        RunResult a = runs.get(first.getSelectionIndex());
        RunResult b = runs.get(second.getSelectionIndex());
        firstGroup.setText(a.name() + "'s reason");
        secondGroup.setText(b.name() + "'s reason");
        pairs = PairedItems.of(a.outcomes(), b.outcomes(), cleanOnly.getSelection());
        discordant = pairs.discordant();
        long onlyFirst = discordant.stream().filter(i -> pairs.first().get(i).correct()).count();
        summary.setText(discordant.size() + " of " + pairs.size() + (cleanOnly.getSelection() ? " leakage-free" : "")
                + " shared items differ: " + onlyFirst + " only " + a.name() + " got right, "
                + (discordant.size() - onlyFirst) + " only " + b.name()
                + (pairs.mismatched() > 0 ? "; " + pairs.mismatched() + " ids name other records in the two runs"
                        + " (left out)" : ""));
        summary.getParent().layout(true);
        for (int i : discordant) {
            Prediction p = pairs.first().get(i);
            Prediction q = pairs.second().get(i);
            TableItem item = new TableItem(items, SWT.NONE);
            item.setText(new String[] {pairs.keys().get(i), p.goldLabel(), mark(p), mark(q),
                    p.leaked() || q.leaked() ? "yes" : "", oneLine(p.statement())});
        }
        if (!discordant.isEmpty()) {
            items.select(0);
        }
        showItem();
    }

    private static String mark(Prediction p) {
        String label = p.predictedLabel() == null ? "(unparseable)" : p.predictedLabel();
        return (p.correct() ? "\u2713 " : "\u2717 ") + label;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ');
    }

    private void showItem() {
        int row = items.getSelectionIndex();
        if (pairs == null || row < 0 || row >= discordant.size()) {
            statement.setText("");
            firstReason.setText("");
            secondReason.setText("");
            goldReason.setText("");
            return;
        }
        int i = discordant.get(row);
        Prediction p = pairs.first().get(i);
        Prediction q = pairs.second().get(i);
        statement.setText(nz(p.statement()));
        firstReason.setText(reason(p));
        secondReason.setText(reason(q));
        goldReason.setText(nz(p.goldReason()));
    }

    private static String reason(Prediction p) {
        return p.generatedReason() != null ? p.generatedReason() : "(no reason) " + nz(p.generated());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---- for tests ----

    List<List<String>> shownItems() {
        List<List<String>> out = new ArrayList<>();
        for (TableItem item : items.getItems()) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < items.getColumnCount(); c++) {
                row.add(item.getText(c));
            }
            out.add(row);
        }
        return out;
    }

    void setCleanOnly(boolean on) {
        cleanOnly.setSelection(on);
        refresh();
    }

    void selectItem(int row) {
        items.select(row);
        showItem();
    }

    /** Statement, the run's reason, the other's reason and the gold reason of the selected item. */
    List<String> shownDetail() {
        return List.of(statement.getText(), firstReason.getText(), secondReason.getText(), goldReason.getText());
    }

    String summaryText() {
        return summary.getText();
    }
}
