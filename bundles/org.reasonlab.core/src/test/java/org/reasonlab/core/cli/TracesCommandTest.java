package org.reasonlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.traces.TraceMetadata;
import org.reasonlab.core.traces.TraceTestData;

class TracesCommandTest {
    @TempDir
    Path dir;

    private Path dataset() throws Exception {
        return TraceTestData.write(dir, "d.jsonl", TraceTestData.DATASET);
    }

    private Path traces() throws Exception {
        return TraceTestData.write(dir, "t.jsonl", TraceTestData.TRACES_JSONL);
    }

    private List<String> fileNames() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void importStatsAndFilterEndToEnd() throws Exception {
        Path data = dataset();
        Path imported = dir.resolve("imported.jsonl");
        CliRun r = CliRun.run("traces", "import", data.toString(), "--traces", traces().toString(), "--out",
                imported.toString());
        // the dataset's unparsed line is reported and copied, as by every dataset command
        assertEquals(CliCommand.DATA_ERRORS, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("4 record(s) got a trace: 2 correct, 1 incorrect, 1 without a clear verdict"),
                r.out());
        assertTrue(r.out().contains("1 record(s) have no trace"), r.out());
        assertTrue(r.out().contains("    " + data + ":6 [e]"), r.out());
        assertTrue(r.out().contains("1 trace(s) name an id that is no record's"), r.out());
        assertTrue(r.out().contains("    " + dir.resolve("t.jsonl") + ":6 [x]"), r.out());
        assertTrue(r.out().contains("wrote " + imported + ": 5 records"), r.out());
        assertTrue(r.err().contains(data + ":5:"), r.err());
        assertEquals(List.of("d.jsonl", "imported.jsonl", "t.jsonl"), fileNames(), "no temporary file is left");

        LoadResult reloaded = DatasetLoader.load(imported);
        DatasetRecord b = reloaded.dataset().records().get(1);
        assertEquals("Taking credit for a colleague's report deceives everyone, so this is unethical.", b.reason());
        assertEquals("Claiming someone else's work is dishonest.",
                b.metadata().get(TraceMetadata.HUMAN_REASON).getAsString());
        assertTrue(b.metadata().get(TraceMetadata.CORRECT).getAsBoolean());

        CliRun stats = CliRun.run("traces", "stats", imported.toString(), "--json");
        JsonObject json = JsonParser.parseString(stats.out()).getAsJsonObject();
        assertEquals(4, json.get("traced").getAsInt());
        assertEquals(1, json.get("untraced").getAsInt());
        assertEquals(2, json.getAsJsonObject("correctness").get("correct").getAsInt());
        assertEquals(14, json.getAsJsonObject("lengthWords").getAsJsonObject("all").get("max").getAsInt());
        CliRun text = CliRun.run("traces", "stats", imported.toString(), "--buckets", "11,13");
        assertTrue(text.out().contains("4 of 5 records have a trace (1 without)"), text.out());
        assertTrue(text.out().contains("Length buckets (fixed edges)"), text.out());
        assertTrue(text.out().contains("12-13   12-13       2        2"), text.out());
        CliRun test = CliRun.run("traces", "stats", imported.toString(), "--split", "test", "--json");
        JsonObject testJson = JsonParser.parseString(test.out()).getAsJsonObject();
        assertEquals(1, testJson.get("traced").getAsInt(), "d has a trace, e none: " + test.out());
        assertEquals(1, testJson.get("untraced").getAsInt());

        Path filtered = dir.resolve("filtered.csv");
        CliRun f = CliRun.run("traces", "filter", imported.toString(), "--out", filtered.toString());
        assertTrue(f.out().contains("kept 2 of 5 records (correct traces)"), f.out());
        assertTrue(f.out().contains("  dropped 1: incorrect"), f.out());
        assertTrue(f.out().contains("  dropped 1: no clear verdict"), f.out());
        assertTrue(f.out().contains("wrote " + filtered + ": 2 records as csv"), f.out());
        List<DatasetRecord> kept = DatasetLoader.load(filtered).dataset().records();
        assertEquals(List.of("a", "b"), kept.stream().map(DatasetRecord::id).toList());
        assertEquals("Returning lost property is honest.",
                kept.get(0).metadata().get(TraceMetadata.HUMAN_REASON).getAsString());

        Path trainOnly = dir.resolve("train-only.jsonl");
        CliRun split = CliRun.run("traces", "filter", imported.toString(), "--out", trainOnly.toString(), "--correct",
                "any", "--min-length", "11", "--split", "train", "--json");
        JsonObject filterJson = JsonParser.parseString(split.out()).getAsJsonObject();
        assertEquals(2, filterJson.get("kept").getAsInt());
        assertEquals(2, filterJson.get("notFiltered").getAsInt());
        assertEquals(1, filterJson.getAsJsonObject("dropped").get("too-short").getAsInt());
        assertEquals(List.of("a", "b", "d", "e"), DatasetLoader.load(trainOnly).dataset().recordStream()
                .map(DatasetRecord::id).toList());
    }

    @Test
    void importsIntoOneSplitOnly() throws Exception {
        Path out = dir.resolve("out.jsonl");
        CliRun r = CliRun.run("traces", "import", dataset().toString(), "--traces", traces().toString(), "--out",
                out.toString(), "--split", "train");
        assertTrue(r.out().contains("3 record(s) got a trace: 2 correct, 0 incorrect, 1 without a clear verdict"),
                r.out());
        assertTrue(r.out().contains("2 record(s) of other splits than train are kept as they are; 1 trace(s) for them"
                + " were not used"), r.out());
        DatasetRecord d = DatasetLoader.load(out).dataset().records().get(3);
        assertEquals("Helping someone who needs it is kind.", d.reason());
    }

    @Test
    void aBadTracesFileWritesNothingAndNamesEveryLine() throws Exception {
        Path bad = TraceTestData.write(dir, "bad.jsonl", """
                {"id":"a","trace":"It is ethical."}
                {"id":"b","trace":
                {"id":"a","trace":"Again, it is ethical."}
                """);
        Path out = dir.resolve("out.jsonl");
        CliRun r = CliRun.run("traces", "import", dataset().toString(), "--traces", bad.toString(), "--out",
                out.toString());
        assertEquals(CliCommand.DATA_ERRORS, r.status());
        assertTrue(r.err().contains(bad + ":2:"), r.err());
        assertTrue(r.err().contains(bad + ":3:1: error: duplicate id 'a': line 1 has a trace for it too"), r.err());
        assertTrue(r.err().contains("nothing was written"), r.err());
        assertFalse(Files.exists(out));

        CliRun json = CliRun.run("traces", "import", dataset().toString(), "--traces", bad.toString(), "--out",
                out.toString(), "--json");
        JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
        assertTrue(o.get("output").isJsonNull());
        assertEquals(2, o.getAsJsonArray("traceProblems").size());
        assertFalse(Files.exists(out));
    }

    @Test
    void tracesForNoRecordWriteNothing() throws Exception {
        Path other = TraceTestData.write(dir, "other.csv", "id,trace\n101,It is ethical.\n102,It is unethical.\n");
        CliRun r = CliRun.run("traces", "import", dataset().toString(), "--traces", other.toString(), "--out",
                dir.resolve("out.jsonl").toString());
        assertEquals(CliCommand.DATA_ERRORS, r.status());
        assertTrue(r.err().contains("no trace names a record of " + dir.resolve("d.jsonl")
                + " (the traces' ids are such as '101'); nothing was written"), r.err());
    }

    @Test
    void wrongCommandLinesAreUsageErrors() throws Exception {
        Path data = dataset();
        Path t = traces();
        Path out = dir.resolve("out.jsonl");
        assertEquals(CliCommand.USAGE, CliRun.run("traces").status());
        assertEquals(CliCommand.USAGE, CliRun.run("traces", "merge", data.toString()).status());
        assertEquals(CliCommand.USAGE, CliRun.run("traces", "import", data.toString(), "--out", out.toString()).status());
        assertEquals(CliCommand.USAGE, CliRun.run("traces", "import", data.toString(), "--traces", t.toString(),
                "--out", dir.resolve("out.csv").toString(), "--to", "dfar").status());
        assertEquals(CliCommand.USAGE, CliRun.run("traces", "import", data.toString(), "--traces", t.toString(),
                "--out", data.toString(), "--force").status(), "never over an input");
        assertEquals(CliCommand.USAGE, CliRun.run("traces", "stats", data.toString(), "--buckets", "100,50").status());
        assertEquals(CliCommand.USAGE, CliRun.run("traces", "filter", data.toString(), "--out", out.toString(),
                "--correct", "maybe").status());
        assertEquals(CliCommand.USAGE, CliRun.run("traces", "filter", data.toString(), "--out", out.toString(),
                "--min-length", "20", "--max-length", "10").status());
        CliRun bucket = CliRun.run("traces", "filter", data.toString(), "--out", out.toString(), "--bucket", "huge");
        assertEquals(CliCommand.USAGE, bucket.status());
        assertTrue(bucket.err().contains("no bucket named 'huge'; the buckets are short, medium, long"), bucket.err());
        assertEquals(CliCommand.USAGE, CliRun.run("traces", "filter", data.toString(), "--out", out.toString(),
                "--buckets", "50").status(), "--buckets without --bucket does nothing");
        assertFalse(Files.exists(out));

        Files.writeString(out, "");
        CliRun exists = CliRun.run("traces", "import", data.toString(), "--traces", t.toString(), "--out",
                out.toString());
        assertEquals(CliCommand.USAGE, exists.status());
        assertTrue(exists.err().contains("pass --force"), exists.err());
        assertEquals(CliCommand.OK, CliRun.run("traces", "--help").status());
    }

    @Test
    void theOutputGetsTheDatasetsOwnLabels() throws Exception {
        Path data = TraceTestData.write(dir, "safety.jsonl", """
                {"id":"1","statement":"I mixed bleach and ammonia to clean.","label":"harmful","reason":"Toxic gas."}
                """);
        LabelSchema schema = LabelSchema.of("safe", "harmful");
        LabelSchemaFile.write(schema, LabelSchemaFile.sidecarFor(data));
        Path t = TraceTestData.write(dir, "t.csv", "id,trace\n1,\"Mixing them releases chloramine gas, so it is harmful.\"\n");
        Path out = dir.resolve("out.jsonl");
        CliRun r = CliRun.run("traces", "import", data.toString(), "--traces", t.toString(), "--out", out.toString());
        assertEquals(CliCommand.OK, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("1 correct"), r.out());
        assertEquals(schema, LabelSchemaFile.read(LabelSchemaFile.sidecarFor(out)).orElseThrow());
        assertEquals(schema, DatasetLoader.load(out).dataset().schema());
    }
}
