package org.reasonlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.io.IoTestSupport.concat;
import static org.reasonlab.core.io.IoTestSupport.file;
import static org.reasonlab.core.io.IoTestSupport.utf8;
import static org.reasonlab.core.io.JsonlReadWriteTest.assertProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonObject;
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

class CsvReadWriteTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    @Test
    void readsBomCrlfQuotedNewlinesAndExtraColumnsAndSavesIdentically() throws IOException {
        String text = "ID,Text,Label,Explanation,Split,source\r\n"
                + "a1,\"Shared, then took credit\",unethical,\"Line one\r\nline \"\"two\"\"\r\nline three\",train,forum\r\n"
                + "a2,Helped a neighbour,ethical,Kindness é’,test,\r\n";
        Path file = file(dir, "data.csv", concat(BOM, utf8(text)));

        LoadResult result = IoTestSupport.assertSavesIdentically(file);

        assertFalse(result.hasProblems(), result.problems()::toString);
        FileLayout layout = result.dataset().layout();
        assertEquals(DatasetFormat.CSV, layout.format());
        assertTrue(layout.byteOrderMark());
        assertEquals("\r\n", layout.lineSeparator());
        assertEquals(List.of("ID", "Text", "Label", "Explanation", "Split", "source"), layout.columns());
        List<DatasetRecord> records = result.dataset().records();
        DatasetRecord first = records.get(0);
        assertEquals("a1", first.id());
        assertEquals("Shared, then took credit", first.statement());
        assertEquals("unethical", first.label());
        assertEquals("Line one\r\nline \"two\"\r\nline three", first.reason());
        assertEquals(Split.TRAIN, first.split());
        assertEquals("forum", first.extra().get("source").getAsString());
        assertEquals(2, first.sourceLine());
        DatasetRecord second = records.get(1);
        assertEquals(5, second.sourceLine(), "the multi-line row took lines 2-4");
        assertEquals("Kindness é’", second.reason());
        assertNull(second.extra(), "an empty extra cell adds nothing");
    }

    @Test
    void lfFileWithMultiLineReasonKeepsLf() throws IOException {
        String text = "statement,label,reason,split\nA,ethical,\"first\nsecond\",validation\n";
        Path file = file(dir, "lf.csv", utf8(text));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertEquals("\n", result.dataset().layout().lineSeparator());
        assertEquals("first\nsecond", result.dataset().records().get(0).reason());
        assertEquals(Split.VALIDATION, result.dataset().records().get(0).split());
        assertEquals(DatasetFormat.CSV, result.dataset().layout().format(), "a split column makes it generic CSV");
    }

    @Test
    void wrongColumnCountKeepsTheWholeRowVerbatim() throws IOException {
        String badRow = "b,\"too\nmany\",ethical,r,extra";
        String text = "id,statement,label,reason\na,ok,ethical,r\n" + badRow + "\nc,fine,unethical,r\n";
        Path file = file(dir, "count.csv", utf8(text));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        RawLine raw = assertInstanceOf(RawLine.class, result.dataset().entries().get(1));
        assertArrayEquals(utf8(badRow), raw.bytes());
        assertEquals(3, raw.sourceLine());
        assertProblem(result.problems().get(0), file, 3, 1, "expected 4 columns, found 5");
        assertEquals(5, result.dataset().records().get(1).sourceLine());
    }

    @Test
    void anUnreadableRowEndingInCrCrAndMixedLineEndingsAreWrittenBackExactly() throws IOException {
        String unreadable = "bad,row,with,too many cells";
        String text = "statement,label\n"
                + "a,ethical\r\n"
                + unreadable + "\r\r\n"
                + "b,\"two\r\r\nlines\"\r\r\n"
                + "c,unethical\n";
        Path file = file(dir, "endings.csv", utf8(text));

        IoTestSupport.assertSavesIdentically(file);
        LoadResult result = IoTestSupport.assertSavesIdentically(file);

        RawLine raw = assertInstanceOf(RawLine.class, result.dataset().entries().get(1));
        assertArrayEquals(utf8(unreadable), raw.bytes());
        assertEquals("\r\r\n", raw.lineEnd());
        assertEquals("\n", result.dataset().layout().lineSeparator(), "the header's line break, for new rows");
        List<DatasetRecord> records = result.dataset().records();
        assertEquals(List.of("\r\n", "\r\r\n", "\n"), records.stream().map(DatasetRecord::lineEnd).toList());
        assertEquals("two\r\r\nlines", records.get(1).label());
        assertEquals(List.of(2, 4, 6), records.stream().map(DatasetRecord::sourceLine).toList());
    }

    @Test
    void crOnlyLineEndingsAreReadAsLinesAndWrittenBack() throws IOException {
        Path file = file(dir, "mac.csv", utf8("Statement,Label,Reason\rI fed a stray cat.,0,Kind\r"
                + "I kept the change.,1,\"Dishonest,\rand small\"\rI waited.,0,Fair\n"));

        LoadResult result = IoTestSupport.assertSavesIdentically(file);

        assertFalse(result.hasProblems(), result.problems()::toString);
        Dataset dataset = result.dataset();
        assertEquals(DatasetFormat.DFAR_CSV, dataset.layout().format());
        assertEquals("\r", dataset.layout().lineSeparator());
        List<DatasetRecord> records = dataset.records();
        assertEquals(List.of("ethical", "unethical", "ethical"), records.stream().map(DatasetRecord::label).toList());
        assertEquals("Dishonest,\rand small", records.get(1).reason());
        assertEquals(List.of(2, 3, 5), records.stream().map(DatasetRecord::sourceLine).toList());
        assertEquals(List.of("\r", "\r", "\n"), records.stream().map(DatasetRecord::lineEnd).toList(),
                "a line feed also ends a line there");

        dataset.entries().add(new DatasetRecord(null, "New.", "ethical", "Added", null));
        DatasetSaver.save(dataset, file);
        assertTrue(Files.readString(file).endsWith("I waited.,0,Fair\nNew.,0,Added\r"), Files.readString(file));
    }

    @Test
    void aCarriageReturnIsTextUnlessTheFirstLineBreakIsOne() throws IOException {
        Path file = file(dir, "lf.csv", utf8("statement,label\r\na,ethical\rb,ethical\r\n"));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertEquals(0, result.dataset().recordCount());
        assertEquals("carriage return (CR) outside quotes; a line break in a field must be quoted",
                result.problems().get(0).message());
    }

    @Test
    void aNewRecordGetsTheLayoutsLineBreakAndEditedOnesKeepTheirs() throws IOException {
        Path file = file(dir, "edit.csv", utf8("statement,label\r\na,ethical\nb,ethical\r\n"));
        Dataset dataset = DatasetLoader.load(file).dataset();
        dataset.records().get(0).setLabel("unethical");
        dataset.entries().add(new DatasetRecord(null, "c", "ethical", null, null));
        DatasetSaver.save(dataset, file);
        assertEquals("statement,label\r\na,unethical\nb,ethical\r\nc,ethical\r\n", Files.readString(file));
    }

    @Test
    void aCarriageReturnOutsideQuotesMakesTheRowUnreadableAndKeepsIt() throws IOException {
        String stray = "a,eth\rical";
        Path file = file(dir, "stray.csv", utf8("statement,label\n" + stray + "\nb,\"in\rquotes\"\n"));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertArrayEquals(utf8(stray), result.dataset().rawLines().get(0).bytes());
        assertProblem(result.problems().get(0), file, 2, 6,
                "carriage return (CR) outside quotes; a line break in a field must be quoted");
        assertEquals("in\rquotes", result.dataset().records().get(0).label());
    }

    @Test
    void aCarriageReturnOutsideQuotesInTheHeaderIsAFormatError() throws IOException {
        Path file = file(dir, "header.csv", utf8("\"state\nment\",la\rbel,reason\r\na,ethical,r\r\n"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(file));
        assertEquals(file + ":2:9: carriage return (CR) outside quotes; a line break in a field must be quoted",
                e.getMessage());
    }

    @Test
    void aCarriageReturnEndingTheFirstLineMakesCarriageReturnsLineBreaks() throws IOException {
        Path file = file(dir, "header.csv", utf8("statement,la\rbel,reason\r\na,ethical,r\r\n"));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertEquals(List.of("statement", "la"), result.dataset().layout().columns());
        assertProblem(result.problems().get(0), file, 3, 1, "expected 2 columns, found 3");
    }

    @Test
    void unterminatedQuoteAtEndIsARawLine() throws IOException {
        String truncated = "b,\"cut off\nin the middle";
        Path file = file(dir, "trunc.csv", utf8("statement,reason\na,r\n" + truncated));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertFalse(result.dataset().layout().finalNewline());
        RawLine raw = assertInstanceOf(RawLine.class, result.dataset().entries().get(1));
        assertArrayEquals(utf8(truncated), raw.bytes());
        assertProblem(result.problems().get(0), file, 3, 3, "unterminated quoted field starting at line 3");
    }

    @Test
    void aRowOfManyLinesReachingTheLimitIsAFormatErrorNamingItsFirstLine() {
        Path name = Path.of("open-quote.csv");
        byte[] text = utf8("statement,reason\na,b\nc,\"never closed\n" + "more text\n".repeat(200));
        LineSplitter lines = new LineSplitter(new ByteArrayInputStream(text), name, true, 1024);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> CsvDatasetReader.read(lines, name, LabelSchema.defaultSchema(), new CollectingSink()));
        assertEquals("open-quote.csv:3:1: the row starting here is longer than 1024 bytes, the most one record may "
                + "take; is a quoted field never closed?", e.getMessage());
    }

    @Test
    void invalidUtf8RowIsKeptByteExact() throws IOException {
        byte[] bad = concat(utf8("x,caf"), new byte[] {(byte) 0xE9}, utf8(" au lait"));
        Path file = file(dir, "latin1.csv", concat(utf8("statement,reason\r\na,b\r\n"), bad, utf8("\r\nc,d\r\n")));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertArrayEquals(bad, result.dataset().rawLines().get(0).bytes());
        assertProblem(result.problems().get(0), file, 3, 6, "invalid UTF-8 at byte 6");
        assertEquals(2, result.dataset().recordCount());
    }

    @Test
    void unknownLabelKeepsTheRecordAndPointsAtTheCell() throws IOException {
        Path file = file(dir, "label.csv", utf8("statement,label\nfine,ethical\nodd,\"maybe\"\n"));
        LoadResult result = DatasetLoader.load(file);
        assertEquals(2, result.dataset().recordCount());
        assertEquals("maybe", result.dataset().records().get(1).label());
        assertProblem(result.problems().get(0), file, 3, 5, "unknown label 'maybe'; expected one of ethical, unethical");
    }

    @Test
    void aHeaderStartingWithTheCharacterOfAByteOrderMarkKeepsIt() throws IOException {
        Path file = file(dir, "bom-column.csv", concat(utf8("\n"), BOM, utf8("src,statement\nx,y\n")));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertEquals(List.of("\uFEFFsrc", "statement"), result.dataset().layout().columns());
    }

    @Test
    void aOneColumnRowWithoutTextIsWrittenSoThatItIsNotSkippedAsBlank() throws IOException {
        Path file = file(dir, "one-column.csv", utf8("statement\n\"\"\n\" \t\"\nx\n"));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);
        assertEquals(Arrays.asList(null, " \t", "x"),
                result.dataset().records().stream().map(DatasetRecord::statement).toList());
    }

    @Test
    void csvWithoutStatementColumnIsAFormatError() throws IOException {
        Path file = file(dir, "nostatement.csv", utf8("id,label,reason\n1,0,x\n"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ":1:1: no statement column"), e.getMessage());
    }

    @Test
    void twoColumnsKeptUnderTheSameNameAreAFormatError() throws IOException {
        Path file = file(dir, "twice.csv", utf8("statement,label,src,label,src\na,ethical,1,x,2\n"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(file));
        assertEquals(file + ":1:27: column 'src' appears twice in the header; its cells are kept under the column's "
                + "name, so those of one of the two would be lost: rename one", e.getMessage());
    }

    @Test
    void emptyCsvIsAFormatError() throws IOException {
        Path file = file(dir, "empty.csv", new byte[0]);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void csvToJsonlToCsvKeepsEveryRecord() throws IOException {
        String text = "id,statement,label,reason,split,source\r\n"
                + "1,\"Took a pen, returned it\",ethical,\"It was \"\"borrowed\"\"\nnot stolen\",train,web\r\n"
                + "2,Lied,unethical,Trust,,\r\n";
        Path csv = file(dir, "in.csv", utf8(text));
        Dataset original = DatasetLoader.load(csv).dataset();

        Path jsonl = dir.resolve("mid.jsonl");
        DatasetSaver.saveAs(original, jsonl, DatasetFormat.JSONL);
        assertEquals("{\"id\":\"1\",\"statement\":\"Took a pen, returned it\",\"label\":\"ethical\",\"reason\":"
                + "\"It was \\\"borrowed\\\"\\nnot stolen\",\"split\":\"train\",\"source\":\"web\"}\n"
                + "{\"id\":\"2\",\"statement\":\"Lied\",\"label\":\"unethical\",\"reason\":\"Trust\"}\n",
                Files.readString(jsonl));
        Dataset viaJsonl = DatasetLoader.load(jsonl).dataset();
        assertEquals(original.records(), viaJsonl.records());

        Path back = dir.resolve("back.csv");
        DatasetSaver.saveAs(viaJsonl, back, DatasetFormat.CSV);
        LoadResult reloaded = DatasetLoader.load(back);
        assertEquals(original.records(), reloaded.dataset().records());
        assertEquals(List.of("id", "statement", "label", "reason", "split", "source"),
                reloaded.dataset().layout().columns());
        assertEquals("id,statement,label,reason,split,source\r\n"
                + "1,\"Took a pen, returned it\",ethical,\"It was \"\"borrowed\"\"\nnot stolen\",train,web\r\n"
                + "2,Lied,unethical,Trust,,\r\n", Files.readString(back));
    }

    @Test
    void annotationsAndMetadataTravelAsJsonColumns() throws IOException {
        DatasetRecord r = new DatasetRecord("x", "S", "ethical", "R", null);
        r.setAnnotations(List.of(new Annotation("ann", "unethical", "hmm, no", "2024-01-01")));
        r.setMetadata(JsonParser.parseString("{\"votes\":2,\"src\":\"a,b\"}").getAsJsonObject());
        JsonObject extra = new JsonObject();
        extra.addProperty("lang", "en");
        r.setExtra(extra);
        Dataset dataset = new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.JSONL), List.of(r));
        Path csv = dir.resolve("rich.csv");
        DatasetSaver.saveAs(dataset, csv, DatasetFormat.CSV);
        assertEquals("id,statement,label,reason,split,lang,annotations,metadata\r\n"
                + "x,S,ethical,R,,en,\"[{\"\"annotator\"\":\"\"ann\"\",\"\"label\"\":\"\"unethical\"\",\"\"reason\"\":"
                + "\"\"hmm, no\"\",\"\"time\"\":\"\"2024-01-01\"\"}]\",\"{\"\"votes\"\":2,\"\"src\"\":\"\"a,b\"\"}\"\r\n",
                Files.readString(csv));
        LoadResult reloaded = DatasetLoader.load(csv);
        assertEquals(List.of(r), reloaded.dataset().records());
    }

    @Test
    void annotationsAndMetadataCellsThatDoNotReadWithoutLossAreKeptAsText() throws IOException {
        String text = "statement,metadata,annotations\n"
                + "a,not json,[1]\n"
                + "b,\"{\"\"x\"\":\"\"\\ud800\"\"}\",\"[{\"\"annotator\"\":\"\"x\"\",\"\"mood\"\":\"\"ok\"\"}]\"\n"
                + "c,\"{\"\"k\"\":1,\"\"k\"\":2}\",\"[{\"\"annotator\"\":\"\"x\"\",\"\"label\"\":{}}]\"\n"
                + "d,{a:1},\"[{\"\"label\"\":\"\"ethical\"\"}]\"\n";
        Path file = file(dir, "cells.csv", utf8(text));

        LoadResult result = IoTestSupport.assertSavesIdentically(file);

        assertFalse(result.hasProblems(), result.problems()::toString);
        DatasetRecord b = result.dataset().records().get(1);
        assertNull(b.metadata());
        assertEquals("{\"x\":\"\\ud800\"}", b.extra().get("metadata").getAsString());
        assertEquals(List.of(), b.annotations());
    }

    @Test
    void editedRecordWithNewDataGetsANewColumnInsteadOfLosingIt() throws IOException {
        Path file = file(dir, "plain.csv", utf8("text\nhello\n"));
        Dataset dataset = DatasetLoader.load(file).dataset();
        dataset.records().get(0).setLabel("ethical");
        DatasetSaver.save(dataset, file);
        assertEquals("text,label\nhello,ethical\n", Files.readString(file));
    }
}
