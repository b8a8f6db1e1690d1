package org.reasonlab.ui.internal.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.ContributionManager;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.forms.widgets.Form;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.Section;
import org.eclipse.ui.menus.IMenuService;
import org.reasonlab.core.run.RunMetrics;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.run.folder.RunSnapshot;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.RunCommands;
import org.reasonlab.ui.internal.PartSelectionProvider;
import org.reasonlab.ui.internal.ReadOnlyEditorPart;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * The run page: loss and evaluation curves, the metrics, the confusion matrix and the training settings of one run
 * folder. Read-only. A {@link RunWatcher} keeps it live (while the run is running, the event log is read again,
 * only what was appended). Its heading has Review Reasons and Resume, which run those commands on this run
 * ({@link PageRunCommand}), and is the contribution location {@link RunCommands#RUN_PAGE_TOOLBAR}; its selection is
 * the run ({@link RunRow}).
 */
public class RunEditor extends ReadOnlyEditorPart {
    public static final String ID = ReasonLabUi.RUN_EDITOR;
    /** The weight of the past in the smoothed loss. */
    public static final double SMOOTHING = 0.8;
    static final String RAW = "loss (raw)";
    static final String SMOOTHED = "loss (smoothed)";

    private IContainer folder;
    private RunReader reader;
    private final AtomicBoolean disposed = new AtomicBoolean();
    private final WorkspacePaths datasets = new WorkspacePaths();
    private final PartSelectionProvider selection = new PartSelectionProvider();
    private RunWatcher watcher;
    private PageRunCommand reviewCommand;
    private PageRunCommand resumeCommand;

    private FormToolkit toolkit;
    private Form form;
    private ScrolledComposite scroller;
    private Label statusLabel;
    private Label messageLabel;
    private CurveChart lossChart;
    private Button smoothing;
    private CurveChart evalChart;
    private Table metricsTable;
    private Table classTable;
    private Table confusionTable;
    private Table settingsTable;
    private Label problemsLabel;
    private RunSnapshot snapshot;
    private volatile int generation;

    /** Opens (or activates) the run page of a run folder. */
    public static IEditorPart open(IWorkbenchPage page, IContainer folder) throws PartInitException {
        return page.openEditor(new RunEditorInput(folder), ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof RunEditorInput run)) {
            throw new PartInitException("The run page opens run folders, not " + input.getName());
        }
        setSite(site);
        setInput(input);
        folder = run.folder();
        Path location = RunFinder.location(folder);
        if (location == null) {
            throw new PartInitException(folder.getFullPath() + " is not on disk");
        }
        reader = new RunReader(location, ReasonLabUiPlugin.runProcesses());
        setPartName(folder.getName());
        setTitleToolTip(folder.getFullPath().toString());
    }

    @Override
    public void createPartControl(Composite parent) {
        toolkit = new FormToolkit(parent.getDisplay());
        // a heading with a tool bar (Review Reasons, Resume) that stays in sight: only the body below it scrolls
        form = toolkit.createForm(parent);
        toolkit.decorateFormHeading(form);
        form.setText("Run " + folder.getName());
        form.getBody().setLayout(new FillLayout());
        scroller = new ScrolledComposite(form.getBody(), SWT.H_SCROLL | SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite body = toolkit.createComposite(scroller);
        scroller.setContent(body);
        body.setLayout(new GridLayout(2, true));

        Composite status = section(body, "Status", 2);
        statusLabel = toolkit.createLabel(status, "Reading…");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(statusLabel);
        messageLabel = toolkit.createLabel(status, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(messageLabel);
        problemsLabel = toolkit.createLabel(status, "", SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(problemsLabel);

        Composite loss = section(body, "Training loss", 1);
        lossChart = new CurveChart(loss, "Loss", toolkit.getColors().getBackground());
        smoothing = toolkit.createButton(loss, "Smooth (exponential moving average; raw values stay drawn)", SWT.CHECK);
        smoothing.addListener(SWT.Selection, e -> showCurves());

        Composite eval = section(body, "Evaluation", 1);
        evalChart = new CurveChart(eval, "Score", toolkit.getColors().getBackground());

        Composite metrics = section(body, "Metrics", 1);
        metricsTable = table(metrics, "Metric", "All records", "Leakage-free");
        classTable = table(metrics, "Label", "Precision", "Recall", "F1", "Support");

        Composite confusion = section(body, "Confusion matrix (rows: gold, columns: predicted)", 1);
        confusionTable = table(confusion, "Gold \\ predicted");

        Composite settings = section(body, "Training settings", 1);
        settingsTable = table(settings, "Setting", "Value");

        getSite().setSelectionProvider(selection);
        reviewCommand = new PageRunCommand(getSite(), RunCommands.REVIEW, "Review Reasons",
                "Browse the generated reasons and mark them aligned or misaligned", RunInfo::hasPredictions);
        resumeCommand = new PageRunCommand(getSite(), RunCommands.RESUME, "Resume",
                "Resume the run from its last checkpoint", RunPropertyTester::resumable);
        form.getToolBarManager().add(reviewCommand);
        form.getToolBarManager().add(resumeCommand);
        IMenuService menus = getSite().getService(IMenuService.class);
        menus.populateContributionManager((ContributionManager) form.getToolBarManager(),
                "toolbar:" + RunCommands.RUN_PAGE_TOOLBAR);
        form.updateToolBar();

        watcher = new RunWatcher("Reading run " + folder.getName(), this::concernsRun, this::read);
        watcher.start();
    }

    /** Whether a workspace change touches this run's folder; closes the page when the folder is gone. */
    private boolean concernsRun(IResourceDelta delta) {
        IResourceDelta mine = delta.findMember(folder.getFullPath());
        if (mine != null && mine.getKind() == IResourceDelta.REMOVED) {
            getSite().getShell().getDisplay().asyncExec(() -> {
                if (!disposed.get()) {
                    getSite().getPage().closeEditor(this, false);
                }
            });
            return false;
        }
        return mine != null;
    }

    /** Reads the run (in the watcher's job) and shows it; whether it is live. */
    private boolean read() {
        if (disposed.get()) {
            return false;
        }
        RunSnapshot s = reader.read();
        if (form != null && !form.isDisposed()) {
            form.getDisplay().asyncExec(() -> show(s));
        }
        return s.info().state().isLive();
    }

    private Composite section(Composite parent, String title, int span) {
        Section section = toolkit.createSection(parent, Section.TITLE_BAR);
        section.setText(title);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(section);
        Composite client = toolkit.createComposite(section);
        client.setLayout(new GridLayout(1, false));
        section.setClient(client);
        return client;
    }

    private Table table(Composite parent, String... columns) {
        Table table = toolkit.createTable(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        setColumns(table, columns);
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 140).applyTo(table);
        return table;
    }

    private static void setColumns(Table table, String... columns) {
        for (TableColumn c : table.getColumns()) {
            c.dispose();
        }
        for (String name : columns) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(name);
            c.setWidth(Math.max(90, name.length() * 9));
        }
    }

    private static void setRows(Table table, List<String[]> rows) {
        table.setRedraw(false);
        try {
            table.removeAll();
            for (String[] row : rows) {
                new TableItem(table, SWT.NONE).setText(row);
            }
            for (TableColumn c : table.getColumns()) {
                c.pack();
                c.setWidth(Math.max(c.getWidth(), 70));
            }
        } finally {
            table.setRedraw(true);
        }
    }

    private void show(RunSnapshot s) {
        if (form == null || form.isDisposed()) {
            return;
        }
        snapshot = s;
        RunInfo info = s.info();
        RunRow row = new RunRow(folder, s, datasets.shown(info.dataset()));
        selection.setSelection(new StructuredSelection(row));
        reviewCommand.setRun(row);
        resumeCommand.setRun(row);
        form.setText("Run " + info.name());
        List<String> status = new ArrayList<>();
        status.add(info.statusText());
        if (info.modeText().length() > 0) {
            status.add(info.modeText());
        }
        if (info.model() != null) {
            status.add(info.model());
        }
        if (info.durationText().length() > 0) {
            status.add(info.durationText());
        }
        statusLabel.setText(String.join(" · ", status));
        if (info.state() == RunState.FAILED || info.state() == RunState.CRASHED) {
            statusLabel.setForeground(form.getDisplay().getSystemColor(SWT.COLOR_RED));
        } else {
            statusLabel.setForeground(null);
        }
        messageLabel.setText(info.message() == null ? "" : info.message());
        problemsLabel.setText(s.problems().isEmpty() ? ""
                : "Could not read: " + String.join("; ", s.problems().subList(0, Math.min(5, s.problems().size())))
                        + (s.problems().size() > 5 ? " (and " + (s.problems().size() - 5) + " more)" : ""));
        showCurves();
        setRows(metricsTable, metricsRows(s.metrics(), info));
        setRows(classTable, classRows(s.metrics()));
        showConfusion(s.metrics());
        setRows(settingsTable, s.settings());
        Composite body = (Composite) scroller.getContent();
        body.layout(true, true);
        scroller.setMinSize(body.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        generation++;
    }

    private void showCurves() {
        if (snapshot == null) {
            return;
        }
        Map<String, double[][]> loss = new LinkedHashMap<>();
        loss.put(RAW, new double[][] {snapshot.lossSteps(), snapshot.loss()});
        if (smoothing.getSelection()) {
            loss.put(SMOOTHED, new double[][] {snapshot.lossSteps(), CurveChart.ema(snapshot.loss(), SMOOTHING)});
        }
        lossChart.setCurves(snapshot.loss().length == 0 ? Map.of() : loss);
        evalChart.setCurves(snapshot.evalCurves());
    }

    /** Name, the value on all evaluated records and on the leakage-free ones (empty when not measured). */
    private static List<String[]> metricsRows(RunMetrics m, RunInfo info) {
        List<String[]> rows = new ArrayList<>();
        if (m == null) {
            if (info.accuracy() != null) {
                rows.add(new String[] {"accuracy (last evaluation)", fmt(info.accuracy()),
                        info.cleanAccuracy() == null ? "" : fmt(info.cleanAccuracy())});
            }
        } else {
            RunMetrics c = m.clean();
            rows.add(new String[] {"accuracy", fmt(m.accuracy()), c == null ? "" : fmt(c.accuracy())});
            rows.add(new String[] {"macro-F1", fmt(m.macroF1()), c == null ? "" : fmt(c.macroF1())});
            rows.add(new String[] {"unparseable rate", fmt(m.unparseableRate()), c == null ? "" : fmt(c.unparseableRate())});
            addIfMeasured(rows, "likelihood accuracy", m.likelihoodAccuracy(), c == null ? null : c.likelihoodAccuracy());
            if (m.total() != null) {
                rows.add(new String[] {"records", String.valueOf(m.total()),
                        c != null && c.total() != null ? String.valueOf(c.total()) : ""});
            }
            if (m.leaked() != null) {
                rows.add(new String[] {"leaked (statement in the training records)", String.valueOf(m.leaked()), ""});
            }
            addIfMeasured(rows, "ROUGE-L", m.rougeL(), c == null ? null : c.rougeL());
            addIfMeasured(rows, "token F1", m.tokenF1(), c == null ? null : c.tokenF1());
            addIfMeasured(rows, "reason agreement", m.reasonAgreement(), c == null ? null : c.reasonAgreement());
        }
        if (info.misalignment() != null) {
            rows.add(new String[] {info.misalignmentAutomatic() ? "misalignment (automatic)" : "misalignment (human)",
                    fmt(info.misalignment()), info.cleanMisalignment() == null ? "" : fmt(info.cleanMisalignment())});
        }
        return rows;
    }

    private static void addIfMeasured(List<String[]> rows, String name, Double all, Double clean) {
        if (all != null) {
            rows.add(new String[] {name, fmt(all), clean == null ? "" : fmt(clean)});
        }
    }

    private static List<String[]> classRows(RunMetrics m) {
        List<String[]> rows = new ArrayList<>();
        if (m != null) {
            for (RunMetrics.ClassRow c : m.perClass()) {
                rows.add(new String[] {c.label(), fmt(c.precision()), fmt(c.recall()), fmt(c.f1()),
                        c.support() == null ? "" : String.valueOf(c.support())});
            }
        }
        return rows;
    }

    private void showConfusion(RunMetrics m) {
        List<String> columns = new ArrayList<>();
        columns.add("Gold \\ predicted");
        List<String[]> rows = new ArrayList<>();
        if (m != null) {
            columns.addAll(m.confusionColumns());
            for (int i = 0; i < m.confusionRows().size(); i++) {
                String[] row = new String[columns.size()];
                row[0] = m.confusionRows().get(i);
                for (int j = 0; j < m.confusionColumns().size(); j++) {
                    row[j + 1] = String.valueOf(m.count(i, j));
                }
                rows.add(row);
            }
        }
        String[] now = new String[confusionTable.getColumnCount()];
        for (int i = 0; i < now.length; i++) {
            now[i] = confusionTable.getColumn(i).getText();
        }
        if (!List.of(now).equals(columns)) {
            setColumns(confusionTable, columns.toArray(String[]::new));
        }
        setRows(confusionTable, rows);
    }

    static String fmt(Double v) {
        if (v == null) {
            return "";
        }
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : String.valueOf(v);
    }

    @Override
    public void setFocus() {
        form.setFocus();
    }

    @Override
    public void dispose() {
        disposed.set(true);
        if (watcher != null) {
            watcher.stop();
        }
        if (form != null) {
            getSite().getService(IMenuService.class).releaseContributions((ContributionManager) form.getToolBarManager());
        }
        if (toolkit != null) {
            toolkit.dispose();
        }
        super.dispose();
    }


    // ---- for tests (the test fragment shares the package) ----

    /** How many times the page has shown a reading; grows with every update. */
    int shownGeneration() {
        return generation;
    }

    /** The last reading shown, null before the first. */
    RunSnapshot shownSnapshot() {
        return snapshot;
    }

    String shownStatus() {
        return statusLabel.getText();
    }

    String shownMessage() {
        return messageLabel.getText();
    }

    /** The raw losses drawn (finite ones, as SWTChart holds them); empty before any. */
    double[] shownLoss() {
        double[] y = lossChart.drawnY(RAW);
        return y == null ? new double[0] : y;
    }

    /** The smoothed losses drawn, null when smoothing is off. */
    double[] shownSmoothedLoss() {
        return lossChart.drawnY(SMOOTHED);
    }

    /** The evaluation curves drawn: metric name to y values. */
    Map<String, double[]> shownEvalCurves() {
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (String name : evalChart.shown().keySet()) {
            curves.put(name, evalChart.drawnY(name));
        }
        return curves;
    }

    void setSmoothing(boolean on) {
        smoothing.setSelection(on);
        showCurves();
    }

    /** Rows of the metrics table ({@code [name, value]}). */
    List<String[]> shownMetrics() {
        return rows(metricsTable);
    }

    /** Rows of the per-class table ({@code [label, precision, recall, f1, support]}). */
    List<String[]> shownPerClass() {
        return rows(classTable);
    }

    /** The confusion matrix as shown: the header row first, then one row per gold label. */
    List<String[]> shownConfusion() {
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[confusionTable.getColumnCount()];
        for (int i = 0; i < header.length; i++) {
            header[i] = confusionTable.getColumn(i).getText();
        }
        rows.add(header);
        rows.addAll(rows(confusionTable));
        return rows;
    }

    /** Rows of the settings table ({@code [setting, value]}). */
    List<String[]> shownSettings() {
        return rows(settingsTable);
    }

    Job job() {
        return watcher.job();
    }

    private static List<String[]> rows(Table table) {
        List<String[]> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            String[] row = new String[table.getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = item.getText(i);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The heading's Review Reasons button. */
    PageRunCommand reviewCommand() {
        return reviewCommand;
    }

    /** The heading's Resume button. */
    PageRunCommand resumeCommand() {
        return resumeCommand;
    }

    /** Whether the heading's tool bar lies within the page's visible width. */
    boolean headingToolBarInSight() {
        Control bar = ((ToolBarManager) form.getToolBarManager()).getControl();
        Rectangle shown = form.getClientArea();
        return bar != null && bar.isVisible() && bar.getBounds().x + bar.getBounds().width <= shown.width;
    }
}
