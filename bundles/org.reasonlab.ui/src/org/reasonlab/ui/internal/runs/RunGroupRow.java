package org.reasonlab.ui.internal.runs;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdaptable;
import org.reasonlab.core.run.folder.RunInfo;
import org.reasonlab.core.run.group.RunGroup;

/**
 * A row of the Runs view for a run group ({@code *.group.json}): its member runs as children. Adapts to the
 * {@link RunGroup} and to its file.
 *
 * @param file the group file in the workspace
 * @param group the group as read
 * @param members the rows of its members found in the workspace, in the file's order
 */
public record RunGroupRow(IFile file, RunGroup group, List<RunRow> members) implements IAdaptable {

    public String name() {
        return group.name() + " (" + group.members().size() + " runs)";
    }

    /** {@code 4 completed, 2 running}; members missing from the workspace count as {@code missing}. */
    public String statusText() {
        Map<String, Integer> counts = new TreeMap<>();
        for (RunRow r : members) {
            counts.merge(r.info().state().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        int missing = group.members().size() - members.size();
        if (missing > 0) {
            counts.put("missing", missing);
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    /** The distinct values of a column over the members, e.g. {@code L, L+R}. */
    public String distinct(java.util.function.Function<RunInfo, String> column) {
        Collection<String> values = members.stream().map(r -> column.apply(r.info())).filter(v -> v != null
                && !v.isEmpty()).distinct().toList();
        return String.join(", ", values);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == RunGroup.class) {
            return adapter.cast(group);
        }
        if (adapter == IFile.class) {
            return adapter.cast(file);
        }
        return null;
    }
}
