package org.reasonlab.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.validate.Validator;

class DatasetStatisticsTest {

    private static Dataset dataset(List<DatasetEntry> entries) {
        return new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.JSONL), entries);
    }

    private static DatasetRecord rec(int line, String id, String statement, String label, String reason, Split split) {
        DatasetRecord r = new DatasetRecord(id, statement, label, reason, split);
        r.setSourceLine(line);
        return r;
    }

    /** A small dataset with known numbers. */
    static Dataset sample() {
        return dataset(List.of(
                rec(1, "r1", "Helping a friend.", "ethical", "one two three", Split.TRAIN),
                rec(2, "r2", "Kicking a dog.", "unethical", "one two three four five", Split.TRAIN),
                rec(3, "r3", "Feeding birds.", "ethical", "  ", Split.TEST),
                rec(4, "r4", "Lying to a judge.", "unethical", "first line\nsecond", Split.VALIDATION),
                rec(5, "r5", "Sleeping in.", null, "a b c d e f g", null),
                rec(6, "r6", "Dancing.", "maybe", "fine", Split.TRAIN),
                new RawLine("{oops".getBytes(StandardCharsets.UTF_8), 7, "broken"),
                rec(8, "r8", "helping a friend", "ethical", "one two three four", Split.TRAIN),
                rec(9, "r9", "Kicking  a dog", "unethical", "one two three four five six", Split.TEST)));
    }

    @Test
    void countsLabelsAndSplits() {
        DatasetStatistics s = DatasetStatistics.compute(sample());
        assertEquals(8, s.records());
        assertEquals(1, s.unparsedLines());
        assertEquals(1, s.unlabelled());
        assertEquals(List.of("ethical", "unethical", "maybe"), List.copyOf(s.labelCounts().keySet()));
        assertEquals(Map.of("ethical", 3, "unethical", 3, "maybe", 1), s.labelCounts());
        assertEquals(List.of("train", "validation", "test", "unassigned"), List.copyOf(s.splitCounts().keySet()));
        assertEquals(Map.of("train", 4, "validation", 1, "test", 2, "unassigned", 1), s.splitCounts());
        assertEquals(Map.of("ethical", 2, "unethical", 1, "maybe", 1), s.labelsBySplit().get("train"));
        assertEquals(Map.of("ethical", 0, "unethical", 1, "maybe", 0), s.labelsBySplit().get("validation"));
        assertEquals(Map.of("ethical", 1, "unethical", 1, "maybe", 0), s.labelsBySplit().get("test"));
        assertEquals(Map.of("ethical", 0, "unethical", 0, "maybe", 0), s.labelsBySplit().get("unassigned"));
        assertEquals(1, s.emptyReasons());
        assertEquals(1, s.multiLineReasons());
    }

    @Test
    void unusedSchemaLabelsAreListedWithZero() {
        DatasetStatistics s = DatasetStatistics.compute(dataset(List.of(
                rec(1, null, "x", "unethical", "y", null))));
        assertEquals(List.of("ethical", "unethical"), List.copyOf(s.labelCounts().keySet()));
        assertEquals(0, s.labelCounts().get("ethical"));
        assertEquals(0, s.splitCounts().get("train"));
    }

    @Test
    void lengthSummaries() {
        DatasetStatistics s = DatasetStatistics.compute(sample());
        // reason words of the 7 non-empty reasons: 3, 5, 3, 7, 1, 4, 6 -> sorted 1 3 3 4 5 6 7
        LengthSummary words = s.reasonWords();
        assertEquals(7, words.count());
        assertEquals(1, words.min());
        assertEquals(7, words.max());
        assertEquals(29 / 7.0, words.mean(), 1e-9);
        assertEquals(4.0, words.median());
        assertEquals(1, words.p10());
        assertEquals(7, words.p90());
        assertEquals(new Histogram(1, new int[] {0, 1, 0, 2, 1, 1, 1, 1}), words.histogram());
        assertEquals(4, s.reasonChars().min()); // "fine"
        assertEquals(8, s.statementWords().count());
        assertEquals(1, s.statementWords().min());
        assertEquals(4, s.statementWords().max());
    }

    @Test
    void lengthSummaryOfKnownLists() {
        LengthSummary even = LengthSummary.of(new int[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
        assertEquals(10, even.count());
        assertEquals(5.5, even.median());
        assertEquals(5.5, even.mean());
        assertEquals(1, even.p10());
        assertEquals(9, even.p90());
        LengthSummary odd = LengthSummary.of(new int[] {3, 1, 2, 5, 4});
        assertEquals(3.0, odd.median());
        assertEquals(1, odd.p10());
        assertEquals(5, odd.p90());
        LengthSummary twenty = LengthSummary.of(IntStream.rangeClosed(1, 20).toArray());
        assertEquals(2, twenty.p10());
        assertEquals(18, twenty.p90());
        assertEquals(10.5, twenty.median());
        LengthSummary none = LengthSummary.of(new int[0]);
        assertEquals(0, none.count());
        assertEquals(0, none.histogram().bins());
    }

    @Test
    void histogramBins() {
        Histogram h = LengthSummary.of(IntStream.range(0, 100).toArray()).histogram();
        assertEquals(5, h.binWidth());
        assertEquals(20, h.bins());
        for (int i = 0; i < 20; i++) {
            assertEquals(5, h.count(i));
        }
        assertEquals("0-4", h.label(0));
        assertEquals("95+", h.label(19));
        assertEquals(100, h.total());

        // 200 small values and one outlier: the outlier goes into an open last bin
        int[] values = new int[201];
        for (int i = 0; i < 200; i++) {
            values[i] = i % 10;
        }
        values[200] = 1000;
        Histogram o = LengthSummary.of(values).histogram();
        assertEquals(1, o.binWidth());
        assertEquals(11, o.bins());
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 1}, o.counts());
        assertEquals("10+", o.label(10));
        assertEquals("3", o.label(3));

        assertEquals(List.of(1, 5, 10, 20, 25, 50, 100, 200, 250, 500),
                IntStream.of(1, 3, 6, 11, 21, 26, 51, 101, 201, 251).map(Histogram::roundWidth)
                        .boxed().toList());
    }

    @Test
    void duplicatesWithinSplitAndLeakageAcrossSplits() {
        DatasetStatistics s = DatasetStatistics.compute(sample());
        assertEquals(1, s.duplicates().size());
        DuplicateGroup dup = s.duplicates().get(0);
        assertEquals("helping a friend", dup.key());
        assertEquals(List.of(1, 8), dup.occurrences().stream().map(Occurrence::line).toList());
        assertEquals("train", dup.occurrences().get(0).split());
        assertEquals("r1", dup.occurrences().get(0).recordId());
        assertEquals("Helping a friend.", dup.occurrences().get(0).statement());
        assertFalse(dup.conflictingLabels());
        assertEquals(1, s.duplicateRecords());

        assertEquals(1, s.leakage().size());
        DuplicateGroup leak = s.leakage().get(0);
        assertEquals("kicking a dog", leak.key());
        assertEquals(List.of("train", "test"), leak.occurrences().stream().map(Occurrence::split).toList());
    }

    @Test
    void unassignedDuplicatesAreDuplicatesNotLeakage() {
        DatasetStatistics s = DatasetStatistics.compute(dataset(List.of(
                rec(2, null, "Same.", "ethical", "r", null),
                rec(3, null, "same", "unethical", "r", null),
                rec(4, null, "Other", "ethical", "r", null))));
        assertEquals(1, s.duplicates().size());
        assertTrue(s.duplicates().get(0).conflictingLabels());
        assertEquals("unassigned", s.duplicates().get(0).occurrences().get(0).split());
        assertEquals(0, s.leakage().size());
    }

    @Test
    void crossDatasetLeakage() {
        Dataset train = dataset(List.of(
                rec(1, "t1", "Helping a friend.", "ethical", "r", null),
                rec(2, "t2", "Kicking a dog.", "unethical", "r", null),
                rec(3, "t3", "Kicking a dog", "unethical", "r", null)));
        Dataset test = dataset(List.of(
                rec(1, "x1", "kicking a dog!", "unethical", "r", null),
                rec(2, "x2", "Feeding birds.", "ethical", "r", null)));
        List<DuplicateGroup> groups = CrossDatasetLeakage.between(train, Path.of("train.jsonl"), test,
                Path.of("test.jsonl"));
        assertEquals(1, groups.size());
        assertEquals("kicking a dog", groups.get(0).key());
        assertEquals(List.of("train.jsonl", "train.jsonl", "test.jsonl"),
                groups.get(0).occurrences().stream().map(Occurrence::file).toList());
        assertEquals(List.of("t2", "t3", "x1"),
                groups.get(0).occurrences().stream().map(Occurrence::recordId).toList());
        String text = StatisticsReport.leakageToText(groups, Path.of("train.jsonl"), Path.of("test.jsonl"));
        assertTrue(text.startsWith("Statements in both train.jsonl and test.jsonl: 1\n"), text);
        assertTrue(text.contains("test.jsonl line 1 (unassigned, unethical)"), text);
    }

    @Test
    void json() {
        JsonObject o = StatisticsJson.toJson(DatasetStatistics.compute(sample()));
        assertEquals(8, o.get("records").getAsInt());
        assertEquals(1, o.get("unparsedLines").getAsInt());
        assertEquals(3, o.getAsJsonObject("labels").get("ethical").getAsInt());
        assertEquals(1, o.getAsJsonObject("labels").get("maybe").getAsInt());
        assertEquals(4, o.getAsJsonObject("splits").get("train").getAsInt());
        assertEquals(2, o.getAsJsonObject("labelsBySplit").getAsJsonObject("train").get("ethical").getAsInt());
        JsonObject words = o.getAsJsonObject("reasonWords");
        assertEquals(4.0, words.get("median").getAsDouble());
        assertEquals(4.14, words.get("mean").getAsDouble());
        assertEquals(1, words.getAsJsonObject("histogram").get("binWidth").getAsInt());
        assertEquals(8, words.getAsJsonObject("histogram").getAsJsonArray("counts").size());
        assertEquals(1, o.get("duplicateGroups").getAsInt());
        assertEquals(1, o.get("leakageGroups").getAsInt());
        JsonObject occurrence = o.getAsJsonArray("duplicates").get(0).getAsJsonObject()
                .getAsJsonArray("occurrences").get(1).getAsJsonObject();
        assertEquals("r8", occurrence.get("id").getAsString());
        assertEquals(8, occurrence.get("line").getAsInt());
        assertEquals("train", occurrence.get("split").getAsString());
        assertFalse(occurrence.has("file"));
    }

    @Test
    void textReport() {
        String text = StatisticsReport.toText(DatasetStatistics.compute(sample()), Path.of("data/sample.jsonl"));
        assertTrue(text.startsWith("Dataset: data/sample.jsonl\n"), text);
        assertTrue(text.contains("  records                 8\n"), text);
        assertTrue(text.contains("  ethical                 3   37.5%\n"), text);
        assertTrue(text.contains("  unassigned              1   12.5%\n"), text);
        assertTrue(text.contains("  split           ethical  unethical      maybe    total\n"), text);
        assertTrue(text.contains("  train                 2          1          1        4\n"), text);
        assertTrue(text.contains("  n 7  min 1  p10 1  median 4  mean 4.1  p90 7  max 7\n"), text);
        assertTrue(text.contains("  3 | ########################################"), text);
        assertTrue(text.contains("Duplicate statements within a split: 1 (1 extra records)\n"
                + "  \"Helping a friend.\"\n      line 1 (train, ethical), line 8 (train, ethical)\n"), text);
        assertTrue(text.contains("Statements in more than one split (leakage): 1\n"), text);
    }

    @Test
    void largeDatasetIsFast() {
        List<DatasetEntry> entries = new ArrayList<>();
        Split[] splits = {Split.TRAIN, Split.VALIDATION, Split.TEST};
        int n = 150_000;
        for (int i = 0; i < n; i++) {
            // every 1000th statement repeats an earlier one; every 1500th in another split
            int s = i % 1000 == 999 ? i - 3 : i % 1500 == 1499 ? i - 1 : i;
            entries.add(rec(i + 1, "id" + i, "Statement number " + s + " about something.",
                    i % 2 == 0 ? "ethical" : "unethical",
                    "This reason explains at some length why it is " + (i % 2 == 0 ? "ethical." : "unethical."),
                    splits[i % 3 == 2 ? 2 : 0]));
        }
        Dataset dataset = dataset(entries);
        DatasetStatistics s = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> DatasetStatistics.compute(dataset));
        assertEquals(n, s.records());
        assertEquals(n / 2, s.labelCounts().get("ethical"));
        assertFalse(s.duplicates().isEmpty());
        assertFalse(s.leakage().isEmpty());
        var problems = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new Validator().validate(dataset));
        assertEquals(s.duplicateRecords() + s.leakage().size(), problems.size(), () -> problems.subList(0, 5).toString());
    }
}
