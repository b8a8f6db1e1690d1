package org.reasonlab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.io.IoTestSupport.file;
import static org.reasonlab.core.io.IoTestSupport.utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.testing.SharedData;

class DfarCsvTest {
    private static final String SAMPLE = "Statement,Label,Reason\r\n"
            + "I kept the change.,1,\"Keeping it is dishonest, even if small.\"\r\n"
            + "I fed a stray cat.,0,\"Kindness to animals is good.\nIt costs little.\"\r\n"
            + "I waited my turn.,0,Fairness matters \r\n";

    @TempDir
    Path dir;

    @Test
    void detectsDfarMapsLabelsAssignsRowIdsAndSavesBackIdentically() throws IOException {
        Path file = file(dir, "dfar.csv", utf8(SAMPLE));
        LoadResult result = IoTestSupport.assertSavesIdentically(file);

        Dataset dataset = result.dataset();
        assertEquals(DatasetFormat.DFAR_CSV, dataset.layout().format());
        assertEquals(List.of("Statement", "Label", "Reason"), dataset.layout().columns());
        List<DatasetRecord> records = dataset.records();
        assertEquals(List.of("1", "2", "3"), records.stream().map(DatasetRecord::id).toList());
        assertEquals(List.of("unethical", "ethical", "ethical"), records.stream().map(DatasetRecord::label).toList());
        assertEquals("Kindness to animals is good.\nIt costs little.", records.get(1).reason());
        assertEquals("Fairness matters ", records.get(2).reason());
        assertNull(records.get(0).split(), "DFAR has no split column");
        assertEquals(List.of(2, 3, 5), records.stream().map(DatasetRecord::sourceLine).toList());
    }

    @Test
    void headerIsRecognisedInAnyCaseAfterABom() throws IOException {
        byte[] bytes = IoTestSupport.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("statement,LABEL,reason\nA,0,B\n"));
        LoadResult result = IoTestSupport.assertSavesIdentically(file(dir, "lower.csv", bytes));
        assertEquals(DatasetFormat.DFAR_CSV, result.dataset().layout().format());
        assertEquals("ethical", result.dataset().records().get(0).label());
    }

    @Test
    void jsonlToDfarWritesAliasesAndNoIdColumn() throws IOException {
        DatasetRecord a = new DatasetRecord("x7", "Stole bread", "unethical", "Theft, even if hungry.", null);
        DatasetRecord b = new DatasetRecord("x8", "Gave blood", "ethical", "Helps others", null);
        Dataset dataset = new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.JSONL),
                List.of(a, b));
        Path out = dir.resolve("out.csv");
        DatasetSaver.saveAs(dataset, out, DatasetFormat.DFAR_CSV);
        assertEquals("Statement,Label,Reason\r\nStole bread,1,\"Theft, even if hungry.\"\r\nGave blood,0,Helps others\r\n",
                Files.readString(out));
    }

    @Test
    void aLabelOutsideTheSchemaIsReportedOnLoadAndWrittenBackAsItWas() throws IOException {
        Path file = file(dir, "label2.csv",
                utf8("Statement,Label,Reason\r\nI kept the change.,2,Odd label\r\nI fed a stray cat.,0,Kind\r\n"));

        LoadResult result = IoTestSupport.assertSavesIdentically(file);

        assertEquals(DatasetFormat.DFAR_CSV, result.dataset().layout().format());
        assertEquals(List.of("2", "ethical"), result.dataset().records().stream().map(DatasetRecord::label).toList());
        JsonlReadWriteTest.assertProblem(result.problems().get(0), file, 2, 20,
                "unknown label '2'; expected one of ethical, unethical");
    }

    @Test
    void dfarNeedsAnAliasForEveryLabel() throws IOException {
        LabelSchema schema = LabelSchema.of("good", "bad");
        DatasetRecord r = new DatasetRecord("r42", "S", "good", "R", null);
        Dataset dataset = new Dataset(schema, FileLayout.defaultFor(DatasetFormat.JSONL), List.of(r));
        Path out = dir.resolve("nope.csv");
        IOException e = assertThrows(IOException.class, () -> DatasetSaver.saveAs(dataset, out, DatasetFormat.DFAR_CSV));
        assertTrue(e.getMessage().contains("record r42") && e.getMessage().contains("'good'"), e.getMessage());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file is left");
        }
    }

    @Test
    void realDfarTrainsetLoadsAndSavesBack() throws IOException {
        Path dfar = SharedData.dfarTrainset();
        LoadResult result = DatasetLoader.load(dfar);
        assertEquals(List.of(), result.problems());
        Dataset dataset = result.dataset();
        assertEquals(DatasetFormat.DFAR_CSV, dataset.layout().format());
        List<DatasetRecord> records = dataset.records();
        assertEquals(4500, records.size());
        assertEquals(2588, records.stream().filter(r -> "ethical".equals(r.label())).count());
        assertEquals(1912, records.stream().filter(r -> "unethical".equals(r.label())).count());
        assertTrue(records.stream().anyMatch(r -> r.reason() != null && r.reason().contains("\n")));
        assertEquals("4500", records.get(4499).id());

        Path copy = dir.resolve("DFAR_trainset.csv");
        DatasetSaver.save(dataset, copy);
        LoadResult reloaded = DatasetLoader.load(copy);
        assertEquals(records, reloaded.dataset().records());
        assertEquals(List.of(), reloaded.problems());
        assertTrue(Arrays.equals(Files.readAllBytes(dfar), Files.readAllBytes(copy)),
                "DFAR is written back byte-identical");

        Path jsonl = dir.resolve("dfar.jsonl");
        DatasetSaver.saveAs(dataset, jsonl, DatasetFormat.JSONL);
        Path back = dir.resolve("back.csv");
        DatasetSaver.saveAs(DatasetLoader.load(jsonl).dataset(), back, DatasetFormat.DFAR_CSV);
        assertTrue(Arrays.equals(Files.readAllBytes(dfar), Files.readAllBytes(back)),
                "DFAR -> JSONL -> DFAR is byte-identical");
    }
}
