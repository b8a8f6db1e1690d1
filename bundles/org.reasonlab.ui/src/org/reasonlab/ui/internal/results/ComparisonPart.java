package org.reasonlab.ui.internal.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.reasonlab.core.compare.ComparisonTable;
import org.reasonlab.core.compare.RunSummary;
import org.reasonlab.core.compare.TextTable;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.ui.ReasonLabUi;

/**
 * Runs side by side against a pinned baseline ({@link ComparisonTable}): the runs as columns with their deltas,
 * a "Differences only" switch, the paper's table (pre-trained / L / L+R: accuracy and misalignment rate) below,
 * and exports to CSV, Markdown and LaTeX, to a file or the clipboard.
 */
public class ComparisonPart extends ViewPart {
    public static final String ID = ReasonLabUi.COMPARISON_VIEW;

    /** Which of the two tables an export writes. */
    public enum Which {
        COMPARISON, PAPER
    }

    private static final String FILLER = "filler";

    private List<Path> folders = List.of();
    private ComparisonTable table;

    private Composite root;
    private Combo baselineCombo;
    private Button differencesOnly;
    private Combo whichCombo;
    private Table comparison;
    private Table paper;
    private Label message;

    /** Shows the comparison view on these run folders (the first is the baseline). */
    public static ComparisonPart show(IWorkbenchPage page, List<Path> runFolders) throws PartInitException {
        ComparisonPart part = (ComparisonPart) page.showView(ID);
        part.setRuns(runFolders);
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
        whichCombo.setItems("Comparison table", "Paper table");
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
        paper = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION);
        paper.setHeaderVisible(true);
        paper.setLinesVisible(true);
        sash.setWeights(3, 2);

        message = new Label(root, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        refresh();
    }

    @Override
    public void setFocus() {
        comparison.setFocus();
    }

    /** Reads the run folders (the first is the baseline) and shows them. */
    public void setRuns(List<Path> runFolders) {
        List<RunSummary> runs = new ArrayList<>();
        for (Path folder : runFolders) {
            runs.add(RunSummary.read(folder));
        }
        setSummaries(runs);
    }

    /** Shows runs as already read (the first is the baseline); {@link #reload()} reads their folders again. */
    public void setSummaries(List<RunSummary> runs) {
        folders = runs.stream().map(RunSummary::folder).toList();
        table = runs.isEmpty() ? null : new ComparisonTable(runs, 0);
        baselineCombo.setItems(runs.stream().map(RunSummary::name).toArray(String[]::new));
        if (table != null) {
            baselineCombo.select(0);
        }
        bar().layout(true, true);
        refresh();
    }

    /** Reads the same run folders again (reviews or metrics may have changed). */
    public void reload() {
        int baseline = table == null ? 0 : table.baseline();
        setRuns(folders);
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

    public TextTable paperText() {
        return table == null ? null : table.paperTable();
    }

    /** The text an export writes; empty when there are no runs. */
    public String exportText(ExportFormat format, Which which) {
        TextTable t = which == Which.PAPER ? paperText() : comparisonText();
        return t == null ? "" : format.text(t);
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
        message.setText(which == Which.PAPER ? "Paper table copied as " + format.label() + "."
                : "Comparison copied as " + format.label() + ".");
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

    /** The message line (problems reading runs, export results). */
    public String messageText() {
        return message.getText();
    }

    private Which which() {
        return whichCombo.getSelectionIndex() == 1 ? Which.PAPER : Which.COMPARISON;
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
        dialog.setText("Export " + (which == Which.PAPER ? "Paper Table" : "Comparison") + " as " + format.label());
        dialog.setFilterExtensions("*." + format.extension(), "*.*");
        dialog.setFileName((which == Which.PAPER ? "paper-table." : "comparison.") + format.extension());
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
        if (table == null) {
            message.setText("No runs to compare. Select run folders and choose Compare.");
        } else {
            List<String> problems = new ArrayList<>();
            for (RunSummary r : table.runs()) {
                for (String p : r.problems()) {
                    problems.add(r.name() + ": " + p);
                }
            }
            message.setText(problems.isEmpty() ? "" : String.join("; ", problems));
        }
        root.layout(true, true);
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
