package org.reasonlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.io.IoTestSupport.concat;
import static org.reasonlab.core.io.IoTestSupport.file;
import static org.reasonlab.core.io.IoTestSupport.utf8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;

class JsonlReadWriteTest {
    @TempDir
    Path dir;

    private static final String GOOD = "{\"id\":\"r1\",\"statement\":\"I returned the wallet.\",\"label\":\"ethical\","
            + "\"reason\":\"It wasn’t mine; keeping it is théft.\",\"split\":\"train\"}";
    private static final String UNKNOWN_LABEL = "{\"id\":\"r2\",\"statement\":\"x\",\"label\":\"maybe\",\"reason\":\"y\"}";
    private static final String BROKEN = "{\"id\":\"r3\",\"statement\":\"oops\" \"label\"}";
    private static final String BAD_SPLIT = "{\"id\":\"r4\",\"statement\":\"s\",\"split\":\"holdout\"}";
    private static final String WRONG_TYPE = "{\"id\":\"r5\",\"statement\":42}";
    private static final String RICH = "{\"id\":\"r6\",\"statement\":\"Quote \\\" and \\\\ and \\n and \\u0001\","
            + "\"label\":\"unethical\",\"reason\":\"emoji 😀\",\"split\":\"test\",\"annotations\":[{\"annotator\":\"a1\","
            + "\"label\":\"unethical\",\"reason\":\"bad\",\"time\":\"2024-05-01T10:00:00Z\"},{\"annotator\":\"a2\"}],"
            + "\"metadata\":{\"source\":\"web\",\"score\":1.50,\"tags\":[\"x\",null,true]},\"lang\":\"en\","
            + "\"nested\":{\"k\":[1,2.0e3]}}";
    private static final String NOT_OBJECT = "[1,2,3]";

    @Test
    void readsRecordsAndKeepsBadLinesWithPositions() throws IOException {
        String text = String.join("\n", GOOD, UNKNOWN_LABEL, BROKEN, BAD_SPLIT, WRONG_TYPE, RICH, NOT_OBJECT) + "\n";
        Path file = file(dir, "data.jsonl", utf8(text));

        LoadResult result = DatasetLoader.load(file);
        Dataset dataset = result.dataset();

        assertEquals(7, dataset.entries().size());
        assertEquals(3, dataset.recordCount());
        DatasetRecord first = (DatasetRecord) dataset.entries().get(0);
        assertEquals("r1", first.id());
        assertEquals("I returned the wallet.", first.statement());
        assertEquals("ethical", first.label());
        assertSame(LabelSchema.defaultSchema().names().get(0), first.label(), "label shares the schema's string");
        assertEquals("It wasn’t mine; keeping it is théft.", first.reason());
        assertEquals(Split.TRAIN, first.split());
        assertEquals(List.of(), first.annotations());
        assertNull(first.metadata());
        assertNull(first.extra());
        assertEquals(1, first.sourceLine());

        DatasetRecord unknown = (DatasetRecord) dataset.entries().get(1);
        assertEquals("maybe", unknown.label());
        assertEquals(2, unknown.sourceLine());

        List<ParseProblem> problems = result.problems();
        assertEquals(5, problems.size(), problems.toString());
        assertProblem(problems.get(0), file, 2, UNKNOWN_LABEL.indexOf("\"maybe\"") + 1,
                "unknown label 'maybe'; expected one of ethical, unethical");
        assertEquals(3, problems.get(1).line());
        assertTrue(problems.get(1).message().startsWith("invalid JSON"), problems.get(1).message());
        assertProblem(problems.get(2), file, 4, BAD_SPLIT.indexOf("\"holdout\"") + 1,
                "unknown split 'holdout'; expected one of train, validation, test");
        assertProblem(problems.get(3), file, 5, WRONG_TYPE.indexOf("42") + 1,
                "field 'statement' must be a string, found a number");
        assertProblem(problems.get(4), file, 7, 1, "expected a JSON object, found an array");
        assertEquals(file + ":5:" + (WRONG_TYPE.indexOf("42") + 1) + ": field 'statement' must be a string, found a number",
                problems.get(3).toString());

        RawLine broken = assertInstanceOf(RawLine.class, dataset.entries().get(2));
        assertArrayEquals(utf8(BROKEN), broken.bytes());
        assertEquals(3, broken.sourceLine());

        DatasetRecord rich = (DatasetRecord) dataset.entries().get(5);
        assertEquals("Quote \" and \\ and \n and \u0001", rich.statement());
        assertEquals("emoji 😀", rich.reason());
        assertEquals(List.of(new Annotation("a1", "unethical", "bad", "2024-05-01T10:00:00Z"),
                new Annotation("a2", null, null, null)), rich.annotations());
        assertEquals(JsonParser.parseString("{\"source\":\"web\",\"score\":1.50,\"tags\":[\"x\",null,true]}"),
                rich.metadata());
        assertEquals(List.of("lang", "nested"), List.copyOf(rich.extra().keySet()));
    }

    @Test
    void canonicalFileWithBadLinesIsWrittenBackByteIdentical() throws IOException {
        String text = String.join("\n", GOOD, BROKEN, UNKNOWN_LABEL, BAD_SPLIT, RICH, WRONG_TYPE, GOOD) + "\n";
        Path file = file(dir, "canonical.jsonl", utf8(text));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertEquals(4, result.dataset().recordCount());
        assertEquals(List.of(2, 4, 6), result.dataset().rawLines().stream().map(RawLine::sourceLine).toList());
    }

    @Test
    void unknownFieldsSurviveLoadAndSaveInSourceOrder() throws IOException {
        Path file = file(dir, "extra.jsonl", utf8(
                "{\"statement\":\"s\",\"zeta\":1,\"alpha\":{\"b\":[true,false]},\"mid\":\"m\",\"num\":12345678901234567890}\n"));
        LoadResult result = DatasetLoader.load(file);
        DatasetRecord r = result.dataset().records().get(0);
        assertNull(r.id(), "no id is invented for JSONL");
        assertEquals(List.of("zeta", "alpha", "mid", "num"), List.copyOf(r.extra().keySet()));
        IoTestSupport.assertSavesIdentically(file);
    }

    @Test
    void annotationsAndMetadataRoundTrip() throws IOException {
        DatasetRecord r = new DatasetRecord("a", "Lying to a friend", "unethical", "Trust matters.", Split.VALIDATION);
        r.setAnnotations(List.of(new Annotation("ann-1", "unethical", "Lying hurts", "2024-01-02T03:04:05Z"),
                new Annotation("ann-2", "ethical", null, null)));
        r.setMetadata(JsonParser.parseString("{\"source\":\"forum\",\"votes\":3,\"ratio\":0.25}").getAsJsonObject());
        Dataset dataset = new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.JSONL), List.of(r));
        Path file = dir.resolve("ann.jsonl");
        DatasetSaver.save(dataset, file);

        assertEquals("{\"id\":\"a\",\"statement\":\"Lying to a friend\",\"label\":\"unethical\",\"reason\":\"Trust matters.\","
                + "\"split\":\"validation\",\"annotations\":[{\"annotator\":\"ann-1\",\"label\":\"unethical\",\"reason\":"
                + "\"Lying hurts\",\"time\":\"2024-01-02T03:04:05Z\"},{\"annotator\":\"ann-2\",\"label\":\"ethical\"}],"
                + "\"metadata\":{\"source\":\"forum\",\"votes\":3,\"ratio\":0.25}}\n", Files.readString(file));
        LoadResult reloaded = DatasetLoader.load(file);
        assertEquals(List.of(r), reloaded.dataset().records());
        assertFalse(reloaded.hasProblems());
    }

    @Test
    void numericDfarLabelsAndAliasesResolveToCanonicalNames() throws IOException {
        Path file = file(dir, "num.jsonl", utf8("{\"statement\":\"a\",\"label\":0}\n{\"statement\":\"b\",\"label\":\"1\"}\n"
                + "{\"statement\":\"c\",\"label\":\" Unethical \"}\n{\"statement\":\"d\"}\n"));
        LoadResult result = DatasetLoader.load(file);
        assertEquals(List.of("ethical", "unethical", "unethical"),
                result.dataset().records().stream().limit(3).map(DatasetRecord::label).toList());
        assertNull(result.dataset().records().get(3).label(), "a missing label is fine");
        assertFalse(result.hasProblems());
    }

    @Test
    void problemColumnsPointAtNumbersAndLiteralsToo() throws IOException {
        String numberLabel = "{\"statement\":\"a\",  \"label\":  7.5}";
        String booleanReason = "{\"statement\":\"b\",\"reason\":true}";
        Path file = file(dir, "cols.jsonl", utf8(numberLabel + "\n" + booleanReason + "\n"));
        LoadResult result = DatasetLoader.load(file);
        assertProblem(result.problems().get(0), file, 1, numberLabel.indexOf("7.5") + 1,
                "unknown label '7.5'; expected one of ethical, unethical");
        assertProblem(result.problems().get(1), file, 2, booleanReason.indexOf("true") + 1,
                "field 'reason' must be a string, found a boolean");
    }

    @Test
    void crlfAndBomArePreserved() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = file(dir, "crlf.jsonl", concat(bom, utf8(GOOD + "\r\n" + BROKEN + "\r\n" + RICH + "\r\n")));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        FileLayout layout = result.dataset().layout();
        assertEquals("\r\n", layout.lineSeparator());
        assertTrue(layout.byteOrderMark());
        assertEquals("r1", result.dataset().records().get(0).id());
        assertArrayEquals(utf8(BROKEN), result.dataset().rawLines().get(0).bytes(), "the CR is not part of the raw line");
    }

    @Test
    void mixedLineEndingsAreWrittenBackLineByLine() throws IOException {
        Path file = file(dir, "mixed.jsonl", utf8(GOOD + "\n" + BROKEN + "\r\r\n" + GOOD + "\r\n" + BROKEN + "\n"));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertEquals(List.of("\n", "\r\r\n", "\r\n", "\n"),
                result.dataset().entries().stream().map(e -> e.lineEnd()).toList());
        assertArrayEquals(utf8(BROKEN), result.dataset().rawLines().get(0).bytes());
    }

    @Test
    void jsonLinesEndAtLineFeedsOnlySoCrOnlyLinesAreOneRawLine() throws IOException {
        Path file = file(dir, "mac.jsonl", utf8(GOOD + "\r" + GOOD + "\r"));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertEquals(1, result.dataset().rawLines().size());
        assertEquals(1, result.problems().get(0).line());
    }

    @Test
    void truncatedLastLineIsKeptAndWrittenBackWithoutNewline() throws IOException {
        String truncated = "{\"id\":\"r9\",\"statement\":\"cut of";
        Path file = file(dir, "trunc.jsonl", utf8(GOOD + "\n" + truncated));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertFalse(result.dataset().layout().finalNewline());
        RawLine raw = assertInstanceOf(RawLine.class, result.dataset().entries().get(1));
        assertArrayEquals(utf8(truncated), raw.bytes());
        ParseProblem p = result.problems().get(0);
        assertEquals(2, p.line());
        assertTrue(p.message().contains("truncated"), p.message());
    }

    @Test
    void theLastEntryKeepsItsLineBreakWhenBlankLinesFollowIt() throws IOException {
        Path file = file(dir, "trailing.jsonl", utf8(GOOD + "\n" + BROKEN + "\r\n  \n\r"));
        LoadResult result = DatasetLoader.load(file);
        assertTrue(result.dataset().layout().finalNewline());
        DatasetSaver.save(result.dataset(), file);
        assertEquals(GOOD + "\n" + BROKEN + "\r\n", Files.readString(file), "the blank lines are not kept");
    }

    @Test
    void validLastLineWithoutNewlineIsWrittenBackWithoutNewline() throws IOException {
        Path file = file(dir, "nofinal.jsonl", utf8(GOOD + "\n" + GOOD));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertEquals(2, result.dataset().recordCount());
    }

    @Test
    void invalidUtf8IsKeptByteExact() throws IOException {
        byte[] bad = concat(utf8("{\"statement\":\"caf"), new byte[] {(byte) 0xC3, 0x28}, utf8("\"}"));
        Path file = file(dir, "utf8.jsonl", concat(utf8(GOOD + "\n"), bad, utf8("\n" + GOOD + "\n")));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        RawLine raw = result.dataset().rawLines().get(0);
        assertArrayEquals(bad, raw.bytes());
        assertProblem(result.problems().get(0), file, 2, 18, "invalid UTF-8 at byte 18");
    }

    @Test
    void anUnpairedSurrogateEscapeIsReportedAndTheLineKeptAsItIs() throws IOException {
        String lone = "{\"id\":\"s1\",\"statement\":\"bad \\ud800 x\",\"label\":\"ethical\"}";
        String reversed = "{\"id\":\"s2\",\"statement\":\"s\",\"metadata\":{\"note\":\"\\udc00\\ud800\"}}";
        String inKey = "{\"id\":\"s3\",\"statement\":\"s\",\"\\udfff\":1}";
        Path file = dir.resolve("surrogates.jsonl");
        LoadResult result = savedIdenticallyWithRawLines(file, List.of(1, 3, 4), lone, GOOD, reversed, inKey);
        String why = ": half of a UTF-16 pair without the other half is no Unicode character, so it cannot be saved";
        assertProblem(result.problems().get(0), file, 1, lone.indexOf("\"bad") + 1,
                "unpaired surrogate \\ud800 in a string" + why);
        assertProblem(result.problems().get(1), file, 3, reversed.indexOf("\"\\udc00") + 1,
                "unpaired surrogate \\udc00 in a string" + why);
        assertProblem(result.problems().get(2), file, 4, inKey.indexOf("\"\\udfff") + 1,
                "unpaired surrogate \\udfff in a string" + why);
    }

    @Test
    void aDuplicateKeyIsReportedAndTheLineKeptAsItIs() throws IOException {
        String topLevel = "{\"id\":\"a\",\"id\":\"b\",\"statement\":\"s\",\"label\":\"ethical\"}";
        String inMetadata = "{\"statement\":\"s\",\"metadata\":{\"src\":{\"k\":1,\"k\":2}}}";
        String inAnnotation = "{\"statement\":\"s\",\"annotations\":[{\"annotator\":\"x\"},{\"annotator\":\"y\","
                + "\"label\":\"ethical\",\"label\":\"unethical\"}]}";
        String sameKeyInTwoObjects = "{\"statement\":\"s\",\"metadata\":{\"statement\":{\"statement\":1}}}";
        Path file = dir.resolve("duplicates.jsonl");
        LoadResult result = savedIdenticallyWithRawLines(file, List.of(1, 2, 3), topLevel, inMetadata, inAnnotation,
                sameKeyInTwoObjects, GOOD);
        String why = ": reading the object would keep one of its values and lose the others";
        assertProblem(result.problems().get(0), file, 1, topLevel.indexOf("\"id\":\"b") + 1, "duplicate key 'id'" + why);
        assertProblem(result.problems().get(1), file, 2, inMetadata.lastIndexOf("\"k\"") + 1,
                "duplicate key 'k' in metadata.src" + why);
        assertProblem(result.problems().get(2), file, 3, inAnnotation.lastIndexOf("\"label\"") + 1,
                "duplicate key 'label' in annotations[1]" + why);
    }

    /** Writes the lines, checks that the file is saved byte-identical and which lines were unreadable. */
    private static LoadResult savedIdenticallyWithRawLines(Path file, List<Integer> rawLines, String... lines)
            throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n");
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertEquals(rawLines, result.dataset().rawLines().stream().map(RawLine::sourceLine).toList());
        assertEquals(lines.length - rawLines.size(), result.dataset().recordCount());
        return result;
    }

    @Test
    void aSurrogatePairEscapeIsOneCharacter() throws IOException {
        Path file = file(dir, "pair.jsonl", utf8("{\"statement\":\"emoji \\ud83d\\ude00\"}\n"));
        LoadResult result = DatasetLoader.load(file);
        assertFalse(result.hasProblems(), result.problems()::toString);
        assertEquals("emoji 😀", result.dataset().records().get(0).statement());
    }

    @Test
    void aFirstLineStartingWithTheBytesOfAByteOrderMarkIsNotTakenForOneAfterSaving() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = file(dir, "bom-line.jsonl", concat(utf8("\r\n"), bom, utf8("{oops\r\n" + GOOD + "\r\n")));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertFalse(result.dataset().layout().byteOrderMark());
        assertArrayEquals(concat(bom, utf8("{oops")), result.dataset().rawLines().get(0).bytes());
    }

    @Test
    void blankLinesAreSkipped() throws IOException {
        Path file = file(dir, "blank.jsonl", utf8(GOOD + "\n\n   \n" + GOOD + "\n"));
        LoadResult result = DatasetLoader.load(file);
        assertEquals(2, result.dataset().entries().size());
        assertEquals(4, result.dataset().records().get(1).sourceLine());
        assertFalse(result.hasProblems());
    }

    @Test
    void longLinesAcrossBufferBoundariesAreRead() throws IOException {
        String longReason = "é’".repeat(700_000);
        String line = "{\"statement\":\"long\",\"reason\":\"" + longReason + "\"}";
        Path file = file(dir, "long.jsonl", utf8(GOOD + "\n" + line + "\n" + GOOD + "\n"));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertEquals(longReason, result.dataset().records().get(1).reason());
        assertEquals(3, result.dataset().records().get(2).sourceLine());
    }

    @Test
    void aLineReachingTheLimitIsAFormatErrorNamingFileAndLine() {
        Path name = Path.of("big.jsonl");
        byte[] text = utf8(GOOD + "\n" + "{\"statement\":\"" + "x".repeat(2000) + "\"}\n" + GOOD + "\n");
        LineSplitter lines = new LineSplitter(new ByteArrayInputStream(text), name, false, 1024);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> JsonlDatasetReader.read(lines, name, LabelSchema.defaultSchema(), new CollectingSink()));
        assertEquals("big.jsonl:2:1: the line is longer than 1024 bytes, the most one record may take; "
                + "is this a dataset file?", e.getMessage());
    }

    @Test
    void streamingReaderReportsInFileOrderAndGuessesFormat() throws IOException {
        String text = GOOD + "\n" + UNKNOWN_LABEL + "\n" + BROKEN + "\n";
        List<String> events = new ArrayList<>();
        FileLayout layout = DatasetReader.read(new ByteArrayInputStream(utf8(text)), Path.of("in.txt"), null,
                LabelSchema.defaultSchema(), new DatasetSink() {
                    @Override
                    public void record(DatasetRecord record) {
                        events.add("record " + record.sourceLine());
                    }

                    @Override
                    public void rawLine(RawLine line, ParseProblem problem) {
                        events.add("raw " + line.sourceLine() + " " + problem.line());
                    }

                    @Override
                    public void problem(ParseProblem problem) {
                        events.add("problem " + problem.line());
                    }
                });
        assertEquals(DatasetFormat.JSONL, layout.format());
        assertEquals(List.of("record 1", "problem 2", "record 2", "raw 3 3"), events);
    }

    static void assertProblem(ParseProblem p, Path file, int line, int column, String message) {
        assertEquals(file, p.file());
        assertEquals(message, p.message());
        assertEquals(line, p.line(), p::toString);
        assertEquals(column, p.column(), p::toString);
    }
}
