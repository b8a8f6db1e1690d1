package org.reasonlab.ui.internal.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;
import org.reasonlab.core.run.folder.RunFolders;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.folder.RunReader;
import org.reasonlab.core.run.folder.RunSnapshot;
import org.reasonlab.core.run.folder.RunState;
import org.reasonlab.core.run.group.RunGroup;
import org.reasonlab.core.run.group.RunGroupFile;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.RunCommands;
import org.reasonlab.ui.internal.remote.RemoteReattach;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * Every run in the workspace with its status and scores; run groups ({@code *.group.json}: sweeps, chosen runs) as
 * collapsed rows ({@link RunGroupRow}) with their runs below, the other runs at the top level. The rows
 * ({@link RunRow}, {@link RunGroupRow}) are the view's selection; the commands of {@link RunCommands} act on them from
 * the tool bar, the context menu (open to contributions) and double-click. The Label flips column shows the
 * counterfactual probe's flip rate where the run folder has a {@code probe.json} (the attribute set and the other
 * figures in its tool tip). A {@link RunWatcher} keeps the rows live; each run folder is read by its own {@link RunReader},
 * the event log incrementally.
 */
public class RunsView extends ViewPart {
    public static final String ID = ReasonLabUi.RUNS_VIEW;
    static final String[] COLUMNS = {"Run", "Status", "Target", "Mode", "Model", "Dataset", "Accuracy",
            "Leakage-free", "Misalignment", "Label flips", "Duration"};
    /** The column of the counterfactual probe's label flip rate ({@code probe.json}), whose tool tip says more. */
    static final int FLIPS_COLUMN = 9;
    private static final List<Function<RunRow, String>> TEXTS = List.of(r -> r.info().name(),
            r -> r.info().statusText(), r -> r.info().targetText(), r -> r.info().modeText(), r -> nz(r.info().model()), r -> nz(r.dataset()),
            r -> r.info().accuracyText(), r -> r.info().cleanAccuracyText(), r -> r.info().misalignmentText(),
            r -> r.info().labelFlipsText(), r -> r.info().durationText());

    private TreeViewer viewer;
    private Label messageLabel;
    private final Map<Path, RunReader> readers = new HashMap<>();
    private final WorkspacePaths datasets = new WorkspacePaths();
    private volatile List<RunRow> shown = List.of();
    private volatile List<Object> roots = List.of();
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
        viewer = new TreeViewer(body, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Tree table = viewer.getTree();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        // status fits "evaluating (400 / 1000 records)", target "lab-cluster · job 123456_2"
        int[] widths = {160, 200, 170, 90, 160, 160, 80, 95, 110, 85, 90};
        for (int i = 0; i < COLUMNS.length; i++) {
            int column = i;
            TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
            c.getColumn().setText(COLUMNS[i]);
            c.getColumn().setWidth(widths[i]);
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    if (element instanceof RunGroupRow g) {
                        return groupText(g, column);
                    }
                    return TEXTS.get(column).apply((RunRow) element);
                }

                @Override
                public String getToolTipText(Object element) {
                    if (element instanceof RunGroupRow g) {
                        return g.group().origin().id() + " group " + g.file().getFullPath();
                    }
                    RunInfo r = ((RunRow) element).info();
                    List<String> lines = new ArrayList<>();
                    if (column == FLIPS_COLUMN && r.probeText() != null) {
                        lines.add(r.probeText());
                    }
                    if (r.message() != null) {
                        lines.add(r.message());
                    }
                    lines.addAll(r.problems());
                    return lines.isEmpty() ? null : String.join("\n", lines);
                }

                @Override
                public Color getForeground(Object element) {
                    if (!(element instanceof RunRow row)) {
                        return null;
                    }
                    RunState s = row.info().state();
                    return column == 1 && (s == RunState.FAILED || s == RunState.CRASHED)
                            ? table.getDisplay().getSystemColor(SWT.COLOR_RED) : null;
                }
            });
        }
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object parent) {
                return parent instanceof RunGroupRow g ? g.members().toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof RunGroupRow g && !g.members().isEmpty();
            }
        });
        viewer.setInput(roots);
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
                    relevant[0] = RunFolders.RUN_FILES.contains(r.getName())
                            || RunGroupFile.isGroupFile(Path.of(r.getName()));
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
        List<RunGroupRow> groups = new ArrayList<>();
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
            message = readGroups(rows, groups, message);
        } catch (CoreException e) {
            message = "Cannot list the runs: " + e.getMessage();
        }
        String shownText = message;
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().asyncExec(() -> show(rows, groups, shownText));
        }
        return rows.stream().anyMatch(r -> r.info().state().isLive());
    }

    /**
     * The group files in the folders that hold runs, each with the rows of its members; returns the message with
     * unreadable group files added.
     */
    private static String readGroups(List<RunRow> rows, List<RunGroupRow> groups, String message) throws CoreException {
        java.util.Set<IContainer> parents = new java.util.LinkedHashSet<>();
        rows.forEach(r -> parents.add(r.container().getParent()));
        List<String> problems = new ArrayList<>();
        for (IContainer parent : parents) {
            for (IResource member : parent.members()) {
                if (member instanceof IFile f && RunGroupFile.isGroupFile(Path.of(f.getName()))
                        && f.getLocation() != null) {
                    try {
                        RunGroup group = RunGroupFile.read(f.getLocation().toPath());
                        groups.add(new RunGroupRow(f, group, rows.stream()
                                .filter(r -> group.contains(r.info().folder())).toList()));
                    } catch (java.io.IOException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        }
        if (problems.isEmpty()) {
            return message;
        }
        return message.isEmpty() ? String.join("; ", problems) : message + "; " + String.join("; ", problems);
    }

    private void show(List<RunRow> rows, List<RunGroupRow> groups, String message) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<Path> selected = selectedRows().stream().map(r -> r.info().folder()).toList();
        List<IFile> selectedGroups = selectedGroups().stream().map(RunGroupRow::file).toList();
        List<IFile> expanded = java.util.Arrays.stream(viewer.getExpandedElements())
                .filter(RunGroupRow.class::isInstance).map(e -> ((RunGroupRow) e).file()).toList();
        shown = List.copyOf(rows);
        List<Object> top = new ArrayList<>(groups);
        rows.stream().filter(r -> groups.stream().noneMatch(g -> g.members().contains(r))).forEach(top::add);
        roots = List.copyOf(top);
        viewer.setInput(roots);
        viewer.setExpandedElements(groups.stream().filter(g -> expanded.contains(g.file())).toArray());
        List<Object> reselect = new ArrayList<>(groups.stream().filter(g -> selectedGroups.contains(g.file())).toList());
        for (Object root : roots) {
            if (root instanceof RunRow r && selected.contains(r.info().folder())) {
                reselect.add(r);
            } else if (root instanceof RunGroupRow g && expanded.contains(g.file())) {
                g.members().stream().filter(r -> selected.contains(r.info().folder())).forEach(reselect::add);
            }
        }
        viewer.setSelection(new StructuredSelection(reselect));
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
        return viewer.getStructuredSelection().toList().stream().filter(RunRow.class::isInstance)
                .map(RunRow.class::cast).toList();
    }

    private List<RunGroupRow> selectedGroups() {
        return viewer.getStructuredSelection().toList().stream().filter(RunGroupRow.class::isInstance)
                .map(RunGroupRow.class::cast).toList();
    }

    /** The cells of a group row: name, member states, and the distinct modes, models and datasets of its runs. */
    private static String groupText(RunGroupRow g, int column) {
        return switch (column) {
            case 0 -> g.name();
            case 1 -> g.statusText();
            case 2 -> g.distinct(RunInfo::targetText);
            case 3 -> g.distinct(RunInfo::modeText);
            case 4 -> g.distinct(RunInfo::model);
            default -> "";
        };
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

    /** The run groups shown at the top level. */
    List<RunGroupRow> shownGroups() {
        return roots.stream().filter(RunGroupRow.class::isInstance).map(RunGroupRow.class::cast).toList();
    }

    /** The top-level rows: groups, then the runs in no group. */
    List<Object> shownRoots() {
        return roots;
    }

    /** The cell texts of the tree row of the run (or group, by its row name) with this name, null when none. */
    String[] shownTexts(String name) {
        viewer.expandAll();
        List<TreeItem> items = new ArrayList<>();
        for (TreeItem item : viewer.getTree().getItems()) {
            items.add(item);
            items.addAll(List.of(item.getItems()));
        }
        for (TreeItem item : items) {
            if (item.getData() instanceof RunRow r && r.info().name().equals(name)
                    || item.getData() instanceof RunGroupRow g && g.name().equals(name)) {
                String[] texts = new String[COLUMNS.length];
                for (int i = 0; i < texts.length; i++) {
                    texts[i] = item.getText(i);
                }
                return texts;
            }
        }
        return null;
    }

    /** The tool tip of a run's cell, null when it has none or the run is not shown. */
    String shownToolTip(String name, int column) {
        RunRow row = shownRow(name);
        return row == null ? null : ((ColumnLabelProvider) viewer.getLabelProvider(column)).getToolTipText(row);
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
        List<Object> rows = new ArrayList<>(shown.stream().filter(r -> wanted.contains(r.info().name())).toList());
        shownGroups().stream().filter(g -> wanted.contains(g.group().name())).forEach(rows::add);
        viewer.expandAll();
        viewer.setSelection(new StructuredSelection(rows));
    }

    /** The reading job. */
    Job readJob() {
        return watcher.job();
    }
}
