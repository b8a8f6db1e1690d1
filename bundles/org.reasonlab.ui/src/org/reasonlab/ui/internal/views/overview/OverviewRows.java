package org.reasonlab.ui.internal.views.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.reasonlab.core.stats.DatasetStatistics;
import org.reasonlab.core.validate.ProblemKind;
import org.reasonlab.core.validate.Severity;
import org.reasonlab.core.validate.ValidationProblem;

/** Turns a {@link DatasetOverview} into the text rows of the overview's tables. */
final class OverviewRows {
    /** Split keys of the statistics, in the order shown. */
    static final List<String> SPLITS = List.of("train", "validation", "test", DatasetStatistics.UNASSIGNED);

    private static final int MAX_EXAMPLES = 3;

    private OverviewRows() {
    }

    /** Label, count, share of records; schema labels first (even when 0), then any others found. */
    static List<String[]> labels(DatasetOverview overview) {
        DatasetStatistics stats = overview.statistics();
        Map<String, Integer> counts = stats.labelCounts();
        List<String[]> rows = new ArrayList<>();
        for (String label : labelOrder(overview)) {
            int count = counts.getOrDefault(label, 0);
            rows.add(new String[] {label, Integer.toString(count), percent(count, stats.records())});
        }
        if (stats.unlabelled() > 0) {
            rows.add(new String[] {"(no label)", Integer.toString(stats.unlabelled()),
                    percent(stats.unlabelled(), stats.records())});
        }
        return rows;
    }

    /** Split, count, share of records; the unassigned row only when some records have no split. */
    static List<String[]> splits(DatasetOverview overview) {
        DatasetStatistics stats = overview.statistics();
        Map<String, Integer> counts = stats.splitCounts();
        List<String[]> rows = new ArrayList<>();
        for (String split : SPLITS) {
            int count = counts.getOrDefault(split, 0);
            if (count == 0 && split.equals(DatasetStatistics.UNASSIGNED)) {
                continue;
            }
            rows.add(new String[] {split, Integer.toString(count), percent(count, stats.records())});
        }
        return rows;
    }

    /** Column headers of the label-by-split table: Label, the splits in use, Total. */
    static String[] labelBySplitHeaders(DatasetOverview overview) {
        List<String> headers = new ArrayList<>();
        headers.add("Label");
        headers.addAll(splitsInUse(overview));
        headers.add("Total");
        return headers.toArray(String[]::new);
    }

    /** One row per label: its count in each split in use, and the total. */
    static List<String[]> labelBySplit(DatasetOverview overview) {
        List<String> splits = splitsInUse(overview);
        List<String[]> rows = new ArrayList<>();
        for (String label : labelOrder(overview)) {
            List<String> row = new ArrayList<>();
            row.add(label);
            int total = 0;
            for (String split : splits) {
                int count = labelInSplit(overview.statistics(), label, split);
                total += count;
                row.add(Integer.toString(count));
            }
            row.add(Integer.toString(total));
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }

    /** Reason length in words: min, median, mean, p90, max (nothing when no reason was measured). */
    static List<String[]> reasonLength(DatasetOverview overview) {
        var words = overview.statistics().reasonWords();
        List<String[]> rows = new ArrayList<>();
        if (words.count() > 0) {
            rows.add(new String[] {"Min", Integer.toString(words.min())});
            rows.add(new String[] {"Median", number(words.median())});
            rows.add(new String[] {"Mean", number(words.mean())});
            rows.add(new String[] {"P90", Integer.toString(words.p90())});
            rows.add(new String[] {"Max", Integer.toString(words.max())});
        }
        return rows;
    }

    /** Counts of the things a dataset author wants to be zero. */
    static List<String[]> quality(DatasetOverview overview) {
        DatasetStatistics stats = overview.statistics();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Unparsed lines", Integer.toString(stats.unparsedLines())});
        rows.add(new String[] {"Unlabelled records", Integer.toString(stats.unlabelled())});
        rows.add(new String[] {"Empty reasons", Integer.toString(stats.emptyReasons())});
        rows.add(new String[] {"Multi-line reasons", Integer.toString(stats.multiLineReasons())});
        rows.add(new String[] {"Duplicate groups", Integer.toString(stats.duplicates().size())});
        rows.add(new String[] {"Split leakage groups", Integer.toString(stats.leakage().size())});
        return rows;
    }

    /** Validation problems by severity, most severe first. */
    static List<SeverityRow> validation(DatasetOverview overview) {
        List<SeverityRow> rows = new ArrayList<>();
        for (Map.Entry<Severity, Integer> entry : overview.problemsBySeverity().entrySet()) {
            rows.add(new SeverityRow(entry.getKey(),
                    new String[] {severityName(entry.getKey()), Integer.toString(entry.getValue())}));
        }
        return rows;
    }

    /** A row of a table whose first cell is marked with a severity. */
    record SeverityRow(Severity severity, String[] cells) {
    }

    /** Validation problems by kind: title, how many, the first few record ids; most severe first. */
    static List<SeverityRow> validationKinds(DatasetOverview overview) {
        Map<ProblemKind, List<ValidationProblem>> byKind = new TreeMap<>(
                Comparator.comparing((ProblemKind kind) -> severityOf(overview, kind)).thenComparing(Enum::ordinal));
        for (ValidationProblem problem : overview.validationProblems()) {
            byKind.computeIfAbsent(problem.kind(), k -> new ArrayList<>()).add(problem);
        }
        List<SeverityRow> rows = new ArrayList<>();
        for (Map.Entry<ProblemKind, List<ValidationProblem>> entry : byKind.entrySet()) {
            List<ValidationProblem> problems = entry.getValue();
            rows.add(new SeverityRow(severityOf(overview, entry.getKey()), new String[] {entry.getKey().title(),
                    Integer.toString(problems.size()), examples(problems)}));
        }
        return rows;
    }

    private static Severity severityOf(DatasetOverview overview, ProblemKind kind) {
        return overview.validationProblems().stream().filter(p -> p.kind() == kind).map(ValidationProblem::severity)
                .min(Comparator.naturalOrder()).orElse(Severity.INFO);
    }

    /** Where the first problems are: record ids, or line numbers for records without one. */
    private static String examples(List<ValidationProblem> problems) {
        List<String> places = new ArrayList<>();
        for (ValidationProblem problem : problems.subList(0, Math.min(MAX_EXAMPLES, problems.size()))) {
            places.add(problem.recordId() != null && !problem.recordId().isBlank() ? problem.recordId()
                    : "line " + problem.line());
        }
        String text = String.join(", ", places);
        return problems.size() > MAX_EXAMPLES ? text + ", \u2026" : text;
    }

    /** The one-line summary under the title. */
    static String summary(DatasetOverview overview) {
        DatasetStatistics stats = overview.statistics();
        StringBuilder text = new StringBuilder();
        text.append(stats.records()).append(stats.records() == 1 ? " record" : " records");
        if (overview.parseProblemCount() > 0) {
            text.append(", ").append(overview.parseProblemCount())
                    .append(overview.parseProblemCount() == 1 ? " line not parsed" : " lines not parsed");
        }
        int problems = overview.validationProblems().size();
        text.append(", ").append(problems).append(problems == 1 ? " validation problem" : " validation problems");
        text.append("  \u2014  ").append(overview.file().getFullPath().makeRelative());
        return text.toString();
    }

    static String severityName(Severity severity) {
        return switch (severity) {
            case ERROR -> "Errors";
            case WARNING -> "Warnings";
            case INFO -> "Info";
        };
    }

    private static List<String> labelOrder(DatasetOverview overview) {
        Set<String> order = new LinkedHashSet<>(overview.load().dataset().schema().names());
        order.addAll(overview.statistics().labelCounts().keySet());
        return new ArrayList<>(order);
    }

    private static List<String> splitsInUse(DatasetOverview overview) {
        Map<String, Integer> counts = overview.statistics().splitCounts();
        List<String> splits = new ArrayList<>();
        for (String split : SPLITS) {
            if (counts.getOrDefault(split, 0) > 0) {
                splits.add(split);
            }
        }
        return splits;
    }

    private static int labelInSplit(DatasetStatistics stats, String label, String split) {
        return stats.labelsBySplit().getOrDefault(split, Map.of()).getOrDefault(label, 0);
    }

    static String percent(int count, int total) {
        if (total == 0) {
            return "\u2013";
        }
        return String.format(Locale.ROOT, "%.1f %%", 100.0 * count / total);
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
    }
}
