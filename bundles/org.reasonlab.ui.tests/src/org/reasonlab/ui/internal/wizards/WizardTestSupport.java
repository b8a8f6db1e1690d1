package org.reasonlab.ui.internal.wizards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.reasonlab.ui.internal.WorkbenchTestSupport;

/** Helpers for the wizard tests, which run on the UI thread of a workbench. */
final class WizardTestSupport {
    private WizardTestSupport() {
    }

    static IWorkbenchWindow window() {
        return WorkbenchTestSupport.window();
    }

    static Shell shell() {
        return window().getShell();
    }

    static IWorkbenchPage page() {
        return WorkbenchTestSupport.page();
    }

    /** Opens the wizard's dialog without blocking, so that all its pages and their controls exist. */
    static WizardDialog open(IWizard wizard) {
        WizardDialog dialog = new WizardDialog(shell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        flushEvents();
        return dialog;
    }

    static void flushEvents() {
        WorkbenchTestSupport.flushEvents();
    }

    static IProject createProject(String name) throws CoreException {
        return WorkbenchTestSupport.createProject(name);
    }

    static void deleteProject(String name) throws CoreException {
        WorkbenchTestSupport.deleteProject(name);
    }

    static IFile writeFile(IProject project, String name, String contents) throws CoreException {
        return WorkbenchTestSupport.writeFile(project, name, contents);
    }

    /** The file's bytes on disk, as UTF-8. */
    static String read(IFile file) throws IOException {
        return Files.readString(file.getLocation().toPath(), StandardCharsets.UTF_8);
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The messages of a status and its children, in order. */
    static List<String> messages(IStatus status) {
        List<String> messages = new ArrayList<>();
        messages.add(status.getMessage());
        for (IStatus child : status.getChildren()) {
            messages.addAll(messages(child));
        }
        return messages;
    }

    /** Answers the wizard's questions as told and records what it was asked and told. */
    static final class RecordingPrompter implements WizardPrompter {
        boolean replace;
        final List<List<String>> asked = new ArrayList<>();
        final List<String> reportedMessages = new ArrayList<>();
        final List<IStatus> reported = new ArrayList<>();

        @Override
        public boolean confirmReplace(Shell shell, String title, List<String> existingFiles) {
            asked.add(List.copyOf(existingFiles));
            return replace;
        }

        @Override
        public void report(Shell shell, String title, String message, IStatus status) {
            reportedMessages.add(message);
            reported.add(status);
        }
    }
}
