package org.reasonlab.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The records of one split of a dataset, by the one rule training and evaluation share: the
 * records assigned to the split, or every record when the dataset assigns no split at all (a file
 * without splits is one undivided set, so it is trained and evaluated on as a whole).
 *
 * @param split   the split asked for; null asks for every record
 * @param records the split's records in file order
 * @param all     whether {@code records} are all of the dataset's records because no split was asked
 *                for or the dataset assigns none
 */
public record SplitRecords(Split split, List<DatasetRecord> records, boolean all) {
    /** The name of the whole dataset where a split's name is written ({@code metrics.json}). */
    public static final String ALL = "all";

    /** The records of {@code split} in {@code dataset}; all records when the dataset assigns no split or {@code split} is null. */
    public static SplitRecords of(Dataset dataset, Split split) {
        List<DatasetRecord> records = dataset.records();
        if (split == null || records.stream().allMatch(r -> r.split() == null)) {
            return new SplitRecords(split, records, true);
        }
        return new SplitRecords(split, records.stream().filter(r -> r.split() == split).toList(), false);
    }

    /**
     * A seeded random sample of {@code size} of these records, in file order, by the one rule training's evaluation
     * and {@code eval --sample} share: the record indices shuffled by {@code java.util.Random(seed)}, the first
     * {@code size} taken. The same records, seed and size always give the same sample; all records when {@code size}
     * is null or not below their number.
     */
    public SplitRecords sample(Integer size, long seed) {
        return size == null || size >= records.size() ? this : new SplitRecords(split, sample(records, size, seed), all);
    }

    /** {@link #sample(Integer, long)} of any records. */
    public static List<DatasetRecord> sample(List<DatasetRecord> records, Integer size, long seed) {
        if (size == null || size >= records.size()) {
            return records;
        }
        return sampleIndices(records.size(), size, seed).stream().map(records::get).toList();
    }

    /** The sample's rule: indices 0..count-1 shuffled by {@code java.util.Random(seed)}, the first {@code size}, sorted. */
    public static List<Integer> sampleIndices(int count, int size, long seed) {
        List<Integer> indices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, new Random(seed));
        List<Integer> chosen = new ArrayList<>(indices.subList(0, Math.max(0, Math.min(size, count))));
        Collections.sort(chosen);
        return chosen;
    }

    /** The split's id, or {@value #ALL} when the records are the whole dataset. */
    public String name() {
        return all ? ALL : split.id();
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    public int size() {
        return records.size();
    }
}
