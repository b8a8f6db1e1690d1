package org.reasonlab.ui.internal.wizards;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.DialogSettings;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.reasonlab.core.imports.ColumnMapping;
import org.reasonlab.core.imports.DatasetImport;
import org.reasonlab.core.imports.ImportFormat;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * File &gt; Import &gt; ReasonLab &gt; Dataset: a JSONL, DFAR CSV or any CSV file (its columns mapped to
 * record fields) from the file system into a workspace folder, as JSONL or in its own format. Lines
 * that cannot be read are kept verbatim and reported by line, on the last page and after Finish.
 */
public class ImportDatasetWizard extends Wizard implements IImportWizard {
    public static final String ID = ReasonLabUi.IMPORT_DATASET_WIZARD;
    static final String TITLE = "Import ReasonLab Dataset";
    private static final String SETTINGS = "ImportDatasetWizard";
    private static final String LAST_FOLDER = "lastFolder";

    private IWorkbench workbench;
    private IStructuredSelection selection = StructuredSelection.EMPTY;
    private final ImportCheck check = new ImportCheck();
    private ImportSourcePage sourcePage;
    private CsvMappingPage mappingPage;
    private ImportTargetPage targetPage;
    private WizardPrompter prompter = WizardPrompter.DIALOGS;
    private boolean openEditor = true;
    private IFile importedFile;
    private LoadResult lastImport;

    public ImportDatasetWizard() {
        setWindowTitle(TITLE);
        setNeedsProgressMonitor(true);
        ReasonLabUiPlugin plugin = ReasonLabUiPlugin.getDefault();
        if (plugin != null) {
            setDialogSettings(DialogSettings.getOrCreateSection(plugin.getDialogSettings(), SETTINGS));
        }
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
        this.selection = selection == null ? StructuredSelection.EMPTY : selection;
    }

    @Override
    public void addPages() {
        sourcePage = new ImportSourcePage(this::sourceChanged);
        mappingPage = new CsvMappingPage(() -> sourcePage.source(), () -> sourcePage.schema(), check);
        targetPage = new ImportTargetPage(selection, () -> sourcePage.source(), () -> sourcePage.format(), check,
                this::requestCheck);
        IDialogSettings settings = getDialogSettings();
        if (settings != null) {
            sourcePage.setBrowseFolder(settings.get(LAST_FOLDER));
        }
        addPage(sourcePage);
        addPage(mappingPage);
        addPage(targetPage);
    }

    private void sourceChanged() {
        if (mappingPage != null && mappingPage.getControl() != null && sourcePage.format() == ImportFormat.CSV) {
            mappingPage.refresh();
        }
        if (targetPage != null) {
            targetPage.sourceChanged();
        }
    }

    /** Checks the source with the current choices in the background, for the last page. */
    private void requestCheck() {
        Path source = sourcePage.source();
        ColumnMapping mapping = mappingPage.mapping();
        if (source == null || !sourcePage.isPageComplete()
                || sourcePage.format() == ImportFormat.CSV && (mapping == null || !mapping.isValid())) {
            return;
        }
        check.request(ImportCheck.Key.of(source, sourcePage.format(), mapping, sourcePage.schema()));
    }

    @Override
    public IWizardPage getNextPage(IWizardPage page) {
        if (page == sourcePage && sourcePage.format() != ImportFormat.CSV) {
            return targetPage;
        }
        return super.getNextPage(page);
    }

    @Override
    public IWizardPage getPreviousPage(IWizardPage page) {
        if (page == targetPage && sourcePage.format() != ImportFormat.CSV) {
            return sourcePage;
        }
        return super.getPreviousPage(page);
    }

    @Override
    public boolean canFinish() {
        boolean csv = sourcePage.format() == ImportFormat.CSV;
        return sourcePage.isPageComplete() && (!csv || mappingPage.isPageComplete()) && targetPage.isPageComplete();
    }

    @Override
    public boolean performFinish() {
        Path source = sourcePage.source();
        ImportFormat format = sourcePage.format();
        if (format == ImportFormat.CSV) {
            mappingPage.refresh();
            if (!mappingPage.isPageComplete()) {
                String why = mappingPage.getErrorMessage();
                prompter.report(getShell(), TITLE, "The column mapping does not fit " + source + " (has it changed?);"
                        + " check the mapping page.", Problems.error(why == null ? "no usable mapping" : why, null));
                return false;
            }
        }
        ColumnMapping mapping = format == ImportFormat.CSV ? mappingPage.mapping() : null;
        LabelSchema schema = sourcePage.schema();
        DatasetFormat output = targetPage.outputFormat();
        IFile target = targetPage.targetFile();
        Split appendAs = targetPage.appendSplit();
        String idPrefix = targetPage.idPrefix();
        try {
            List<String> existing = WorkspaceDatasets.existingOutputs(target);
            if (appendAs == null && !existing.isEmpty() && !prompter.confirmReplace(getShell(), TITLE, existing)) {
                return false;
            }
        } catch (CoreException e) {
            prompter.report(getShell(), TITLE, "The dataset cannot be imported.", e.getStatus());
            return false;
        }
        LoadResult[] loaded = new LoadResult[1];
        WorkspaceModifyOperation operation = new WorkspaceModifyOperation(WorkspaceDatasets.rule(target)) {
            @Override
            protected void execute(IProgressMonitor monitor) throws CoreException {
                SubMonitor progress = SubMonitor.convert(monitor, "Importing " + source.getFileName(), 2);
                progress.subTask("Reading " + source);
                try {
                    loaded[0] = DatasetImport.load(source, format, mapping, schema);
                } catch (IOException | RuntimeException e) {
                    throw new CoreException(Problems.error(FileErrors.describe(e), e));
                }
                progress.worked(1);
                if (appendAs != null) {
                    WorkspaceDatasets.append(target, loaded[0].dataset(), source, appendAs, idPrefix, progress.split(1));
                } else {
                    WorkspaceDatasets.write(target, loaded[0].dataset(), output, progress.split(1));
                }
            }
        };
        try {
            getContainer().run(true, false, operation);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            prompter.report(getShell(), TITLE, "The dataset could not be imported.", cause instanceof CoreException core
                    ? core.getStatus() : Problems.error(FileErrors.describe(cause), cause));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        importedFile = target;
        lastImport = loaded[0];
        IDialogSettings settings = getDialogSettings();
        if (settings != null && source.getParent() != null) {
            settings.put(LAST_FOLDER, source.getParent().toString());
        }
        LoadResult result = loaded[0];
        if (result.hasProblems()) {
            int raw = result.dataset().rawLines().size();
            String message = "Imported " + Problems.count(result.dataset().recordCount(), "record", "records") + " from "
                    + source + " into " + target.getFullPath() + "."
                    + (raw > 0 ? " " + Problems.count(raw, "line", "lines") + " could not be read; "
                            + (raw == 1 ? "it is" : "they are") + " kept verbatim in the new file, so nothing is lost:"
                            + " fix them in the editor." : "")
                    + " Problems by line:";
            prompter.report(getShell(), TITLE, message, Problems.warning(message, result.problems()));
        }
        WorkspaceDatasets.reveal(workbench, target, openEditor, prompter, getShell(), TITLE);
        return true;
    }

    @Override
    public void dispose() {
        check.dispose();
        super.dispose();
    }

    public ImportSourcePage sourcePage() {
        return sourcePage;
    }

    public CsvMappingPage mappingPage() {
        return mappingPage;
    }

    public ImportTargetPage targetPage() {
        return targetPage;
    }

    /** Checks the source with the current choices now and shows the result on the last page; for tests. */
    public void checkNow() {
        Path source = sourcePage.source();
        if (source != null) {
            check.checkNow(ImportCheck.Key.of(source, sourcePage.format(), mappingPage.mapping(), sourcePage.schema()));
        }
    }

    /** The file the last successful finish wrote, or null. */
    public IFile importedFile() {
        return importedFile;
    }

    /** What the last successful finish read: records, unreadable lines and problems. */
    public LoadResult lastImport() {
        return lastImport;
    }

    public void setPrompter(WizardPrompter prompter) {
        this.prompter = prompter;
    }

    public void setOpenEditor(boolean openEditor) {
        this.openEditor = openEditor;
    }
}
