package org.reasonlab.core.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets the share of a mixture's last source, the "bias ratio" r of original + augmented data: the last source gets
 * r of the examples and the others share 1 - r in their given proportions. A share of 0 drops a source, so r = 0 is
 * the other sources alone and r = 1 the last source alone.
 */
public final class MixtureShares {
    private MixtureShares() {
    }

    /**
     * @throws IllegalArgumentException when the mixture has fewer than two sources or r is outside [0, 1]
     */
    public static List<MixtureSource> withLastShare(List<MixtureSource> sources, double r) {
        if (sources.size() < 2) {
            throw new IllegalArgumentException("a ratio needs a mixture of two or more sources (the ratio is the last"
                    + " source's share), not " + (sources.isEmpty() ? "none" : "one"));
        }
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException("a ratio is the last source's share, from 0 to 1, not " + r);
        }
        List<MixtureSource> others = sources.subList(0, sources.size() - 1);
        double sum = others.stream().mapToDouble(MixtureSource::ratio).sum();
        List<MixtureSource> out = new ArrayList<>();
        if (r < 1) {
            for (MixtureSource s : others) {
                out.add(s.withRatio((1 - r) * s.ratio() / sum));
            }
        }
        if (r > 0) {
            out.add(sources.get(sources.size() - 1).withRatio(r));
        }
        return out;
    }

    /** The last source's normalised share; null for fewer than two sources. */
    public static Double lastShare(List<MixtureSource> sources) {
        if (sources.size() < 2) {
            return null;
        }
        double sum = sources.stream().mapToDouble(MixtureSource::ratio).sum();
        return sources.get(sources.size() - 1).ratio() / sum;
    }
}
