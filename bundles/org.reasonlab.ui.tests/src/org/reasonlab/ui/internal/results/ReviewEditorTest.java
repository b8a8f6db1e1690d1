package org.reasonlab.ui.internal.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.commands.Command;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.review.PredictionFilter;
import org.reasonlab.core.review.Review;
import org.reasonlab.core.review.ReviewVerdict;
import org.reasonlab.core.review.ReviewsFile;
import org.reasonlab.ui.internal.WorkbenchTestSupport;

/** The reason review: marking by command, reviews.jsonl, the rate with its interval, kappa, filters, undo. */
class ReviewEditorTest {
    private static final String PROJECT = "review-test";
    private Path run;

    static String prediction(String id, String gold, String predicted, boolean parseable, Boolean agrees) {
        return "{\"id\":\"" + id + "\",\"statement\":\"Statement " + id + ".\",\"goldLabel\":\"" + gold
                + "\",\"goldReason\":\"Gold reason " + id + ".\",\"generated\":\"text\",\"predictedLabel\":"
                + (predicted == null ? "null" : "\"" + predicted + "\"") + ",\"generatedReason\":\"Reason " + id
                + ".\",\"parseable\":" + parseable + ",\"reasonVerdict\":null,\"reasonAgrees\":" + agrees
                + ",\"rougeL\":null,\"tokenF1\":null}";
    }

    @BeforeEach
    void createRun() throws Exception {
        IProject project = WorkbenchTestSupport.createProject(PROJECT);
        run = ResultsTestSupport.folder(project, "runs/lr");
        ResultsTestSupport.write(project, "runs/lr/predictions.jsonl", String.join("\n",
                prediction("a1", "unethical", "unethical", true, true),
                prediction("a2", "ethical", "unethical", true, false),
                prediction("a3", "ethical", null, false, null),
                prediction("a4", "unethical", "unethical", true, true)) + "\n");
    }

    @AfterEach
    void cleanUp() throws Exception {
        WorkbenchTestSupport.page().closeAllEditors(false);
        WorkbenchTestSupport.flushEvents();
        WorkbenchTestSupport.deleteProject(PROJECT);
    }

    private ReviewEditor open() throws Exception {
        ReviewEditor editor = ReviewEditor.open(WorkbenchTestSupport.page(), run);
        WorkbenchTestSupport.waitUntil("the review has read the predictions", () -> editor.whenLoaded().isDone());
        editor.setReviewer("alice");
        return editor;
    }

    @Test
    void marksByCommandAppendToReviewsFileAndShowTheRate() throws Exception {
        ReviewEditor editor = open();
        assertEquals(List.of("a1", "a2", "a3", "a4"), editor.shownKeys());
        assertEquals("a1", editor.selectedKey());
        assertTrue(editor.detailsText().contains("Statement a1."), editor.detailsText());
        assertTrue(editor.detailsText().contains("Gold reason a1."), editor.detailsText());
        assertTrue(editor.detailsText().contains("Reason a1."), editor.detailsText());

        ResultsTestSupport.command(ReviewKeys.MARK_ALIGNED);
        ResultsTestSupport.command(ReviewKeys.NEXT);
        assertEquals("a2", editor.selectedKey());
        ResultsTestSupport.command(ReviewKeys.MARK_MISALIGNED);
        ResultsTestSupport.command(ReviewKeys.NEXT_UNREVIEWED);
        assertEquals("a3", editor.selectedKey());
        ResultsTestSupport.command(ReviewKeys.MARK_MISALIGNED);

        List<Review> lines = ReviewsFile.read(run.resolve(ReviewsFile.NAME)).reviews();
        assertEquals(3, lines.size());
        assertEquals(List.of("a1", "a2", "a3"), lines.stream().map(Review::predictionId).toList());
        assertTrue(lines.stream().allMatch(r -> r.reviewer().equals("alice")));
        assertEquals(List.of(ReviewVerdict.ALIGNED, ReviewVerdict.MISALIGNED, ReviewVerdict.MISALIGNED),
                lines.stream().map(Review::verdict).toList());
        assertTrue(editor.rateText().contains("alice: 66.7% [20.8%, 93.9%] (n=3)"), editor.rateText());
        assertTrue(editor.rateText().contains("pooled: 66.7% [20.8%, 93.9%] (n=3)"), editor.rateText());
        assertTrue(editor.kappaText().contains("needs two reviewers"), editor.kappaText());

        editor.undo();
        lines = ReviewsFile.read(run.resolve(ReviewsFile.NAME)).reviews();
        assertEquals(4, lines.size(), "undo appends a withdrawing line");
        assertNull(lines.get(3).verdict());
        assertTrue(editor.rateText().contains("alice: 50.0% [9.5%, 90.5%] (n=2)"), editor.rateText());
        editor.redo();
        assertEquals(ReviewVerdict.MISALIGNED, editor.reviews().verdict("alice", "a3"));

        editor.selectKey("a1");
        ResultsTestSupport.command(ReviewKeys.CLEAR_VERDICT);
        assertNull(editor.reviews().verdict("alice", "a1"));
        assertNull(ReviewsFile.read(run.resolve(ReviewsFile.NAME)).reviews().get(5).verdict());
        ResultsTestSupport.command(ReviewKeys.PREVIOUS);
        assertEquals("a1", editor.selectedKey(), "previous stops at the first prediction");
    }

    @Test
    void showsKappaForTwoReviewersAndThePooledRate() throws Exception {
        ResultsTestSupport.write(ResourcesHolder.project(), "runs/lr/reviews.jsonl", """
                {"id":"a1","reviewer":"bob","verdict":"aligned","time":"2025-05-01T09:30:00Z"}
                {"id":"a2","reviewer":"bob","verdict":"misaligned","time":"2025-05-01T09:30:01Z"}
                {"id":"a3","reviewer":"bob","verdict":"aligned","time":"2025-05-01T09:30:02Z"}
                """);
        ReviewEditor editor = open();
        for (String key : List.of("a1", "a2", "a3")) {
            editor.selectKey(key);
            ResultsTestSupport.command(key.equals("a1") ? ReviewKeys.MARK_ALIGNED : ReviewKeys.MARK_MISALIGNED);
        }
        assertTrue(editor.kappaText().contains("alice\u2013bob 0.400 (n=3)"), editor.kappaText());
        assertTrue(editor.rateText().contains("pooled: 50.0% [9.5%, 90.5%] (n=2), 1 tied"), editor.rateText());
    }

    @Test
    void filtersKeepThePredictionsThatPassAll() throws Exception {
        ReviewEditor editor = open();
        editor.setFilter(PredictionFilter.WRONG_LABEL, true);
        assertEquals(List.of("a2"), editor.shownKeys());
        editor.setFilter(PredictionFilter.WRONG_LABEL, false);
        editor.setFilter(PredictionFilter.UNPARSEABLE, true);
        assertEquals(List.of("a3"), editor.shownKeys());
        editor.setFilter(PredictionFilter.UNPARSEABLE, false);
        editor.setFilter(PredictionFilter.REASON_CONTRADICTS_LABEL, true);
        assertEquals(List.of("a2"), editor.shownKeys());
        editor.setFilter(PredictionFilter.REASON_CONTRADICTS_LABEL, false);

        editor.setFilter(PredictionFilter.NOT_REVIEWED, true);
        editor.selectKey("a2");
        ResultsTestSupport.command(ReviewKeys.MARK_ALIGNED);
        assertEquals(List.of("a1", "a3", "a4"), editor.shownKeys(), "a reviewed prediction leaves the filter");
        assertEquals("a3", editor.selectedKey(), "the selection moves on to the next shown one");
        editor.setReviewer("carol");
        assertEquals(List.of("a1", "a2", "a3", "a4"), editor.shownKeys(), "another reviewer has reviewed nothing");
    }

    @Test
    void everyReviewCommandHasADefaultKey() {
        ICommandService commands = WorkbenchTestSupport.window().getService(ICommandService.class);
        IBindingService bindings = WorkbenchTestSupport.window().getService(IBindingService.class);
        Set<String> unbound = new TreeSet<>();
        for (String id : List.of(ReviewKeys.MARK_ALIGNED, ReviewKeys.MARK_MISALIGNED, ReviewKeys.CLEAR_VERDICT,
                ReviewKeys.NEXT_UNREVIEWED, ReviewKeys.NEXT, ReviewKeys.PREVIOUS)) {
            Command c = commands.getCommand(id);
            assertTrue(c.isDefined(), id);
            boolean bound = Arrays.stream(bindings.getBindings()).anyMatch(b -> b.getParameterizedCommand() != null
                    && b.getType() == Binding.SYSTEM && id.equals(b.getParameterizedCommand().getId()));
            if (!bound) {
                unbound.add(id);
            }
        }
        assertTrue(unbound.isEmpty(), () -> "commands without a key: " + unbound);
    }

    /** The test project. */
    private static final class ResourcesHolder {
        static IProject project() {
            return ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
        }
    }
}
