package org.reasonlab.ui.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.Command;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.reasonlab.ui.internal.views.overview.DatasetOverviewView;

/** Helpers for tests that run in the workbench on the UI thread. */
public final class WorkbenchTestSupport {
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private WorkbenchTestSupport() {
    }

    public static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        return window;
    }

    public static IWorkbenchPage page() {
        return window().getActivePage();
    }

    /** Runs the event loop until the condition holds; fails after the timeout. */
    public static void waitUntil(String what, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + TIMEOUT.toSeconds() + " s waiting until " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> {
                });
                display.sleep();
            }
        }
        flushEvents();
    }

    /** Runs the event loop until the job has finished (and its results have reached the UI). */
    public static void waitForJob(Job job) {
        if (job != null) {
            waitUntil(job.getName() + " has finished", () -> job.getState() == Job.NONE);
        }
    }

    /** Waits until the overview has no job under way and shows an overview or a message. */
    public static void waitForOverview(DatasetOverviewView view) {
        waitForJob(view.currentJob());
        waitUntil("the Dataset Overview shows a result", () -> view.currentJob() == null
                && (view.shownOverview() != null || view.shownMessage() != null));
    }

    /** Dispatches what is pending in the event queue. */
    public static void flushEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // keep dispatching
        }
    }

    /** Runs the event loop for a while, for tests that need painting to settle (screenshots). */
    public static void spin(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        waitUntil("time has passed", () -> System.nanoTime() > deadline);
    }

    /** Whether the command may run now, on the active part's selection (as its menu item would show it). */
    public static boolean isEnabled(String commandId) {
        flushEvents();
        Command command = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(commandId);
        command.setEnabled(window().getService(IHandlerService.class).getCurrentState());
        return command.isEnabled();
    }

    /** Runs the command on the active part's selection, as a menu item or a key would; returns its handler's result. */
    public static Object execute(String commandId) throws Exception {
        flushEvents();
        return window().getService(IHandlerService.class).executeCommand(commandId, null);
    }

    public static DatasetOverviewView showOverview() throws PartInitException {
        return (DatasetOverviewView) page().showView(DatasetOverviewView.ID);
    }

    public static IProject createProject(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        return project;
    }

    public static IFile writeFile(IProject project, String name, String contents) throws CoreException {
        IFile file = project.getFile(name);
        ByteArrayInputStream in = new ByteArrayInputStream(contents.getBytes(StandardCharsets.UTF_8));
        if (file.exists()) {
            file.setContents(in, IResource.FORCE, null);
        } else {
            file.create(in, IResource.FORCE, null);
        }
        return file;
    }

    public static void deleteProject(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
    }
}
