package org.reasonlab.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.LabelSchema;

class NewDatasetTest {
    @TempDir
    Path dir;

    private static final List<RecordDraft> DRAFTS = List.of(
            new RecordDraft(" I returned the wallet. ", "0", "Returning lost property respects its owner.", "train"),
            new RecordDraft("", "", " ", ""),
            new RecordDraft("I cheated on the test.", "unethical", "", "dev"),
            new RecordDraft("I said hello.", null, null, null));

    @Test
    void buildsNumberedRecordsSkippingBlankRowsAndResolvingAliases() throws IOException {
        Dataset dataset = NewDataset.build(LabelSchema.defaultSchema(), DatasetFormat.JSONL, DRAFTS);
        Path file = dir.resolve("new.jsonl");
        DatasetSaver.save(dataset, file);
        assertEquals("{\"id\":\"1\",\"statement\":\"I returned the wallet.\",\"label\":\"ethical\","
                + "\"reason\":\"Returning lost property respects its owner.\",\"split\":\"train\"}\n"
                + "{\"id\":\"2\",\"statement\":\"I cheated on the test.\",\"label\":\"unethical\",\"split\":\"validation\"}\n"
                + "{\"id\":\"3\",\"statement\":\"I said hello.\"}\n", Files.readString(file));
        LoadResult back = DatasetLoader.load(file);
        assertEquals(List.of(), back.problems());
    }

    @Test
    void anEmptyCsvDatasetHasTheStandardHeader() throws IOException {
        Dataset dataset = NewDataset.build(LabelSchema.defaultSchema(), DatasetFormat.CSV, List.of());
        Path file = dir.resolve("new.csv");
        DatasetSaver.save(dataset, file);
        assertEquals("id,statement,label,reason,split\r\n", Files.readString(file));
        assertEquals(0, DatasetLoader.load(file).dataset().recordCount());
    }

    @Test
    void anEmptyJsonlDatasetIsAnEmptyFile() throws IOException {
        Path file = dir.resolve("empty.jsonl");
        DatasetSaver.save(NewDataset.build(LabelSchema.defaultSchema(), DatasetFormat.JSONL, List.of()), file);
        assertEquals(0, Files.size(file));
    }

    @Test
    void problemsNameTheRow() {
        LabelSchema schema = LabelSchema.of("yes", "no");
        List<RecordDraft> drafts = List.of(new RecordDraft("", "yes", "", ""), new RecordDraft("x", "maybe", "", "later"));
        assertEquals(List.of("line 1: the statement is empty",
                "line 2: unknown label 'maybe'; expected one of yes, no",
                "line 2: unknown split 'later'; expected train, validation or test"),
                NewDataset.problems(drafts, schema).stream().map(TextProblem::toString).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NewDataset.build(schema, DatasetFormat.JSONL, drafts));
        assertEquals("record 1: the statement is empty", e.getMessage());
    }
}
