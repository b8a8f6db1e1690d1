package org.reasonlab.ui.internal.wizards;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.DialogSettings;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.ide.IDE;
import org.reasonlab.core.imports.DatasetExport;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.ui.ReasonLabUi;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;

/**
 * File &gt; Export &gt; ReasonLab &gt; Dataset: the selected datasets to a folder of the file system as
 * JSONL, CSV or DFAR CSV, optionally one file per split. Asks before replacing any file, never writes
 * over a dataset being exported, and copies lines that cannot be read verbatim (reporting them).
 */
public class ExportDatasetWizard extends Wizard implements IExportWizard {
    public static final String ID = ReasonLabUi.EXPORT_DATASET_WIZARD;
    static final String TITLE = "Export ReasonLab Datasets";
    private static final String SETTINGS = "ExportDatasetWizard";
    private static final String LAST_DESTINATION = "lastDestination";

    private IStructuredSelection selection = StructuredSelection.EMPTY;
    private ExportDatasetPage page;
    private WizardPrompter prompter = WizardPrompter.DIALOGS;
    private List<Path> exportedFiles = List.of();

    /** One dataset, loaded, with what exporting it writes. */
    private record Source(IFile file, Path location, LoadResult loaded, DatasetExport.Plan plan) {
    }

    public ExportDatasetWizard() {
        setWindowTitle(TITLE);
        setNeedsProgressMonitor(true);
        ReasonLabUiPlugin plugin = ReasonLabUiPlugin.getDefault();
        if (plugin != null) {
            setDialogSettings(DialogSettings.getOrCreateSection(plugin.getDialogSettings(), SETTINGS));
        }
    }

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        this.selection = selection == null ? StructuredSelection.EMPTY : selection;
    }

    @Override
    public void addPages() {
        page = new ExportDatasetPage(selection);
        IDialogSettings settings = getDialogSettings();
        if (settings != null && settings.get(LAST_DESTINATION) != null) {
            page.setDestination(Path.of(settings.get(LAST_DESTINATION)));
        }
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        List<IFile> files = page.files();
        Path folder = page.destination().toAbsolutePath().normalize();
        DatasetExport export = new DatasetExport(page.format(), page.perSplit(), page.schemaSidecars());
        if (!IDE.saveAllEditors(files.toArray(IResource[]::new), true)) {
            return false;
        }

        List<Source> sources = new ArrayList<>();
        try {
            getContainer().run(true, true, monitor -> {
                SubMonitor progress = SubMonitor.convert(monitor, "Reading the datasets", files.size());
                for (IFile file : files) {
                    SubMonitor step = progress.split(1);
                    step.subTask(file.getFullPath().toString());
                    try {
                        Path location = WorkspaceDatasets.location(file);
                        LoadResult loaded = DatasetLoader.load(location);
                        sources.add(new Source(file, location, loaded, export.plan(loaded.dataset(), location, folder)));
                    } catch (CoreException | IOException e) {
                        throw new InvocationTargetException(e);
                    }
                }
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            prompter.report(getShell(), TITLE, "A dataset could not be read; nothing was exported.",
                    cause instanceof CoreException core ? core.getStatus()
                            : Problems.error(FileErrors.describe(cause), cause));
            return false;
        } catch (InterruptedException e) {
            return false;
        }

        List<String> refusals = new ArrayList<>();
        for (Source source : sources) {
            refusals.addAll(export.problems(source.loaded().dataset(), source.location(), 20));
        }
        if (!refusals.isEmpty()) {
            MultiStatus status = new MultiStatus(ReasonLabUiPlugin.PLUGIN_ID, 0,
                    "Some labels have no alias to write in DFAR CSV.");
            refusals.forEach(r -> status.add(new Status(IStatus.ERROR, ReasonLabUiPlugin.PLUGIN_ID, r)));
            prompter.report(getShell(), TITLE, "Nothing was exported: DFAR CSV writes each label as its first alias"
                    + " (0 or 1), and some labels have none. Add aliases to the labels, or export as JSON Lines or CSV.",
                    status);
            return false;
        }
        List<DatasetExport.Plan> plans = sources.stream().map(Source::plan).toList();
        Optional<String> clash = DatasetExport.clash(plans);
        if (clash.isPresent()) {
            prompter.report(getShell(), TITLE, "Nothing was exported.", Problems.error(clash.get(), null));
            return false;
        }
        List<String> existing = DatasetExport.existing(plans).stream().map(Path::toString).toList();
        if (!existing.isEmpty() && !prompter.confirmReplace(getShell(), TITLE, existing)) {
            return false;
        }

        List<Path> written = new ArrayList<>();
        try {
            getContainer().run(true, false, monitor -> {
                SubMonitor progress = SubMonitor.convert(monitor, "Exporting", sources.size() + 1);
                for (Source source : sources) {
                    progress.subTask(source.file().getFullPath().toString());
                    try {
                        written.addAll(export.write(source.loaded().dataset(), source.location(), folder));
                    } catch (IOException e) {
                        throw new InvocationTargetException(e);
                    }
                    progress.worked(1);
                }
                refreshWorkspaceCopies(folder, progress.split(1));
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            prompter.report(getShell(), TITLE, "The export stopped" + (written.isEmpty() ? "; nothing was written."
                    : " after writing " + written.size() + " files:\n" + list(written)),
                    Problems.error(FileErrors.describe(cause), cause));
            exportedFiles = List.copyOf(written);
            return false;
        } catch (InterruptedException e) {
            return false;
        }
        exportedFiles = List.copyOf(written);
        IDialogSettings settings = getDialogSettings();
        if (settings != null) {
            settings.put(LAST_DESTINATION, folder.toString());
        }

        List<ParseProblem> problems = new ArrayList<>();
        int unreadable = 0;
        for (Source source : sources) {
            problems.addAll(source.loaded().problems());
            unreadable += source.loaded().dataset().rawLines().size();
        }
        if (!problems.isEmpty()) {
            String message = "Exported " + Problems.count(written.size(), "file", "files") + " to " + folder + "."
                    + (unreadable > 0 ? " " + Problems.count(unreadable, "line", "lines") + " could not be read; "
                            + (page.perSplit() ? "they went verbatim to NAME-unparsed.txt." : "they were copied verbatim.")
                            : "")
                    + " Problems by line:";
            prompter.report(getShell(), TITLE, message, Problems.warning(message, problems));
        }
        return true;
    }

    /** Exporting into a workspace folder: let the workspace see the new files. */
    private static void refreshWorkspaceCopies(Path folder, IProgressMonitor monitor) {
        for (IContainer container : WorkspaceDatasets.root().findContainersForLocationURI(folder.toUri())) {
            try {
                container.refreshLocal(IResource.DEPTH_ONE, monitor);
            } catch (CoreException e) {
                // the files are written; the workspace finds them on its next refresh
            }
        }
    }

    private static String list(List<Path> files) {
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append("  ").append(file).append('\n');
        }
        return text.toString();
    }

    public ExportDatasetPage page() {
        return page;
    }

    /** The files the last finish wrote. */
    public List<Path> exportedFiles() {
        return exportedFiles;
    }

    public void setPrompter(WizardPrompter prompter) {
        this.prompter = prompter;
    }
}
