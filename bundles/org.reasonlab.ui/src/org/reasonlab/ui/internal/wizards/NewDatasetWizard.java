package org.reasonlab.ui.internal.wizards;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.reasonlab.core.imports.NewDataset;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.ui.ReasonLabUi;

/**
 * File &gt; New &gt; ReasonLab Dataset: a new {@code .jsonl} or {@code .csv} dataset file with its labels
 * (the default ones, or the user's own, saved in the {@code NAME.labels.json} sidecar) and optionally
 * its first records, written with the core's atomic save and opened in the editor.
 */
public class NewDatasetWizard extends Wizard implements INewWizard {
    public static final String ID = ReasonLabUi.NEW_DATASET_WIZARD;
    static final String TITLE = "New ReasonLab Dataset";

    private IWorkbench workbench;
    private IStructuredSelection selection = StructuredSelection.EMPTY;
    private NewDatasetFilePage filePage;
    private LabelSchemaPage labelsPage;
    private FirstRecordsPage recordsPage;
    private WizardPrompter prompter = WizardPrompter.DIALOGS;
    private boolean openEditor = true;
    private IFile createdFile;

    public NewDatasetWizard() {
        setWindowTitle(TITLE);
        setNeedsProgressMonitor(true);
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.workbench = workbench;
        this.selection = selection == null ? StructuredSelection.EMPTY : selection;
    }

    @Override
    public void addPages() {
        filePage = new NewDatasetFilePage(selection);
        recordsPage = new FirstRecordsPage();
        labelsPage = new LabelSchemaPage(() -> recordsPage.setSchema(labelsPage.schema()));
        addPage(filePage);
        addPage(labelsPage);
        addPage(recordsPage);
    }

    @Override
    public boolean performFinish() {
        IFile file = filePage.targetFile();
        DatasetFormat format = filePage.format();
        LabelSchema schema = labelsPage.schema();
        Dataset dataset;
        try {
            dataset = NewDataset.build(schema, format, recordsPage.drafts());
        } catch (IllegalArgumentException e) {
            recordsPage.setErrorMessage(e.getMessage());
            return false;
        }
        try {
            List<String> existing = WorkspaceDatasets.existingOutputs(file);
            if (!existing.isEmpty() && !prompter.confirmReplace(getShell(), TITLE, existing)) {
                return false;
            }
        } catch (CoreException e) {
            prompter.report(getShell(), TITLE, "The dataset cannot be created.", e.getStatus());
            return false;
        }
        WorkspaceModifyOperation operation = new WorkspaceModifyOperation(WorkspaceDatasets.rule(file)) {
            @Override
            protected void execute(IProgressMonitor monitor) throws CoreException {
                WorkspaceDatasets.write(file, dataset, format, monitor);
            }
        };
        try {
            getContainer().run(true, false, operation);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            prompter.report(getShell(), TITLE, "The dataset could not be created.", cause instanceof CoreException core
                    ? core.getStatus() : Problems.error(FileErrors.describe(cause), cause));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        createdFile = file;
        WorkspaceDatasets.reveal(workbench, file, openEditor, prompter, getShell(), TITLE);
        return true;
    }

    public NewDatasetFilePage filePage() {
        return filePage;
    }

    public LabelSchemaPage labelsPage() {
        return labelsPage;
    }

    public FirstRecordsPage recordsPage() {
        return recordsPage;
    }

    /** The file the last successful finish created, or null. */
    public IFile createdFile() {
        return createdFile;
    }

    /** Replaces the dialogs that ask before replacing files and report problems, e.g. in tests. */
    public void setPrompter(WizardPrompter prompter) {
        this.prompter = prompter;
    }

    /** Whether finishing opens the new dataset in its editor (the default). */
    public void setOpenEditor(boolean openEditor) {
        this.openEditor = openEditor;
    }
}
