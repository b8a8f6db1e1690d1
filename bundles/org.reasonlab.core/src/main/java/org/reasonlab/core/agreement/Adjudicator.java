package org.reasonlab.core.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import com.google.gson.JsonObject;
import org.reasonlab.core.edit.EntryReplacement;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;

/**
 * A curator settling records' final label and reason. Each decision is an {@link EntryReplacement}
 * (not yet applied): a copy of the record with the new label and reason and an
 * {@link AdjudicationStamp} in its metadata replaces the record, so {@code apply} makes the
 * decision and {@code revert} restores the record as it was, stamp included, as the editor's
 * undo history expects. The record's annotations are left as they are.
 */
public final class Adjudicator {
    private final String curator;
    private final Clock clock;

    public Adjudicator(String curator) {
        this(curator, Clock.systemUTC());
    }

    /** @param clock where the decision time comes from (a fixed clock in tests) */
    public Adjudicator(String curator, Clock clock) {
        if (curator == null || curator.isBlank()) {
            throw new IllegalArgumentException("the curator needs a name");
        }
        this.curator = curator.strip();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adopts an annotator's label and reason as the record's final ones: their last labelled
     * annotation of the record, the one {@link RatingsMatrix} counts. A null reason is adopted as
     * null.
     *
     * @throws IllegalArgumentException when the entry is not a record or the annotator did not label it
     */
    public EntryReplacement adopt(Dataset dataset, int entryIndex, String annotator) {
        DatasetRecord before = recordAt(dataset, entryIndex);
        Annotation chosen = lastLabelled(before.annotations(), annotator);
        if (chosen == null) {
            throw new IllegalArgumentException(annotator + " did not label record " + describe(before, entryIndex));
        }
        String label = RatingsMatrix.resolve(dataset.schema(), chosen.label());
        return decide(before, entryIndex, label, chosen.reason(),
                new AdjudicationStamp(curator, now(), AdjudicationStamp.FROM_ANNOTATOR, annotator));
    }

    /**
     * Sets a label and reason the curator chose. The label must be one the dataset's schema knows
     * (a name or an alias; the canonical name is stored), so a typo cannot become a new label.
     *
     * @throws IllegalArgumentException when the entry is not a record or the label is not in the schema
     */
    public EntryReplacement write(Dataset dataset, int entryIndex, String label, String reason) {
        DatasetRecord before = recordAt(dataset, entryIndex);
        String canonical = dataset.schema().resolve(label).orElseThrow(() -> new IllegalArgumentException(
                "'" + label + "' is not a label of this dataset; expected one of " + dataset.schema().names()));
        return decide(before, entryIndex, canonical, reason,
                new AdjudicationStamp(curator, now(), AdjudicationStamp.FROM_CURATOR, null));
    }

    private static EntryReplacement decide(DatasetRecord before, int entryIndex, String label, String reason,
            AdjudicationStamp stamp) {
        DatasetRecord after = before.copy(); // metadata deep-copied: before stays a valid snapshot for undo
        after.setLabel(label);
        after.setReason(reason);
        JsonObject metadata = after.metadata() == null ? new JsonObject() : after.metadata();
        metadata.add(AdjudicationStamp.METADATA_KEY, stamp.toJson());
        after.setMetadata(metadata);
        return new EntryReplacement(entryIndex, before, after);
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static DatasetRecord recordAt(Dataset dataset, int entryIndex) {
        DatasetEntry entry = dataset.entries().get(entryIndex);
        if (!(entry instanceof DatasetRecord record)) {
            throw new IllegalArgumentException("entry " + entryIndex + " (line " + entry.sourceLine()
                    + ") is an unparsed line, not a record");
        }
        return record;
    }

    private static Annotation lastLabelled(List<Annotation> annotations, String annotator) {
        for (int i = annotations.size() - 1; i >= 0; i--) {
            Annotation a = annotations.get(i);
            if (a.annotator().equals(annotator) && a.label() != null && !a.label().isBlank()) {
                return a;
            }
        }
        return null;
    }

    private static String describe(DatasetRecord record, int entryIndex) {
        return record.id() != null ? "'" + record.id() + "'" : "at entry " + entryIndex;
    }
}
