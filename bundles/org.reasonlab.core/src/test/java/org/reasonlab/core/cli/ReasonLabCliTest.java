package org.reasonlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.reasonlab.core.cli.CliRun.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.testing.SharedData;

class ReasonLabCliTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static final String CLEAN = """
            {"id":"a","statement":"I returned the wallet I found on the bus.","label":"ethical","reason":"Returning lost property to its owner is honest and kind.","split":"train"}
            {"id":"b","statement":"I took credit for my colleague's report.","label":"unethical","reason":"Claiming someone else's work as your own is dishonest and unfair to them.","split":"train"}
            {"id":"c","statement":"I helped my neighbour carry her shopping.","label":"ethical","reason":"Helping someone who needs it is a considerate thing to do.","split":"test"}
            """;

    @Test
    void statsOfACleanFileSucceeds() throws IOException {
        Path file = write("clean.jsonl", CLEAN);
        CliRun r = run("stats", file.toString());
        assertEquals(CliCommand.OK, r.status(), r.err());
        assertTrue(r.out().contains("3"), r.out());
        assertTrue(r.out().contains("ethical"), r.out());
    }

    @Test
    void statsJsonCountsLabels() throws IOException {
        Path file = write("clean.jsonl", CLEAN);
        CliRun r = run("stats", file.toString(), "--json");
        assertEquals(CliCommand.OK, r.status(), r.err());
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject stats = json.getAsJsonObject("statistics");
        assertEquals(3, stats.get("records").getAsInt());
        assertEquals(2, stats.getAsJsonObject("labels").get("ethical").getAsInt());
        assertEquals(1, stats.getAsJsonObject("labels").get("unethical").getAsInt());
    }

    @Test
    void statsAgainstAnotherFileReportsLeakage() throws IOException {
        Path train = write("train.jsonl", CLEAN);
        Path test = write("test.jsonl", """
                {"id":"t1","statement":"I returned the wallet I found on the bus","label":"ethical","reason":"It belongs to someone else, so giving it back is right."}
                """);
        CliRun r = run("stats", train.toString(), "--against", test.toString());
        assertEquals(CliCommand.DATA_ERRORS, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("1 statement(s) appear in both files"), r.out());
        assertTrue(r.out().contains("  " + train + ":1 [a]: I returned the wallet"), r.out());
        assertTrue(r.out().contains("  " + test + ":1 [t1]: I returned the wallet"), r.out());
    }

    @Test
    void validateReportsLineNumberedProblemsAndFails() throws IOException {
        Path file = write("bad.jsonl", CLEAN + """
                {"id":"d","statement":"","label":"ethical","reason":"ok"}
                {this is not json
                {"id":"e","statement":"I lied to my manager.","label":"maybe","reason":"Lying to your manager breaks their trust in you."}
                """);
        CliRun r = run("validate", file.toString());
        assertEquals(CliCommand.DATA_ERRORS, r.status(), r.out());
        assertTrue(r.out().contains(file + ":4"), r.out());
        assertTrue(r.out().contains(file + ":5:"), r.out());
        assertTrue(r.out().contains(file + ":6"), r.out());
        assertTrue(r.out().contains("error"), r.out());
    }

    @Test
    void validateOfACleanFileSucceeds() throws IOException {
        Path file = write("clean.jsonl", CLEAN);
        CliRun r = run("validate", file.toString(), "--json");
        assertEquals(CliCommand.OK, r.status(), r.out());
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(0, json.getAsJsonObject("summary").get("error").getAsInt());
    }

    @Test
    void convertDfarCsvToJsonlKeepsEveryRecord() throws IOException {
        Path csv = write("dfar.csv", "Statement,Label,Reason\r\n"
                + "I kept the change the cashier gave me by mistake.,1,\"Keeping money that is not yours is dishonest.\r\nIt hurts the cashier.\"\r\n"
                + "I held the door for a stranger.,0,Holding the door is a small kindness.\r\n");
        Path jsonl = dir.resolve("out.jsonl");
        CliRun r = run("convert", csv.toString(), jsonl.toString());
        assertEquals(CliCommand.OK, r.status(), r.err());
        LoadResult loaded = DatasetLoader.load(jsonl);
        List<DatasetRecord> records = loaded.dataset().records();
        assertEquals(2, records.size());
        assertEquals("unethical", records.get(0).label());
        assertEquals("Keeping money that is not yours is dishonest.\r\nIt hurts the cashier.", records.get(0).reason());
        assertEquals("ethical", records.get(1).label());
    }

    @Test
    void convertToDfarKeepsALabelOutsideTheSchemaAndReportsIt() throws IOException {
        String dfar = "Statement,Label,Reason\r\nI kept the change.,2,Odd label\r\n";
        Path in = write("label2.csv", dfar);
        Path out = dir.resolve("out.csv");
        CliRun r = run("convert", in.toString(), out.toString(), "--to", "dfar");
        assertEquals(CliCommand.DATA_ERRORS, r.status(), r.err());
        assertTrue(r.err().contains(in + ":2:20: error: unknown label '2'"), r.err());
        assertEquals(dfar, Files.readString(out));
    }

    @Test
    void aCsvWithCrOnlyLineEndingsIsReadLineByLine() throws IOException {
        Path in = write("mac.csv", "Statement,Label,Reason\rI fed a stray cat.,0,Kind\rI kept the change.,1,Dishonest\r");
        CliRun stats = run("stats", in.toString(), "--json");
        assertEquals(CliCommand.OK, stats.status(), stats.err());
        assertEquals(2, JsonParser.parseString(stats.out()).getAsJsonObject().getAsJsonObject("statistics")
                .get("records").getAsInt());
        Path out = dir.resolve("out.csv");
        assertEquals(CliCommand.OK, run("convert", in.toString(), out.toString(), "--to", "dfar").status());
        assertEquals(Files.readString(in), Files.readString(out));
    }

    @Test
    void convertRefusesToOverwriteWithoutForce() throws IOException {
        Path in = write("in.jsonl", CLEAN);
        Path out = write("out.jsonl", "keep me\n");
        CliRun r = run("convert", in.toString(), out.toString());
        assertEquals(CliCommand.USAGE, r.status());
        assertEquals("keep me\n", Files.readString(out));
    }

    @Test
    void convertRefusesEveryNameOfItsInputAsOutput() throws IOException {
        String good = write("good.jsonl", CLEAN).toString();
        String link = Files.createSymbolicLink(dir.resolve("link.jsonl"), Path.of("good.jsonl")).toString();
        String hard = Files.createLink(dir.resolve("hard.jsonl"), Path.of(good)).toString();
        String viaParent = Files.createDirectory(dir.resolve("sub")).resolve("../good.jsonl").toString();
        String trainPart = write("parts-train.jsonl", CLEAN).toString();
        for (List<String> args : List.of(List.of(good, link, "--force"), List.of(link, good, "--force"),
                List.of(good, hard, "--force"), List.of(good, viaParent, "--force"),
                List.of(trainPart, dir.resolve("parts.jsonl").toString(), "--split-files"))) {
            CliRun r = run(Stream.concat(Stream.of("convert"), args.stream()).toArray(String[]::new));
            assertEquals(CliCommand.USAGE, r.status(), args + ": " + r.err());
            assertTrue(r.err().startsWith("reasonlab convert: IN and OUT are the same file: "), r.err());
        }
        assertEquals(CLEAN, Files.readString(Path.of(good)));
        assertTrue(Files.isSymbolicLink(Path.of(link)));
        assertEquals(CLEAN, Files.readString(Path.of(trainPart)));
    }

    @Test
    void convertWritesOneFilePerSplit() throws IOException {
        Path in = write("in.jsonl", CLEAN);
        CliRun r = run("convert", in.toString(), dir.resolve("parts.jsonl").toString(), "--split-files");
        assertEquals(CliCommand.OK, r.status(), r.err());
        assertEquals(2, DatasetLoader.load(dir.resolve("parts-train.jsonl")).dataset().recordCount());
        assertEquals(1, DatasetLoader.load(dir.resolve("parts-test.jsonl")).dataset().recordCount());
    }

    @Test
    void wrongCommandLinesExitWithUsage() {
        assertEquals(CliCommand.USAGE, run("stats").status());
        assertEquals(CliCommand.USAGE, run("stats", "x.jsonl", "--bogus").status());
        assertEquals(CliCommand.USAGE, run("frobnicate").status());
        assertEquals(CliCommand.OK, run("help").status());
    }

    @Test
    void everyCommandAnswersHelpWithItsUsage() {
        for (String command : List.of("stats", "validate", "convert", "merge", "agreement")) {
            for (String help : List.of("--help", "-h")) {
                CliRun r = run(command, "x.jsonl", help, "--bogus");
                assertEquals(CliCommand.OK, r.status(), command + " " + help + ": " + r.err());
                assertTrue(r.out().startsWith("usage: reasonlab " + command + " "), r.out());
                assertEquals("", r.err());
            }
        }
        assertEquals(CliCommand.IO_ERROR, run("stats", "--", "-h").status(), "after --, -h is a file name");
    }

    @Test
    void missingFileExitsWithIoError() {
        Path missing = dir.resolve("nope.jsonl");
        CliRun r = run("stats", missing.toString());
        assertEquals(CliCommand.IO_ERROR, r.status());
        assertEquals("reasonlab stats: " + missing + ": no such file\n", r.err());
    }

    @Test
    void ioErrorsNameTheUsersFileAndTheProblem() throws IOException {
        Path in = write("in.jsonl", CLEAN);
        Path out = dir.resolve("missing").resolve("out.jsonl");
        CliRun noFolder = run("convert", in.toString(), out.toString());
        assertEquals(CliCommand.IO_ERROR, noFolder.status());
        assertEquals("reasonlab convert: " + out + ": the folder " + out.getParent() + " does not exist\n", noFolder.err());

        Path loop = dir.resolve("loop.jsonl");
        Files.createSymbolicLink(loop, dir.resolve("loop2.jsonl"));
        Files.createSymbolicLink(dir.resolve("loop2.jsonl"), loop);
        CliRun looping = run("validate", loop.toString());
        assertEquals(CliCommand.IO_ERROR, looping.status());
        assertEquals("reasonlab validate: " + loop + ": a symbolic link loop (too many levels of symbolic links)\n",
                looping.err());
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may read anything");
        Path secret = write("secret.jsonl", CLEAN);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        CliRun r = run("stats", secret.toString());
        assertEquals(CliCommand.IO_ERROR, r.status());
        assertEquals("reasonlab stats: " + secret + ": permission denied\n", r.err());
    }

    @Test
    void aTwoGibFileWithoutLineBreaksIsAClearErrorNamingFileAndLine() throws IOException {
        for (String[] command : List.of(new String[] {"validate", "s.jsonl"}, new String[] {"stats", "s.csv"})) {
            Path file = dir.resolve(command[1]);
            try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(2L << 30); // truncate -s 2G: zero bytes that take no disk space
            }
            CliRun r = run(command[0], file.toString());
            assertEquals(CliCommand.IO_ERROR, r.status(), r.err());
            assertEquals("reasonlab " + command[0] + ": " + file + ":1:1: the line is longer than 64 MiB, the most one "
                    + "record may take; is this a dataset file?", r.err().strip());
            Files.delete(file);
        }
    }

    @Test
    void statsOfDfarTrainset() {
        Path dfar = SharedData.dfarTrainset();
        CliRun r = run("stats", dfar.toString(), "--json");
        assertEquals(CliCommand.OK, r.status(), r.err());
        JsonObject stats = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("statistics");
        assertEquals(4500, stats.get("records").getAsInt());
        assertEquals(2588, stats.getAsJsonObject("labels").get("ethical").getAsInt());
        assertEquals(1912, stats.getAsJsonObject("labels").get("unethical").getAsInt());
    }
}
