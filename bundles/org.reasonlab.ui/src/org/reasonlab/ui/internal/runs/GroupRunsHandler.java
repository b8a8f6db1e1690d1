package org.reasonlab.ui.internal.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.run.group.RunGroup;
import org.reasonlab.core.run.group.RunGroupFile;
import org.reasonlab.ui.internal.WorkspaceRefresh;
import org.reasonlab.ui.internal.launch.LaunchSettings;

/**
 * Saves the selected runs as a run group: asks for a name and writes {@code <name>.group.json} in the folder of the
 * first run (an existing group of that name is not overwritten).
 */
public class GroupRunsHandler extends RunHandler {
    @Override
    protected Object execute(ExecutionEvent event, List<SelectedRun> runs) throws ExecutionException {
        Path folder = runs.get(0).info().folder().toAbsolutePath().getParent();
        InputDialog dialog = new InputDialog(HandlerUtil.getActiveShell(event), "Group Runs",
                "Name of the group of " + runs.size() + " runs (saved as NAME" + RunGroupFile.SUFFIX + " in " + folder
                        + "):", "experiment", text -> problem(folder, text));
        if (dialog.open() != Window.OK) {
            return null;
        }
        return create(folder, dialog.getValue(), runs.stream().map(r -> r.info().folder()).toList(), event);
    }

    private static String problem(Path folder, String name) {
        if (name.isBlank() || !LaunchSettings.safeName(name).equals(name)) {
            return "Use letters, digits, '.', '_' and '-' (starting and ending with a letter or digit).";
        }
        return Files.exists(folder.resolve(name + RunGroupFile.SUFFIX)) ? "A group of that name exists already." : null;
    }

    private static RunGroup create(Path folder, String name, List<Path> members, ExecutionEvent event) {
        RunGroup group = RunGroup.of(folder, name, RunGroup.Origin.SELECTION, Instant.now(), members);
        try {
            RunGroupFile.write(group);
            WorkspaceRefresh.soon(group.file());
            return group;
        } catch (IOException e) {
            error(event, "Group Runs", "Cannot save the group: " + FileErrors.describe(e));
            return null;
        }
    }
}
