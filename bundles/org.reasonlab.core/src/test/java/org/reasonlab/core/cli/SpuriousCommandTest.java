package org.reasonlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

class SpuriousCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTrainRecordsWithThePronounTiedToTheLabelAndTestRecordsWithout() throws Exception {
        Path out = tmp.resolve("spurious.jsonl");
        CliRun run = CliRun.run("spurious", out.toString(), "--train", "100", "--test", "200", "--seed", "3");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("100 train records (100 with the pronoun that goes with their label), 200 test"),
                run.out());
        LoadResult loaded = DatasetLoader.load(out);
        assertTrue(loaded.problems().isEmpty(), loaded.problems()::toString);
        List<DatasetRecord> records = loaded.dataset().records();
        List<DatasetRecord> train = records.stream().filter(r -> r.split() == Split.TRAIN).toList();
        List<DatasetRecord> test = records.stream().filter(r -> r.split() == Split.TEST).toList();
        assertEquals(100, train.size());
        assertEquals(200, test.size());
        assertTrue(train.stream().allMatch(r -> r.statement().startsWith("He ") == r.label().equals("unethical")));
        long tiedInTest = test.stream().filter(r -> r.statement().startsWith("He ") == r.label().equals("unethical"))
                .count();
        assertTrue(tiedInTest > 60 && tiedInTest < 140, "about half of the test records: " + tiedInTest);
        assertTrue(records.stream().allMatch(r -> !r.reason().isBlank()));

        // the same seed writes the same file; an existing file is kept unless --force
        String first = Files.readString(out);
        CliRun again = CliRun.run("spurious", out.toString(), "--train", "100", "--test", "200", "--seed", "3");
        assertEquals(2, again.status());
        assertTrue(again.err().contains("--force"), again.err());
        assertEquals(0, CliRun.run("spurious", out.toString(), "--train", "100", "--test", "200", "--seed", "3",
                "--force").status());
        assertEquals(first, Files.readString(out));

        CliRun bad = CliRun.run("spurious", tmp.resolve("x.jsonl").toString(), "--correlation", "1.5");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--correlation must be from 0"), bad.err());
        assertTrue(!Files.exists(tmp.resolve("x.jsonl")));
        CliRun dfar = CliRun.run("spurious", tmp.resolve("x.csv").toString(), "--to", "dfar");
        assertEquals(2, dfar.status());
        assertTrue(dfar.err().contains("no split or id column"), dfar.err());
        assertEquals(2, CliRun.run("spurious", tmp.resolve("x.jsonl").toString(), "--train", "2147483647").status());

        // a label sidecar another file left beside OUT does not give the new file its labels
        Files.writeString(tmp.resolve("y.labels.json"), "{\"labels\":[{\"name\":\"yes\"},{\"name\":\"no\"}]}");
        assertEquals(0, CliRun.run("spurious", tmp.resolve("y.jsonl").toString(), "--train", "4", "--test", "2").status());
        LoadResult y = DatasetLoader.load(tmp.resolve("y.jsonl"));
        assertTrue(y.problems().isEmpty(), y.problems()::toString);
        assertEquals(List.of("ethical", "unethical"), y.dataset().schema().names());
    }
}
