package org.reasonlab.core.traces;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Correctness and length of a dataset's traces.
 *
 * @param records all records
 * @param untraced records without a trace
 * @param counts traced records by correctness (every value present, possibly 0)
 * @param lengths the lengths of all traced records
 * @param lengthsByCorrectness the lengths of the traced records of each correctness
 * @param buckets the length buckets counted in
 * @param bucketCounts per bucket, in the buckets' order, the traced records in it by correctness
 */
public record TraceStatistics(int records, int untraced, Map<Correctness, Integer> counts, LengthDistribution lengths,
        Map<Correctness, LengthDistribution> lengthsByCorrectness, LengthBuckets buckets,
        Map<String, Map<Correctness, Integer>> bucketCounts) {

    public static TraceStatistics of(TracedRecords judged, LengthBuckets buckets) {
        Map<Correctness, Integer> counts = zeros();
        Map<String, Map<Correctness, Integer>> bucketCounts = new LinkedHashMap<>();
        buckets.names().forEach(name -> bucketCounts.put(name, zeros()));
        for (TracedRecord t : judged.traced()) {
            Correctness c = t.judgement().correctness();
            counts.merge(c, 1, Integer::sum);
            bucketCounts.get(buckets.bucketOf(t.judgement().words())).merge(c, 1, Integer::sum);
        }
        Map<Correctness, LengthDistribution> byCorrectness = new EnumMap<>(Correctness.class);
        for (Correctness c : Correctness.values()) {
            byCorrectness.put(c, LengthDistribution.of(judged.traced().stream()
                    .filter(t -> t.judgement().correctness() == c).mapToInt(t -> t.judgement().words()).toArray()));
        }
        int records = judged.traced().size() + judged.untraced().size();
        return new TraceStatistics(records, judged.untraced().size(), counts, LengthDistribution.of(judged.words()),
                byCorrectness, buckets, bucketCounts);
    }

    private static Map<Correctness, Integer> zeros() {
        Map<Correctness, Integer> map = new EnumMap<>(Correctness.class);
        for (Correctness c : Correctness.values()) {
            map.put(c, 0);
        }
        return map;
    }

    public int traced() {
        return records - untraced;
    }

    public int count(Correctness correctness) {
        return counts.get(correctness);
    }

    /** The traced records in the bucket. */
    public int bucketTotal(String bucket) {
        return bucketCounts.get(bucket).values().stream().mapToInt(Integer::intValue).sum();
    }
}
