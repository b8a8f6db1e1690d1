package org.reasonlab.ui.internal.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.reasonlab.core.io.FileErrors;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.group.RunGroup;
import org.reasonlab.core.run.group.RunGroupFile;
import org.reasonlab.core.run.group.Sweep;

/**
 * The run folders of a fine-tuning launch, each with its {@code spec.json}: one, or one per mode and seed of a
 * sweep ({@link Sweep}: {@code runs/<name>-<mode>-seed<N>-<time>}), on this machine or for a compute target.
 *
 * @param folders the run folders, absolute
 * @param group the sweep's group name ({@code <name>-<time>}), null for a single run
 */
public record LaunchRuns(List<Path> folders, String group) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** Creates the run folders; on failure none of them is left behind. */
    public static LaunchRuns create(String configurationName, LaunchSettings settings) throws CoreException {
        Sweep sweep;
        try {
            sweep = settings.sweep();
        } catch (IllegalArgumentException e) {
            throw new CoreException(Status.error(configurationName + ": " + e.getMessage()));
        }
        LocalDateTime now = LocalDateTime.now();
        String name = LaunchSettings.safeName(configurationName);
        String group = sweep.isSweep() ? name + "-" + now.format(STAMP) : null;
        List<Path> folders = new ArrayList<>();
        try {
            for (Sweep.Member member : sweep.members(settings.toSpec(name))) {
                Path folder = settings.runDirectory(name + member.suffix(), now).toAbsolutePath();
                RunDirectory run = new RunDirectory(folder);
                if (run.holdsRun()) { // a run folder holds one run: event logs and checkpoints of two never mix
                    throw new CoreException(Status.error("The run folder " + folder
                            + " already holds a run: clear the Run folder field for a new one, or resume that run."));
                }
                RunSpec spec = member.spec();
                spec.setRunId(LaunchSettings.safeName(folder.getFileName().toString()));
                spec.setCreated(Instant.now());
                List<String> problems = spec.validate();
                if (!problems.isEmpty()) {
                    throw new CoreException(Status.error("Invalid run settings: " + String.join("; ", problems)));
                }
                run.create(spec);
                folders.add(folder);
            }
        } catch (IOException e) {
            remove(folders);
            throw new CoreException(Status.error("Cannot create the run folder: " + FileErrors.describe(e), e));
        } catch (CoreException | RuntimeException e) {
            remove(folders);
            throw e;
        }
        return new LaunchRuns(List.copyOf(folders), group);
    }

    /** Writes the sweep's {@code <group>.group.json} beside its runs; nothing for a single run. */
    public void writeGroup() throws CoreException {
        if (group == null) {
            return;
        }
        try {
            RunGroupFile.write(RunGroup.of(folders.get(0).getParent(), group, RunGroup.Origin.SWEEP, Instant.now(),
                    folders));
        } catch (IOException e) {
            throw new CoreException(Status.error("Cannot write the run group: " + FileErrors.describe(e), e));
        }
    }

    /** Removes run folders whose runs never started (their run files, then the folder when empty). */
    public static void remove(List<Path> folders) {
        for (Path folder : folders) {
            try {
                new RunDirectory(folder).clearRun();
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // a folder with other files stays
            }
        }
    }
}
