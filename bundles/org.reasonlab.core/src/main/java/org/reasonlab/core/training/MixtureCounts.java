package org.reasonlab.core.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How many of a mixture's {@code total} examples each source gives: its normalised share, rounded by largest remainder. */
public final class MixtureCounts {
    private MixtureCounts() {
    }

    /** One count per source, in order, summing to {@code total}; ties in the remainders go to the earlier source. */
    public static int[] of(List<MixtureSource> sources, int total) {
        double sum = sources.stream().mapToDouble(MixtureSource::ratio).sum();
        int[] counts = new int[sources.size()];
        double[] rest = new double[sources.size()];
        int given = 0;
        for (int i = 0; i < counts.length; i++) {
            double exact = total * sources.get(i).ratio() / sum;
            counts[i] = (int) Math.floor(exact);
            rest[i] = exact - counts[i];
            given += counts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -rest[i]).thenComparingInt(i -> i));
        for (int k = 0; given < total; k++, given++) {
            counts[order.get(k % order.size())]++;
        }
        return counts;
    }
}
