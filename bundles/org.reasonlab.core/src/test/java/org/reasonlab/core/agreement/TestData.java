package org.reasonlab.core.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;

/** Datasets with annotations built in memory. */
final class TestData {
    private TestData() {
    }

    static Dataset dataset(LabelSchema schema, DatasetEntry... entries) {
        return new Dataset(schema, FileLayout.defaultFor(DatasetFormat.JSONL), Arrays.asList(entries));
    }

    static DatasetRecord record(String id, String label, Annotation... annotations) {
        DatasetRecord r = new DatasetRecord(id, "Statement " + id, label, "Final reason of " + id, Split.TRAIN);
        r.setAnnotations(List.of(annotations));
        return r;
    }

    static Annotation a(String annotator, String label) {
        return new Annotation(annotator, label, annotator + " thinks " + label, "2026-11-02T10:15:00Z");
    }

    /**
     * A reliability data matrix as in the textbooks: {@code rows[record][annotator]}, null where
     * the annotator did not label the record. Records are named u1, u2, ... and have no final label.
     */
    static Dataset matrix(LabelSchema schema, List<String> annotators, String[][] rows) {
        List<DatasetEntry> entries = new ArrayList<>();
        for (int u = 0; u < rows.length; u++) {
            List<Annotation> annotations = new ArrayList<>();
            for (int k = 0; k < annotators.size(); k++) {
                if (rows[u][k] != null) {
                    annotations.add(a(annotators.get(k), rows[u][k]));
                }
            }
            entries.add(record("u" + (u + 1), null, annotations.toArray(Annotation[]::new)));
        }
        return new Dataset(schema, FileLayout.defaultFor(DatasetFormat.JSONL), entries);
    }

    /** {@code count} copies of a row, for building a matrix from a contingency table. */
    static List<String[]> repeat(int count, String... row) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row);
        }
        return rows;
    }
}
