package org.reasonlab.core.traces;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

/**
 * Which traced records to keep: by correctness, then by length in words, then by length bucket. Records without a
 * trace are always left out. Kept records are not changed; unparsed lines are kept where they are.
 *
 * @param keep the correctness values kept
 * @param minWords the fewest words a kept trace has, or null
 * @param maxWords the most words a kept trace has, or null
 * @param buckets the bucket scheme {@code bucketNames} name buckets of; null when no bucket is asked for
 * @param bucketNames the buckets kept (a record in any of them); empty for all
 * @param split only records of this split are filtered, the others kept as they are; null to filter all. Filtering
 *        an evaluation split by correctness would keep the records the teacher got right: an easier test.
 */
public record TraceFilter(Set<Correctness> keep, Integer minWords, Integer maxWords, LengthBuckets buckets,
        Set<String> bucketNames, Split split) {

    public TraceFilter {
        keep = Set.copyOf(keep);
        bucketNames = Set.copyOf(bucketNames);
        if (!bucketNames.isEmpty()) {
            Objects.requireNonNull(buckets, "buckets");
            for (String name : bucketNames) {
                if (buckets.named(name).isEmpty()) {
                    throw new IllegalArgumentException("no bucket named '" + name + "'; the buckets are "
                            + String.join(", ", buckets.names()));
                }
            }
        }
    }

    /**
     * @param dataset the filtered dataset: the input's records that passed (or were not filtered), unchanged
     * @param kept records that passed the filter
     * @param notFiltered records of other splits, kept as they are
     * @param dropped records left out, by the first reason that applied (every reason present, possibly 0)
     */
    public record Result(Dataset dataset, int kept, int notFiltered, Map<DropReason, Integer> dropped) {
        public int droppedTotal() {
            return dropped.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** @param judged the dataset's records judged ({@link TracedRecords#of}) */
    public Result apply(Dataset dataset, TracedRecords judged) {
        Map<DatasetRecord, TraceJudgement> judgements = new IdentityHashMap<>();
        judged.traced().forEach(t -> judgements.put(t.record(), t.judgement()));
        Map<DropReason, Integer> dropped = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, 0);
        }
        List<DatasetEntry> entries = new ArrayList<>();
        int kept = 0;
        int notFiltered = 0;
        for (DatasetEntry entry : dataset.entries()) {
            if (!(entry instanceof DatasetRecord record)) {
                entries.add(entry);
                continue;
            }
            if (split != null && record.split() != split) {
                notFiltered++;
                entries.add(entry);
                continue;
            }
            DropReason reason = dropReason(judgements.get(record));
            if (reason == null) {
                kept++;
                entries.add(entry);
            } else {
                dropped.merge(reason, 1, Integer::sum);
            }
        }
        return new Result(new Dataset(dataset.schema(), dataset.layout(), entries), kept, notFiltered, dropped);
    }

    /** Why the record is left out, or null when it is kept. */
    private DropReason dropReason(TraceJudgement judgement) {
        if (judgement == null) {
            return DropReason.NO_TRACE;
        }
        if (!keep.contains(judgement.correctness())) {
            return DropReason.of(judgement.correctness());
        }
        if (minWords != null && judgement.words() < minWords) {
            return DropReason.TOO_SHORT;
        }
        if (maxWords != null && judgement.words() > maxWords) {
            return DropReason.TOO_LONG;
        }
        if (!bucketNames.isEmpty() && !bucketNames.contains(buckets.bucketOf(judgement.words()))) {
            return DropReason.OTHER_BUCKET;
        }
        return null;
    }
}
