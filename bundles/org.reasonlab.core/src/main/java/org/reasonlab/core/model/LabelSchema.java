package org.reasonlab.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The labels a dataset may use, in order (digit 1 picks the first), with aliases that map other
 * spellings to them, such as DFAR's {@code 0} and {@code 1}.
 */
public final class LabelSchema {

    /**
     * One label.
     *
     * @param name canonical name written to JSONL files
     * @param aliases other spellings accepted on read (case-insensitive); the first alias, if any,
     *        is what the DFAR CSV layout writes
     * @param verdictTerms words or phrases a reason uses to state this verdict, e.g. "immoral" for
     *        unethical; the name itself always counts
     */
    public record Label(String name, List<String> aliases, List<String> verdictTerms) {
        public Label {
            Objects.requireNonNull(name, "name");
            aliases = List.copyOf(aliases);
            verdictTerms = List.copyOf(verdictTerms);
        }
    }

    private static final LabelSchema DEFAULT = new LabelSchema(List.of(
            new Label("ethical", List.of("0"), List.of("ethical", "morally acceptable", "morally right", "acceptable")),
            new Label("unethical", List.of("1"), List.of("unethical", "non-ethical", "immoral", "morally wrong",
                    "unacceptable", "not ethical"))));

    private final List<Label> labels;
    private final Map<String, String> lookup = new HashMap<>();

    public LabelSchema(List<Label> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a label schema needs at least one label");
        }
        this.labels = List.copyOf(labels);
        for (Label label : this.labels) {
            putUnique(label.name(), label.name());
        }
        for (Label label : this.labels) {
            for (String alias : label.aliases()) {
                putUnique(alias, label.name());
            }
        }
    }

    private void putUnique(String key, String name) {
        String previous = lookup.putIfAbsent(key.trim().toLowerCase(Locale.ROOT), name);
        if (previous != null && !previous.equals(name)) {
            throw new IllegalArgumentException("'" + key + "' names both label '" + previous + "' and '" + name + "'");
        }
    }

    /** {@code ethical} (alias {@code 0}) and {@code unethical} (alias {@code 1}), as in DFAR. */
    public static LabelSchema defaultSchema() {
        return DEFAULT;
    }

    /** A schema of plain label names without aliases. */
    public static LabelSchema of(String... names) {
        List<Label> list = new ArrayList<>();
        for (String name : names) {
            list.add(new Label(name, List.of(), List.of(name)));
        }
        return new LabelSchema(list);
    }

    public List<Label> labels() {
        return labels;
    }

    public List<String> names() {
        return labels.stream().map(Label::name).toList();
    }

    /** The canonical label name for a name or alias (case-insensitive, trimmed), or empty if unknown. */
    public Optional<String> resolve(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(lookup.get(text.trim().toLowerCase(Locale.ROOT)));
    }

    public boolean contains(String name) {
        return labels.stream().anyMatch(l -> l.name().equals(name));
    }

    public Optional<Label> label(String name) {
        return labels.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The 0-based position of a label, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSchema s && labels.equals(s.labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    @Override
    public String toString() {
        return "LabelSchema" + names();
    }
}
