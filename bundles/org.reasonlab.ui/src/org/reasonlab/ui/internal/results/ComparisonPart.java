package org.reasonlab.ui.internal.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.reasonlab.core.compare.ComparisonInputs;
import org.reasonlab.core.compare.ComparisonTable;
import org.reasonlab.core.compare.RunComparison;
import org.reasonlab.core.compare.RunResult;
import org.reasonlab.core.compare.SignificanceReport;
import org.reasonlab.core.compare.RunSummary;
import org.reasonlab.core.compare.TextTable;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.run.group.RunGroupFile;
import org.reasonlab.core.significance.PairedBootstrap;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.internal.JobFamilies;

/**
 * Runs and run groups side by side against a pinned baseline ({@link ComparisonTable}): the runs as columns with
 * their deltas and a "Differences only" switch; below, computed in a background job ({@link SignificanceReport}):
 * the paper's table (pre-trained / L / L+R per model, 95% intervals, significance marks), the statistics per
 * setting over seeds, the paired tests of every run against the baseline (McNemar, Holm, bootstrap), and the items
 * two runs disagree on ({@link DiscordantPairsPanel}). Every table exports to CSV, Markdown and LaTeX, to a file or
 * the clipboard.
 */
public class ComparisonPart extends ViewPart {
    public static final String ID = ReasonLabUi.COMPARISON_VIEW;

    /** Which of the two tables an export writes. */
    public enum Which {
        COMPARISON, PAPER, STATISTICS, PAIRED
    }

    private static final String FILLER = "filler";

    private List<Path> inputs = List.of();
    private List<Path> folders = List.of();
    private ComparisonTable table;
    private volatile SignificanceReport report;
    private Job statisticsJob;
    /** Counts the statistics computations: a result is shown only if no newer one was started since. */
    private int statisticsGeneration;

    private Composite root;
    private Combo baselineCombo;
    private Button differencesOnly;
    private Combo whichCombo;
    private Table comparison;
    private Table paper;
    private Table statistics;
    private Table paired;
    private CTabFolder tabs;
    private DiscordantPairsPanel differences;
    private Label message;
    private Label legend;
    private String statisticsMessage = "";

    /**
     * Shows the comparison view on these run folders and run group files ({@code *.group.json}, standing for their
     * runs); the first run is the baseline.
     */
    public static ComparisonPart show(IWorkbenchPage page, List<Path> runFoldersAndGroups) throws PartInitException {
        ComparisonPart part = (ComparisonPart) page.showView(ID);
        part.setRuns(runFoldersAndGroups);
        return part;
    }

    /** Shows the comparison view on runs as already read (the first is the baseline). */
    public static ComparisonPart showSummaries(IWorkbenchPage page, List<RunSummary> runs) throws PartInitException {
        ComparisonPart part = (ComparisonPart) page.showView(ID);
        part.setSummaries(runs);
        return part;
    }

    @Override
    public void createPartControl(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));

        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout barLayout = new GridLayout(12, false);
        barLayout.marginWidth = 0;
        barLayout.marginHeight = 0;
        bar.setLayout(barLayout);
        new Label(bar, SWT.NONE).setText("Baseline:");
        baselineCombo = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        baselineCombo.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        baselineCombo.addListener(SWT.Selection, e -> setBaseline(baselineCombo.getSelectionIndex()));
        differencesOnly = new Button(bar, SWT.CHECK);
        differencesOnly.setText("&Differences only");
        differencesOnly.addListener(SWT.Selection, e -> refresh());
        Label gap = new Label(bar, SWT.NONE);
        gap.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Export:");
        whichCombo = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        whichCombo.setItems("Comparison table", "Paper table", "Statistics", "Paired tests");
        whichCombo.select(0);
        for (ExportFormat f : ExportFormat.values()) {
            Button b = new Button(bar, SWT.PUSH);
            b.setText(f.label() + "\u2026");
            b.setToolTipText("Saves the table as " + f.label() + " to a file");
            b.addListener(SWT.Selection, e -> exportToChosenFile(f));
        }
        for (ExportFormat f : ExportFormat.values()) {
            Button b = new Button(bar, SWT.PUSH);
            b.setText("Copy " + f.label());
            b.setToolTipText("Copies the table as " + f.label() + " to the clipboard");
            b.addListener(SWT.Selection, e -> copyToClipboard(f, which()));
        }

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        comparison = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION);
        comparison.setHeaderVisible(true);
        comparison.setLinesVisible(true);
        tabs = new CTabFolder(sash, SWT.BORDER | SWT.TOP);
        Composite paperPage = new Composite(tabs, SWT.NONE);
        GridLayout paperLayout = new GridLayout(1, false);
        paperLayout.marginWidth = 0;
        paperLayout.marginHeight = 0;
        paperPage.setLayout(paperLayout);
        paper = new Table(paperPage, SWT.BORDER | SWT.FULL_SELECTION);
        paper.setHeaderVisible(true);
        paper.setLinesVisible(true);
        paper.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        legend = new Label(paperPage, SWT.WRAP);
        legend.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        CTabItem paperItem = new CTabItem(tabs, SWT.NONE);
        paperItem.setText("Paper table");
        paperItem.setToolTipText("Pre-trained / L / L+R per model with 95% intervals and significance marks");
        paperItem.setControl(paperPage);
        statistics = tab("Statistics", "Per setting over seeds: mean \u00b1 sd [95% t-interval]; one run: 95% Wilson"
                + " interval");
        paired = tab("Paired tests", "Each run against the baseline on the same items: McNemar's exact test, Holm's"
                + " correction, paired bootstrap intervals of the differences");
        CTabItem diffItem = new CTabItem(tabs, SWT.NONE);
        diffItem.setText("Differences");
        diffItem.setToolTipText("The items two runs disagree on, with both generated reasons and the gold reason");
        differences = new DiscordantPairsPanel(tabs);
        diffItem.setControl(differences.control());
        tabs.setSelection(0);
        sash.setWeights(2, 3);

        message = new Label(root, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        refresh();
    }

    private Table tab(String title, String tooltip) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setToolTipText(tooltip);
        Table t = new Table(tabs, SWT.BORDER | SWT.FULL_SELECTION);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        item.setControl(t);
        return t;
    }

    @Override
    public void setFocus() {
        comparison.setFocus();
    }

    @Override
    public void dispose() {
        if (statisticsJob != null) {
            statisticsJob.cancel();
        }
        super.dispose();
    }

    /** Reads the run folders and groups' runs (the first run is the baseline) and shows them. */
    public void setRuns(List<Path> runFoldersAndGroups) {
        List<RunSummary> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path path : runFoldersAndGroups) {
            if (RunGroupFile.isGroupFile(path)) {
                try {
                    RunGroupFile.read(path).members().forEach(m -> runs.add(RunSummary.read(m)));
                } catch (IOException e) {
                    problems.add(FileErrors.describe(e));
                }
            } else {
                runs.add(RunSummary.read(path));
            }
        }
        showSummaries(runs, runFoldersAndGroups);
        if (!problems.isEmpty()) {
            message.setText(String.join("; ", problems));
        }
    }

    /** Shows runs as already read (the first is the baseline); {@link #reload()} reads their folders again. */
    public void setSummaries(List<RunSummary> runs) {
        showSummaries(runs, runs.stream().map(RunSummary::folder).toList());
    }

    private void showSummaries(List<RunSummary> runs, List<Path> compared) {
        inputs = List.copyOf(compared);
        folders = runs.stream().map(RunSummary::folder).toList();
        table = runs.isEmpty() ? null : new ComparisonTable(runs, 0);
        baselineCombo.setItems(runs.stream().map(RunSummary::name).toArray(String[]::new));
        if (table != null) {
            baselineCombo.select(0);
        }
        bar().layout(true, true);
        refresh();
        computeStatistics();
    }

    /** Reads the same run folders again (reviews or metrics may have changed). */
    public void reload() {
        int baseline = table == null ? 0 : table.baseline();
        setRuns(inputs);
        if (table != null && baseline < table.runs().size()) {
            setBaseline(baseline);
        }
    }

    /** Pins the run at this position (in the given order) as the baseline. */
    public void setBaseline(int index) {
        if (table == null || index < 0 || index >= table.runs().size()) {
            return;
        }
        table = table.withBaseline(index);
        if (baselineCombo.getSelectionIndex() != index) {
            baselineCombo.select(index);
        }
        refresh();
        computeStatistics();
    }

    public void setDifferencesOnly(boolean on) {
        differencesOnly.setSelection(on);
        refresh();
    }

    public boolean differencesOnly() {
        return differencesOnly.getSelection();
    }

    /** The table shown, null before runs were set. */
    public ComparisonTable comparisonTable() {
        return table;
    }

    /** The comparison as shown (differences only applied), null when there are no runs. */
    public TextTable comparisonText() {
        return table == null ? null : table.toText(differencesOnly());
    }

    /** The paper table with intervals and marks once the statistics are computed, without them before. */
    public TextTable paperText() {
        SignificanceReport r = report;
        return table == null ? null : r != null ? r.paperTable() : table.paperTable();
    }

    /** The statistics per setting over seeds; null until computed. */
    public TextTable statisticsText() {
        SignificanceReport r = report;
        return table == null || r == null ? null : r.armTable();
    }

    /** The paired tests against the baseline; null until computed. */
    public TextTable pairedText() {
        SignificanceReport r = report;
        return table == null || r == null ? null : r.pairedTable();
    }

    /** The statistics shown, null while they are computed or when there are no runs. */
    public SignificanceReport report() {
        return report;
    }

    /** The text an export writes; empty when there are no runs. */
    public String exportText(ExportFormat format, Which which) {
        TextTable t = switch (which) {
            case PAPER -> paperText();
            case STATISTICS -> statisticsText();
            case PAIRED -> pairedText();
            case COMPARISON -> comparisonText();
        };
        if (t == null) {
            return "";
        }
        String text = format.text(t);
        SignificanceReport r = report;
        if (which == Which.PAPER && r != null) {
            String marks = r.markLegend();
            text += switch (format) {
                case LATEX -> "% " + marks + "\n";
                case MARKDOWN -> "\n" + marks + "\n";
                case CSV -> "";
            };
        }
        return text;
    }

    /** Writes an export to a file (UTF-8). */
    public void export(ExportFormat format, Which which, Path file) throws IOException {
        Files.writeString(file, exportText(format, which), StandardCharsets.UTF_8);
    }

    /** Puts an export on the clipboard as text. */
    public void copyToClipboard(ExportFormat format, Which which) {
        String text = exportText(format, which);
        if (text.isEmpty()) {
            return;
        }
        Clipboard clipboard = new Clipboard(root.getDisplay());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
        message.setText(whichLabel(which) + " copied as " + format.label() + ".");
    }

    /** The header of the comparison table widget. */
    public List<String> shownHeader() {
        return header(comparison);
    }

    /** The cells of the comparison table widget, row by row. */
    public List<List<String>> shownRows() {
        return cells(comparison);
    }

    public List<String> shownPaperHeader() {
        return header(paper);
    }

    public List<List<String>> shownPaperRows() {
        return cells(paper);
    }

    public List<String> shownStatisticsHeader() {
        return header(statistics);
    }

    public List<List<String>> shownStatisticsRows() {
        return cells(statistics);
    }

    public List<List<String>> shownPairedRows() {
        return cells(paired);
    }

    /** The per-item differences panel. */
    DiscordantPairsPanel differences() {
        return differences;
    }

    /** Shows the tab with this title. */
    public void showTab(String title) {
        for (CTabItem item : tabs.getItems()) {
            if (item.getText().equals(title)) {
                tabs.setSelection(item);
            }
        }
    }

    /** Waits (dispatching events) until the statistics are shown. */
    public void joinStatistics() throws InterruptedException {
        Job job = statisticsJob;
        if (job != null) {
            job.join();
        }
        while (root.getDisplay().readAndDispatch()) {
            // the job's results reach the widgets through asyncExec
        }
    }

    private static String whichLabel(Which which) {
        return switch (which) {
            case PAPER -> "Paper table";
            case STATISTICS -> "Statistics";
            case PAIRED -> "Paired tests";
            case COMPARISON -> "Comparison";
        };
    }

    /** The message line (problems reading runs, export results). */
    public String messageText() {
        return message.getText();
    }

    private Which which() {
        int i = whichCombo.getSelectionIndex();
        return i < 0 ? Which.COMPARISON : Which.values()[i];
    }

    private Composite bar() {
        return baselineCombo.getParent();
    }

    private void exportToChosenFile(ExportFormat format) {
        if (table == null) {
            return;
        }
        Which which = which();
        FileDialog dialog = new FileDialog(root.getShell(), SWT.SAVE);
        dialog.setText("Export " + whichLabel(which) + " as " + format.label());
        dialog.setFilterExtensions("*." + format.extension(), "*.*");
        dialog.setFileName(whichLabel(which).toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "."
                + format.extension());
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        try {
            export(format, which, Path.of(chosen));
            message.setText("Exported to " + chosen);
        } catch (IOException e) {
            MessageDialog.openError(root.getShell(), "Export Failed", "Could not export: " + FileErrors.describe(e));
        }
    }

    private void refresh() {
        if (comparison == null || comparison.isDisposed()) {
            return;
        }
        fill(comparison, comparisonText());
        fill(paper, paperText());
        fill(statistics, statisticsText());
        fill(paired, pairedText());
        SignificanceReport shownReport = report;
        legend.setText(table == null ? "" : shownReport == null ? "Computing intervals and paired tests\u2026"
                : shownReport.markLegend());
        if (table == null) {
            message.setText("No runs to compare. Select run folders and choose Compare.");
        } else {
            List<String> problems = new ArrayList<>();
            for (RunSummary r : table.runs()) {
                for (String p : r.problems()) {
                    problems.add(r.name() + ": " + p);
                }
            }
            if (!statisticsMessage.isEmpty()) {
                problems.add(statisticsMessage);
            }
            SignificanceReport r = report;
            if (r != null) {
                problems.addAll(r.problems());
            }
            message.setText(problems.isEmpty() ? "" : String.join("; ", problems));
        }
        root.layout(true, true);
    }

    /**
     * Computes the statistics in a background job (the bootstrap resamples every paired comparison 10,000 times)
     * with the baseline run's arm as the baseline, then shows them.
     */
    private void computeStatistics() {
        if (statisticsJob != null) {
            statisticsJob.cancel();
        }
        report = null;
        statisticsMessage = "";
        if (table == null) {
            return;
        }
        List<Path> compared = inputs;
        Path baseline = table.baselineRun().folder();
        int generation = ++statisticsGeneration;
        Display display = root.getDisplay();
        statisticsJob = new Job("Computing the comparison's statistics") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SignificanceReport computed = null;
                String problem = "";
                try {
                    computed = ComparisonInputs.resolve(compared, baseline)
                            .report(PairedBootstrap.DEFAULT_RESAMPLES, 1L);
                } catch (IOException e) {
                    problem = "Statistics: " + FileErrors.describe(e);
                } catch (RuntimeException e) {
                    problem = "Statistics: " + e;
                }
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                show(display, computed, problem, generation);
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JobFamilies.COMPARISON;
            }
        };
        statisticsJob.schedule();
    }

    /** Called in the job: touches no widget, hands the result to the UI thread. */
    private void show(Display display, SignificanceReport result, String problem, int generation) {
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (root.isDisposed() || generation != statisticsGeneration) {
                return;
            }
            report = result;
            statisticsMessage = problem;
            refresh();
            if (result != null) {
                // the first compared run against its baseline run, else the first two runs
                List<RunResult> runs = result.arms().stream().flatMap(a -> a.runs().stream())
                        .filter(r -> r.outcomes() != null).toList();
                RunComparison first = result.comparisons().stream().filter(c -> c.all() != null).findFirst()
                        .orElse(null);
                int a = first == null ? 0 : runs.indexOf(first.run());
                int b = first == null ? Math.min(1, runs.size() - 1) : runs.indexOf(first.baseline());
                differences.setRuns(runs, a, b);
            }
        });
    }

    private static void fill(Table widget, TextTable text) {
        widget.setRedraw(false);
        try {
            widget.removeAll();
            for (TableColumn c : widget.getColumns()) {
                c.dispose();
            }
            if (text == null) {
                return;
            }
            for (int i = 0; i < text.header().size(); i++) {
                TableColumn c = new TableColumn(widget, text.rightAligned().get(i) ? SWT.RIGHT : SWT.LEFT);
                c.setText(text.header().get(i));
            }
            for (List<String> row : text.rows()) {
                TableItem item = new TableItem(widget, SWT.NONE);
                item.setText(row.toArray(String[]::new));
            }
            for (TableColumn c : widget.getColumns()) {
                c.pack();
            }
            // GTK stretches the last column over the rest of the table; an empty one takes that instead
            TableColumn filler = new TableColumn(widget, SWT.LEFT);
            filler.setData(FILLER, Boolean.TRUE);
            filler.setWidth(1);
        } finally {
            widget.setRedraw(true);
        }
    }

    private static List<String> header(Table widget) {
        List<String> out = new ArrayList<>();
        for (TableColumn c : widget.getColumns()) {
            if (c.getData(FILLER) == null) {
                out.add(c.getText());
            }
        }
        return out;
    }

    private static List<List<String>> cells(Table widget) {
        List<List<String>> out = new ArrayList<>();
        int columns = header(widget).size();
        for (TableItem item : widget.getItems()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                row.add(item.getText(i));
            }
            out.add(row);
        }
        return out;
    }
}
