package org.reasonlab.core.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text form of a mixture, for the command line and the launch dialog: sources separated by {@code ;} or line
 * breaks, each {@code DATASET=RATIO} followed by its mitigations, separated by {@code ,}: {@code tag},
 * {@code weight=W}, {@code mask=ATTRIBUTES}. Example: {@code self=0.7; /data/augmented.jsonl=0.3,tag,weight=0.5,mask=builtin:gender}.
 * An empty text is no mixture.
 */
public final class MixtureText {
    private MixtureText() {
    }

    /** @throws IllegalArgumentException naming the source and what is wrong with it */
    public static List<MixtureSource> parse(String text) {
        List<MixtureSource> sources = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return sources;
        }
        Set<String> names = new HashSet<>();
        for (String entry : text.split("[;\\r\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split(",");
            String head = parts[0].strip();
            int eq = head.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + entry.strip() + "': a source is DATASET=RATIO (e.g. self=0.7)");
            }
            String dataset = head.substring(0, eq).strip();
            double ratio = number(head.substring(eq + 1), entry, "ratio");
            if (!(ratio > 0) || Double.isInfinite(ratio)) {
                throw new IllegalArgumentException("'" + entry.strip() + "': the ratio must be above 0");
            }
            boolean tag = false;
            double weight = 1.0;
            String mask = null;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                String key = p.contains("=") ? p.substring(0, p.indexOf('=')).strip().toLowerCase(Locale.ROOT) : p;
                String value = p.contains("=") ? p.substring(p.indexOf('=') + 1).strip() : null;
                switch (key) {
                    case "tag" -> tag = true;
                    case "weight" -> {
                        weight = number(value, entry, "weight");
                        if (!(weight >= 0) || Double.isInfinite(weight)) {
                            throw new IllegalArgumentException("'" + entry.strip() + "': the weight must be 0 or more");
                        }
                    }
                    case "mask" -> {
                        if (value == null || value.isEmpty()) {
                            throw new IllegalArgumentException("'" + entry.strip()
                                    + "': mask needs an attribute set, e.g. mask=builtin:gender");
                        }
                        mask = value;
                    }
                    default -> throw new IllegalArgumentException("'" + entry.strip() + "': unknown '" + p
                            + "' (a source takes tag, weight=W and mask=ATTRIBUTES)");
                }
            }
            MixtureSource source = new MixtureSource(dataset, ratio, tag, weight, mask);
            if (!names.add(source.name())) {
                throw new IllegalArgumentException("'" + entry.strip() + "': two sources are called '" + source.name()
                        + "'; rename one file");
            }
            sources.add(source);
        }
        return sources;
    }

    public static String format(List<MixtureSource> sources) {
        StringBuilder b = new StringBuilder();
        for (MixtureSource s : sources) {
            b.append(b.length() == 0 ? "" : "; ").append(s.dataset()).append('=').append(number(s.ratio()));
            if (s.tag()) {
                b.append(",tag");
            }
            if (s.lossWeight() != 1.0) {
                b.append(",weight=").append(number(s.lossWeight()));
            }
            if (s.maskAttributes() != null) {
                b.append(",mask=").append(s.maskAttributes());
            }
        }
        return b.toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static double number(String text, String entry, String what) {
        try {
            return Double.parseDouble(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + entry.strip() + "': the " + what + " must be a number, not '"
                    + (text == null ? "" : text.strip()) + "'");
        }
    }
}
