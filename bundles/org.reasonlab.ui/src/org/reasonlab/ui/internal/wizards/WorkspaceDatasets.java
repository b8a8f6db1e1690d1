package org.reasonlab.ui.internal.wizards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.ContainerGenerator;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.reasonlab.core.imports.DatasetImport;
import org.reasonlab.core.imports.SplitAppend;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.Split;
import org.reasonlab.ui.internal.contenttype.DatasetContentTypes;

/**
 * Writing a dataset into the workspace: through the core's atomic save to the file's location, then
 * a refresh, so that the workspace sees the new file (and its label schema sidecar).
 */
final class WorkspaceDatasets {
    private WorkspaceDatasets() {
    }

    /** Where the file is (or will be) on the local file system. */
    static Path location(IFile file) throws CoreException {
        IPath location = file.getLocation();
        if (location == null) {
            throw new CoreException(Problems.error(file.getFullPath()
                    + " is not on the local file system; ReasonLab writes datasets only there", null));
        }
        return location.toPath();
    }

    /**
     * The files that {@link #write} would replace: the dataset file and its label schema sidecar
     * (which is rewritten whenever it exists, so that it cannot give the new file the wrong labels),
     * as paths for a person. Looks at the disk, not at the workspace, which may not know them yet.
     */
    static List<String> existingOutputs(IFile file) throws CoreException {
        Path target = location(file);
        Path sidecar = LabelSchemaFile.sidecarFor(target);
        List<String> existing = new ArrayList<>();
        if (Files.exists(target)) {
            existing.add(target.toString());
        }
        if (Files.exists(sidecar)) {
            existing.add(sidecar.toString());
        }
        return existing;
    }

    /** The rule {@link #write} needs: the file's project, whose folders it may create and refresh. */
    static ISchedulingRule rule(IFile file) {
        return file.getProject();
    }

    /**
     * Writes the dataset to the file atomically in the format, with its label schema sidecar where
     * needed ({@link DatasetImport#write}), creating missing folders, and refreshes both. Call it
     * in a workspace operation holding {@link #rule}.
     */
    static void write(IFile file, Dataset dataset, DatasetFormat format, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Writing " + file.getFullPath(), 3);
        IContainer parent = file.getParent();
        if (!parent.exists()) {
            parent = new ContainerGenerator(parent.getFullPath()).generateContainer(progress.split(1));
        } else {
            progress.worked(1);
        }
        Path target = location(file);
        try {
            DatasetImport.write(dataset, target, format);
        } catch (IOException e) {
            throw new CoreException(Problems.error(FileErrors.describe(e), e));
        }
        progress.worked(1);
        SubMonitor refresh = progress.split(1).setWorkRemaining(2);
        file.refreshLocal(IResource.DEPTH_ZERO, refresh.split(1));
        parent.getFile(IPath.fromPortableString(LabelSchemaFile.sidecarFor(target).getFileName().toString()))
                .refreshLocal(IResource.DEPTH_ZERO, refresh.split(1));
    }

    /**
     * Adds the imported dataset's records to the existing dataset file as one split
     * ({@link SplitAppend}), atomically, and refreshes the file. Call it in a workspace operation
     * holding {@link #rule}.
     */
    static void append(IFile file, Dataset imported, Path source, Split split, String idPrefix, IProgressMonitor monitor)
            throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Adding to " + file.getFullPath(), 2);
        try {
            SplitAppend.append(imported, source, location(file), split, idPrefix);
        } catch (SplitAppend.RefusedException e) {
            throw new CoreException(Problems.error(e.getMessage(), null));
        } catch (IOException e) {
            throw new CoreException(Problems.error(FileErrors.describe(e), e));
        }
        progress.worked(1);
        file.refreshLocal(IResource.DEPTH_ZERO, progress.split(1));
    }

    /** Selects the file in the explorer and, if asked, opens it in the editor the registry picks for it. */
    static void reveal(IWorkbench workbench, IFile file, boolean openEditor, WizardPrompter prompter, Shell shell,
            String title) {
        if (workbench == null) {
            return;
        }
        IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
        if (window == null) {
            return;
        }
        BasicNewResourceWizard.selectAndReveal(file, window);
        IWorkbenchPage page = window.getActivePage();
        if (!openEditor || page == null) {
            return;
        }
        try {
            IDE.openEditor(page, file);
        } catch (PartInitException e) {
            prompter.report(shell, title, "The dataset was written, but could not be opened.", e.getStatus());
        }
    }

    /** Adds the dataset files in the container (not in derived, hidden or dot folders) until there are {@code max}. */
    static void datasetsIn(IContainer container, Set<IFile> found, int max) {
        if (!container.isAccessible()) {
            return;
        }
        try {
            container.accept(resource -> {
                if (found.size() >= max) {
                    return false;
                }
                if (resource instanceof IFile file && DatasetContentTypes.isDataset(file)) {
                    found.add(file);
                }
                return !resource.isDerived() && !resource.isHidden() && !resource.getName().startsWith(".");
            });
        } catch (CoreException e) {
            // an inaccessible folder has no datasets to offer
        }
    }

    /** The workspace root. */
    static IWorkspaceRoot root() {
        return ResourcesPlugin.getWorkspace().getRoot();
    }
}
