package org.reasonlab.core.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reasonlab.core.model.LabelSchema;

/**
 * A label schema as a person types it, one label per line, optionally with aliases after a colon:
 * <pre>
 * acceptable: 0, ok
 * unacceptable: 1
 * # comment lines and blank lines are skipped
 * </pre>
 * A label that {@code base} has with the same name and aliases keeps its verdict terms, so typing the
 * default labels gives exactly the {@linkplain LabelSchema#defaultSchema() default schema}; other
 * labels get their name as their only verdict term.
 */
public final class LabelSchemaText {

    /** The outcome of {@link #parse}: the schema, or null with the problems, each on its line. */
    public record Parsed(LabelSchema schema, List<TextProblem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean isValid() {
            return schema != null;
        }
    }

    private LabelSchemaText() {
    }

    /** The schema as text that {@link #parse} reads back. */
    public static String format(LabelSchema schema) {
        StringBuilder text = new StringBuilder();
        for (LabelSchema.Label label : schema.labels()) {
            text.append(label.name());
            if (!label.aliases().isEmpty()) {
                text.append(": ").append(String.join(", ", label.aliases()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    public static Parsed parse(String text, LabelSchema base) {
        List<TextProblem> problems = new ArrayList<>();
        List<LabelSchema.Label> labels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = (colon < 0 ? line : line.substring(0, colon)).strip();
            List<String> aliases = new ArrayList<>();
            if (name.isEmpty()) {
                problems.add(new TextProblem(lineNumber, "a label needs a name before the colon"));
                continue;
            }
            if (name.contains(",")) {
                problems.add(new TextProblem(lineNumber, "'" + name
                        + "' has a comma; write one label per line, with its aliases after a colon (name: alias, alias)"));
                continue;
            }
            boolean ok = unique(name, lineNumber, seen, problems);
            if (colon >= 0) {
                for (String alias : line.substring(colon + 1).split(",", -1)) {
                    String a = alias.strip();
                    if (a.isEmpty()) {
                        if (!line.substring(colon + 1).isBlank()) {
                            problems.add(new TextProblem(lineNumber, "an empty alias; separate aliases with single commas"));
                            ok = false;
                        }
                        continue;
                    }
                    if (a.equalsIgnoreCase(name)) {
                        continue;
                    }
                    ok &= unique(a, lineNumber, seen, problems);
                    aliases.add(a);
                }
            }
            if (ok) {
                labels.add(label(name, aliases, base));
            }
        }
        if (problems.isEmpty() && labels.isEmpty()) {
            problems.add(new TextProblem(0, "type at least one label"));
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        try {
            return new Parsed(new LabelSchema(labels), List.of());
        } catch (IllegalArgumentException e) {
            return new Parsed(null, List.of(new TextProblem(0, e.getMessage())));
        }
    }

    private static boolean unique(String text, int line, Map<String, Integer> seen, List<TextProblem> problems) {
        Integer before = seen.putIfAbsent(text.toLowerCase(Locale.ROOT), line);
        if (before == null) {
            return true;
        }
        problems.add(new TextProblem(line, "'" + text + "' is already used"
                + (before == line ? " on this line" : " on line " + before) + "; names and aliases must differ"
                + " (letter case does not count)"));
        return false;
    }

    private static LabelSchema.Label label(String name, List<String> aliases, LabelSchema base) {
        if (base != null) {
            var known = base.label(name);
            if (known.isPresent() && known.get().aliases().equals(aliases)) {
                return known.get();
            }
            if (known.isPresent()) {
                return new LabelSchema.Label(name, aliases, known.get().verdictTerms());
            }
        }
        return new LabelSchema.Label(name, aliases, List.of(name));
    }
}
