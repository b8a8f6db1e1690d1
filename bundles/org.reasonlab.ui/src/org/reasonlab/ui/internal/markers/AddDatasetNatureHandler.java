package org.reasonlab.ui.internal.markers;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Configure &gt; Validate ReasonLab Datasets: gives the selected projects the
 * {@link DatasetNature}, in a job.
 */
public final class AddDatasetNatureHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        ISelection selection = HandlerUtil.getCurrentSelection(event);
        Set<IProject> projects = new LinkedHashSet<>();
        if (selection instanceof IStructuredSelection structured) {
            for (Object element : structured) {
                IResource resource = Adapters.adapt(element, IResource.class);
                if (resource != null && resource.getProject() != null && resource.getProject().isOpen()) {
                    projects.add(resource.getProject());
                }
            }
        }
        if (projects.isEmpty()) {
            return null;
        }
        Job job = Job.create("Adding ReasonLab dataset validation", (IProgressMonitor monitor) -> {
            for (IProject project : projects) {
                try {
                    DatasetNature.addTo(project, monitor);
                } catch (CoreException e) {
                    return Status.error("Could not add ReasonLab dataset validation to " + project.getName(), e);
                }
            }
            return Status.OK_STATUS;
        });
        job.setRule(projects.iterator().next().getWorkspace().getRoot());
        job.setUser(true);
        job.schedule();
        return null;
    }
}
