package org.reasonlab.ui.internal.markers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.reasonlab.ui.ReasonLabUi;

/**
 * The ReasonLab dataset nature: projects that have it run the {@link DatasetBuilder}, so their
 * dataset files get problem markers. {@link #addTo} is what project wizards call.
 */
public final class DatasetNature implements IProjectNature {
    /** The nature id, as in plugin.xml. */
    public static final String ID = ReasonLabUi.DATASET_NATURE;

    private IProject project;

    /**
     * Gives the project the nature (which adds the builder), unless it has it already; a project
     * that has the nature but lost the builder gets the builder back. The project must be open.
     * Adding the nature starts a build when auto-build is on.
     */
    public static void addTo(IProject project, IProgressMonitor monitor) throws CoreException {
        SubMonitor progress = SubMonitor.convert(monitor, "Adding ReasonLab dataset validation to " + project.getName(),
                1);
        IProjectDescription description = project.getDescription();
        if (description.hasNature(ID)) {
            if (addBuilder(description)) {
                project.setDescription(description, IResource.KEEP_HISTORY, progress.split(1));
            }
            return;
        }
        List<String> natures = new ArrayList<>(Arrays.asList(description.getNatureIds()));
        natures.add(ID);
        description.setNatureIds(natures.toArray(String[]::new));
        project.setDescription(description, IResource.KEEP_HISTORY, progress.split(1));
    }

    /** Takes the nature (and so the builder and the dataset problem markers) away from the project. */
    public static void removeFrom(IProject project, IProgressMonitor monitor) throws CoreException {
        IProjectDescription description = project.getDescription();
        if (!description.hasNature(ID)) {
            return;
        }
        List<String> natures = new ArrayList<>(Arrays.asList(description.getNatureIds()));
        natures.remove(ID);
        description.setNatureIds(natures.toArray(String[]::new));
        project.setDescription(description, IResource.KEEP_HISTORY, monitor);
    }

    /** Whether the project is open and has the nature. */
    public static boolean hasNature(IProject project) {
        try {
            return project.isOpen() && project.hasNature(ID);
        } catch (CoreException e) {
            return false;
        }
    }

    @Override
    public void configure() throws CoreException {
        IProjectDescription description = project.getDescription();
        if (addBuilder(description)) {
            project.setDescription(description, null);
        }
    }

    @Override
    public void deconfigure() throws CoreException {
        IProjectDescription description = project.getDescription();
        ICommand[] commands = description.getBuildSpec();
        List<ICommand> kept = new ArrayList<>();
        for (ICommand command : commands) {
            if (!DatasetBuilder.ID.equals(command.getBuilderName())) {
                kept.add(command);
            }
        }
        if (kept.size() != commands.length) {
            description.setBuildSpec(kept.toArray(ICommand[]::new));
            project.setDescription(description, null);
        }
        DatasetProblemMarkers.clear(project, IResource.DEPTH_INFINITE);
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject project) {
        this.project = project;
    }

    /** Appends the builder to the build spec unless it is there; returns whether it changed. */
    private static boolean addBuilder(IProjectDescription description) {
        ICommand[] commands = description.getBuildSpec();
        for (ICommand command : commands) {
            if (DatasetBuilder.ID.equals(command.getBuilderName())) {
                return false;
            }
        }
        ICommand command = description.newCommand();
        command.setBuilderName(DatasetBuilder.ID);
        ICommand[] extended = Arrays.copyOf(commands, commands.length + 1);
        extended[commands.length] = command;
        description.setBuildSpec(extended);
        return true;
    }
}
