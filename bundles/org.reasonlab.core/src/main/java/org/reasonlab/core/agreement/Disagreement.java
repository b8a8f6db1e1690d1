package org.reasonlab.core.agreement;

import java.util.List;
import java.util.Objects;

/**
 * A record whose annotators gave different labels.
 *
 * @param recordId the record's id, may be null
 * @param entryIndex the record's position in the dataset's entries, to open it in an editor
 * @param line the record's line in its file, 0 when not read from a file
 * @param ratings each annotator's label and reason, by annotator name
 * @param finalLabel the record's own label, resolved through the schema; null when it has none
 * @param majorityLabel the label most annotators gave; null when two or more labels tie
 */
public record Disagreement(String recordId, int entryIndex, int line, List<Rating> ratings, String finalLabel,
        String majorityLabel) {

    public Disagreement {
        ratings = List.copyOf(ratings);
    }

    /** True when there is a majority and the record's final label is not it (or is missing). */
    public boolean finalDiffersFromMajority() {
        return majorityLabel != null && !Objects.equals(majorityLabel, finalLabel);
    }
}
