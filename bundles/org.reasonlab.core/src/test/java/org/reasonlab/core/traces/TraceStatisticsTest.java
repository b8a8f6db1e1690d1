package org.reasonlab.core.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.traces.TraceTestData.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.model.Dataset;

class TraceStatisticsTest {
    @TempDir
    Path dir;

    /** Traces of 4, 6, 8, 10, 12 and 14 words; no trace for record g. */
    private Dataset dataset() throws Exception {
        return DatasetLoader.load(write(dir, "d.jsonl", """
                {"id":"a","statement":"s","label":"ethical","reason":"So it is ethical."}
                {"id":"b","statement":"s","label":"ethical","reason":"one two so it is ethical."}
                {"id":"c","statement":"s","label":"ethical","reason":"one two three four so it is unethical."}
                {"id":"d","statement":"s","label":"unethical","reason":"one two three four five six so it is unethical."}
                {"id":"e","statement":"s","label":"unethical","reason":"one two three four five six seven eight nine ten eleven twelve."}
                {"id":"f","statement":"s","label":"unethical","reason":"one two three four five six seven eight nine ten so it is unethical."}
                {"id":"g","statement":"s","label":"unethical"}
                """)).dataset();
    }

    @Test
    void countsCorrectnessAndLengthsByHand() throws Exception {
        TracedRecords judged = TracedRecords.of(dataset());
        assertEquals(List.of(4, 6, 8, 10, 12, 14), judged.traced().stream().map(t -> t.judgement().words()).toList());
        TraceStatistics s = TraceStatistics.of(judged, judged.tertiles());
        assertEquals(7, s.records());
        assertEquals(1, s.untraced());
        assertEquals(6, s.traced());
        assertEquals(Map.of(Correctness.CORRECT, 4, Correctness.INCORRECT, 1, Correctness.UNCLEAR, 1), s.counts());
        // 4 6 8 10 12 14: h = 5q; q1 = 6 + 0.25 * 2, median = 9, q3 = 10 + 0.75 * 2
        assertEquals(new LengthDistribution(6, 4, 6.5, 9, 11.5, 14, 9), s.lengths());
        // correct: a 4, b 6, d 10, f 14 -> h = 3q: q1 = 4 + 0.75 * 2, median 8, q3 = 10 + 0.25 * 4
        assertEquals(new LengthDistribution(4, 4, 5.5, 8, 11, 14, 8.5),
                s.lengthsByCorrectness().get(Correctness.CORRECT));
        assertEquals(new LengthDistribution(1, 8, 8, 8, 8, 8, 8), s.lengthsByCorrectness().get(Correctness.INCORRECT));
        assertEquals(12, s.lengthsByCorrectness().get(Correctness.UNCLEAR).min());
    }

    @Test
    void countsPerBucket() throws Exception {
        TracedRecords judged = TracedRecords.of(dataset());
        // tertiles of 4 6 8 10 12 14: Q(1/3) = 6 + 0.67 * 2 = 7.33 -> 7, Q(2/3) = 10 + 0.33 * 2 = 10.67 -> 10
        TraceStatistics s = TraceStatistics.of(judged, judged.tertiles());
        assertEquals(List.of("0-7", "8-10", "11+"), s.buckets().buckets().stream().map(LengthBuckets.Bucket::range)
                .toList());
        assertEquals(Map.of(Correctness.CORRECT, 2, Correctness.INCORRECT, 0, Correctness.UNCLEAR, 0),
                s.bucketCounts().get("short"));
        assertEquals(Map.of(Correctness.CORRECT, 1, Correctness.INCORRECT, 1, Correctness.UNCLEAR, 0),
                s.bucketCounts().get("medium"));
        assertEquals(Map.of(Correctness.CORRECT, 1, Correctness.INCORRECT, 0, Correctness.UNCLEAR, 1),
                s.bucketCounts().get("long"));
        assertEquals(2, s.bucketTotal("short"));

        TraceStatistics fixed = TraceStatistics.of(judged, LengthBuckets.fixed(List.of(5, 10)));
        assertEquals(List.of(1, 3, 2), fixed.buckets().names().stream().map(fixed::bucketTotal).toList());
    }

    @Test
    void reportsAsTextAndJson() throws Exception {
        TracedRecords judged = TracedRecords.of(dataset());
        TraceStatistics s = TraceStatistics.of(judged, judged.tertiles());
        String text = TraceStatisticsReport.toText(s, Path.of("d.jsonl"));
        assertTrue(text.startsWith("d.jsonl: 6 of 7 records have a trace (1 without)\n"), text);
        assertTrue(text.contains("correct           4  66.7%"), text);
        assertTrue(text.contains("all            6    4   6.5     9.0  11.5   14   9.0"), text);
        assertTrue(text.contains("short   0-7         2        2          0        0     100.0%"), text);
        JsonObject json = TracesJson.statistics(s);
        assertEquals(4, json.getAsJsonObject("correctness").get("correct").getAsInt());
        assertEquals(6.5, json.getAsJsonObject("lengthWords").getAsJsonObject("all").get("q1").getAsDouble());
        assertEquals("tertiles", json.getAsJsonObject("buckets").get("scheme").getAsString());
        assertTrue(json.getAsJsonObject("buckets").getAsJsonArray("buckets").get(2).getAsJsonObject().get("maxWords")
                .isJsonNull());
    }
}
