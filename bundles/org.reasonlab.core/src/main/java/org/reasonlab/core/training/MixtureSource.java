package org.reasonlab.core.training;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One dataset of a training mixture and the mitigations applied to its examples.
 *
 * @param dataset the dataset file, or {@value #SELF} for the run's own dataset
 * @param ratio its share of the mixture's examples (shares are normalised over the sources), above 0
 * @param tag token-based mitigation: its examples' prompts start with {@code [name]} ({@link #tagText()}); the
 *        evaluation never shows a tag
 * @param lossWeight loss-based mitigation: the weight of its examples' answer tokens in the loss (1 = as the others)
 * @param maskAttributes mask-based mitigation: an attribute set ({@code builtin:gender} or a file) whose words in
 *        its examples' answers get no loss; null for none
 */
public record MixtureSource(String dataset, double ratio, boolean tag, double lossWeight, String maskAttributes) {
    public static final String SELF = "self";

    public MixtureSource {
        Objects.requireNonNull(dataset, "dataset");
        maskAttributes = maskAttributes == null || maskAttributes.isBlank() ? null : maskAttributes.strip();
    }

    /** A source without mitigations. */
    public static MixtureSource plain(String dataset, double ratio) {
        return new MixtureSource(dataset, ratio, false, 1.0, null);
    }

    public boolean isSelf() {
        return SELF.equals(dataset);
    }

    /** {@value #SELF}, or the dataset's file name without its extension: what tags and counts call it. */
    public String name() {
        if (isSelf()) {
            return SELF;
        }
        Path file = Path.of(dataset).getFileName();
        String name = file == null ? dataset : file.toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    }

    /** The prompt prefix of a tagged source's examples. */
    public String tagText() {
        return "[" + name() + "] ";
    }

    public MixtureSource withRatio(double r) {
        return new MixtureSource(dataset, r, tag, lossWeight, maskAttributes);
    }

    public MixtureSource withDataset(String file) {
        return new MixtureSource(file, ratio, tag, lossWeight, maskAttributes);
    }
}
