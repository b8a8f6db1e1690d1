package org.reasonlab.core.compare;

import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.significance.McNemarTest;

/**
 * Two runs' predictions on the same evaluation items: the keys both runs answered whose statement and gold label
 * also agree (a key alone may be a line number, {@code #n}, or an id reused for another record), in the first run's
 * order; on the leakage-free records ({@code clean}) only the items neither run marks leaked.
 *
 * @param keys the shared item keys
 * @param first the first run's prediction for each key
 * @param second the second run's prediction for each key
 * @param mismatched keys both runs have whose statement or gold label differ: not the same item, left out
 */
public record PairedItems(List<String> keys, List<Prediction> first, List<Prediction> second, int mismatched) {
    public PairedItems {
        keys = List.copyOf(keys);
        first = List.copyOf(first);
        second = List.copyOf(second);
    }

    public static PairedItems of(RunOutcomes a, RunOutcomes b, boolean clean) {
        List<String> keys = new ArrayList<>();
        List<Prediction> first = new ArrayList<>();
        List<Prediction> second = new ArrayList<>();
        int mismatched = 0;
        for (var e : a.predictions().entrySet()) {
            Prediction p = e.getValue();
            Prediction q = b.predictions().get(e.getKey());
            if (q == null) {
                continue;
            }
            if (!sameItem(p, q)) {
                mismatched++;
            } else if (!clean || !p.leaked() && !q.leaked()) {
                keys.add(e.getKey());
                first.add(p);
                second.add(q);
            }
        }
        return new PairedItems(keys, first, second, mismatched);
    }

    private static boolean sameItem(Prediction p, Prediction q) {
        return java.util.Objects.equals(p.goldLabel(), q.goldLabel())
                && java.util.Objects.equals(strip(p.statement()), strip(q.statement()));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    public int size() {
        return keys.size();
    }

    public boolean[] firstCorrect() {
        return correct(first);
    }

    public boolean[] secondCorrect() {
        return correct(second);
    }

    private static boolean[] correct(List<Prediction> ps) {
        boolean[] out = new boolean[ps.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ps.get(i).correct();
        }
        return out;
    }

    /** The positions where exactly one of the two runs is right: the discordant pairs. */
    public List<Integer> discordant() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (first.get(i).correct() != second.get(i).correct()) {
                out.add(i);
            }
        }
        return out;
    }

    /** McNemar's exact test: b = items the first run got right and the second wrong, c the reverse. */
    public McNemarTest mcNemar() {
        int b = 0;
        int c = 0;
        for (int i = 0; i < keys.size(); i++) {
            boolean x = first.get(i).correct();
            boolean y = second.get(i).correct();
            b += x && !y ? 1 : 0;
            c += !x && y ? 1 : 0;
        }
        return McNemarTest.of(b, c);
    }

    public List<String> gold() {
        return first.stream().map(Prediction::goldLabel).toList();
    }

    public List<String> firstPredicted() {
        return first.stream().map(Prediction::predictedLabel).toList();
    }

    public List<String> secondPredicted() {
        return second.stream().map(Prediction::predictedLabel).toList();
    }
}
