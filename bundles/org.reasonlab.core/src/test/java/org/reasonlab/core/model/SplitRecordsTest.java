package org.reasonlab.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;

/** The one rule for a split's records, shared by training and evaluation. */
class SplitRecordsTest {
    @TempDir
    Path tmp;

    @Test
    void splitFallsBackToAllRecordsWhenTheDatasetHasNoSplits() throws Exception {
        Path noSplits = tmp.resolve("nosplits.jsonl");
        Files.writeString(noSplits, """
                {"id":"a","statement":"I helped.","label":"ethical","reason":"Helping is ethical."}
                {"id":"b","statement":"I stole.","label":"unethical","reason":"Stealing is unethical."}
                """);
        Dataset d = DatasetLoader.load(noSplits).dataset();
        assertEquals(2, SplitRecords.of(d, Split.TEST).records().size());
        assertEquals("all", SplitRecords.of(d, Split.TEST).name());

        Path withSplits = tmp.resolve("splits.jsonl");
        Files.writeString(withSplits, """
                {"id":"a","statement":"I helped.","label":"ethical","split":"train"}
                {"id":"b","statement":"I stole.","label":"unethical","split":"test"}
                {"id":"c","statement":"I lied.","label":"unethical","split":"test"}
                """);
        Dataset s = DatasetLoader.load(withSplits).dataset();
        assertEquals(List.of("b", "c"), SplitRecords.of(s, Split.TEST).records().stream().map(DatasetRecord::id).toList());
        assertEquals(0, SplitRecords.of(s, Split.VALIDATION).records().size());
        assertEquals("test", SplitRecords.of(s, Split.TEST).name());
    }

    @Test
    void noSplitAskedForIsEveryRecord() {
        Dataset d = new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.JSONL), List.of(
                new DatasetRecord("a", "I helped.", "ethical", null, Split.TRAIN),
                new DatasetRecord("b", "I stole.", "unethical", null, null)));
        SplitRecords all = SplitRecords.of(d, null);
        assertTrue(all.all());
        assertEquals(2, all.size());
        assertEquals("all", all.name());
        SplitRecords train = SplitRecords.of(d, Split.TRAIN);
        assertFalse(train.all());
        assertEquals(List.of("a"), train.records().stream().map(DatasetRecord::id).toList());
        assertTrue(SplitRecords.of(d, Split.TEST).isEmpty());
    }

    @Test
    void aSampleIsSeededKeepsFileOrderAndIsAllWhenNotSmaller() {
        List<DatasetRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(new DatasetRecord("r" + i, "Statement " + i + ".", "ethical", null, Split.TEST));
        }
        Dataset d = new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.JSONL),
                List.copyOf(records));
        SplitRecords test = SplitRecords.of(d, Split.TEST);
        SplitRecords a = test.sample(10, 42);
        assertEquals(10, a.size());
        assertEquals(a.records(), test.sample(10, 42).records(), "same seed, same sample");
        assertFalse(a.records().equals(test.sample(10, 43).records()), "another seed, another sample");
        List<Integer> positions = a.records().stream().map(records::indexOf).toList();
        assertEquals(positions.stream().sorted().toList(), positions, "file order");
        assertEquals(a.records().subList(0, 10), test.sample(10, 42).records());
        assertEquals(test, test.sample(50, 1));
        assertEquals(test, test.sample(null, 1));
        assertEquals("test", a.name());
    }
}
