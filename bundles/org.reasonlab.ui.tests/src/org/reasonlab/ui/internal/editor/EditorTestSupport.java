package org.reasonlab.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.reasonlab.ui.internal.WorkbenchTestSupport;

/** Opening dataset editors, running their commands and typing keys, for tests on the UI thread. */
final class EditorTestSupport {
    private EditorTestSupport() {
    }

    static IWorkbenchWindow window() {
        return WorkbenchTestSupport.window();
    }

    static IWorkbenchPage page() {
        return WorkbenchTestSupport.page();
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
        WorkbenchTestSupport.waitUntil(what, condition);
    }

    static void flushEvents() {
        WorkbenchTestSupport.flushEvents();
    }

    static void spin(Duration duration) {
        WorkbenchTestSupport.spin(duration);
    }

    static IProject createProject(String name) throws CoreException {
        return WorkbenchTestSupport.createProject(name);
    }

    static IFile writeFile(IProject project, String name, String contents) throws CoreException {
        return WorkbenchTestSupport.writeFile(project, name, contents);
    }

    static void deleteProject(String name) throws CoreException {
        WorkbenchTestSupport.deleteProject(name);
    }
}
