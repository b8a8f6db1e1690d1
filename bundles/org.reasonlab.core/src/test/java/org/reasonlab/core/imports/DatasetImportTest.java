package org.reasonlab.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetFormatException;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LabelSchemaFile;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.testing.SharedData;

class DatasetImportTest {
    private static final String DFAR = "Statement,Label,Reason\r\n"
            + "I kept the change.,1,\"Keeping it is dishonest, even if small.\"\r\n"
            + "I fed a stray cat.,0,Kindness to animals is good.\r\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void detectsTheFormatFromNameHeaderAndContent() throws IOException {
        assertEquals(ImportFormat.JSONL, DatasetImport.detect(write("a.jsonl", "not even json\n")));
        assertEquals(ImportFormat.JSONL, DatasetImport.detect(write("a.txt", "\n  {\"statement\":\"x\"}\n")));
        assertEquals(ImportFormat.DFAR_CSV, DatasetImport.detect(write("dfar.csv", DFAR)));
        assertEquals(ImportFormat.DFAR_CSV, DatasetImport.detect(write("dfar.txt", "statement,LABEL,Reason\n")));
        assertEquals(ImportFormat.CSV, DatasetImport.detect(write("b.csv", "text,label\nx,0\n")));
        assertEquals(ImportFormat.CSV, DatasetImport.detect(write("empty.csv", "")));
    }

    @Test
    void importsDfarCsvAsJsonlWithRowIds() throws IOException {
        Path source = write("DFAR_trainset.csv", DFAR);
        LoadResult result = DatasetImport.load(source, ImportFormat.DFAR_CSV, null, LabelSchema.defaultSchema());
        Path target = dir.resolve(DatasetImport.targetName(source, DatasetFormat.JSONL));
        assertEquals("DFAR_trainset.jsonl", target.getFileName().toString());
        DatasetImport.write(result.dataset(), target, DatasetImport.outputFormat(ImportFormat.DFAR_CSV, false));

        assertEquals("{\"id\":\"1\",\"statement\":\"I kept the change.\",\"label\":\"unethical\","
                + "\"reason\":\"Keeping it is dishonest, even if small.\"}\n"
                + "{\"id\":\"2\",\"statement\":\"I fed a stray cat.\",\"label\":\"ethical\",\"reason\":\"Kindness to animals is good.\"}\n",
                Files.readString(target));
    }

    @Test
    void keepingTheDfarFormatWritesTheSameBytes() throws IOException {
        Path source = write("dfar.csv", DFAR);
        LoadResult result = DatasetImport.load(source, ImportFormat.DFAR_CSV, null, LabelSchema.defaultSchema());
        Path target = dir.resolve("copy.csv");
        DatasetImport.write(result.dataset(), target, DatasetImport.outputFormat(ImportFormat.DFAR_CSV, true));
        assertEquals(DFAR, Files.readString(target));
    }

    @Test
    void aCsvThatIsNotDfarIsRefusedAsDfarWithFileAndLine() throws IOException {
        Path source = write("other.csv", "\ntext,label\nx,0\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetImport.load(source, ImportFormat.DFAR_CSV, null, LabelSchema.defaultSchema()));
        assertEquals(source + ":2:1: the header is text,label, not Statement,Label,Reason as in DFAR CSV;"
                + " import it as CSV with column mapping", e.getMessage());
    }

    @Test
    void jsonlIsReadAsJsonlWhateverTheNameAndBadLinesAreKeptVerbatim() throws IOException {
        Path source = write("export.txt", "{\"id\":\"a\",\"statement\":\"x\",\"label\":\"ethical\"}\n{broken\n");
        LoadResult result = DatasetImport.load(source, ImportFormat.JSONL, null, LabelSchema.defaultSchema());
        assertEquals(1, result.dataset().recordCount());
        assertEquals(2, result.problems().get(0).line());
        Path target = dir.resolve("export.jsonl");
        DatasetImport.write(result.dataset(), target, DatasetFormat.JSONL);
        assertEquals("{\"id\":\"a\",\"statement\":\"x\",\"label\":\"ethical\"}\n{broken\n", Files.readString(target));
    }

    @Test
    void ownLabelsAreWrittenToTheSidecarAndReadBack() throws IOException {
        LabelSchema schema = LabelSchemaText.parse("acceptable: 0\nunacceptable: 1\n", null).schema();
        Path source = write("d.csv", DFAR);
        LoadResult result = DatasetImport.load(source, ImportFormat.DFAR_CSV, null, schema);
        assertEquals(List.of("unacceptable", "acceptable"),
                result.dataset().records().stream().map(DatasetRecord::label).toList());
        Path target = dir.resolve("out").resolve("d.jsonl");
        Files.createDirectories(target.getParent());
        assertEquals(List.of(target, dir.resolve("out").resolve("d.labels.json")),
                DatasetImport.outputs(target, schema, false));
        DatasetImport.write(result.dataset(), target, DatasetFormat.JSONL);

        assertEquals(schema, LabelSchemaFile.read(LabelSchemaFile.sidecarFor(target)).orElseThrow());
        LoadResult back = DatasetLoader.load(target);
        assertTrue(back.problems().isEmpty(), back.problems().toString());
        assertEquals(result.dataset().records(), back.dataset().records());
    }

    @Test
    void aStaleSidecarIsReplacedSoTheNewFileIsReadWithItsOwnLabels() throws IOException {
        Path target = dir.resolve("new.jsonl");
        LabelSchemaFile.write(LabelSchema.of("x", "y"), LabelSchemaFile.sidecarFor(target));
        assertEquals(List.of(target, LabelSchemaFile.sidecarFor(target)),
                DatasetImport.outputs(target, LabelSchema.defaultSchema(), true), "the sidecar is listed to be asked about");

        LoadResult result = DatasetImport.load(write("in.csv", DFAR), ImportFormat.DFAR_CSV, null,
                LabelSchema.defaultSchema());
        DatasetImport.write(result.dataset(), target, DatasetFormat.JSONL);
        assertEquals(LabelSchema.defaultSchema(), LabelSchemaFile.read(LabelSchemaFile.sidecarFor(target)).orElseThrow());
        assertTrue(DatasetLoader.load(target).problems().isEmpty());
    }

    @Test
    void namesAndFormats() {
        assertEquals("data", DatasetImport.baseName("data.csv"));
        assertEquals(".hidden", DatasetImport.baseName(".hidden"));
        assertEquals(DatasetFormat.JSONL, DatasetImport.formatOfName("A.JSONL"));
        assertEquals(DatasetFormat.CSV, DatasetImport.formatOfName("a.csv"));
        assertEquals(null, DatasetImport.formatOfName("a.txt"));
        assertEquals(DatasetFormat.CSV, DatasetImport.outputFormat(ImportFormat.CSV, true));
        assertEquals(DatasetFormat.JSONL, DatasetImport.outputFormat(ImportFormat.CSV, false));
    }

    @Test
    void theDfarTrainsetImportsTheSameThroughTheMappingAsAsDfar() throws IOException {
        Path dfar = SharedData.dfarTrainset();
        LoadResult asDfar = DatasetImport.load(dfar, ImportFormat.DFAR_CSV, null, LabelSchema.defaultSchema());
        ColumnMapping mapping = ColumnMapping.guess(CsvPreview.read(dfar, 5).header());
        LoadResult mapped = DatasetImport.load(dfar, ImportFormat.CSV, mapping, LabelSchema.defaultSchema());
        assertEquals(asDfar.dataset().records(), mapped.dataset().records());
        assertEquals(asDfar.problems(), mapped.problems());
        assertEquals(4500, mapped.dataset().recordCount());
    }
}
