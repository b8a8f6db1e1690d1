package org.reasonlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.testing.SharedData;

/** {@code reasonlab validate FILE --fix}: the Problems view's safe quick fixes, headless and atomic. */
class ValidateFixCommandTest {
    private static final String RAW = "{\"id\":\"x\", not json \u00A0 \n";

    @TempDir
    Path dir;

    @Test
    void fixesWhitespaceNonBreakingSpacesAndMojibakeAndKeepsUnparsedLinesByteForByte() throws IOException {
        Path file = dir.resolve("data.jsonl");
        byte[] invalidUtf8 = {'{', (byte) 0xC3, '(', '\n'};
        String records = """
                {"id":"a","statement":"  I returned the wallet I found. ","label":"ethical","reason":"Returning lost property respects its owner."}
                {"id":"b","statement":"I didn\u00E2\u20AC\u2122t pay for the bus.","label":"unethical","reason":"Not\u00A0paying the fare cheats everyone who does."}
                """;
        Files.write(file, concat(records.getBytes(StandardCharsets.UTF_8), RAW.getBytes(StandardCharsets.UTF_8), invalidUtf8));

        CliRun r = run("validate", file.toString(), "--fix");
        assertEquals(CliCommand.DATA_ERRORS, r.status(), "the unparsed lines are still errors: " + r.out());
        assertTrue(r.out().contains(file + ": fixed 1 record(s): repair mis-decoded characters (mojibake) [mojibake]"), r.out());
        assertTrue(r.out().contains(file + ": fixed 1 record(s): replace non-breaking spaces with plain spaces [non-breaking-space]"), r.out());
        assertTrue(r.out().contains(file + ": fixed 1 record(s): trim leading and trailing whitespace [untrimmed-whitespace]"), r.out());

        String expected = """
                {"id":"a","statement":"I returned the wallet I found.","label":"ethical","reason":"Returning lost property respects its owner."}
                {"id":"b","statement":"I didn\u2019t pay for the bus.","label":"unethical","reason":"Not paying the fare cheats everyone who does."}
                """;
        assertArrayEquals(concat(expected.getBytes(StandardCharsets.UTF_8), RAW.getBytes(StandardCharsets.UTF_8), invalidUtf8),
                Files.readAllBytes(file));
        assertEquals(List.of("data.jsonl"), fileNames(), "no temporary file is left");

        CliRun again = run("validate", file.toString(), "--fix", "--json");
        JsonObject json = JsonParser.parseString(again.out()).getAsJsonObject();
        assertEquals(0, json.getAsJsonObject("fixed").size(), again.out());
        assertEquals(0, json.getAsJsonObject("summary").get("info").getAsInt(), again.out());
    }

    @Test
    void aFileWithNothingToFixIsNotWritten() throws IOException {
        Path file = dir.resolve("clean.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"statement\":\"I fed the cat.\",\"label\":\"ethical\",\"reason\":\"Feeding a hungry cat is kind to it.\"}\n");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        CliRun r = run("validate", file.toString(), "--fix");
        assertTrue(r.out().startsWith(file + ": nothing to fix\n"), r.out());
        assertEquals(0, Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void fixesTheDfarTrainingSetAndLeavesNothingToFix() throws IOException {
        Path file = dir.resolve("dfar.csv");
        Files.copy(SharedData.dfarTrainset(), file);
        CliRun first = run("validate", file.toString(), "--fix", "--json");
        JsonObject fixed = JsonParser.parseString(first.out()).getAsJsonObject().getAsJsonObject("fixed");
        assertTrue(fixed.size() > 0, first.out());
        CliRun second = run("validate", file.toString(), "--fix", "--json");
        JsonObject json = JsonParser.parseString(second.out()).getAsJsonObject();
        assertEquals(0, json.getAsJsonObject("fixed").size());
        assertEquals(4500, json.get("records").getAsInt());
        assertEquals(List.of("dfar.csv"), fileNames());
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
