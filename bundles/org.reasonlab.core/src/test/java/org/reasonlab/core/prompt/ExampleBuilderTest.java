package org.reasonlab.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.model.SplitRecords;

class ExampleBuilderTest {
    private final LabelSchema schema = LabelSchema.defaultSchema();

    private static DatasetRecord rec(String id, String statement, String label, String reason, Split split) {
        return new DatasetRecord(id, statement, label, reason, split);
    }

    @Test
    void buildsWithTheCanonicalLabel() {
        ExampleBuilder b = new ExampleBuilder(new PromptTemplate("S: {statement}\nA: ", "{label}. {reason}"), schema);
        TrainingExample e = b.build(rec("1", "I lied.", "1", "Lying is wrong.", Split.TRAIN)).orElseThrow();
        assertEquals("S: I lied.\nA: ", e.prompt());
        assertEquals("unethical. Lying is wrong.", e.answer());
        assertEquals("S: I lied.\nA: unethical. Lying is wrong.", e.text());
    }

    @Test
    void skipsRecordsThatCannotGiveAnExample() {
        ExampleBuilder b = new ExampleBuilder(PromptTemplates.defaultFor(TrainingMode.L_PLUS_R), schema);
        assertEquals(Optional.of(SkipReason.NO_STATEMENT), b.skipReason(rec("a", " ", "ethical", "ok", null)));
        assertEquals(Optional.of(SkipReason.NO_LABEL), b.skipReason(rec("a", "s", null, "ok", null)));
        assertEquals(Optional.of(SkipReason.UNKNOWN_LABEL), b.skipReason(rec("a", "s", "maybe", "ok", null)));
        assertEquals(Optional.of(SkipReason.NO_REASON), b.skipReason(rec("a", "s", "ethical", "\n", null)));
        assertTrue(b.build(rec("a", "s", "ethical", null, null)).isEmpty());
    }

    @Test
    void labelOnlyTemplateNeedsNoReason() {
        ExampleBuilder b = new ExampleBuilder(PromptTemplates.defaultFor(TrainingMode.L), schema);
        assertEquals("ethical", b.build(rec("a", "I helped.", "0", null, null)).orElseThrow().answer());
    }

    @Test
    void buildAllTakesOneSplitAndReportsSkips() {
        List<DatasetRecord> records = List.of(
                rec("1", "I helped.", "ethical", "Helping is good.", Split.TRAIN),
                rec("2", "I lied.", "unethical", "", Split.TRAIN),
                rec("3", "I stole.", "unethical", "Stealing is wrong.", Split.TEST),
                rec("4", "", "ethical", "x", Split.TRAIN),
                rec("5", "I shared.", "ethical", "Sharing is kind.", null),
                rec("6", "I cheated.", "1", "Cheating is unfair.", Split.TRAIN));
        records.get(1).setSourceLine(2);
        ExampleBuilder b = new ExampleBuilder(PromptTemplates.defaultFor(TrainingMode.L_PLUS_R), schema);

        ExampleSet train = b.buildAll(records, Split.TRAIN);
        assertEquals(2, train.examples().size());
        assertEquals(List.of("1", "6"), train.records().stream().map(DatasetRecord::id).toList());
        assertEquals("unethical. Cheating is unfair.", train.examples().get(1).answer());
        assertEquals(List.of(new SkippedRecord("2", 2, SkipReason.NO_REASON),
                new SkippedRecord("4", 0, SkipReason.NO_STATEMENT)), train.skipped());
        assertEquals(Map.of(SkipReason.NO_STATEMENT, 1, SkipReason.NO_REASON, 1), train.skipCounts());
        assertEquals("2 examples; skipped 2: 1 no statement, 1 no reason, which the template's answer needs",
                train.summary());

        assertEquals(1, b.buildAll(records, Split.TEST).examples().size());
        assertEquals(4, b.buildAll(records, null).examples().size());
        assertEquals("0 examples", b.buildAll(records, Split.VALIDATION).summary());
    }

    @Test
    void buildAllOfASplitTakesEveryRecordWhenTheDatasetAssignsNoSplits() {
        ExampleBuilder b = new ExampleBuilder(PromptTemplates.defaultFor(TrainingMode.L), schema);
        Dataset unsplit = new Dataset(schema, FileLayout.defaultFor(DatasetFormat.JSONL), List.of(
                rec("1", "I helped.", "ethical", null, null), rec("2", "I lied.", "unethical", null, null)));
        assertEquals(2, b.buildAll(SplitRecords.of(unsplit, Split.TRAIN)).examples().size());
        Dataset split = new Dataset(schema, FileLayout.defaultFor(DatasetFormat.JSONL), List.of(
                rec("1", "I helped.", "ethical", null, Split.TRAIN), rec("2", "I lied.", "unethical", null, Split.TEST)));
        assertEquals(List.of("1"), b.buildAll(SplitRecords.of(split, Split.TRAIN)).records().stream()
                .map(DatasetRecord::id).toList());
    }
}
