package org.reasonlab.core.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.validate.ProblemKind;
import org.reasonlab.core.validate.Severity;
import org.reasonlab.core.validate.Validator;

class DatasetIndexTest {

    private static DatasetRecord record(String id, String statement, String label, String reason, Split split) {
        return new DatasetRecord(id, statement, label, reason, split);
    }

    private static Dataset sample() {
        DatasetRecord disagreeing = record("r3", "Taking a pen from work.", "unethical",
                "Taking what is not yours is stealing, even when small.", Split.TRAIN);
        disagreeing.setAnnotations(List.of(new Annotation("ann1", "unethical", "Stealing.", null),
                new Annotation("ann2", "Ethical", "Too small to matter.", null)));
        DatasetRecord agreeing = record("r4", "Helping a neighbour carry groceries.", "ethical",
                "Helping others who need it is kind.", Split.TEST);
        agreeing.setAnnotations(List.of(new Annotation("ann1", "ethical", "Kind.", null),
                new Annotation("ann2", "ETHICAL", "Helpful.", null)));
        List<DatasetEntry> entries = List.of(
                record("r1", "I returned the lost wallet to its owner.", "ethical",
                        "Returning lost property is honest and respects the owner.", Split.TRAIN),
                record("r2", "I lied to my friend about the party.", null, "", null),
                disagreeing,
                new RawLine("{\"id\": \"broken\", \"statement\": ".getBytes(StandardCharsets.UTF_8), 4, "truncated"),
                agreeing);
        return new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.JSONL), entries);
    }

    @Test
    void emptyQueryShowsEveryEntryIncludingUnparsedLines() {
        DatasetIndex index = new DatasetIndex(sample());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, index.filter(RecordQuery.ALL));
    }

    @Test
    void textSearchIsCaseInsensitiveOverStatementReasonAndRawLines() {
        DatasetIndex index = new DatasetIndex(sample());
        assertArrayEquals(new int[] {0}, index.filter(RecordQuery.ALL.withText("WALLET")));
        assertArrayEquals(new int[] {2}, index.filter(RecordQuery.ALL.withText("stealing")), "found in the reason");
        assertArrayEquals(new int[] {3}, index.filter(RecordQuery.ALL.withText("broken")), "found in an unparsed line");
        assertArrayEquals(new int[0], index.filter(RecordQuery.ALL.withText("owner. returning")),
                "never matches across statement and reason");
    }

    @Test
    void labelSplitAndDisagreementFiltersSelectRecordsOnly() {
        DatasetIndex index = new DatasetIndex(sample());
        assertArrayEquals(new int[] {0, 4}, index.filter(RecordQuery.ALL.withLabel("ethical")));
        assertArrayEquals(new int[] {1}, index.filter(RecordQuery.ALL.withLabel(RecordQuery.UNLABELLED)));
        assertArrayEquals(new int[] {0, 2}, index.filter(RecordQuery.ALL.withSplit(Split.TRAIN, false)));
        assertArrayEquals(new int[] {1}, index.filter(RecordQuery.ALL.withSplit(null, true)));
        assertArrayEquals(new int[] {2}, index.filter(RecordQuery.ALL.withDisagreement(true)),
                "aliases and case are resolved: ethical/ETHICAL agree");
        assertArrayEquals(new int[] {0}, index.filter(RecordQuery.ALL.withLabel("ethical").withSplit(Split.TRAIN, false)));
    }

    @Test
    void problemFiltersUseTheLastValidation() {
        Dataset dataset = sample();
        DatasetIndex index = new DatasetIndex(dataset);
        assertArrayEquals(new int[0], index.filter(RecordQuery.ALL.withProblem(null, true)), "not validated yet");
        index.setProblems(new Validator().validate(dataset));
        assertArrayEquals(new int[] {3}, index.filter(RecordQuery.ALL.withProblem(ProblemKind.PARSE_ERROR, false)));
        assertArrayEquals(new int[] {1}, index.filter(RecordQuery.ALL.withProblem(ProblemKind.MISSING_LABEL, false)));
        assertTrue(index.hasProblems(1));
        assertEquals(Severity.ERROR, index.worstSeverity(3));
        assertNull(index.worstSeverity(0));
        assertTrue(index.problemsOf(1).stream().allMatch(p -> p.entryIndex() == 1));
        assertEquals(1, index.problemKindCounts().get(ProblemKind.PARSE_ERROR));
    }

    @Test
    void replacementUpdatesTheIndexAndUndoesExactly() {
        Dataset dataset = sample();
        DatasetIndex index = new DatasetIndex(dataset);
        DatasetRecord before = (DatasetRecord) dataset.entries().get(1);
        DatasetRecord after = before.copy();
        after.setLabel("unethical");
        after.setReason("Lying to a friend breaks their trust.");
        EntryReplacement edit = new EntryReplacement(1, before, after);
        edit.apply(dataset);
        index.entryChanged(1);
        assertSame(after, dataset.entries().get(1));
        assertArrayEquals(new int[] {1}, index.filter(RecordQuery.ALL.withText("trust")));
        assertArrayEquals(new int[0], index.filter(RecordQuery.ALL.withLabel(RecordQuery.UNLABELLED)));
        edit.revert(dataset);
        index.entryChanged(1);
        assertSame(before, dataset.entries().get(1));
        assertArrayEquals(new int[] {1}, index.filter(RecordQuery.ALL.withLabel(RecordQuery.UNLABELLED)));
        assertThrows(IllegalStateException.class, () -> edit.revert(dataset), "a stale edit is refused, not applied blindly");
    }

    @Test
    void insertionAndRemovalAreInverse() {
        Dataset dataset = sample();
        DatasetRecord added = record("r5", "New statement.", "ethical", "A reason with enough words here.", Split.TRAIN);
        EntryInsertion insert = new EntryInsertion(2, added);
        insert.apply(dataset);
        assertSame(added, dataset.entries().get(2));
        assertEquals(6, dataset.entries().size());
        insert.revert(dataset);
        assertEquals(5, dataset.entries().size());
        DatasetEntry raw = dataset.entries().get(3);
        EntryRemoval remove = new EntryRemoval(3, raw);
        remove.apply(dataset);
        assertFalse(dataset.entries().contains(raw));
        remove.revert(dataset);
        assertSame(raw, dataset.entries().get(3));
    }

    @Test
    void navigatorFindsTheNextUnlabelledAndProblemRowsWrappingAround() {
        Dataset dataset = sample();
        DatasetIndex index = new DatasetIndex(dataset);
        index.setProblems(new Validator().validate(dataset));
        int[] rows = index.filter(RecordQuery.ALL);
        assertEquals(1, RecordNavigator.nextUnlabelled(index, rows, -1));
        assertEquals(1, RecordNavigator.nextUnlabelled(index, rows, 3), "wraps around");
        assertEquals(1, RecordNavigator.nextUnlabelled(index, rows, 1), "the current row is checked last");
        assertEquals(3, RecordNavigator.nextWithProblems(index, rows, 1));
        int[] labelled = index.filter(RecordQuery.ALL.withLabel("ethical"));
        assertEquals(-1, RecordNavigator.nextUnlabelled(index, labelled, 0));
    }
}
