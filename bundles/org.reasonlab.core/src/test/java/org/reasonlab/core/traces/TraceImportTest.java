package org.reasonlab.core.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.traces.TraceTestData.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;

class TraceImportTest {
    @TempDir
    Path dir;

    private TraceImport importTraces(String tracesName, String traces) throws Exception {
        Path datasetFile = write(dir, "d.jsonl", TraceTestData.DATASET);
        Dataset dataset = DatasetLoader.load(datasetFile).dataset();
        TraceFile file = TraceFileReader.read(write(dir, tracesName, traces));
        return TraceImport.join(dataset, datasetFile, file.traces());
    }

    private static DatasetRecord record(Dataset dataset, String id) {
        return dataset.recordStream().filter(r -> id.equals(r.id())).findFirst().orElseThrow();
    }

    @Test
    void joinsByIdAndCountsCorrectness() throws Exception {
        TraceImport imported = importTraces("t.jsonl", TraceTestData.TRACES_JSONL);
        assertEquals(4, imported.traced());
        assertEquals(2, imported.count(Correctness.CORRECT));
        assertEquals(1, imported.count(Correctness.INCORRECT));
        assertEquals(1, imported.count(Correctness.UNCLEAR));
        assertEquals(List.of("e"), imported.untraced().stream().map(DatasetRecord::id).toList());
        assertEquals(6, imported.untraced().get(0).sourceLine());
        assertEquals(List.of(new Trace("x", "No record has this id. It is ethical.", 6)), imported.unknownIds());
        assertEquals(List.of(), imported.idClashes());
    }

    @Test
    void theCopyHasTracesAsReasonsAndKeepsEverythingElse() throws Exception {
        Path datasetFile = write(dir, "d.jsonl", TraceTestData.DATASET);
        Dataset original = DatasetLoader.load(datasetFile).dataset();
        TraceImport imported = TraceImport.join(original, datasetFile,
                TraceFileReader.read(write(dir, "t.jsonl", TraceTestData.TRACES_JSONL)).traces());
        Dataset copy = imported.dataset();
        assertEquals("Returning lost property is honest.", record(original, "a").reason(), "the input is not changed");
        assertEquals(original.entries().size(), copy.entries().size());
        assertInstanceOf(RawLine.class, copy.entries().get(4), "unparsed lines stay where they were");
        assertEquals(List.of("a", "b", "c", "d", "e"), copy.recordStream().map(DatasetRecord::id).toList());

        DatasetRecord a = record(copy, "a");
        DatasetRecord before = record(original, "a");
        assertEquals("The finder gives the wallet back to its owner, so this is ethical.", a.reason());
        assertEquals(before.statement(), a.statement());
        assertEquals(before.label(), a.label());
        assertEquals(Split.TRAIN, a.split());
        assertEquals(before.annotations(), a.annotations());
        assertEquals(before.extra(), a.extra());
        JsonObject metadata = a.metadata();
        assertEquals("pilot", metadata.get("source").getAsString());
        assertEquals("Returning lost property is honest.", metadata.get(TraceMetadata.HUMAN_REASON).getAsString());
        assertEquals("ethical", metadata.get(TraceMetadata.VERDICT).getAsString());
        assertTrue(metadata.get(TraceMetadata.CORRECT).getAsBoolean());
        assertEquals(13, metadata.get(TraceMetadata.WORDS).getAsInt());

        assertFalse(record(copy, "d").metadata().get(TraceMetadata.CORRECT).getAsBoolean());
        assertTrue(record(copy, "c").metadata().get(TraceMetadata.CORRECT).isJsonNull());
        assertTrue(record(copy, "c").metadata().get(TraceMetadata.VERDICT).isJsonNull());

        DatasetRecord e = record(copy, "e");
        assertNull(e.reason(), "a record without a trace keeps no human reason as its reason");
        assertEquals("It was offered to everyone.", e.metadata().get(TraceMetadata.HUMAN_REASON).getAsString());
        assertFalse(e.metadata().has(TraceMetadata.CORRECT));
    }

    @Test
    void theWrittenCopyReadsBackInJsonLinesAndCsv() throws Exception {
        Dataset copy = importTraces("t.jsonl", TraceTestData.TRACES_JSONL).dataset();
        for (DatasetFormat format : List.of(DatasetFormat.JSONL, DatasetFormat.CSV)) {
            Path out = dir.resolve("out." + format.extension());
            DatasetSaver.saveAs(copy, out, format);
            LoadResult reloaded = DatasetLoader.load(out);
            assertEquals(1, reloaded.problems().size(), "only the unparsed line, carried over: " + reloaded.problems());
            List<DatasetRecord> records = reloaded.dataset().records();
            assertEquals(copy.records().stream().map(DatasetRecord::reason).toList(),
                    records.stream().map(DatasetRecord::reason).toList(), format.toString());
            assertEquals("Claiming someone else's work is dishonest.",
                    record(reloaded.dataset(), "b").metadata().get(TraceMetadata.HUMAN_REASON).getAsString());
            assertTrue(record(reloaded.dataset(), "c").metadata().get(TraceMetadata.CORRECT).isJsonNull(),
                    format + " keeps an unclear verdict as null");
            assertEquals(List.of(), Files.list(dir).map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".saving-")).toList(), "no temporary file is left");
        }
    }

    @Test
    void csvTracesGiveTheSameImport() throws Exception {
        TraceImport fromJson = importTraces("t.jsonl", TraceTestData.TRACES_JSONL);
        TraceImport fromCsv = importTraces("t.csv", TraceTestData.TRACES_CSV);
        assertEquals(fromJson.counts(), fromCsv.counts());
        assertEquals("The cat was in the way.\nThe person walked on.", record(fromCsv.dataset(), "c").reason());
    }

    @Test
    void importingAgainKeepsTheHumanReasonNotTheEarlierTrace() throws Exception {
        TraceImport first = importTraces("t.jsonl", TraceTestData.TRACES_JSONL);
        TraceImport second = TraceImport.join(first.dataset(), dir.resolve("d.jsonl"),
                List.of(new Trace("a", "Returning it is right, so it is ethical.", 1)));
        DatasetRecord a = record(second.dataset(), "a");
        assertEquals("Returning it is right, so it is ethical.", a.reason());
        assertEquals("Returning lost property is honest.", a.metadata().get(TraceMetadata.HUMAN_REASON).getAsString());
        DatasetRecord b = record(second.dataset(), "b");
        assertNull(b.reason());
        assertFalse(b.metadata().has(TraceMetadata.WORDS), "the earlier trace's figures go with it");
    }

    @Test
    void anImportLimitedToOneSplitLeavesTheOthersAsTheyAre() throws Exception {
        Path datasetFile = write(dir, "d.jsonl", TraceTestData.DATASET);
        Dataset original = DatasetLoader.load(datasetFile).dataset();
        TraceImport imported = TraceImport.join(original, datasetFile,
                TraceFileReader.read(write(dir, "t.jsonl", TraceTestData.TRACES_JSONL)).traces(), Split.TRAIN);
        assertEquals(3, imported.traced());
        assertEquals(List.of(), imported.untraced());
        assertEquals(2, imported.otherSplits());
        assertEquals(List.of("d"), imported.unusedIds().stream().map(Trace::id).toList());
        assertEquals(List.of("x"), imported.unknownIds().stream().map(Trace::id).toList());
        assertEquals(record(original, "d"), record(imported.dataset(), "d"), "a test record keeps its human reason");
        assertEquals(record(original, "e"), record(imported.dataset(), "e"));
        assertEquals("The finder gives the wallet back to its owner, so this is ethical.",
                record(imported.dataset(), "a").reason());
    }

    @Test
    void aDatasetIdTwiceIsAClashNamingBothLines() throws Exception {
        Path datasetFile = write(dir, "d.jsonl", """
                {"id":"a","statement":"s1","label":"ethical","reason":"r1"}
                {"id":"b","statement":"s2","label":"ethical","reason":"r2"}
                {"id":"a","statement":"s3","label":"unethical","reason":"r3"}
                """);
        TraceImport imported = TraceImport.join(DatasetLoader.load(datasetFile).dataset(), datasetFile,
                List.of(new Trace("a", "It is ethical.", 1)));
        assertEquals(1, imported.idClashes().size());
        assertEquals(datasetFile + ":3:1: id 'a' is also the id of the record on line 1; traces are joined by id,"
                + " so ids must be unique", imported.idClashes().get(0).toString());
    }
}
