package org.reasonlab.core.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.text.StatementKey;
import org.reasonlab.core.text.TextHygiene;

/** Statements present in two dataset files, such as a training set and a test set. */
public final class CrossDatasetLeakage {

    private CrossDatasetLeakage() {
    }

    /**
     * The statements (compared by {@link StatementKey}) that occur in both datasets, one group per
     * statement in the order of first appearance in {@code a}; each group holds all occurrences in
     * {@code a}, then all in {@code b}, with {@link Occurrence#file()} set to the given names.
     * Linear in the size of both.
     *
     * @param nameA how to name the first dataset's file in the occurrences (its path as given)
     * @param nameB the same for the second
     */
    public static List<DuplicateGroup> between(Dataset a, Path nameA, Dataset b, Path nameB) {
        String fileA = nameA == null ? "a" : nameA.toString();
        String fileB = nameB == null ? "b" : nameB.toString();
        Map<String, List<Occurrence>> inB = new HashMap<>();
        for (DatasetRecord r : (Iterable<DatasetRecord>) b.recordStream()::iterator) {
            String key = keyOf(r);
            if (key != null) {
                inB.computeIfAbsent(key, k -> new ArrayList<>(1)).add(DatasetStatistics.occurrence(r, fileB));
            }
        }
        Map<String, List<Occurrence>> common = new LinkedHashMap<>();
        for (DatasetRecord r : (Iterable<DatasetRecord>) a.recordStream()::iterator) {
            String key = keyOf(r);
            if (key != null && inB.containsKey(key)) {
                common.computeIfAbsent(key, k -> new ArrayList<>()).add(DatasetStatistics.occurrence(r, fileA));
            }
        }
        List<DuplicateGroup> groups = new ArrayList<>(common.size());
        for (Map.Entry<String, List<Occurrence>> e : common.entrySet()) {
            List<Occurrence> all = new ArrayList<>(e.getValue());
            all.addAll(inB.get(e.getKey()));
            groups.add(new DuplicateGroup(e.getKey(), all));
        }
        return groups;
    }

    private static String keyOf(DatasetRecord r) {
        if (TextHygiene.isBlank(r.statement())) {
            return null;
        }
        String key = StatementKey.of(r.statement());
        return key.isEmpty() ? null : key;
    }
}
