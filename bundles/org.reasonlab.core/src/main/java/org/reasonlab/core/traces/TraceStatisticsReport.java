package org.reasonlab.core.traces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reasonlab.core.compare.TextTable;

/** {@link TraceStatistics} as aligned plain text, as {@code reasonlab traces stats} prints them. */
public final class TraceStatisticsReport {
    private TraceStatisticsReport() {
    }

    public static String toText(TraceStatistics s, Path file) {
        StringBuilder out = new StringBuilder();
        out.append(file).append(": ").append(s.traced()).append(" of ").append(s.records())
                .append(" records have a trace (").append(s.untraced()).append(" without)\n\n");

        List<List<String>> verdicts = new ArrayList<>();
        for (Correctness c : Correctness.values()) {
            verdicts.add(List.of(c.id(), Integer.toString(s.count(c)), percent(s.count(c), s.traced())));
        }
        out.append(new TextTable(List.of("correctness", "traces", "share"), verdicts, List.of(false, true, true)).toText());

        List<List<String>> lengths = new ArrayList<>();
        lengths.add(lengthRow("all", s.lengths()));
        for (Correctness c : Correctness.values()) {
            lengths.add(lengthRow(c.id(), s.lengthsByCorrectness().get(c)));
        }
        out.append("\nTrace length (words)\n").append(new TextTable(
                List.of("traces", "count", "min", "q1", "median", "q3", "max", "mean"), lengths,
                List.of(false, true, true, true, true, true, true, true)).toText());

        List<List<String>> buckets = new ArrayList<>();
        for (LengthBuckets.Bucket b : s.buckets().buckets()) {
            List<String> row = new ArrayList<>(List.of(b.name(), b.range(), Integer.toString(s.bucketTotal(b.name()))));
            for (Correctness c : Correctness.values()) {
                row.add(Integer.toString(s.bucketCounts().get(b.name()).get(c)));
            }
            row.add(percent(s.bucketCounts().get(b.name()).get(Correctness.CORRECT), s.bucketTotal(b.name())));
            buckets.add(row);
        }
        out.append("\nLength buckets (").append(s.buckets().scheme().equals("tertiles")
                ? "tertiles of the trace lengths" : "fixed edges").append(")\n");
        out.append(new TextTable(List.of("bucket", "words", "traces", "correct", "incorrect", "unclear", "correct %"),
                buckets, List.of(false, false, true, true, true, true, true)).toText());
        return out.toString();
    }

    private static List<String> lengthRow(String name, LengthDistribution d) {
        if (d.count() == 0) {
            return List.of(name, "0", "-", "-", "-", "-", "-", "-");
        }
        return List.of(name, Integer.toString(d.count()), Integer.toString(d.min()), number(d.q1()),
                number(d.median()), number(d.q3()), Integer.toString(d.max()), number(d.mean()));
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
