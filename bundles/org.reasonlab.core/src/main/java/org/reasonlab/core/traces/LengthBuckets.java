package org.reasonlab.core.traces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Trace lengths (words) in buckets, each a range of whole numbers of words, both ends included; every length is in
 * exactly one bucket. Either
 * <ul>
 * <li>{@link #tertiles}: {@code short}, {@code medium} and {@code long}, split at the data's tertiles (type 7
 * quantiles at 1/3 and 2/3, rounded down to whole words), so about a third of the traces each (ties can make one
 * bigger), or</li>
 * <li>{@link #fixed}: upper edges given, e.g. 50, 100, 200 gives {@code 0-50}, {@code 51-100}, {@code 101-200} and
 * {@code 201+}.</li>
 * </ul>
 */
public final class LengthBuckets {

    /**
     * One bucket.
     *
     * @param name {@code short}, ... or {@code 0-50}, ...
     * @param min the fewest words in it
     * @param max the most words in it, or null for no limit; below {@code min} for a bucket that ties left empty
     */
    public record Bucket(String name, int min, Integer max) {
        public boolean contains(int words) {
            return words >= min && (max == null || words <= max);
        }

        /** The range as text: {@code 0-14}, {@code 27+}, or {@code none} for an empty bucket. */
        public String range() {
            if (max == null) {
                return min + "+";
            }
            return max < min ? "none" : min + "-" + max;
        }
    }

    private final boolean tertiles;
    private final List<Bucket> buckets;

    private LengthBuckets(boolean tertiles, List<Bucket> buckets) {
        this.tertiles = tertiles;
        this.buckets = List.copyOf(buckets);
    }

    /** Short, medium and long by the tertiles of the lengths given (all three start at 0 words when there are none). */
    public static LengthBuckets tertiles(int[] words) {
        int[] sorted = words.clone();
        Arrays.sort(sorted);
        int first = sorted.length == 0 ? 0 : (int) Math.floor(LengthDistribution.quantile(sorted, 1.0 / 3));
        int second = sorted.length == 0 ? 0 : (int) Math.floor(LengthDistribution.quantile(sorted, 2.0 / 3));
        return new LengthBuckets(true, List.of(new Bucket("short", 0, first), new Bucket("medium", first + 1, second),
                new Bucket("long", second + 1, null)));
    }

    /** @param edges the upper edges, increasing, none negative; at least one */
    public static LengthBuckets fixed(List<Integer> edges) {
        if (edges.isEmpty() || !increasing(edges) || edges.get(0) < 0) {
            throw new IllegalArgumentException("bucket edges must be increasing whole numbers of words, not " + edges);
        }
        List<Bucket> buckets = new ArrayList<>();
        int min = 0;
        for (int edge : edges) {
            buckets.add(new Bucket(min + "-" + edge, min, edge));
            min = edge + 1;
        }
        buckets.add(new Bucket(min + "+", min, null));
        return new LengthBuckets(false, buckets);
    }

    /** Edges as a user types them, {@code 50,100,200}; empty when that is not increasing whole numbers from 0 up. */
    public static Optional<List<Integer>> parseEdges(String text) {
        List<Integer> edges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                edges.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return edges.get(0) >= 0 && increasing(edges) ? Optional.of(List.copyOf(edges)) : Optional.empty();
    }

    private static boolean increasing(List<Integer> edges) {
        for (int i = 1; i < edges.size(); i++) {
            if (edges.get(i) <= edges.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    public List<Bucket> buckets() {
        return buckets;
    }

    /** The name of the bucket the length is in. */
    public String bucketOf(int words) {
        return buckets.stream().filter(b -> b.contains(words)).findFirst().orElseThrow().name();
    }

    public Optional<Bucket> named(String name) {
        return buckets.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return buckets.stream().map(Bucket::name).toList();
    }

    /** {@code tertiles} or {@code fixed}. */
    public String scheme() {
        return tertiles ? "tertiles" : "fixed";
    }
}
