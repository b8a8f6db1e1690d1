package org.reasonlab.ui.internal.samples;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.osgi.framework.Bundle;
import org.reasonlab.ui.internal.ReasonLabUiPlugin;
import org.reasonlab.ui.internal.markers.DatasetNature;

/**
 * Creates the workspace project {@value #PROJECT_NAME} holding the bundled sample dataset
 * {@value #DATASET_NAME} and its ready launch configurations ({@link SampleLaunchConfigurations}), or
 * reuses it: an existing project is opened, and files are written only when they are missing, so the
 * user's edits survive.
 */
public final class SampleProjectCreator {
    public static final String PROJECT_NAME = "reasonlab-sample";
    public static final String DATASET_NAME = "ethics-sample.jsonl";
    /** Where the sample lies inside the bundle. */
    public static final String BUNDLE_ENTRY = "samples/" + DATASET_NAME;

    private final IWorkspace workspace;

    public SampleProjectCreator() {
        this(ResourcesPlugin.getWorkspace());
    }

    public SampleProjectCreator(IWorkspace workspace) {
        this.workspace = workspace;
    }

    /** The sample dataset file, whether or not it exists yet. */
    public IFile sampleFile() {
        return workspace.getRoot().getProject(PROJECT_NAME).getFile(DATASET_NAME);
    }

    /** The rule that {@link #createOrReuse} needs: creating or modifying the project. */
    public ISchedulingRule schedulingRule() {
        // the workspace root: adding the dataset nature changes the project description, which takes the root
        return workspace.getRoot();
    }

    /**
     * Creates or reuses the project and its dataset file, in one workspace operation.
     *
     * @return the sample dataset file, existing
     */
    public IFile createOrReuse(IProgressMonitor monitor) throws CoreException {
        workspace.run(this::createOrReuseNow, schedulingRule(), IWorkspace.AVOID_UPDATE, monitor);
        return sampleFile();
    }

    private void createOrReuseNow(IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Creating the ReasonLab sample project", 5);
        IProject project = workspace.getRoot().getProject(PROJECT_NAME);
        if (!project.exists()) {
            project.create(progress.split(1));
        } else {
            progress.worked(1);
        }
        if (!project.isOpen()) {
            project.open(progress.split(1));
        } else {
            progress.worked(1);
        }
        DatasetNature.addTo(project, progress.split(1));
        IFile file = project.getFile(DATASET_NAME);
        if (!file.exists()) {
            try (InputStream contents = openBundledSample()) {
                file.create(contents, IFile.KEEP_HISTORY, progress.split(1));
            } catch (IOException e) {
                throw new CoreException(Status.error("Could not read the bundled sample " + BUNDLE_ENTRY, e));
            }
        }
        SampleLaunchConfigurations.createOrReuse(file);
        progress.worked(1);
    }

    private static InputStream openBundledSample() throws IOException, CoreException {
        Bundle bundle = Platform.getBundle(ReasonLabUiPlugin.PLUGIN_ID);
        URL entry = bundle == null ? null : bundle.getEntry(BUNDLE_ENTRY);
        if (entry == null) {
            throw new CoreException(new Status(IStatus.ERROR, ReasonLabUiPlugin.PLUGIN_ID,
                    "The bundle " + ReasonLabUiPlugin.PLUGIN_ID + " has no " + BUNDLE_ENTRY));
        }
        return entry.openStream();
    }
}
