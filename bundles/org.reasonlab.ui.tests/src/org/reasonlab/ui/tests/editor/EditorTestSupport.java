package org.reasonlab.ui.tests.editor;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.reasonlab.ui.editor.DatasetEditor;

/** Opening dataset editors, running their commands and typing keys, for tests on the UI thread. */
final class EditorTestSupport {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private EditorTestSupport() {
    }

    static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return window != null ? window : PlatformUI.getWorkbench().getWorkbenchWindows()[0];
    }

    static IWorkbenchPage page() {
        return window().getActivePage();
    }

    static DatasetEditor open(IFile file) throws Exception {
        IEditorPart part = IDE.openEditor(page(), file, true);
        DatasetEditor editor = assertInstanceOf(DatasetEditor.class, part, "datasets open in the dataset editor");
        waitUntil("the editor has loaded " + file.getName(), () -> editor.whenLoaded().isDone());
        editor.whenLoaded().get();
        return editor;
    }

    static void closeAll() {
        page().closeAllEditors(false);
        flushEvents();
    }

    /** Runs a command as its key binding would, with optional parameters. */
    static void command(String id, Map<String, String> parameters) throws Exception {
        ICommandService commands = window().getService(ICommandService.class);
        IHandlerService handlers = window().getService(IHandlerService.class);
        ParameterizedCommand command = ParameterizedCommand.generateCommand(commands.getCommand(id), parameters);
        handlers.executeCommand(command, null);
        flushEvents();
    }

    static void command(String id) throws Exception {
        command(id, Map.of());
    }

    /** Types a key through the display (as the keyboard would), with modifier keys held. */
    static void press(int keyCode, char character, int... modifiers) {
        Display display = Display.getCurrent();
        for (int m : modifiers) {
            post(display, SWT.KeyDown, m, '\0');
        }
        post(display, SWT.KeyDown, keyCode, character);
        post(display, SWT.KeyUp, keyCode, character);
        for (int i = modifiers.length - 1; i >= 0; i--) {
            post(display, SWT.KeyUp, modifiers[i], '\0');
        }
        flushEvents();
    }

    private static void post(Display display, int type, int keyCode, char character) {
        Event e = new Event();
        e.type = type;
        e.keyCode = keyCode;
        e.character = character;
        if (!display.post(e)) {
            fail("the display refused a posted key event");
        }
        flushEvents();
    }

    static void waitUntil(String what, BooleanSupplier condition) {
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

    static void flushEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // keep dispatching
        }
    }

    static void spin(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        waitUntil("time has passed", () -> System.nanoTime() > deadline);
    }

    static IProject createProject(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        return project;
    }

    static IFile writeFile(IProject project, String name, String contents) throws CoreException {
        IFile file = project.getFile(name);
        ByteArrayInputStream in = new ByteArrayInputStream(contents.getBytes(StandardCharsets.UTF_8));
        if (file.exists()) {
            file.setContents(in, IResource.FORCE, null);
        } else {
            file.create(in, IResource.FORCE, null);
        }
        return file;
    }

    static void deleteProject(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
    }
}
