package org.reasonlab.core.validate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of validation problems per severity and per kind.
 *
 * @param total all problems
 * @param bySeverity count per severity, every severity present (0 allowed), most serious first
 * @param byKind count per kind that occurred, in {@link ProblemKind} order
 */
public record ValidationSummary(int total, Map<Severity, Integer> bySeverity, Map<ProblemKind, Integer> byKind) {

    public ValidationSummary {
        EnumMap<Severity, Integer> severities = new EnumMap<>(Severity.class);
        severities.putAll(bySeverity);
        bySeverity = Collections.unmodifiableMap(severities);
        EnumMap<ProblemKind, Integer> kinds = new EnumMap<>(ProblemKind.class);
        kinds.putAll(byKind);
        byKind = Collections.unmodifiableMap(kinds);
    }

    /** Counts the problems. */
    public static ValidationSummary of(List<ValidationProblem> problems) {
        EnumMap<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
        EnumMap<ProblemKind, Integer> byKind = new EnumMap<>(ProblemKind.class);
        for (ValidationProblem p : problems) {
            bySeverity.merge(p.severity(), 1, Integer::sum);
            byKind.merge(p.kind(), 1, Integer::sum);
        }
        return new ValidationSummary(problems.size(), bySeverity, byKind);
    }

    public int count(Severity severity) {
        return bySeverity.getOrDefault(severity, 0);
    }

    public int count(ProblemKind kind) {
        return byKind.getOrDefault(kind, 0);
    }

    public int errors() {
        return count(Severity.ERROR);
    }

    public int warnings() {
        return count(Severity.WARNING);
    }

    public int infos() {
        return count(Severity.INFO);
    }

    public boolean hasErrors() {
        return errors() > 0;
    }

    /** E.g. "2 errors, 1 warning, 0 infos". */
    @Override
    public String toString() {
        return plural(errors(), "error") + ", " + plural(warnings(), "warning") + ", " + plural(infos(), "info");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
