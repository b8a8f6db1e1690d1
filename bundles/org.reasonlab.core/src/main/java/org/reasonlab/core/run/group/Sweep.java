package org.reasonlab.core.run.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunSettings;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.training.MixtureShares;
import org.reasonlab.core.training.TrainingVariant;

/**
 * The runs of a launch: one per mode, mixture ratio, consistency weight and seed (in that order, seeds innermost).
 * A ratio is the share of the mixture's last source ({@link MixtureShares}: the "bias ratio" of original +
 * augmented data); a lambda is the consistency weight of counterfactual training. A launch with one of each is a
 * single run, not a sweep. Every run of a sweep keeps the base spec's split seed (its own seed when none is set), so
 * that all of them hold out, sample and are evaluated on the same records: paired comparisons need that.
 *
 * @param modes the modes; empty keeps the base spec's
 * @param seeds the seeds; empty keeps the base spec's
 * @param ratios the last mixture source's shares, each from 0 to 1; empty keeps the base spec's mixture
 * @param lambdas the consistency weights; empty keeps the base spec's
 */
public record Sweep(List<TrainingMode> modes, List<Long> seeds, List<Double> ratios, List<Double> lambdas) {
    public Sweep {
        modes = List.copyOf(modes);
        seeds = List.copyOf(seeds);
        ratios = List.copyOf(ratios);
        lambdas = List.copyOf(lambdas);
        once(modes, "mode");
        once(seeds, "seed");
        once(ratios, "ratio");
        once(lambdas, "lambda");
        for (double r : ratios) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("a ratio is the last mixture source's share, from 0 to 1, not "
                        + (Double.isFinite(r) ? TrainingVariant.compact(r) : Double.toString(r)));
            }
        }
        for (double l : lambdas) {
            if (!(l >= 0 && l <= RunSettings.MAX_CONSISTENCY_WEIGHT)) {
                throw new IllegalArgumentException("a lambda (consistency weight) is from 0 to "
                        + (int) RunSettings.MAX_CONSISTENCY_WEIGHT + ", not " + l);
            }
        }
    }

    /** A sweep over modes and seeds. */
    public Sweep(List<TrainingMode> modes, List<Long> seeds) {
        this(modes, seeds, List.of(), List.of());
    }

    private static void once(List<?> values, String what) {
        if (values.size() != values.stream().distinct().count()) {
            throw new IllegalArgumentException("a " + what + " is listed twice: " + values);
        }
    }

    /** One run of the sweep: its spec and the suffix of its folder name ({@code -lr-seed2}; empty for one run). */
    public record Member(RunSpec spec, String suffix) {
    }

    public boolean isSweep() {
        return modes.size() > 1 || seeds.size() > 1 || ratios.size() > 1 || lambdas.size() > 1;
    }

    /** The folder-name part of a mode: {@code l}, {@code lr}, {@code rl}. */
    public static String modeName(TrainingMode mode) {
        return mode.id().replace("+", "").replace("->", "");
    }

    /**
     * What the base spec lacks for this sweep: ratios need a mixture of two or more sources, lambdas above 0 an
     * attribute set; null when nothing.
     */
    public String problemWith(RunSpec base) {
        if (!ratios.isEmpty() && base.mixture().size() < 2) {
            return "Ratios set the share of the mixture's last source: the run needs a mixture of two or more sources";
        }
        if (lambdas.stream().anyMatch(l -> l > 0) && base.counterfactualAttributes() == null) {
            return "Lambdas weigh the counterfactual consistency term: the run needs counterfactual attributes";
        }
        return null;
    }

    /**
     * The specs of the runs, copies of {@code base} with mode, mixture, consistency weight, seed and (in a sweep)
     * split seed set.
     *
     * @throws IllegalArgumentException with {@link #problemWith} when the base spec does not fit the sweep
     */
    public List<Member> members(RunSpec base) {
        String problem = problemWith(base);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        List<Member> out = new ArrayList<>();
        for (TrainingMode mode : orNull(modes)) {
            for (Double ratio : orNull(ratios)) {
                for (Double lambda : orNull(lambdas)) {
                    for (Long seed : orNull(seeds)) {
                        out.add(member(base, mode, ratio, lambda, seed));
                    }
                }
            }
        }
        return out;
    }

    private Member member(RunSpec base, TrainingMode mode, Double ratio, Double lambda, Long seed) {
        RunSpec spec = base.copy();
        if (mode != null) {
            spec.setMode(mode);
        }
        if (ratio != null) {
            spec.setMixture(MixtureShares.withLastShare(base.mixture(), ratio));
        }
        if (lambda != null) {
            spec.setConsistencyWeight(lambda);
            if (lambda == 0 && !spec.counterfactualAugment()) {
                spec.setCounterfactualAttributes(null); // lambda 0 without variants: no counterfactual training
            }
        }
        if (seed != null) {
            spec.setSeed(seed);
        }
        String suffix = "";
        if (isSweep()) {
            if (spec.splitSeed() == null) {
                spec.setSplitSeed(base.seed());
            }
            suffix = (modes.size() > 1 ? "-" + modeName(spec.mode()) : "")
                    + (ratios.size() > 1 ? "-ratio" + TrainingVariant.compact(ratio) : "")
                    + (lambdas.size() > 1 ? "-lambda" + TrainingVariant.compact(lambda) : "")
                    + (seeds.size() > 1 ? "-seed" + spec.seed() : "");
        }
        return new Member(spec, suffix);
    }

    private static <T> List<T> orNull(List<T> values) {
        return values.isEmpty() ? Collections.singletonList(null) : values;
    }
}
