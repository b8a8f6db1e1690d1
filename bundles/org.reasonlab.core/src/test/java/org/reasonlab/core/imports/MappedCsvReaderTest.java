package org.reasonlab.core.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.imports.ColumnRole.ID;
import static org.reasonlab.core.imports.ColumnRole.IGNORE;
import static org.reasonlab.core.imports.ColumnRole.KEEP;
import static org.reasonlab.core.imports.ColumnRole.LABEL;
import static org.reasonlab.core.imports.ColumnRole.REASON;
import static org.reasonlab.core.imports.ColumnRole.SPLIT;
import static org.reasonlab.core.imports.ColumnRole.STATEMENT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetFormatException;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.io.ParseProblem;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;

class MappedCsvReaderTest {
    /** Columns in an unusual order and spelling, with a column to keep and one to ignore. */
    private static final String SURVEY = "why,annotator,prompt,verdict,fold,text\r\n"
            + "Kindness is good.,ann1,I fed a stray cat.,0,train,x\r\n"
            + "\"Lying, even small,\r\nhurts trust.\",ann2,I lied to my friend.,unethical,test,y\r\n"
            + "too,few\r\n"
            + "Fine.,ann3,I waited my turn.,maybe,dev,\r\n"
            + "Fine.,ann4,I kept a promise.,ethical,later,z\r\n";
    private static final ColumnMapping MAPPING = ColumnMapping.of(
            List.of("why", "annotator", "prompt", "verdict", "fold", "text"),
            List.of(REASON, KEEP, STATEMENT, LABEL, SPLIT, IGNORE));

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void lineBreaksWithCarriageReturnsAreFoundAsTheCoreReaderFindsThem() throws IOException {
        for (String lineBreak : List.of("\r\r\n", "\r")) {
            Path file = write("breaks.csv", SURVEY.replace("\r\n", lineBreak));
            LoadResult result = MappedCsvReader.load(file, MAPPING, LabelSchema.defaultSchema());
            List<DatasetRecord> records = result.dataset().records();
            assertEquals(List.of(2, 3, 6), records.stream().map(DatasetRecord::sourceLine).toList(), lineBreak);
            assertEquals("Lying, even small," + lineBreak + "hurts trust.", records.get(1).reason());
            assertEquals(lineBreak, result.dataset().layout().lineSeparator());
        }
    }

    @Test
    void mapsColumnsToFieldsKeepsAndIgnoresColumnsAndNumbersRows() throws IOException {
        Path file = write("survey.csv", SURVEY);
        LoadResult result = MappedCsvReader.load(file, MAPPING, LabelSchema.defaultSchema());
        Dataset dataset = result.dataset();

        List<DatasetRecord> records = dataset.records();
        assertEquals(3, records.size());
        DatasetRecord first = records.get(0);
        assertEquals("1", first.id(), "no id column: the row number");
        assertEquals("I fed a stray cat.", first.statement());
        assertEquals("ethical", first.label(), "the alias 0 is resolved");
        assertEquals("Kindness is good.", first.reason());
        assertEquals(Split.TRAIN, first.split());
        assertEquals("{\"annotator\":\"ann1\"}", first.extra().toString(), "kept under its name; text ignored");
        assertEquals(2, first.sourceLine());

        DatasetRecord second = records.get(1);
        assertEquals("2", second.id());
        assertEquals("Lying, even small,\r\nhurts trust.", second.reason());
        assertEquals("unethical", second.label());
        assertEquals(3, second.sourceLine());

        DatasetRecord third = records.get(2);
        assertEquals("4", third.id(), "rows that cannot be read still count");
        assertEquals("maybe", third.label(), "an unknown label is kept as written");
        assertEquals(Split.VALIDATION, third.split());
        assertEquals(6, third.sourceLine());

        List<RawLine> raw = dataset.rawLines();
        assertEquals(2, raw.size(), "bad rows are kept, never dropped");
        assertEquals("too,few", raw.get(0).text());
        assertEquals(5, raw.get(0).sourceLine());
        assertEquals("Fine.,ann4,I kept a promise.,ethical,later,z", raw.get(1).text());

        List<String> problems = result.problems().stream().map(ParseProblem::toString).toList();
        assertEquals(List.of(
                file + ":5:1: expected 6 columns, found 2",
                file + ":6:30: unknown label 'maybe'; expected one of ethical, unethical",
                file + ":7:38: unknown split 'later'; expected one of train, validation, test"), problems);

        assertEquals(DatasetFormat.CSV, dataset.layout().format());
        assertEquals(List.of("id", "reason", "annotator", "statement", "label", "split"), dataset.layout().columns());
        assertEquals("\r\n", dataset.layout().lineSeparator());
    }

    @Test
    void importedAsJsonlTheKeptColumnsAndUnreadableRowsSurviveAndReadBack() throws IOException {
        Path file = write("survey.csv", SURVEY);
        LoadResult result = MappedCsvReader.load(file, MAPPING, LabelSchema.defaultSchema());
        Path target = dir.resolve("survey.jsonl");
        DatasetImport.write(result.dataset(), target, DatasetFormat.JSONL);

        List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
        assertEquals("{\"id\":\"1\",\"statement\":\"I fed a stray cat.\",\"label\":\"ethical\",\"reason\":\"Kindness is good.\","
                + "\"split\":\"train\",\"annotator\":\"ann1\"}", lines.get(0));
        assertEquals("too,few", lines.get(2), "the unreadable row, verbatim");
        assertTrue(Files.notExists(dir.resolve("survey.labels.json")), "default labels need no sidecar");

        LoadResult back = DatasetLoader.load(target);
        assertEquals(result.dataset().records(), back.dataset().records());
        assertEquals(2, back.dataset().rawLines().size());
    }

    @Test
    void keptAsCsvTheFileGetsTheFieldNamesAsHeader() throws IOException {
        Path file = write("survey.csv", SURVEY);
        LoadResult result = MappedCsvReader.load(file, MAPPING, LabelSchema.defaultSchema());
        Path target = dir.resolve("mapped.csv");
        DatasetImport.write(result.dataset(), target, DatasetFormat.CSV);

        String text = Files.readString(target, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("id,reason,annotator,statement,label,split\r\n"
                + "1,Kindness is good.,ann1,I fed a stray cat.,ethical,train\r\n"), text);
        assertTrue(text.contains("\r\ntoo,few\r\n"), text);
        LoadResult back = DatasetLoader.load(target);
        assertEquals(result.dataset().records(), back.dataset().records());
    }

    @Test
    void aMultiLineHeaderKeepsTheLineNumbersOfTheRowsBelowIt() throws IOException {
        Path file = write("multi.csv", "\uFEFFkey,\"the\nstatement\",notes\nk1,One.,a\nk2,Two.\n");
        ColumnMapping mapping = ColumnMapping.of(List.of("key", "the\nstatement", "notes"), List.of(ID, STATEMENT, KEEP));
        LoadResult result = MappedCsvReader.load(file, mapping, LabelSchema.defaultSchema());
        DatasetRecord record = result.dataset().records().get(0);
        assertEquals("k1", record.id());
        assertEquals(3, record.sourceLine());
        assertEquals("{\"notes\":\"a\"}", record.extra().toString());
        assertEquals(file + ":4:1: expected 3 columns, found 2", result.problems().get(0).toString());
        assertTrue(result.dataset().layout().byteOrderMark());
        assertEquals("\n", result.dataset().layout().lineSeparator());
        assertEquals(List.of("id", "statement", "notes"), result.dataset().layout().columns());
    }

    @Test
    void aKeptColumnNamedLikeAFieldIsRenamedSoItIsNotReadBackAsThatField() throws IOException {
        Path file = write("clash.csv", "text,prompt\nkept,The statement.\n");
        ColumnMapping mapping = ColumnMapping.of(List.of("text", "prompt"), List.of(KEEP, STATEMENT));
        Dataset dataset = MappedCsvReader.load(file, mapping, LabelSchema.defaultSchema()).dataset();
        assertEquals("{\"source_text\":\"kept\"}", dataset.records().get(0).extra().toString());

        Path csv = dir.resolve("clash-out.csv");
        DatasetImport.write(dataset, csv, DatasetFormat.CSV);
        assertEquals("The statement.", DatasetLoader.load(csv).dataset().records().get(0).statement());
    }

    @Test
    void invalidUtf8InARowKeepsTheRowVerbatim() throws IOException {
        Path file = dir.resolve("bytes.csv");
        byte[] bad = {'s', ',', 'r', '\n', 'o', 'k', ',', 'x', '\n', 'b', (byte) 0xFF, ',', 'y', '\n'};
        Files.write(file, bad);
        ColumnMapping mapping = ColumnMapping.of(List.of("s", "r"), List.of(STATEMENT, REASON));
        LoadResult result = MappedCsvReader.load(file, mapping, LabelSchema.defaultSchema());
        assertEquals(1, result.dataset().recordCount());
        assertArrayEquals(new byte[] {'b', (byte) 0xFF, ',', 'y'}, result.dataset().rawLines().get(0).bytes());
        assertEquals(3, result.problems().get(0).line());
    }

    @Test
    void aHeaderThatChangedSinceTheMappingIsAnError() throws IOException {
        Path file = write("changed.csv", "a,b\n1,2\n");
        ColumnMapping mapping = ColumnMapping.of(List.of("a", "c"), List.of(STATEMENT, KEEP));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> MappedCsvReader.load(file, mapping, LabelSchema.defaultSchema()));
        assertEquals(file + ":1:1: the header row is now [a, b], not [a, c] as when the columns were mapped",
                e.getMessage());
    }

    @Test
    void anInvalidMappingIsRefused() throws IOException {
        Path file = write("x.csv", "a,b\n1,2\n");
        ColumnMapping mapping = ColumnMapping.of(List.of("a", "b"), List.of(KEEP, KEEP));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MappedCsvReader.load(file, mapping, LabelSchema.defaultSchema()));
        assertEquals("no column is mapped to statement; every record needs one", e.getMessage());
    }

    @Test
    void emptyCellsLeaveFieldsEmptyAndAnIdColumnIsUsedAsIs() throws IOException {
        Path file = write("ids.csv", "id,statement,label\nx7,Something.,\n,Other.,1\n");
        LoadResult result = MappedCsvReader.load(file, ColumnMapping.guess(List.of("id", "statement", "label")),
                LabelSchema.defaultSchema());
        List<DatasetRecord> records = result.dataset().records();
        assertEquals("x7", records.get(0).id());
        assertNull(records.get(0).label());
        assertNull(records.get(1).id(), "an id column is not replaced by numbers");
        assertEquals("unethical", records.get(1).label());
        assertTrue(result.problems().isEmpty());
    }
}
