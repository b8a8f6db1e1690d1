package org.reasonlab.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.SaveAsDialog;
import org.eclipse.ui.ide.IGotoMarker;
import org.eclipse.ui.ide.undo.WorkspaceUndoUtil;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.part.MultiPageEditorPart;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.reasonlab.core.agreement.AgreementReport;
import org.reasonlab.core.edit.DatasetEdit;
import org.reasonlab.core.edit.DatasetIndex;
import org.reasonlab.core.edit.RecordQuery;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.io.FileStamp;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.stats.DatasetStatistics;
import org.reasonlab.core.validate.ValidationProblem;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.internal.JobFamilies;
import org.reasonlab.ui.internal.PartSelectionProvider;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * The dataset editor: records (table + form), statistics and agreement pages over one dataset
 * file. Loads in a background job, edits through the workbench operation history (one undo
 * context per editor), saves atomically through the core, and offers to reload when another
 * program changes the file.
 */
public final class DatasetEditor extends MultiPageEditorPart implements IGotoMarker {
    public static final String ID = ReasonLabUi.DATASET_EDITOR;

    static final int RECORDS_PAGE = 0;
    static final int STATISTICS_PAGE = 1;
    static final int AGREEMENT_PAGE = 2;

    private final CompletableFuture<DatasetModel> loaded = new CompletableFuture<>();
    private final PartSelectionProvider selectionProvider = new PartSelectionProvider();
    private final IResourceChangeListener resourceListener = this::resourceChanged;
    private IFile file;
    private DatasetModel model;
    private RecordsPage records;
    private StatisticsPage statistics;
    private AgreementPage agreement;
    private Label loadingLabel;
    private ValidationJob validation;
    private IUndoableOperation savedOperation;
    private FileStamp diskStamp;
    private HistoryAction undoAction;
    private HistoryAction redoAction;
    private final Action revertAction = new Action("Re&vert") {
        @Override
        public void run() {
            reloadFromDisk();
        }
    };
    private DatasetOutlinePage outline;
    private EditorKeys keys;
    private boolean wasDirty;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IFileEditorInput fileInput)) {
            throw new PartInitException("The dataset editor opens files in the workspace, not " + input.getName());
        }
        super.init(site, input);
        file = fileInput.getFile();
        setPartName(file.getName());
        site.setSelectionProvider(selectionProvider);
        ResourcesPlugin.getWorkspace().addResourceChangeListener(resourceListener, IResourceChangeEvent.POST_CHANGE);
    }

    @Override
    protected void createPages() {
        // parse in the background while the pages are built; the result reaches the UI thread after this method
        startLoading();
        Composite recordsHolder = new Composite(getContainer(), SWT.NONE);
        recordsHolder.setLayout(new FillLayout());
        records = new RecordsPage(recordsHolder, this);
        setPageText(addPage(recordsHolder), "Records");
        statistics = new StatisticsPage(getContainer(), this);
        setPageText(addPage(statistics.control()), "Statistics");
        agreement = new AgreementPage(getContainer(), this);
        setPageText(addPage(agreement.control()), "Agreement");
        undoAction = new HistoryAction(this, true);
        redoAction = new HistoryAction(this, false);
        keys = new EditorKeys(this);
        keys.activate();
    }

    /** Completes when the file is loaded and shown (or fails with the load error). */
    public CompletableFuture<DatasetModel> whenLoaded() {
        return loaded;
    }

    public DatasetModel model() {
        return model;
    }

    public IFile file() {
        return file;
    }

    RecordsPage records() {
        return records;
    }

    StatisticsPage statistics() {
        return statistics;
    }

    AgreementPage agreement() {
        return agreement;
    }

    HistoryAction undoAction() {
        return undoAction;
    }

    HistoryAction redoAction() {
        return redoAction;
    }

    /** File > Revert: drops the unsaved edits and reads the file again. */
    IAction revertAction() {
        return revertAction;
    }

    private Path path() {
        return file.getLocation() == null ? null : file.getLocation().toPath();
    }

    private void startLoading() {
        Path path = path();
        Job job = new Job("Opening " + file.getName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask("Reading " + file.getName(), IProgressMonitor.UNKNOWN);
                try {
                    if (path == null) {
                        throw new IOException(file.getFullPath() + " is not on the local file system");
                    }
                    FileStamp stamp = FileStamp.of(path);
                    LoadResult load = DatasetLoader.load(path);
                    DatasetIndex index = new DatasetIndex(load.dataset());
                    runInUi(() -> loadedInUi(load, index, stamp));
                } catch (IOException | RuntimeException e) {
                    runInUi(() -> loadFailed(e));
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JobFamilies.DATASET_LOAD;
            }
        };
        job.setPriority(Job.SHORT);
        job.schedule();
    }

    private void runInUi(Runnable r) {
        Display display = getSite().getShell().getDisplay();
        display.asyncExec(() -> {
            if (records != null && !records.control().isDisposed()) {
                r.run();
            }
        });
    }

    private void loadedInUi(LoadResult load, DatasetIndex index, FileStamp stamp) {
        diskStamp = stamp;
        if (model == null) {
            model = new DatasetModel(load, index, file.getName());
            model.addListener(this::modelChanged);
            validation = new ValidationJob(file.getName(), model, (problems, generation) ->
                    runInUi(() -> validated(problems, generation)));
            records.setModel(model);
            statistics.setModel(model);
            agreement.setModel(model);
            if (outline != null) {
                outline.setModel(model);
            }
        } else {
            model.setLoaded(load, index);
        }
        savedOperation = null;
        records.banner().hide();
        validation.request();
        undoAction.update();
        redoAction.update();
        fireDirty();
        loaded.complete(model);
    }

    private void loadFailed(Exception e) {
        String message = "Could not open " + file.getName() + ": " + FileErrors.describe(e);
        ILog.of(getClass()).warn(message, e);
        if (model == null) {
            records.control().setVisible(false);
            loadingLabel = new Label(records.control().getParent(), SWT.WRAP);
            loadingLabel.setText(message);
            records.control().getParent().layout(true, true);
        } else {
            showError("Reload failed", e);
        }
        loaded.completeExceptionally(e);
    }

    private void validated(List<ValidationProblem> problems, long generation) {
        model.setProblems(problems, generation);
    }

    private void modelChanged(DatasetModel.Change change, int entryIndex) {
        records.modelChanged(change, entryIndex);
        statistics.modelChanged(change);
        agreement.modelChanged(change);
        if (outline != null) {
            outline.modelChanged(change);
        }
        if (change != DatasetModel.Change.PROBLEMS && change != DatasetModel.Change.RELOADED) {
            validation.request();
            fireDirty();
        }
    }

    /** Runs an edit through the operation history so that it can be undone. */
    public void execute(String label, List<DatasetEdit> edits) {
        if (model == null || edits.isEmpty()) {
            return;
        }
        IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        try {
            history.execute(new DatasetEditOperation(label, model, edits), null,
                    WorkspaceUndoUtil.getUIInfoAdapter(getSite().getShell()));
        } catch (ExecutionException e) {
            showError(label + " failed", e);
        }
    }

    void showError(String title, Exception e) {
        IStatus status = new Status(IStatus.ERROR, ReasonLabUiPlugin.PLUGIN_ID, FileErrors.describe(e), e);
        ILog.of(getClass()).log(status);
        ErrorDialog.openError(getSite().getShell(), title, null, status);
    }

    void commitPendingText() {
        if (records != null && model != null) {
            records.commitPending();
        }
    }

    boolean hasPendingText() {
        return records != null && records.hasPendingText();
    }

    void pendingTextChanged() {
        fireDirty();
        if (undoAction != null) {
            undoAction.update();
        }
    }

    private void fireDirty() {
        boolean dirty = isDirty();
        revertAction.setEnabled(dirty);
        if (dirty != wasDirty) {
            wasDirty = dirty;
            firePropertyChange(PROP_DIRTY);
        }
    }

    void selectionChanged(int entryIndex) {
        selectionProvider.setSelection(entryIndex < 0 || model == null ? StructuredSelection.EMPTY
                : new StructuredSelection(new RecordElement(entryIndex, model.entry(entryIndex), model)));
    }

    @Override
    public boolean isDirty() {
        if (model == null) {
            return false;
        }
        IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
        return history.getUndoOperation(model.undoContext()) != savedOperation || hasPendingText();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (model == null) {
            return;
        }
        commitPendingText();
        Path path = path();
        FileStamp now = FileStamp.of(path);
        if (diskStamp != null && now.exists() && !now.equals(diskStamp)
                && !MessageDialog.openQuestion(getSite().getShell(), "File Changed on Disk",
                        file.getName() + " was changed on disk by another program since it was opened.\n\n"
                                + "Overwrite it with the editor's contents?")) {
            if (monitor != null) {
                monitor.setCanceled(true);
            }
            return;
        }
        write(path, null);
    }

    private boolean write(Path path, DatasetFormat format) {
        try {
            if (format == null) {
                DatasetSaver.save(model.dataset(), path);
            } else {
                DatasetSaver.saveAs(model.dataset(), path, format);
            }
        } catch (IOException | RuntimeException e) {
            showError("Could not save " + path.getFileName(), e);
            return false;
        }
        diskStamp = FileStamp.of(path);
        savedOperation = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory()
                .getUndoOperation(model.undoContext());
        try {
            file.refreshLocal(IResource.DEPTH_ZERO, null);
        } catch (CoreException e) {
            ILog.of(getClass()).log(e.getStatus());
        }
        records.banner().hide();
        fireDirty();
        return true;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return model != null;
    }

    @Override
    public void doSaveAs() {
        if (model == null) {
            return;
        }
        commitPendingText();
        SaveAsDialog dialog = new SaveAsDialog(getSite().getShell());
        dialog.setOriginalFile(file);
        dialog.setTitle("Save Dataset As");
        if (dialog.open() != SaveAsDialog.OK || dialog.getResult() == null) {
            return;
        }
        IFile target = ResourcesPlugin.getWorkspace().getRoot().getFile(dialog.getResult());
        if (target.getLocation() == null) {
            return;
        }
        Path targetPath = target.getLocation().toPath();
        DatasetFormat format = DatasetFormat.fromFileName(targetPath).orElse(model.dataset().layout().format());
        if (format == model.dataset().layout().format() ? write(targetPath, null) : write(targetPath, format)) {
            file = target;
            if (format != model.dataset().layout().format()) {
                model.dataset().setLayout(DatasetSaver.convertedLayout(model.dataset(), format));
            }
            diskStamp = FileStamp.of(targetPath);
            try {
                target.refreshLocal(IResource.DEPTH_ZERO, null);
            } catch (CoreException e) {
                ILog.of(getClass()).log(e.getStatus());
            }
            setInputWithNotify(new FileEditorInput(target));
            setPartName(target.getName());
        }
    }

    /** Drops the editor's contents and undo history and reads the file again. */
    public void reloadFromDisk() {
        if (records != null && model != null) {
            records.form().show(null, List.of()); // typed text is dropped, not committed
        }
        if (model != null) {
            PlatformUI.getWorkbench().getOperationSupport().getOperationHistory().dispose(model.undoContext(), true, true, true);
        }
        records.banner().hide();
        startLoading();
    }

    /** True while the editor offers to reload a file that another program changed. */
    public boolean isOfferingReload() {
        return records != null && records.banner().isShown();
    }

    private void resourceChanged(IResourceChangeEvent event) {
        IResourceDelta delta = event.getDelta() == null ? null : event.getDelta().findMember(file.getFullPath());
        if (delta == null) {
            return;
        }
        if (delta.getKind() == IResourceDelta.REMOVED && (delta.getFlags() & IResourceDelta.MOVED_TO) != 0) {
            IFile moved = ResourcesPlugin.getWorkspace().getRoot().getFile(delta.getMovedToPath());
            runInUi(() -> {
                file = moved;
                setInputWithNotify(new FileEditorInput(moved));
                setPartName(moved.getName());
            });
        } else if (delta.getKind() == IResourceDelta.REMOVED) {
            runInUi(() -> records.banner().showDeleted(file.getName()));
        } else if ((delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0) {
            runInUi(this::checkDisk);
        }
    }

    /** Offers to reload when the file on disk is not what the editor loaded or saved last. */
    void checkDisk() {
        Path path = path();
        if (path == null || diskStamp == null) {
            return;
        }
        FileStamp now = FileStamp.of(path);
        if (!now.exists()) {
            records.banner().showDeleted(file.getName());
        } else if (!now.equals(diskStamp)) {
            records.banner().showChanged(file.getName(), isDirty());
        }
    }

    @Override
    protected void pageChange(int newPageIndex) {
        super.pageChange(newPageIndex);
        if (newPageIndex == STATISTICS_PAGE) {
            statistics.pageShown();
        } else if (newPageIndex == AGREEMENT_PAGE) {
            agreement.pageShown();
        }
    }

    /** Shows the keyboard reference in a popup. */
    void showKeyReference() {
        new KeyReferencePopup(getSite().getShell(), KeyReference.text(getSite().getWorkbenchWindow())).open();
    }

    /** The keyboard reference as shown by F1: one line per command with its keys. */
    public String keyReferenceText() {
        return KeyReference.text(getSite().getWorkbenchWindow());
    }

    void setActivePageToRecords() {
        if (getActivePage() != RECORDS_PAGE) {
            setActivePage(RECORDS_PAGE);
        }
    }

    /** Shows the records page with this entry selected (statistics and agreement links, outline). */
    public void revealEntry(int entryIndex) {
        setActivePage(RECORDS_PAGE);
        records.reveal(entryIndex);
    }

    @Override
    public void gotoMarker(IMarker marker) {
        if (model == null) {
            loaded.thenRun(() -> runInUi(() -> gotoMarker(marker)));
            return;
        }
        int entryIndex = DatasetMarkerSync.entryIndexOf(marker, model);
        if (entryIndex >= 0) {
            revealEntry(entryIndex);
        }
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IContentOutlinePage.class) {
            if (outline == null) {
                outline = new DatasetOutlinePage(this);
                if (model != null) {
                    outline.setModel(model);
                }
            }
            return adapter.cast(outline);
        }
        if (adapter == IGotoMarker.class) {
            return adapter.cast(this);
        }
        T fix = DatasetMarkerSync.fixTarget(this, adapter);
        if (fix != null) {
            return fix;
        }
        return super.getAdapter(adapter);
    }

    void outlineDisposed() {
        outline = null;
    }

    @Override
    public void setFocus() {
        super.setFocus();
        if (getActivePage() == RECORDS_PAGE && records != null) {
            records.focusTable();
        }
        if (model != null) {
            checkDisk();
        }
    }

    @Override
    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(resourceListener);
        if (keys != null) {
            keys.deactivate();
        }
        if (validation != null) {
            validation.cancel();
        }
        if (undoAction != null) {
            undoAction.dispose();
            redoAction.dispose();
        }
        if (model != null) {
            PlatformUI.getWorkbench().getOperationSupport().getOperationHistory().dispose(model.undoContext(), true, true, true);
        }
        super.dispose();
    }

    // ---- for tests (the test fragment shares the package) ----

    /** Whether Edit > Undo is enabled. */
    boolean undoAvailable() {
        return undoAction.isEnabled();
    }

    /** Whether the workbench was last told that the editor is dirty (the tab's '*'). */
    boolean dirtyShown() {
        return wasDirty;
    }

    /** The entry indices the record table shows, in display order. */
    int[] shownRows() {
        return records.table().rows();
    }

    /** The entry selected in the record table, or -1. */
    int selectedEntry() {
        return records.table().selectedEntry();
    }

    /** Selects a row of the record table as a click would. */
    void selectRow(int row) {
        records.table().select(row);
        records.table().control().notifyListeners(SWT.Selection, new Event());
    }

    /** Selects several rows of the record table as Ctrl+clicks would. */
    void selectRows(int... rows) {
        records.table().selectRows(rows);
        records.table().control().notifyListeners(SWT.Selection, new Event());
    }

    /** The entries of the selected rows, in file order. */
    int[] selectedEntries() {
        return records.table().selectedEntries();
    }

    Table recordTable() {
        return records.table().control();
    }

    /** Whether the record table holds every row of the current filter (a large one grows in steps). */
    boolean recordTableComplete() {
        return records.table().complete();
    }

    Text reasonText() {
        return records.form().reasonText();
    }

    RecordQuery query() {
        return records.filterBar().query();
    }

    /** Sets the filter bar's fields and filters. */
    void setQuery(RecordQuery query) {
        records.filterBar().setQuery(query);
    }

    /** The text of the filter bar's match count. */
    String filterCountText() {
        return records.filterBar().countText();
    }

    /** Shows the statistics page and computes it if needed; {@link #shownStatistics()} has the result once its job ran. */
    void showStatisticsPage() {
        setActivePage(STATISTICS_PAGE);
    }

    DatasetStatistics shownStatistics() {
        return statistics.shownStatistics();
    }

    /** Opens the record of a row of the statistics page's duplicates table. */
    void openDuplicateRow(int row) {
        statistics.openDuplicateRow(row);
    }

    void showAgreementPage() {
        setActivePage(AGREEMENT_PAGE);
    }

    /** The agreement report on screen, or null while it is computed. */
    AgreementReport agreementReport() {
        return agreement.report();
    }

    /** Adjudicates a row of the disagreement table by adopting an annotator's label and reason. */
    void adoptAnnotator(int disagreementRow, String annotator, String curator) {
        agreement.disagreementTable().setSelection(disagreementRow);
        agreement.select(disagreementRow);
        agreement.curatorText().setText(curator);
        agreement.adopt(annotator);
    }

    /** Adjudicates a row of the disagreement table with a label and reason the curator writes. */
    void writeFinal(int disagreementRow, String label, String reason, String curator) {
        agreement.disagreementTable().setSelection(disagreementRow);
        agreement.select(disagreementRow);
        agreement.curatorText().setText(curator);
        agreement.finalLabelCombo().select(model.dataset().schema().names().indexOf(label));
        agreement.finalReasonText().setText(reason);
        agreement.writeFinal();
    }

    /** The outline's top-level nodes as "name (count)" texts, children indented. */
    List<String> outlineText() {
        List<String> lines = new ArrayList<>();
        if (model != null) {
            for (OutlineCounts.Node n : OutlineCounts.of(model.dataset())) {
                lines.add(n.toString());
                n.children().forEach(c -> lines.add("  " + c));
            }
        }
        return lines;
    }

}
