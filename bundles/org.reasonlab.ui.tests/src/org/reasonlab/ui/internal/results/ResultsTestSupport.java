package org.reasonlab.ui.internal.results;

import java.nio.file.Path;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.reasonlab.ui.internal.WorkbenchTestSupport;

/** Run folders in a test project, and running commands as their keys would. */
final class ResultsTestSupport {
    private ResultsTestSupport() {
    }

    /** Creates project/name (and its parents) and returns its location on disk. */
    static Path folder(IProject project, String name) throws CoreException {
        IFolder folder = project.getFolder(name);
        create(folder);
        return folder.getLocation().toPath();
    }

    private static void create(IFolder folder) throws CoreException {
        if (folder.exists()) {
            return;
        }
        if (folder.getParent() instanceof IFolder parent) {
            create(parent);
        }
        folder.create(true, true, null);
    }

    static void write(IProject project, String path, String contents) throws CoreException {
        WorkbenchTestSupport.writeFile(project, path, contents);
    }

    static void command(String id) throws Exception {
        ICommandService commands = WorkbenchTestSupport.window().getService(ICommandService.class);
        IHandlerService handlers = WorkbenchTestSupport.window().getService(IHandlerService.class);
        handlers.executeCommand(ParameterizedCommand.generateCommand(commands.getCommand(id), null), null);
        WorkbenchTestSupport.flushEvents();
    }
}
