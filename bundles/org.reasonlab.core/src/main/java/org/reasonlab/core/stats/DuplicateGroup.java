package org.reasonlab.core.stats;

import java.util.List;

/**
 * Records whose statements have the same {@link org.reasonlab.core.text.StatementKey}.
 *
 * @param key the shared key
 * @param occurrences the records, in file order (for two files: the first file's, then the second's)
 */
public record DuplicateGroup(String key, List<Occurrence> occurrences) {

    public DuplicateGroup {
        occurrences = List.copyOf(occurrences);
    }

    /** Whether the occurrences disagree on the label. */
    public boolean conflictingLabels() {
        return occurrences.stream().map(o -> String.valueOf(o.label())).distinct().count() > 1;
    }
}
