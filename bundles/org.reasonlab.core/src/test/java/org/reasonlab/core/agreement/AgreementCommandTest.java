package org.reasonlab.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.cli.CliCommand;
import org.reasonlab.core.cli.ReasonLabCli;

/** {@code reasonlab agreement} through the command line entry point. */
class AgreementCommandTest {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ReasonLabCli().run(Arrays.asList(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("annotated.jsonl");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static final String ANNOTATED = """
            {"id":"a","statement":"I returned the wallet I found.","label":"ethical","reason":"Returning lost property is honest.","annotations":[{"annotator":"ann1","label":"ethical","reason":"Honest."},{"annotator":"ann2","label":"0","reason":"Kind."}]}
            {"id":"b","statement":"I read my sister's diary.","label":"ethical","reason":"Curiosity.","annotations":[{"annotator":"ann1","label":"unethical","reason":"It invades her privacy."},{"annotator":"ann2","label":"unethical","reason":"A diary is private."},{"annotator":"ann3","label":"ethical","reason":"Siblings share."}]}
            {"id":"c","statement":"I told a white lie about the gift.","label":"unethical","reason":"Lying.","annotations":[{"annotator":"ann1","label":"ethical","reason":"Spares feelings."},{"annotator":"ann2","label":"unethical","reason":"Still a lie."}]}
            {"id":"d","statement":"I helped carry the shopping.","label":"ethical","reason":"Helpful."}
            """;

    @Test
    void printsCoefficientsAndDisagreements() throws IOException {
        Path file = write(ANNOTATED);
        Result r = run("agreement", file.toString());

        assertEquals(CliCommand.OK, r.status(), r.err());
        assertTrue(r.out().contains("Agreement: " + file), r.out());
        assertTrue(r.out().contains("Krippendorff's alpha"), r.out());
        assertTrue(r.out().contains(file + ":2 [b] final ethical, majority unethical (differs)"), r.out());
        assertTrue(r.out().contains("ann1: unethical - It invades her privacy."), r.out());
        assertTrue(r.out().contains(file + ":3 [c] final unethical, majority (tie)"), r.out());
    }

    @Test
    void jsonHasTheReport() throws IOException {
        Path file = write(ANNOTATED);
        Result r = run("agreement", file.toString(), "--json");

        assertEquals(CliCommand.OK, r.status(), r.err());
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject agreement = json.getAsJsonObject("agreement");
        assertEquals(4, agreement.get("records").getAsInt());
        assertEquals(3, agreement.get("pairableItems").getAsInt());
        assertEquals(3, agreement.getAsJsonArray("pairs").size());
        assertEquals(2, agreement.getAsJsonArray("disagreements").size());
        JsonObject b = agreement.getAsJsonArray("disagreements").get(0).getAsJsonObject();
        assertEquals("b", b.get("id").getAsString());
        assertEquals(1, b.get("entryIndex").getAsInt());
        assertEquals(2, b.get("line").getAsInt());
        assertTrue(b.get("finalDiffersFromMajority").getAsBoolean());
        // Percent agreement by hand: a 1, b 1/3, c 0 -> 4/9.
        assertEquals(4.0 / 9, agreement.getAsJsonObject("percentAgreement").get("value").getAsDouble(), 1e-12);
    }

    @Test
    void aFileWithoutAnnotationsSaysSo() throws IOException {
        Path file = write("""
                {"id":"d","statement":"I helped carry the shopping.","label":"ethical","reason":"Helpful."}
                """);
        Result r = run("agreement", file.toString());

        assertEquals(CliCommand.OK, r.status(), r.err());
        assertTrue(r.out().contains("Agreement cannot be measured: no record has a labelled annotation."), r.out());
    }

    @Test
    void unparsedLinesFailAndWrongCommandLinesAreUsageErrors() throws IOException {
        Path file = write(ANNOTATED + "{not json\n");
        Result r = run("agreement", file.toString());
        assertEquals(CliCommand.DATA_ERRORS, r.status());
        assertTrue(r.err().contains(file + ":5:"), r.err());

        assertEquals(CliCommand.USAGE, run("agreement").status());
        assertEquals(CliCommand.USAGE, run("agreement", file.toString(), "--limit", "-1").status());
        assertEquals(CliCommand.USAGE, run("agreement", file.toString(), "--bogus").status());
        assertEquals(CliCommand.IO_ERROR, run("agreement", dir.resolve("nope.jsonl").toString()).status());
    }

    @Test
    void limitCutsTheDisagreementList() throws IOException {
        Path file = write(ANNOTATED);
        Result r = run("agreement", file.toString(), "--limit", "1");

        assertTrue(r.out().contains("[b]"), r.out());
        assertTrue(r.out().contains("... and 1 more (use --limit or --json)"), r.out());
    }
}
