package org.reasonlab.ui.internal.markers;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceRuleFactory;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.MultiRule;
import org.reasonlab.core.edit.EntryReplacement;
import org.reasonlab.core.edit.RecordFix;
import org.reasonlab.core.edit.RecordFixer;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.validate.ProblemKind;

/**
 * Applies quick fixes directly to a dataset file, for when no dataset editor is there to apply
 * them undoably: loads the file with {@link DatasetLoader}, applies the {@link RecordFixer} edits
 * and saves with {@link DatasetSaver} (atomically; unparseable lines are written back byte for
 * byte), then refreshes the file so the builder revalidates it. Nothing is written when no record
 * changes.
 */
public final class DatasetFileFixer {
    private DatasetFileFixer() {
    }

    /** Applies the fixes to the file on disk; returns how many records changed. */
    public static int fix(IFile file, List<RecordFix> fixes, IProgressMonitor monitor) throws CoreException {
        return rewrite(file, entries -> RecordFixer.replacements(entries, fixes), monitor);
    }

    /** Fixes this kind of problem in every record of the file on disk; returns how many records changed. */
    public static int fixAll(IFile file, ProblemKind kind, IProgressMonitor monitor) throws CoreException {
        return rewrite(file, entries -> RecordFixer.replacementsForAll(entries, kind), monitor);
    }

    private static int rewrite(IFile file, Function<List<DatasetEntry>, List<EntryReplacement>> editsFor,
            IProgressMonitor monitor) throws CoreException {
        IPath location = file.getLocation();
        if (!file.exists() || location == null) {
            throw new CoreException(Status.error(file.getFullPath() + " does not exist in the local file system"));
        }
        IWorkspace workspace = file.getWorkspace();
        IResourceRuleFactory rules = workspace.getRuleFactory();
        int[] changed = {0};
        workspace.run(m -> {
            SubMonitor progress = SubMonitor.convert(m, "Fixing " + file.getName(), 10);
            try {
                Dataset dataset = DatasetLoader.load(location.toPath()).dataset();
                progress.worked(4);
                List<EntryReplacement> edits = editsFor.apply(dataset.entries());
                if (edits.isEmpty()) {
                    return;
                }
                for (EntryReplacement edit : edits) {
                    edit.apply(dataset);
                }
                DatasetSaver.save(dataset, location.toPath());
                changed[0] = edits.size();
                progress.worked(4);
            } catch (IOException e) {
                throw new CoreException(Status.error("Could not fix " + file.getFullPath() + ": "
                        + DatasetFileValidator.describe(e), e));
            }
            file.refreshLocal(IResource.DEPTH_ZERO, progress.split(2));
        }, MultiRule.combine(rules.modifyRule(file), rules.refreshRule(file)), IWorkspace.AVOID_UPDATE, monitor);
        return changed[0];
    }
}
