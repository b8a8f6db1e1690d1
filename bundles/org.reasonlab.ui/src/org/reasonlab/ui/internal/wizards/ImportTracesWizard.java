package org.reasonlab.ui.internal.wizards;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.ide.IDE;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.Split;
import org.reasonlab.ui.ReasonLabUi;

/**
 * File &gt; Import &gt; ReasonLab &gt; Reasoning Traces: a teacher model's traces (JSONL or CSV by record id) as the
 * reasons of a copy of a workspace dataset, each marked correct or not against the gold label, with their length
 * statistics, optionally filtered by verdict and length tertile (docs/traces.md; the same core steps as
 * {@code reasonlab traces import} and {@code filter}). R->L training on the copy learns from the traces.
 */
public class ImportTracesWizard extends Wizard implements IImportWizard {
    public static final String ID = ReasonLabUi.IMPORT_TRACES_WIZARD;
    static final String TITLE = "Import Reasoning Traces";

    private IWorkbench workbench;
    private IStructuredSelection selection = StructuredSelection.EMPTY;
    private TraceSourcePage sourcePage;
    private TraceFilterPage filterPage;
    private WizardPrompter prompter = WizardPrompter.DIALOGS;
    private boolean openEditor = true;
    private IFile writtenFile;

    public ImportTracesWizard() {
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
        sourcePage = new TraceSourcePage(selection);
        filterPage = new TraceFilterPage() {
            @Override
            public void setVisible(boolean visible) {
                super.setVisible(visible);
                if (visible) {
                    readTraces();
                }
            }
        };
        addPage(sourcePage);
        addPage(filterPage);
    }

    /** Joins the traces to the dataset for the filter page, with the dialog's progress. */
    boolean readTraces() {
        filterPage.clear(null);
        IFile dataset = sourcePage.dataset();
        Path traces = sourcePage.tracesFile();
        Split split = sourcePage.split();
        if (!IDE.saveAllEditors(new IResource[] {dataset}, true)) {
            filterPage.clear("Save " + dataset.getFullPath() + " first: the traces join the dataset as it is on disk.");
            return false;
        }
        TracePreview[] preview = new TracePreview[1];
        try {
            Path location = WorkspaceDatasets.location(dataset);
            getContainer().run(true, false, monitor -> {
                monitor.beginTask("Reading " + traces.getFileName() + " and " + dataset.getName(),
                        IProgressMonitor.UNKNOWN);
                try {
                    preview[0] = TracePreview.of(location, traces, split);
                } catch (IOException | RuntimeException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
        } catch (CoreException e) {
            filterPage.clear(e.getMessage());
            return false;
        } catch (InvocationTargetException e) {
            filterPage.clear(FileErrors.describe(e.getCause()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            filterPage.clear("Reading the traces was interrupted.");
            return false;
        }
        filterPage.show(preview[0]);
        return true;
    }

    @Override
    public boolean canFinish() {
        return getContainer().getCurrentPage() == filterPage && filterPage.isPageComplete();
    }

    @Override
    public boolean performFinish() {
        TracePreview preview = filterPage.preview();
        IFile target = sourcePage.outputFile();
        if (preview == null || target == null) {
            return false;
        }
        DatasetFormat format = DatasetFormat.fromFileName(Path.of(target.getName())).orElseThrow();
        Dataset output = preview.output(filterPage.keep(), filterPage.bucketNames());
        try {
            List<String> existing = WorkspaceDatasets.existingOutputs(target);
            if (!existing.isEmpty() && !prompter.confirmReplace(getShell(), TITLE, existing)) {
                return false;
            }
            getContainer().run(true, false, new WorkspaceModifyOperation(WorkspaceDatasets.rule(target)) {
                @Override
                protected void execute(IProgressMonitor monitor) throws CoreException {
                    WorkspaceDatasets.write(target, output, format, SubMonitor.convert(monitor, 1));
                }
            });
        } catch (CoreException e) {
            prompter.report(getShell(), TITLE, "The traces were not imported.", e.getStatus());
            return false;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            prompter.report(getShell(), TITLE, "The traces were not imported.", cause instanceof CoreException core
                    ? core.getStatus() : Problems.error(FileErrors.describe(cause), cause));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        writtenFile = target;
        WorkspaceDatasets.reveal(workbench, target, openEditor, prompter, getShell(), TITLE);
        return true;
    }

    TraceSourcePage sourcePage() {
        return sourcePage;
    }

    TraceFilterPage filterPage() {
        return filterPage;
    }

    /** The dataset the last Finish wrote. */
    public IFile writtenFile() {
        return writtenFile;
    }

    public void setPrompter(WizardPrompter prompter) {
        this.prompter = prompter;
    }

    public void setOpenEditor(boolean openEditor) {
        this.openEditor = openEditor;
    }
}
