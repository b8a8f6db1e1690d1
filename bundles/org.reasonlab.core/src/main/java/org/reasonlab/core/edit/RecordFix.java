package org.reasonlab.core.edit;

import java.util.Objects;

import org.reasonlab.core.validate.ProblemKind;

/**
 * A request to fix one record for one kind of problem, as a validation problem (or a Problems view marker) describes it.
 *
 * @param entryIndex the entry's index in {@code Dataset.entries()} when the problem was found
 * @param recordId the record's id, or null when it has none; used to find the record again when
 *        entries moved since (see {@link RecordFixer#locate})
 * @param kind the kind of problem to fix, one {@link RecordFixer#canFix} accepts
 */
public record RecordFix(int entryIndex, String recordId, ProblemKind kind) {

    public RecordFix {
        Objects.requireNonNull(kind, "kind");
    }
}
