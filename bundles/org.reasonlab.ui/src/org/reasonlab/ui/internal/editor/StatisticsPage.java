package org.reasonlab.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.stats.DatasetStatistics;
import org.reasonlab.core.stats.DuplicateGroup;
import org.reasonlab.core.stats.LengthSummary;
import org.reasonlab.core.stats.Occurrence;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.views.overview.ReasonLengthChart;

/**
 * Label balance per split, the reason length histogram, and the duplicates and train/test leakage
 * with links to the records. Computed in the background when the page is shown after a change.
 */
final class StatisticsPage {

    private final DatasetEditor editor;
    private final FormToolkit toolkit;
    private final ScrolledForm form;
    private final Label summary;
    private final Table balance;
    private final ReasonLengthChart chart;
    private final Label lengthSummary;
    private final Table duplicates;
    /** Entry index per row of the duplicates table. */
    private final List<Integer> duplicateEntries = new ArrayList<>();
    private DatasetModel model;
    private boolean stale = true;
    private long shownGeneration = -1;
    private DatasetStatistics shown;

    StatisticsPage(Composite parent, DatasetEditor editor) {
        this.editor = editor;
        toolkit = new FormToolkit(parent.getDisplay());
        form = toolkit.createScrolledForm(parent);
        form.setText("Statistics");
        Composite body = form.getBody();
        body.setLayout(new GridLayout(1, false));
        summary = toolkit.createLabel(body, "Open the page after the file is loaded.", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);

        Composite balanceBody = PageSupport.section(toolkit, body, "Label balance per split");
        balance = toolkit.createTable(balanceBody, SWT.BORDER | SWT.FULL_SELECTION);
        balance.setHeaderVisible(true);
        balance.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 130).applyTo(balance);

        Composite lengthBody = PageSupport.section(toolkit, body, "Reason length");
        chart = new ReasonLengthChart(lengthBody, toolkit);
        lengthSummary = toolkit.createLabel(lengthBody, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(lengthSummary);

        Composite dupBody = PageSupport.section(toolkit, body, "Duplicates and leakage between splits (double-click a row to open the record)");
        duplicates = toolkit.createTable(dupBody, SWT.BORDER | SWT.FULL_SELECTION);
        duplicates.setHeaderVisible(true);
        duplicates.setLinesVisible(true);
        for (String[] c : new String[][] {{"Group", "60"}, {"Kind", "110"}, {"Id", "80"}, {"Split", "80"},
                {"Label", "90"}, {"Line", "60"}, {"Statement", "420"}}) {
            TableColumn column = new TableColumn(duplicates, SWT.LEFT);
            column.setText(c[0]);
            column.setWidth(Integer.parseInt(c[1]));
        }
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 220).applyTo(duplicates);
        duplicates.addListener(SWT.DefaultSelection, e -> openSelectedDuplicate());
    }

    Control control() {
        return form;
    }

    void setModel(DatasetModel newModel) {
        model = newModel;
        stale = true;
    }

    void modelChanged(DatasetModel.Change change) {
        if (change != DatasetModel.Change.PROBLEMS) {
            stale = true;
        }
    }

    /** Recomputes in the background if something changed since the last time. */
    void pageShown() {
        if (model == null || !stale) {
            return;
        }
        stale = false;
        Dataset snapshot = PageSupport.snapshot(model);
        long generation = model.generation();
        summary.setText("Computing\u2026");
        PageSupport.computeInBackground("Statistics of " + editor.file().getName(), JobFamilies.STATISTICS, form,
                () -> DatasetStatistics.compute(snapshot), statistics -> show(statistics, snapshot, generation));
    }

    /** The statistics on screen (for tests), or null. */
    DatasetStatistics shownStatistics() {
        return shown;
    }

    long shownGeneration() {
        return shownGeneration;
    }

    Table balanceTable() {
        return balance;
    }

    Table duplicatesTable() {
        return duplicates;
    }

    private void show(DatasetStatistics statistics, Dataset snapshot, long generation) {
        shown = statistics;
        shownGeneration = generation;
        summary.setText(String.format("%,d records, %,d unparsed lines, %,d unlabelled, %,d empty reasons, "
                + "%,d records in duplicate groups, %,d statements in more than one split.", statistics.records(),
                statistics.unparsedLines(), statistics.unlabelled(), statistics.emptyReasons(),
                statistics.duplicateRecords(), statistics.leakage().size()));
        showBalance(statistics, snapshot.schema().names());
        LengthSummary words = statistics.reasonWords();
        chart.setHistogram(words.histogram());
        lengthSummary.setText(String.format("Words per reason: min %d, median %.0f, mean %.1f, 90th percentile %d, max %d.",
                words.min(), words.median(), words.mean(), words.p90(), words.max()));
        showDuplicates(statistics, snapshot);
        form.reflow(true);
    }

    private void showBalance(DatasetStatistics statistics, List<String> schemaLabels) {
        balance.setRedraw(false);
        balance.removeAll();
        for (TableColumn c : balance.getColumns()) {
            c.dispose();
        }
        Map<String, Map<String, Integer>> bySplit = statistics.labelsBySplit();
        List<String> labels = new ArrayList<>(schemaLabels);
        bySplit.values().forEach(m -> m.keySet().stream().filter(l -> !labels.contains(l)).forEach(labels::add));
        column(balance, "Split", 110);
        labels.forEach(l -> column(balance, l, 110));
        column(balance, "Unlabelled", 100);
        column(balance, "Total", 80);
        for (Map.Entry<String, Map<String, Integer>> split : bySplit.entrySet()) {
            int total = statistics.splitCounts().getOrDefault(split.getKey(), 0);
            if (total == 0 && DatasetStatistics.UNASSIGNED.equals(split.getKey())) {
                continue;
            }
            String[] row = new String[labels.size() + 3];
            row[0] = split.getKey();
            int labelled = 0;
            for (int i = 0; i < labels.size(); i++) {
                int n = split.getValue().getOrDefault(labels.get(i), 0);
                labelled += n;
                row[i + 1] = share(n, total);
            }
            row[labels.size() + 1] = share(total - labelled, total);
            row[labels.size() + 2] = String.format("%,d", total);
            new TableItem(balance, SWT.NONE).setText(row);
        }
        balance.setRedraw(true);
    }

    private static String share(int n, int total) {
        return total == 0 ? "0" : String.format("%,d (%.0f%%)", n, 100.0 * n / total);
    }

    private static void column(Table table, String title, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(title);
        c.setWidth(width);
    }

    private void showDuplicates(DatasetStatistics statistics, Dataset snapshot) {
        duplicates.setRedraw(false);
        duplicates.removeAll();
        duplicateEntries.clear();
        int group = 0;
        List<DuplicateGroup> leakage = statistics.leakage();
        List<DuplicateGroup> all = new ArrayList<>(leakage);
        statistics.duplicates().stream().filter(g -> !leakage.contains(g)).forEach(all::add);
        for (DuplicateGroup g : all) {
            group++;
            String kind = leakage.contains(g) ? "Leakage" : g.conflictingLabels() ? "Label conflict" : "Duplicate";
            for (Occurrence o : g.occurrences()) {
                new TableItem(duplicates, SWT.NONE).setText(new String[] {Integer.toString(group), kind,
                        o.recordId() == null ? "" : o.recordId(), o.split(), o.label() == null ? "" : o.label(),
                        o.line() > 0 ? Integer.toString(o.line()) : "", RecordTable.excerpt(o.statement())});
                duplicateEntries.add(entryIndexOfLine(snapshot, o.line()));
            }
        }
        duplicates.setRedraw(true);
    }

    private static int entryIndexOfLine(Dataset dataset, int line) {
        if (line <= 0) {
            return -1;
        }
        List<DatasetEntry> entries = dataset.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sourceLine() == line) {
                return i;
            }
        }
        return -1;
    }

    private void openSelectedDuplicate() {
        int row = duplicates.getSelectionIndex();
        if (row >= 0 && row < duplicateEntries.size() && duplicateEntries.get(row) >= 0) {
            editor.revealEntry(duplicateEntries.get(row));
        }
    }

    /** Opens the record of a row of the duplicates table (what double-click does). */
    void openDuplicateRow(int row) {
        duplicates.setSelection(row);
        openSelectedDuplicate();
    }

    static String splitName(Split split) {
        return split == null ? DatasetStatistics.UNASSIGNED : split.id();
    }
}
