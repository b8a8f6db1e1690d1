package org.reasonlab.core.run.group;

import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunSpec;

/**
 * The runs of a launch: one per mode and seed (modes outer, seeds inner). A launch with one mode and one seed is a
 * single run, not a sweep. Every run of a sweep keeps the base spec's split seed (its own seed when none is set), so
 * that all of them hold out, sample and are evaluated on the same records: paired comparisons need that.
 *
 * @param modes the modes; empty keeps the base spec's
 * @param seeds the seeds; empty keeps the base spec's
 */
public record Sweep(List<TrainingMode> modes, List<Long> seeds) {
    public Sweep {
        modes = List.copyOf(modes);
        seeds = List.copyOf(seeds);
        if (modes.size() != modes.stream().distinct().count()) {
            throw new IllegalArgumentException("a mode is listed twice: " + modes);
        }
        if (seeds.size() != seeds.stream().distinct().count()) {
            throw new IllegalArgumentException("a seed is listed twice: " + seeds);
        }
    }

    /** One run of the sweep: its spec and the suffix of its folder name ({@code -lr-seed2}; empty for one run). */
    public record Member(RunSpec spec, String suffix) {
    }

    public boolean isSweep() {
        return modes.size() > 1 || seeds.size() > 1;
    }

    /** The folder-name part of a mode: {@code l}, {@code lr}, {@code rl}. */
    public static String modeName(TrainingMode mode) {
        return mode.id().replace("+", "").replace("->", "");
    }

    /** The specs of the runs, copies of {@code base} with mode, seed and (in a sweep) split seed set. */
    public List<Member> members(RunSpec base) {
        List<TrainingMode> ms = modes.isEmpty() ? java.util.Collections.singletonList(null) : modes;
        List<Long> ss = seeds.isEmpty() ? java.util.Collections.singletonList(null) : seeds;
        List<Member> out = new ArrayList<>();
        for (TrainingMode mode : ms) {
            for (Long seed : ss) {
                RunSpec spec = base.copy();
                if (mode != null) {
                    spec.setMode(mode);
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
                            + (seeds.size() > 1 ? "-seed" + spec.seed() : "");
                }
                out.add(new Member(spec, suffix));
            }
        }
        return out;
    }
}
