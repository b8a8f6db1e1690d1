package org.reasonlab.core.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.reasonlab.core.traces.TraceTestData.write;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;

/**
 * On the imported test data: a correct (13 words, train), b correct (12, train), c unclear (10, train), d incorrect
 * (14, test), e no trace (test), and an unparsed line.
 */
class TraceFilterTest {
    @TempDir
    Path dir;

    private Dataset imported;
    private TracedRecords judged;

    @BeforeEach
    void importTraces() throws Exception {
        Path datasetFile = write(dir, "d.jsonl", TraceTestData.DATASET);
        imported = TraceImport.join(DatasetLoader.load(datasetFile).dataset(), datasetFile,
                TraceFileReader.read(write(dir, "t.jsonl", TraceTestData.TRACES_JSONL)).traces()).dataset();
        judged = TracedRecords.of(imported);
    }

    private TraceFilter.Result filter(Set<Correctness> keep, Integer min, Integer max, Set<String> buckets,
            Split split) {
        return new TraceFilter(keep, min, max, judged.tertiles(), buckets, split).apply(imported, judged);
    }

    private static List<String> ids(TraceFilter.Result result) {
        return result.dataset().recordStream().map(DatasetRecord::id).toList();
    }

    private static Map<DropReason, Integer> dropped(int noTrace, int correct, int incorrect, int unclear, int tooShort,
            int tooLong, int otherBucket) {
        return Map.of(DropReason.NO_TRACE, noTrace, DropReason.CORRECT, correct, DropReason.INCORRECT, incorrect,
                DropReason.UNCLEAR, unclear, DropReason.TOO_SHORT, tooShort, DropReason.TOO_LONG, tooLong,
                DropReason.OTHER_BUCKET, otherBucket);
    }

    @Test
    void keepsCorrectTracesAndCountsWhyTheOthersWentOut() {
        assertEquals(List.of(10, 12, 13, 14), judged.traced().stream().map(t -> t.judgement().words()).sorted().toList());
        TraceFilter.Result r = filter(Set.of(Correctness.CORRECT), null, null, Set.of(), null);
        assertEquals(List.of("a", "b"), ids(r));
        assertEquals(2, r.kept());
        assertEquals(dropped(1, 0, 1, 1, 0, 0, 0), r.dropped());
        assertEquals(3, r.droppedTotal());
        assertInstanceOf(RawLine.class, r.dataset().entries().get(2), "unparsed lines are kept");
        assertEquals(imported.recordStream().filter(x -> x.id().equals("a")).findFirst().orElseThrow(),
                r.dataset().records().get(0), "kept records are unchanged");
    }

    @Test
    void keepsUnclearOnesOnlyWhenAskedAndIncorrectOnesAlone() {
        assertEquals(List.of("a", "b", "c"),
                ids(filter(EnumSet.of(Correctness.CORRECT, Correctness.UNCLEAR), null, null, Set.of(), null)));
        TraceFilter.Result incorrect = filter(Set.of(Correctness.INCORRECT), null, null, Set.of(), null);
        assertEquals(List.of("d"), ids(incorrect));
        assertEquals(dropped(1, 2, 0, 1, 0, 0, 0), incorrect.dropped());
    }

    @Test
    void filtersByLengthInWords() {
        TraceFilter.Result r = filter(EnumSet.allOf(Correctness.class), 12, 13, Set.of(), null);
        assertEquals(List.of("a", "b"), ids(r));
        assertEquals(dropped(1, 0, 0, 0, 1, 1, 0), r.dropped());
    }

    @Test
    void filtersByBucket() {
        // tertiles of 10 12 13 14: Q(1/3) = 12 (h = 1), Q(2/3) = 13 (h = 2): short 0-12, medium 13-13, long 14+
        TraceFilter.Result r = filter(EnumSet.allOf(Correctness.class), null, null, Set.of("short"), null);
        assertEquals(List.of("b", "c"), ids(r));
        assertEquals(dropped(1, 0, 0, 0, 0, 0, 2), r.dropped());
        assertEquals(List.of("a", "b", "c"),
                ids(filter(EnumSet.allOf(Correctness.class), null, null, Set.of("short", "medium"), null)));
        assertThrows(IllegalArgumentException.class,
                () -> filter(EnumSet.allOf(Correctness.class), null, null, Set.of("tiny"), null));
    }

    @Test
    void filtersOneSplitAndKeepsTheOthersAsTheyAre() {
        TraceFilter.Result r = filter(Set.of(Correctness.CORRECT), null, null, Set.of(), Split.TRAIN);
        assertEquals(List.of("a", "b", "d", "e"), ids(r));
        assertEquals(2, r.kept());
        assertEquals(2, r.notFiltered());
        assertEquals(dropped(0, 0, 0, 1, 0, 0, 0), r.dropped());
    }

    @Test
    void judgingOneSplitLeavesTheOthersHumanReasonsOutOfTheStatistics() throws Exception {
        // traces for the train split only: the test records d and e keep their human reasons, which are no traces
        Path datasetFile = dir.resolve("d.jsonl");
        Dataset trainTraced = TraceImport.join(DatasetLoader.load(datasetFile).dataset(), datasetFile,
                TraceFileReader.read(dir.resolve("t.jsonl")).traces(), Split.TRAIN).dataset();
        assertEquals(5, TracedRecords.of(trainTraced).traced().size(), "all splits: d's and e's reasons judged too");
        TracedRecords train = TracedRecords.of(trainTraced, Split.TRAIN);
        assertEquals(List.of("a", "b", "c"), train.traced().stream().map(t -> t.record().id()).toList());
        assertEquals(List.of(), train.untraced());
        TraceFilter.Result r = new TraceFilter(Set.of(Correctness.CORRECT), null, null, train.tertiles(), Set.of(),
                Split.TRAIN).apply(trainTraced, train);
        assertEquals(List.of("a", "b", "d", "e"), ids(r));
        assertEquals(2, r.notFiltered());
    }
}
