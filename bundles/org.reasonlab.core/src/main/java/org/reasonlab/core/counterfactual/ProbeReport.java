package org.reasonlab.core.counterfactual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.reasonlab.core.compare.Proportion;

/**
 * How far a model's judgements move when only an irrelevant attribute changes: over the pairs of a record and its
 * counterfactual variant, the share whose predicted label flips (overall, per attribute value, per substitution
 * pair), whose generated reason's verdict flips, and whose most likely label flips; each with its counts; and how far
 * the labels' probabilities shift ({@link LikelihoodShift}, overall, per value, per pair); on all pairs and on those
 * whose record was not a training record.
 *
 * @param pairs the pairs, in order
 */
public record ProbeReport(List<ProbePair> pairs) {
    public ProbeReport {
        pairs = List.copyOf(pairs);
    }

    /** The pairs on all records, or ({@code clean}) on those not marked leaked. */
    public List<ProbePair> selected(boolean clean) {
        return pairs.stream().filter(p -> !clean || !p.leaked()).toList();
    }

    /** Pairs whose predicted label flips. */
    public Proportion labelFlips(boolean clean) {
        return count(selected(clean), ProbePair::labelFlipped);
    }

    /** Pairs whose generated reasons' verdict flips, of those where both reasons state one. */
    public Proportion reasonFlips(boolean clean) {
        return countOptional(selected(clean), ProbePair::reasonFlipped);
    }

    /** Pairs whose most likely label flips, of those where it was measured for both. */
    public Proportion likelihoodFlips(boolean clean) {
        return countOptional(selected(clean), ProbePair::likelihoodFlipped);
    }

    /** Label flips per attribute value of the variant, sorted by value. */
    public Map<String, Proportion> labelFlipsByValue(boolean clean) {
        return grouped(clean, p -> List.of(p.value()));
    }

    /** Label flips per substitution pair ({@code he→she}), sorted; a variant counts once for each of its pairs. */
    public Map<String, Proportion> labelFlipsByPair(boolean clean) {
        return grouped(clean, ProbePair::pairs);
    }

    /** The shift of the labels' probabilities, over the pairs where it was measured for both. */
    public LikelihoodShift likelihoodShift(boolean clean) {
        return LikelihoodShift.of(selected(clean));
    }

    /** The likelihood shift per attribute value of the variant, sorted by value. */
    public Map<String, LikelihoodShift> likelihoodShiftByValue(boolean clean) {
        return grouped(clean, p -> List.of(p.value()), LikelihoodShift::of);
    }

    /** The likelihood shift per substitution pair, sorted; a variant counts once for each of its pairs. */
    public Map<String, LikelihoodShift> likelihoodShiftByPair(boolean clean) {
        return grouped(clean, ProbePair::pairs, LikelihoodShift::of);
    }

    private Map<String, Proportion> grouped(boolean clean, Function<ProbePair, List<String>> keys) {
        return grouped(clean, keys, ps -> count(ps, ProbePair::labelFlipped));
    }

    private <T> Map<String, T> grouped(boolean clean, Function<ProbePair, List<String>> keys,
            Function<List<ProbePair>, T> figure) {
        Map<String, List<ProbePair>> groups = new TreeMap<>();
        for (ProbePair p : selected(clean)) {
            for (String k : keys.apply(p)) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
            }
        }
        Map<String, T> out = new LinkedHashMap<>();
        groups.forEach((k, ps) -> out.put(k, figure.apply(ps)));
        return out;
    }

    /** The pairs whose predicted label flips, for browsing both statements and both reasons side by side. */
    public List<ProbePair> flipped(boolean clean) {
        return selected(clean).stream().filter(ProbePair::labelFlipped).toList();
    }

    private static Proportion count(List<ProbePair> ps, java.util.function.Predicate<ProbePair> flipped) {
        return new Proportion((int) ps.stream().filter(flipped).count(), ps.size());
    }

    private static Proportion countOptional(List<ProbePair> ps, Function<ProbePair, Boolean> flipped) {
        int n = 0;
        int k = 0;
        for (ProbePair p : ps) {
            Boolean f = flipped.apply(p);
            if (f != null) {
                n++;
                k += f ? 1 : 0;
            }
        }
        return new Proportion(k, n);
    }
}
