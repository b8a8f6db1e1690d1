package org.reasonlab.core.imports;

import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;

/**
 * A new dataset from the first records a person typed: blank rows are skipped, the others need a
 * statement, a label of the schema (or none) and a known split (or none). Records are numbered
 * 1, 2, 3, ... as ids, as DFAR's rows are.
 */
public final class NewDataset {
    private NewDataset() {
    }

    /** What is wrong with the drafts, each at its 1-based row; empty when {@link #build} accepts them. */
    public static List<TextProblem> problems(List<RecordDraft> drafts, LabelSchema schema) {
        List<TextProblem> problems = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            RecordDraft draft = drafts.get(i);
            if (draft.isBlank()) {
                continue;
            }
            int row = i + 1;
            if (draft.statement().isBlank()) {
                problems.add(new TextProblem(row, "the statement is empty"));
            }
            if (!draft.label().isBlank() && schema.resolve(draft.label()).isEmpty()) {
                problems.add(new TextProblem(row, "unknown label '" + draft.label().strip() + "'; expected one of "
                        + String.join(", ", schema.names())));
            }
            if (!draft.split().isBlank() && Split.parse(draft.split()).isEmpty()) {
                problems.add(new TextProblem(row, "unknown split '" + draft.split().strip()
                        + "'; expected train, validation or test"));
            }
        }
        return problems;
    }

    /**
     * The dataset, in the format's default layout.
     *
     * @throws IllegalArgumentException naming the first problem when {@link #problems} finds any
     */
    public static Dataset build(LabelSchema schema, DatasetFormat format, List<RecordDraft> drafts) {
        List<TextProblem> problems = problems(drafts, schema);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("record " + problems.get(0).line() + ": " + problems.get(0).message());
        }
        List<DatasetEntry> records = new ArrayList<>();
        for (RecordDraft draft : drafts) {
            if (draft.isBlank()) {
                continue;
            }
            DatasetRecord record = new DatasetRecord(Integer.toString(records.size() + 1), draft.statement().strip(),
                    draft.label().isBlank() ? null : schema.resolve(draft.label()).orElseThrow(),
                    draft.reason().isBlank() ? null : draft.reason().strip(),
                    draft.split().isBlank() ? null : Split.parse(draft.split()).orElseThrow());
            records.add(record);
        }
        return new Dataset(schema, FileLayout.defaultFor(format), records);
    }
}
