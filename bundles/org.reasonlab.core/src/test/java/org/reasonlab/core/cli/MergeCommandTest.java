package org.reasonlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.testing.SharedData;

/** {@code convert --split/--id-prefix} and {@code merge}: real data in without scripts. */
class MergeCommandTest {
    private static final String DFAR = "Statement,Label,Reason\r\n"
            + "I held the door for a stranger.,0,Holding the door is a small kindness.\r\n"
            + "I kept the change the cashier gave me by mistake.,1,Keeping money that is not yours is dishonest.\r\n";
    private static final String OTHER = "Statement,Label,Reason\r\n"
            + "I fed my neighbour's cat while she was away.,0,Looking after her cat is a kind favour.\r\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private static List<DatasetRecord> records(Path file) throws IOException {
        return DatasetLoader.load(file).dataset().records();
    }

    @Test
    void convertPutsEveryRecordInTheSplitAndPrefixesIds() throws IOException {
        write("test.csv", DFAR);
        CliRun r = run("convert", path("test.csv"), path("test.jsonl"), "--split", "test", "--id-prefix", "test-");
        assertEquals(CliCommand.OK, r.status(), r.err());
        List<DatasetRecord> records = records(dir.resolve("test.jsonl"));
        assertEquals(List.of("test-1", "test-2"), records.stream().map(DatasetRecord::id).toList());
        assertTrue(records.stream().allMatch(rec -> rec.split() == Split.TEST), records.toString());
    }

    @Test
    void convertRejectsAnUnknownSplitAndAnEmptyPrefix() throws IOException {
        write("test.csv", DFAR);
        CliRun split = run("convert", path("test.csv"), path("a.jsonl"), "--split", "holdout");
        assertEquals(CliCommand.USAGE, split.status());
        assertTrue(split.err().contains("--split must be train, validation or test, was 'holdout'"), split.err());
        assertEquals(CliCommand.USAGE, run("convert", path("test.csv"), path("a.jsonl"), "--id-prefix", "").status());
        assertFalse(Files.exists(dir.resolve("a.jsonl")));
    }

    @Test
    void mergeKeepsEachRecordsSplitAcrossFormats() throws IOException {
        write("train.csv", DFAR);
        write("test.csv", OTHER);
        assertEquals(CliCommand.OK, run("convert", path("train.csv"), path("train.jsonl"), "--split", "train").status());
        assertEquals(CliCommand.OK,
                run("convert", path("test.csv"), path("test.jsonl"), "--split", "test", "--id-prefix", "t").status());
        CliRun r = run("merge", path("train.jsonl"), path("test.jsonl"), path("all.csv"));
        assertEquals(CliCommand.OK, r.status(), r.err());
        assertEquals("wrote " + path("all.csv") + ": 3 records from 2 files as csv\n", r.out());
        List<DatasetRecord> merged = records(dir.resolve("all.csv"));
        assertEquals(List.of("1", "2", "t1"), merged.stream().map(DatasetRecord::id).toList());
        assertEquals(List.of(Split.TRAIN, Split.TRAIN, Split.TEST), merged.stream().map(DatasetRecord::split).toList());
        assertEquals("unethical", merged.get(1).label());
        assertNoTemporaryFiles();
    }

    @Test
    void mergeRefusesAnIdInTwoFilesAndWritesNothing() throws IOException {
        write("a.csv", DFAR);
        write("b.csv", OTHER);
        CliRun r = run("merge", path("a.csv"), path("b.csv"), path("all.jsonl"));
        assertEquals(CliCommand.DATA_ERRORS, r.status());
        assertEquals("reasonlab merge: id '1' is in " + path("a.csv") + " (line 2) and in " + path("b.csv")
                + " (line 2); nothing was written. Give the files distinct ids first: reasonlab convert IN OUT --id-prefix P\n",
                r.err());
        assertFalse(Files.exists(dir.resolve("all.jsonl")));
        assertNoTemporaryFiles();
    }

    @Test
    void mergeCarriesUnparsedLinesVerbatimAndReportsThem() throws IOException {
        write("good.jsonl", "{\"id\":\"a\",\"statement\":\"I fed the cat.\",\"label\":\"ethical\",\"reason\":\"Kind.\",\"split\":\"train\"}\n");
        write("bad.jsonl", "{\"id\":\"b\",\"statement\":\"I lied.\",\"label\":\"unethical\"}\n{not json\n");
        CliRun r = run("merge", path("good.jsonl"), path("bad.jsonl"), path("all.jsonl"));
        assertEquals(CliCommand.DATA_ERRORS, r.status());
        assertTrue(r.err().startsWith(path("bad.jsonl") + ":2:"), r.err());
        assertTrue(r.err().contains("1 unparsed line(s) were copied verbatim"), r.err());
        Dataset merged = DatasetLoader.load(dir.resolve("all.jsonl")).dataset();
        assertEquals(2, merged.recordCount());
        RawLine raw = merged.rawLines().get(0);
        assertArrayEquals("{not json".getBytes(StandardCharsets.UTF_8), raw.bytes());
        assertEquals(3, raw.sourceLine());
    }

    @Test
    void mergeRefusesToWriteOverAnInputOrAnExistingFile() throws IOException {
        write("a.csv", DFAR);
        Path b = write("b.jsonl", "{\"id\":\"x\",\"statement\":\"s\"}\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), Path.of("b.jsonl"));
        CliRun same = run("merge", path("a.csv"), b.toString(), link.toString(), "--force");
        assertEquals(CliCommand.USAGE, same.status());
        assertTrue(same.err().startsWith("reasonlab merge: an input and OUT are the same file: "), same.err());
        write("out.jsonl", "keep me\n");
        assertEquals(CliCommand.USAGE, run("merge", path("a.csv"), b.toString(), path("out.jsonl")).status());
        assertEquals("keep me\n", Files.readString(dir.resolve("out.jsonl")));
        assertEquals(CliCommand.USAGE, run("merge", path("a.csv")).status());
    }

    @Test
    void dfarTrainAndAPrefixedCopyMergeIntoOneDatasetWithBothSplits() throws IOException {
        Path trainset = SharedData.dfarTrainset();
        assertEquals(CliCommand.OK, run("convert", trainset.toString(), path("train.jsonl"), "--split", "train").status());
        assertEquals(CliCommand.DATA_ERRORS,
                run("merge", path("train.jsonl"), trainset.toString(), path("clash.jsonl")).status(),
                "both number their ids from 1");
        assertEquals(CliCommand.OK, run("convert", trainset.toString(), path("test.jsonl"), "--split", "test",
                "--id-prefix", "test-").status());
        CliRun r = run("merge", path("train.jsonl"), path("test.jsonl"), path("all.jsonl"));
        assertEquals(CliCommand.OK, r.status(), r.err());
        List<DatasetRecord> merged = records(dir.resolve("all.jsonl"));
        assertEquals(9000, merged.size());
        assertEquals(4500, merged.stream().filter(rec -> rec.split() == Split.TEST).count());
        assertEquals("test-4500", merged.get(8999).id());
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> temporary = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), temporary);
        }
    }
}
