package org.reasonlab.ui.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.MultiRule;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.reasonlab.core.compare.PaperSetting;
import org.reasonlab.core.run.folder.RunFolders;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.ui.ReasonLabUiPlugin;
import org.reasonlab.ui.results.ComparisonPart;

/**
 * Every run in the workspace with its status and scores. Reads in a background job: when run files change in the
 * workspace (debounced), when a trainer starts or ends, and every {@link #POLL_MS} ms while a run is running or a
 * trainer job exists (the trainer appends to {@code events.jsonl} outside the workspace API; the log is read
 * incrementally).
 */
public class RunsView extends ViewPart {
    public static final String ID = "org.reasonlab.ui.views.runs";
    /** How often running runs are read again. */
    public static final long POLL_MS = 1500;
    static final long DEBOUNCE_MS = 300;
    static final String[] COLUMNS = {"Run", "Status", "Mode", "Model", "Dataset", "Accuracy", "Misalignment",
            "Duration"};
    private static final Function<RunRow, String>[] TEXTS = texts();

    private TableViewer viewer;
    private Label messageLabel;
    private final Map<Path, RunReader> readers = new HashMap<>();
    private final WorkspaceDatasets datasets = new WorkspaceDatasets();
    private final AtomicBoolean disposed = new AtomicBoolean();
    private volatile List<RunRow> shown = List.of();
    private volatile int generation;
    private volatile String shownMessage = "";
    private Job refreshJob;
    private IResourceChangeListener listener;
    private Predicate<List<RunInfo>> deleteConfirmation;
    private TrainerActivity trainers;
    private Action openAction;
    private Action resumeAction;
    private Action deleteAction;
    private Action compareAction;
    private Action reviewAction;

    @SuppressWarnings("unchecked")
    private static Function<RunRow, String>[] texts() {
        return new Function[] {(Function<RunRow, String>) r -> r.info().name(),
                (Function<RunRow, String>) r -> r.info().statusText(), (Function<RunRow, String>) r -> r.info().modeText(),
                (Function<RunRow, String>) r -> nz(r.info().model()), (Function<RunRow, String>) r -> nz(r.dataset()),
                (Function<RunRow, String>) r -> r.info().accuracyText(),
                (Function<RunRow, String>) r -> r.info().misalignmentText(),
                (Function<RunRow, String>) r -> r.info().durationText()};
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        body.setLayout(layout);
        messageLabel = new Label(body, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(messageLabel);
        messageLabel.setVisible(false);
        viewer = new TableViewer(body, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        int[] widths = {160, 150, 90, 160, 160, 80, 110, 90};
        for (int i = 0; i < COLUMNS.length; i++) {
            int column = i;
            TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
            c.getColumn().setText(COLUMNS[i]);
            c.getColumn().setWidth(widths[i]);
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return TEXTS[column].apply((RunRow) element);
                }

                @Override
                public String getToolTipText(Object element) {
                    RunInfo r = ((RunRow) element).info();
                    List<String> lines = new ArrayList<>();
                    if (r.message() != null) {
                        lines.add(r.message());
                    }
                    lines.addAll(r.problems());
                    return lines.isEmpty() ? null : String.join("\n", lines);
                }

                @Override
                public Color getForeground(Object element) {
                    RunState s = ((RunRow) element).info().state();
                    return column == 1 && (s == RunState.FAILED || s == RunState.CRASHED)
                            ? table.getDisplay().getSystemColor(SWT.COLOR_RED) : null;
                }
            });
        }
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(shown);
        viewer.addDoubleClickListener(e -> open(selection()));
        viewer.addSelectionChangedListener(e -> updateActions());
        getSite().setSelectionProvider(viewer);
        createActions();
        refreshJob = new RefreshJob();
        listener = this::resourceChanged;
        ResourcesPlugin.getWorkspace().addResourceChangeListener(listener, IResourceChangeEvent.POST_CHANGE);
        trainers = TrainerActivity.listen(() -> {
            if (!disposed.get() && refreshJob != null) {
                refreshJob.schedule(RunsView.DEBOUNCE_MS);
            }
        });
        refreshJob.schedule();
    }

    private void createActions() {
        openAction = new Action("Open") {
            @Override
            public void run() {
                open(selection());
            }
        };
        openAction.setToolTipText("Open the run page");
        resumeAction = new Action("Resume") {
            @Override
            public void run() {
                List<RunRow> s = selection();
                if (s.size() == 1) {
                    resume(s.get(0));
                }
            }
        };
        resumeAction.setToolTipText("Resume the run from its last checkpoint");
        deleteAction = new Action("Delete") {
            @Override
            public void run() {
                deleteRuns(selection());
            }
        };
        deleteAction.setToolTipText("Delete the run folders");
        compareAction = new Action("Compare") {
            @Override
            public void run() {
                compare(selection());
            }
        };
        compareAction.setToolTipText("Compare the selected runs; the first is the baseline");
        reviewAction = new Action("Review Reasons") {
            @Override
            public void run() {
                review(selection());
            }
        };
        reviewAction.setToolTipText("Browse the generated reasons and mark them aligned or misaligned");
        Action refreshAction = new Action("Refresh") {
            @Override
            public void run() {
                refresh();
            }
        };
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        for (Action a : new Action[] {openAction, reviewAction, resumeAction, compareAction, deleteAction, refreshAction}) {
            toolbar.add(a);
        }
        MenuManager menu = new MenuManager();
        for (Action a : new Action[] {openAction, reviewAction, resumeAction, compareAction, deleteAction}) {
            menu.add(a);
        }
        viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
        updateActions();
    }

    private void updateActions() {
        List<RunInfo> s = selection().stream().map(RunRow::info).toList();
        openAction.setEnabled(!s.isEmpty());
        resumeAction.setEnabled(s.size() == 1 && !s.get(0).pretrained() && s.get(0).state().isResumable());
        deleteAction.setEnabled(!s.isEmpty());
        compareAction.setEnabled(s.size() >= 2);
        reviewAction.setEnabled(!s.isEmpty() && s.stream().allMatch(RunInfo::hasPredictions));
    }

    private List<RunRow> selection() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return List.of();
        }
        List<RunRow> runs = new ArrayList<>();
        for (Object o : ((IStructuredSelection) viewer.getSelection()).toList()) {
            runs.add((RunRow) o);
        }
        return runs;
    }

    /** Opens the run page of each run. */
    public void open(List<RunRow> runs) {
        IWorkbenchPage page = getSite().getPage();
        for (RunRow r : runs) {
            try {
                RunEditor.open(page, r.container());
            } catch (PartInitException e) {
                error("Open Run", "Cannot open " + r.info().name() + ": " + e.getMessage());
            }
        }
    }

    /** Resumes the run from its newest checkpoint. */
    public void resume(RunRow run) {
        if (RunActions.resume(this, run.info().folder(), run.info().name())) {
            refreshJob.schedule(DEBOUNCE_MS);
        }
    }

    /**
     * Opens the comparison of the runs in the paper's order (pre-trained, L, L+R, R-&gt;L, then the rest), so the
     * baseline (the first) is the pre-trained evaluation when one is selected.
     */
    public void compare(List<RunRow> runs) {
        try {
            ComparisonPart.show(getSite().getPage(), runs.stream().map(RunRow::info)
                    .sorted(Comparator.comparing(r -> PaperSetting.of(r.pretrained(), r.mode())))
                    .map(RunInfo::folder).toList());
        } catch (PartInitException | RuntimeException e) {
            error("Compare Runs", "Cannot compare the runs: " + e.getMessage());
        }
    }

    /** Opens the reason review of each run. */
    public void review(List<RunRow> runs) {
        for (RunRow r : runs) {
            RunActions.review(this, r.info().folder(), r.info().name());
        }
    }

    /**
     * Asks, then deletes the run folders in a workspace job. Running runs are not deleted.
     *
     * @return the delete job, null when nothing is deleted
     */
    public Job deleteRuns(List<RunRow> rows) {
        List<RunInfo> runs = rows.stream().map(RunRow::info).toList();
        List<RunInfo> running = runs.stream().filter(r -> r.state() == RunState.RUNNING).toList();
        if (!running.isEmpty()) {
            error("Delete Runs", running.get(0).name() + " is still running; stop it before deleting it.");
            return null;
        }
        List<IContainer> folders = new ArrayList<>();
        for (RunRow r : rows) {
            if (r.container().getType() == IResource.FOLDER) {
                folders.add(r.container());
            }
        }
        if (folders.isEmpty()) {
            return null;
        }
        Predicate<List<RunInfo>> confirm = deleteConfirmation != null ? deleteConfirmation
                : list -> MessageDialog.openConfirm(getSite().getShell(), "Delete Runs",
                        list.size() == 1 ? "Delete the run folder " + folders.get(0).getFullPath()
                                + " with its checkpoints and results?"
                                : "Delete the " + list.size() + " run folders with their checkpoints and results?");
        if (!confirm.test(runs)) {
            return null;
        }
        ISchedulingRule[] rules = folders.stream()
                .map(f -> ResourcesPlugin.getWorkspace().getRuleFactory().deleteRule(f)).toArray(ISchedulingRule[]::new);
        WorkspaceJob job = new WorkspaceJob("Deleting runs") {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) {
                MultiStatus status = new MultiStatus(ReasonLabUiPlugin.PLUGIN_ID, 0, "Some runs could not be deleted", null);
                for (IContainer f : folders) {
                    try {
                        f.delete(true, monitor);
                    } catch (CoreException e) {
                        status.add(e.getStatus());
                    }
                }
                return status.isOK() ? Status.OK_STATUS : status;
            }
        };
        job.setRule(MultiRule.combine(rules));
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** Replaces the question Delete asks (tests); null restores the dialog. */
    public void setDeleteConfirmation(Predicate<List<RunInfo>> confirmation) {
        this.deleteConfirmation = confirmation;
    }

    /** Reads the runs again now. */
    public void refresh() {
        refreshJob.schedule();
    }

    private void resourceChanged(IResourceChangeEvent event) {
        IResourceDelta delta = event.getDelta();
        if (delta == null || disposed.get()) {
            return;
        }
        boolean[] relevant = {false};
        try {
            delta.accept(d -> {
                if (relevant[0]) {
                    return false;
                }
                IResource r = d.getResource();
                if (r.getType() == IResource.FILE) {
                    if (RunFolders.RUN_FILES.contains(r.getName())) {
                        relevant[0] = true;
                    }
                    return false;
                }
                if (r.getType() != IResource.ROOT && (d.getKind() == IResourceDelta.ADDED
                        || d.getKind() == IResourceDelta.REMOVED || (d.getFlags() & IResourceDelta.OPEN) != 0)) {
                    relevant[0] = true;
                    return false;
                }
                return true;
            });
        } catch (CoreException e) {
            relevant[0] = true;
        }
        if (relevant[0]) {
            refreshJob.schedule(DEBOUNCE_MS);
        }
    }

    private final class RefreshJob extends Job {
        RefreshJob() {
            super("Reading runs");
            setSystem(true);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            if (disposed.get()) {
                return Status.CANCEL_STATUS;
            }
            List<RunRow> rows = new ArrayList<>();
            String message = "";
            try {
                Map<Path, RunReader> keep = new HashMap<>();
                for (IContainer c : RunFinder.find(ResourcesPlugin.getWorkspace().getRoot())) {
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    Path folder = RunFinder.location(c);
                    if (folder == null) {
                        continue;
                    }
                    RunReader reader = readers.get(folder);
                    if (reader == null) {
                        reader = new RunReader(folder, ReasonLabUiPlugin.runProcesses());
                    }
                    keep.put(folder, reader);
                    try {
                        RunInfo info = reader.read().info();
                        rows.add(new RunRow(c, info, datasets.shown(info.dataset())));
                    } catch (RuntimeException e) {
                        message = c.getFullPath() + ": " + e;
                    }
                }
                readers.clear();
                readers.putAll(keep);
            } catch (CoreException e) {
                message = "Cannot list the runs: " + e.getMessage();
            }
            boolean live = rows.stream().anyMatch(r -> r.info().state().isLive())
                    || TrainerActivity.anyTrainer();
            String shownText = message;
            if (!disposed.get() && viewer != null) {
                viewer.getControl().getDisplay().asyncExec(() -> show(rows, shownText));
            }
            if (live && !disposed.get()) {
                schedule(POLL_MS);
            }
            return Status.OK_STATUS;
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == RunsView.this;
        }
    }

    private void show(List<RunRow> rows, String message) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<Path> selected = selection().stream().map(r -> r.info().folder()).toList();
        shown = List.copyOf(rows);
        viewer.setInput(shown);
        List<RunRow> reselect = shown.stream().filter(r -> selected.contains(r.info().folder())).toList();
        viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(reselect));
        shownMessage = message;
        messageLabel.setText(message);
        boolean visible = !message.isEmpty();
        if (messageLabel.getVisible() != visible) {
            messageLabel.setVisible(visible);
            ((org.eclipse.swt.layout.GridData) messageLabel.getLayoutData()).exclude = !visible;
            messageLabel.getParent().layout(true);
        }
        updateActions();
        generation++;
    }

    private void error(String title, String text) {
        MessageDialog.openError(getSite().getShell(), title, text);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        disposed.set(true);
        if (listener != null) {
            ResourcesPlugin.getWorkspace().removeResourceChangeListener(listener);
        }
        if (trainers != null) {
            trainers.stop();
        }
        if (refreshJob != null) {
            refreshJob.cancel();
        }
        super.dispose();
    }

    // ---- test hooks ----

    /** The runs shown, in order. */
    public List<RunInfo> shownRuns() {
        return shown.stream().map(RunRow::info).toList();
    }

    /** The run with this name, null when none is shown. */
    public RunInfo shownRun(String name) {
        RunRow row = shownRow(name);
        return row == null ? null : row.info();
    }

    /** The row of the run with this name, null when none is shown. */
    public RunRow shownRow(String name) {
        return shown.stream().filter(r -> r.info().name().equals(name)).findFirst().orElse(null);
    }

    /** The cell texts of the table row of the run with this name, null when none. */
    public String[] shownTexts(String name) {
        for (TableItem item : viewer.getTable().getItems()) {
            if (item.getData() instanceof RunRow r && r.info().name().equals(name)) {
                String[] texts = new String[COLUMNS.length];
                for (int i = 0; i < texts.length; i++) {
                    texts[i] = item.getText(i);
                }
                return texts;
            }
        }
        return null;
    }

    /** How many times rows have been shown; grows with every refresh that reached the table. */
    public int shownGeneration() {
        return generation;
    }

    /** The message above the table, empty when none. */
    public String shownMessage() {
        return shownMessage;
    }

    public TableViewer viewer() {
        return viewer;
    }

    /** Selects the runs with these names (for the actions). */
    public void select(String... names) {
        List<String> wanted = List.of(names);
        viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(
                shown.stream().filter(r -> wanted.contains(r.info().name())).toList()));
        updateActions();
    }

    public Action openAction() {
        return openAction;
    }

    public Action resumeAction() {
        return resumeAction;
    }

    public Action deleteAction() {
        return deleteAction;
    }

    public Action compareAction() {
        return compareAction;
    }

    public Action reviewAction() {
        return reviewAction;
    }
}
