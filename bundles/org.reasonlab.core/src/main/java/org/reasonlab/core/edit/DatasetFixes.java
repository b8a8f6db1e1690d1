package org.reasonlab.core.edit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.validate.ProblemKind;

/**
 * Every safe quick fix ({@link RecordFixer}) applied to a whole dataset at once, as
 * {@code reasonlab validate --fix} does. Mojibake is repaired first, then non-breaking spaces are
 * replaced, then whitespace is trimmed, so that a space the earlier fixes uncover is trimmed too.
 * Unparseable lines are not touched.
 */
public final class DatasetFixes {
    private static final List<ProblemKind> ORDER = List.of(ProblemKind.MOJIBAKE, ProblemKind.NON_BREAKING_SPACE,
            ProblemKind.UNTRIMMED_WHITESPACE);

    private DatasetFixes() {
    }

    /**
     * Applies the fixes to the dataset in place.
     *
     * @return how many records each kind of fix changed, in the order applied; kinds that changed
     *         nothing are left out
     */
    public static Map<ProblemKind, Integer> applyAll(Dataset dataset) {
        Map<ProblemKind, Integer> changed = new EnumMap<>(ProblemKind.class);
        for (ProblemKind kind : ORDER) {
            List<EntryReplacement> edits = RecordFixer.replacementsForAll(dataset.entries(), kind);
            edits.forEach(edit -> edit.apply(dataset));
            if (!edits.isEmpty()) {
                changed.put(kind, edits.size());
            }
        }
        return changed;
    }
}
