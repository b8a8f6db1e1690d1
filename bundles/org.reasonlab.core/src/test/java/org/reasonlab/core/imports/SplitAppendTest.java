package org.reasonlab.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

class SplitAppendTest {
    private static final String EXISTING = "{\"id\":\"1\",\"statement\":\"I fed the cat.\",\"label\":\"ethical\",\"split\":\"train\"}\r\n"
            + "{broken\r\n";
    private static final String DFAR = "Statement,Label,Reason\r\nI lied to my friend.,1,Lying breaks trust.\r\n";

    @TempDir
    Path dir;

    private Dataset imported() throws IOException {
        return DatasetLoader.load(Files.writeString(dir.resolve("test.csv"), DFAR)).dataset();
    }

    @Test
    void addsTheImportedRecordsAsTheSplitAfterTheExistingOnesKeepingTheFile() throws Exception {
        Path existing = Files.writeString(dir.resolve("data.jsonl"), EXISTING, StandardCharsets.UTF_8);
        SplitAppend.append(imported(), dir.resolve("test.csv"), existing, Split.TEST, "test-");
        assertEquals(EXISTING + "{\"id\":\"test-1\",\"statement\":\"I lied to my friend.\",\"label\":\"unethical\","
                + "\"reason\":\"Lying breaks trust.\",\"split\":\"test\"}\r\n", Files.readString(existing),
                "the existing lines byte for byte, the new one with the file's line break");
        List<DatasetRecord> records = DatasetLoader.load(existing).dataset().records();
        assertEquals(List.of(Split.TRAIN, Split.TEST), records.stream().map(DatasetRecord::split).toList());
    }

    @Test
    void anIdInBothIsRefusedAndNothingIsWritten() throws Exception {
        Path existing = Files.writeString(dir.resolve("data.jsonl"), EXISTING, StandardCharsets.UTF_8);
        SplitAppend.RefusedException refused = assertThrows(SplitAppend.RefusedException.class,
                () -> SplitAppend.append(imported(), dir.resolve("test.csv"), existing, Split.TEST, null));
        assertEquals("The id '1' is in " + existing + " (line 1) and in " + dir.resolve("test.csv")
                + " (line 2); give the imported records an id prefix. Nothing was written.", refused.getMessage());
        assertEquals(EXISTING, Files.readString(existing));
    }
}
