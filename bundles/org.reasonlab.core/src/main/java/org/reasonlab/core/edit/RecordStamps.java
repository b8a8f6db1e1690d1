package org.reasonlab.core.edit;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

/**
 * Changes every record of a dataset in place, as a file is brought into a larger one: one split for
 * all, or a prefix on every id so that two files numbered from 1 can be merged. Unparseable lines
 * are left as they are.
 */
public final class RecordStamps {
    private RecordStamps() {
    }

    public static void assignSplit(Dataset dataset, Split split) {
        dataset.recordStream().forEach(record -> record.setSplit(split));
    }

    /** Prefixes every id; a record without an id keeps none. */
    public static void prefixIds(Dataset dataset, String prefix) {
        for (DatasetRecord record : dataset.records()) {
            if (record.id() != null) {
                record.setId(prefix + record.id());
            }
        }
    }
}
