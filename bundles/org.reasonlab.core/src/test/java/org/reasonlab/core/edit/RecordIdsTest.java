package org.reasonlab.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;

class RecordIdsTest {

    private static Dataset withIds(String... ids) {
        List<DatasetEntry> entries = new ArrayList<>();
        for (String id : ids) {
            entries.add(new DatasetRecord(id, "s", "ethical", "r", null));
        }
        return new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.JSONL), entries);
    }

    @Test
    void continuesTheNumberingWithTheSamePrefixAndWidth() {
        assertEquals("s051", RecordIds.next(withIds("s001", "s050", "s002")));
        assertEquals("dfar-13", RecordIds.next(withIds("dfar-9", "dfar-12")));
    }

    @Test
    void fallsBackToNewIdsWhenIdsHaveNoNumbers() {
        assertEquals("new-1", RecordIds.next(withIds("alpha", "beta")));
        assertEquals("new-1", RecordIds.next(withIds()));
        assertEquals("new-1", RecordIds.next(withIds(null, null)));
    }
}
