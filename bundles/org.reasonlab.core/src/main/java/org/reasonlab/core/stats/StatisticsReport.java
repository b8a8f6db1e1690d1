package org.reasonlab.core.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Statistics as aligned plain text, as the CLI's {@code stats} command prints them. */
public final class StatisticsReport {
    /** How many duplicate and leakage groups are listed as examples. */
    public static final int EXAMPLES = 5;
    private static final int BAR_WIDTH = 40;
    private static final String NL = "\n";

    private StatisticsReport() {
    }

    /** The report; {@code file} names the dataset in the heading and may be null. */
    public static String toText(DatasetStatistics s, Path file) {
        StringBuilder out = new StringBuilder();
        out.append("Dataset: ").append(file == null ? "(unnamed)" : file.toString()).append(NL);
        out.append(String.format(Locale.ROOT, "  %-16s %8d\n", "records", s.records()));
        out.append(String.format(Locale.ROOT, "  %-16s %8d\n", "unparsed lines", s.unparsedLines()));
        out.append(String.format(Locale.ROOT, "  %-16s %8d\n", "unlabelled", s.unlabelled()));
        out.append(NL);

        out.append("Labels").append(NL);
        appendCounts(out, s.labelCounts(), s.records());
        out.append(NL).append("Splits").append(NL);
        appendCounts(out, s.splitCounts(), s.records());

        List<String> usedSplits = s.splitCounts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).toList();
        if (usedSplits.size() > 1) {
            out.append(NL).append("Labels by split").append(NL);
            List<String> labels = new ArrayList<>(s.labelCounts().keySet());
            int width = Math.max(8, labels.stream().mapToInt(String::length).max().orElse(0) + 1);
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-12s", "split"));
            for (String label : labels) {
                header.append(String.format(Locale.ROOT, " %" + width + "s", label));
            }
            header.append(String.format(Locale.ROOT, " %8s", "total"));
            out.append(header).append(NL);
            for (String split : usedSplits) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-12s", split));
                Map<String, Integer> counts = s.labelsBySplit().get(split);
                for (String label : labels) {
                    row.append(String.format(Locale.ROOT, " %" + width + "d", counts.getOrDefault(label, 0)));
                }
                row.append(String.format(Locale.ROOT, " %8d", s.splitCounts().get(split)));
                out.append(row).append(NL);
            }
        }

        out.append(NL);
        appendLength(out, "Reason length (words)", s.reasonWords(), true);
        appendLength(out, "Reason length (characters)", s.reasonChars(), false);
        appendLength(out, "Statement length (words)", s.statementWords(), false);
        out.append(String.format(Locale.ROOT, "  %-16s %8d\n", "empty reasons", s.emptyReasons()));
        out.append(String.format(Locale.ROOT, "  %-16s %8d\n", "multi-line", s.multiLineReasons()));

        out.append(NL).append(String.format(Locale.ROOT, "Duplicate statements within a split: %d (%d extra records)\n",
                s.duplicates().size(), s.duplicateRecords()));
        appendExamples(out, s.duplicates());
        out.append(String.format(Locale.ROOT, "Statements in more than one split (leakage): %d\n", s.leakage().size()));
        appendExamples(out, s.leakage());
        return out.toString();
    }

    /** Cross-file leakage as text: a count and the first few examples. */
    public static String leakageToText(List<DuplicateGroup> groups, Path a, Path b) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Statements in both %s and %s: %d\n", a, b, groups.size()));
        appendExamples(out, groups);
        return out.toString();
    }

    private static void appendCounts(StringBuilder out, Map<String, Integer> counts, int total) {
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            double pct = total == 0 ? 0 : 100.0 * e.getValue() / total;
            out.append(String.format(Locale.ROOT, "  %-16s %8d %6.1f%%\n", e.getKey(), e.getValue(), pct));
        }
    }

    private static void appendLength(StringBuilder out, String title, LengthSummary l, boolean histogram) {
        out.append(title).append(NL);
        if (l.count() == 0) {
            out.append("  (none)").append(NL);
            return;
        }
        out.append(String.format(Locale.ROOT, "  n %d  min %d  p10 %d  median %s  mean %.1f  p90 %d  max %d\n",
                l.count(), l.min(), l.p10(), number(l.median()), l.mean(), l.p90(), l.max()));
        if (histogram) {
            Histogram h = l.histogram();
            int max = 0;
            int labelWidth = 0;
            for (int i = 0; i < h.bins(); i++) {
                max = Math.max(max, h.count(i));
                labelWidth = Math.max(labelWidth, h.label(i).length());
            }
            for (int i = 0; i < h.bins(); i++) {
                int bar = max == 0 ? 0 : (int) Math.round((double) BAR_WIDTH * h.count(i) / max);
                if (bar == 0 && h.count(i) > 0) {
                    bar = 1;
                }
                out.append(String.format(Locale.ROOT, "  %" + labelWidth + "s | %-" + BAR_WIDTH + "s %d\n",
                        h.label(i), "#".repeat(bar), h.count(i)));
            }
        }
    }

    private static void appendExamples(StringBuilder out, List<DuplicateGroup> groups) {
        for (int i = 0; i < Math.min(EXAMPLES, groups.size()); i++) {
            DuplicateGroup g = groups.get(i);
            String where = g.occurrences().stream().map(StatisticsReport::where).collect(Collectors.joining(", "));
            out.append("  ").append(shorten(g.occurrences().get(0).statement(), 60)).append(NL);
            out.append("      ").append(where).append(g.conflictingLabels() ? "  (labels differ)" : "").append(NL);
        }
        if (groups.size() > EXAMPLES) {
            out.append("  ... and ").append(groups.size() - EXAMPLES).append(" more").append(NL);
        }
    }

    private static String where(Occurrence o) {
        StringBuilder sb = new StringBuilder();
        if (o.file() != null) {
            sb.append(o.file()).append(' ');
        }
        sb.append(o.line() > 0 ? "line " + o.line() : "id " + o.recordId());
        sb.append(" (").append(o.split());
        if (o.label() != null) {
            sb.append(", ").append(o.label());
        }
        return sb.append(')').toString();
    }

    private static String shorten(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (flat.length() > max) {
            flat = flat.substring(0, max - 3) + "...";
        }
        return "\"" + flat + "\"";
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
