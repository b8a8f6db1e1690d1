package org.reasonlab.ui.internal.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;
import org.reasonlab.core.run.folder.RunFolders;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.run.folder.RunSnapshot;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.RunCommands;
import org.reasonlab.ui.internal.remote.RemoteReattach;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * Every run in the workspace with its status and scores. The rows ({@link RunRow}) are the view's selection; the
 * commands of {@link RunCommands} act on them from the tool bar, the context menu (open to contributions) and
 * double-click. A {@link RunWatcher} keeps the rows live; each run folder is read by its own {@link RunReader},
 * the event log incrementally.
 */
public class RunsView extends ViewPart {
    public static final String ID = ReasonLabUi.RUNS_VIEW;
    static final String[] COLUMNS = {"Run", "Status", "Target", "Mode", "Model", "Dataset", "Accuracy",
            "Leakage-free", "Misalignment", "Duration"};
    private static final List<Function<RunRow, String>> TEXTS = List.of(r -> r.info().name(),
            r -> r.info().statusText(), r -> r.info().targetText(), r -> r.info().modeText(), r -> nz(r.info().model()), r -> nz(r.dataset()),
            r -> r.info().accuracyText(), r -> r.info().cleanAccuracyText(), r -> r.info().misalignmentText(),
            r -> r.info().durationText());

    private TableViewer viewer;
    private Label messageLabel;
    private final Map<Path, RunReader> readers = new HashMap<>();
    private final WorkspacePaths datasets = new WorkspacePaths();
    private volatile List<RunRow> shown = List.of();
    private volatile int generation;
    private volatile String shownMessage = "";
    private RunWatcher watcher;

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
        // status fits "evaluating (400 / 1000 records)", target "lab-cluster · job 123456_2"
        int[] widths = {160, 200, 170, 90, 160, 160, 80, 95, 110, 90};
        for (int i = 0; i < COLUMNS.length; i++) {
            int column = i;
            TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
            c.getColumn().setText(COLUMNS[i]);
            c.getColumn().setWidth(widths[i]);
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return TEXTS.get(column).apply((RunRow) element);
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
        viewer.addDoubleClickListener(e -> openSelection());
        getSite().setSelectionProvider(viewer);
        MenuManager menu = new MenuManager();
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        table.setMenu(menu.createContextMenu(table));
        getSite().registerContextMenu(RunCommands.RUNS_VIEW_MENU, menu, viewer);
        watcher = new RunWatcher("Reading runs", RunsView::concernsRuns, this::readAll);
        watcher.start();
        RemoteReattach.once(); // runs on compute targets that had not ended when the workbench last closed
    }

    private void openSelection() {
        try {
            getSite().getService(IHandlerService.class).executeCommand(RunCommands.OPEN, null);
        } catch (Exception e) {
            ReasonLabUiPlugin.log("Could not open the run", e);
        }
    }

    /** Reads the runs again now. */
    public void refresh() {
        watcher.refresh();
    }

    /** Whether a workspace change may change the rows: a run file, or folders added, removed, opened or closed. */
    private static boolean concernsRuns(IResourceDelta delta) {
        boolean[] relevant = {false};
        try {
            delta.accept(d -> {
                if (relevant[0]) {
                    return false;
                }
                IResource r = d.getResource();
                if (r.getType() == IResource.FILE) {
                    relevant[0] = RunFolders.RUN_FILES.contains(r.getName());
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
            return true;
        }
        return relevant[0];
    }

    /** Reads every run folder (in the watcher's job) and shows the rows; whether one of them is live. */
    private boolean readAll() {
        List<RunRow> rows = new ArrayList<>();
        String message = "";
        try {
            Map<Path, RunReader> keep = new HashMap<>();
            for (IContainer c : RunFinder.find(ResourcesPlugin.getWorkspace().getRoot())) {
                Path folder = RunFinder.location(c);
                if (folder == null) {
                    continue;
                }
                RunReader reader = readers.computeIfAbsent(folder,
                        f -> new RunReader(f, ReasonLabUiPlugin.runProcesses()));
                keep.put(folder, reader);
                try {
                    RunSnapshot snapshot = reader.read();
                    rows.add(new RunRow(c, snapshot, datasets.shown(snapshot.info().dataset())));
                } catch (RuntimeException e) {
                    message = c.getFullPath() + ": " + e;
                }
            }
            readers.keySet().retainAll(keep.keySet());
        } catch (CoreException e) {
            message = "Cannot list the runs: " + e.getMessage();
        }
        String shownText = message;
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().asyncExec(() -> show(rows, shownText));
        }
        return rows.stream().anyMatch(r -> r.info().state().isLive());
    }

    private void show(List<RunRow> rows, String message) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<Path> selected = selectedRows().stream().map(r -> r.info().folder()).toList();
        shown = List.copyOf(rows);
        viewer.setInput(shown);
        viewer.setSelection(new StructuredSelection(
                shown.stream().filter(r -> selected.contains(r.info().folder())).toList()));
        shownMessage = message;
        messageLabel.setText(message);
        boolean visible = !message.isEmpty();
        if (messageLabel.getVisible() != visible) {
            messageLabel.setVisible(visible);
            ((GridData) messageLabel.getLayoutData()).exclude = !visible;
            messageLabel.getParent().layout(true);
        }
        generation++;
    }

    private List<RunRow> selectedRows() {
        return viewer.getStructuredSelection().toList().stream().map(RunRow.class::cast).toList();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (watcher != null) {
            watcher.stop();
        }
        super.dispose();
    }

    // ---- for tests (the test fragment shares the package) ----

    /** The runs shown, in order. */
    List<RunInfo> shownRuns() {
        return shown.stream().map(RunRow::info).toList();
    }

    /** The run with this name, null when none is shown. */
    RunInfo shownRun(String name) {
        RunRow row = shownRow(name);
        return row == null ? null : row.info();
    }

    /** The row of the run with this name, null when none is shown. */
    RunRow shownRow(String name) {
        return shown.stream().filter(r -> r.info().name().equals(name)).findFirst().orElse(null);
    }

    /** The cell texts of the table row of the run with this name, null when none. */
    String[] shownTexts(String name) {
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
    int shownGeneration() {
        return generation;
    }

    /** The message above the table, empty when none. */
    String shownMessage() {
        return shownMessage;
    }

    /** Activates the view and selects the runs with these names (for the commands, which act on the active part). */
    void select(String... names) {
        getSite().getPage().activate(this);
        List<String> wanted = List.of(names);
        viewer.setSelection(new StructuredSelection(shown.stream().filter(r -> wanted.contains(r.info().name())).toList()));
    }

    /** The reading job. */
    Job readJob() {
        return watcher.job();
    }
}
