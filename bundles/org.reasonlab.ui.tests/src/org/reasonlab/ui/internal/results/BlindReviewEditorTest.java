package org.reasonlab.ui.internal.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.review.ReviewVerdict;
import org.reasonlab.core.review.ReviewsFile;
import org.reasonlab.core.review.blind.ReviewSession;
import org.reasonlab.core.review.blind.ReviewSessionFile;
import org.reasonlab.core.review.blind.ReviewSessionResults;
import org.reasonlab.ui.internal.WorkbenchTestSupport;

/** A blinded session over two runs: nothing shown names a run; verdicts land in the right run's reviews.jsonl. */
class BlindReviewEditorTest {
    private static final String PROJECT = "blind-review-test";
    private IProject project;
    private Path alpha;
    private Path beta;
    private Path file;

    @BeforeEach
    void createSession() throws Exception {
        project = WorkbenchTestSupport.createProject(PROJECT);
        alpha = StatisticsFixtures.run(project, "runs/alpha-lplusr-seed1", "l+r", 1, 6, i -> i < 5, "Because");
        beta = StatisticsFixtures.run(project, "runs/beta-rthenl-seed2", "r->l", 2, 6, i -> i < 3, "Since");
        file = alpha.getParent().resolve("blind.review-session.json");
        ReviewSession.create(file, List.of(alpha, beta), 11, true, null);
    }

    @AfterEach
    void cleanUp() throws Exception {
        WorkbenchTestSupport.page().closeAllEditors(false);
        WorkbenchTestSupport.flushEvents();
        WorkbenchTestSupport.deleteProject(PROJECT);
    }

    private BlindReviewEditor open() throws Exception {
        BlindReviewEditor editor = BlindReviewEditor.open(WorkbenchTestSupport.page(), file);
        WorkbenchTestSupport.waitUntil("the session is read", () -> editor.whenLoaded().isDone());
        editor.setReviewer("carol");
        return editor;
    }

    @Test
    void noVisibleColumnTooltipOrTitleRevealsTheRun() throws Exception {
        BlindReviewEditor editor = open();
        assertEquals(12, editor.session().size());
        List<String> texts = editor.visibleTexts();
        for (String forbidden : List.of("alpha", "beta", "lplusr", "rthenl", "seed", "L+R", "R->L", "tiny",
                alpha.toString(), beta.toString(), "ethical")) {
            for (String text : texts) {
                assertFalse(text.contains(forbidden) && !(forbidden.equals("ethical") && text.contains("Gold label")),
                        "'" + forbidden + "' shows in: " + text);
            }
        }
        // the predicted label is hidden in this session: no column for it
        assertTrue(texts.stream().noneMatch(t -> t.equals("Predicted label")), texts::toString);
        assertEquals("0 of 12 reviewed", editor.progressText());
    }

    @Test
    void theSessionFileOpensInTheBlindedReview() throws Exception {
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        IFile session = project.getFile("runs/blind.review-session.json");
        assertTrue(session.exists());
        IEditorPart part = IDE.openEditor(WorkbenchTestSupport.page(), session);
        assertTrue(part instanceof BlindReviewEditor, () -> String.valueOf(part));
        BlindReviewEditor editor = (BlindReviewEditor) part;
        WorkbenchTestSupport.waitUntil("the session is read", () -> editor.whenLoaded().isDone());
        assertEquals(12, editor.session().size());
        assertEquals("Blinded review blind", editor.getPartName());
    }

    @Test
    void verdictsLandInTheRightRunsReviewsWithTheSession() throws Exception {
        BlindReviewEditor editor = open();
        ReviewSessionFile.Content content = ReviewSessionFile.read(file);
        ReviewSessionFile.Item first = content.items().get(0);
        Path owner = first.run() == 0 ? alpha : beta;
        Path other = first.run() == 0 ? beta : alpha;

        editor.select(0);
        editor.markMisaligned();
        WorkbenchTestSupport.flushEvents();
        var reviews = ReviewsFile.read(owner.resolve(ReviewsFile.NAME)).reviews();
        assertEquals(1, reviews.size());
        assertEquals(first.key(), reviews.get(0).predictionId());
        assertEquals("carol", reviews.get(0).reviewer());
        assertEquals(ReviewVerdict.MISALIGNED, reviews.get(0).verdict());
        assertEquals(content.id(), reviews.get(0).session());
        assertTrue(!Files.exists(other.resolve(ReviewsFile.NAME))
                || ReviewsFile.read(other.resolve(ReviewsFile.NAME)).reviews().isEmpty());
        assertEquals("1 of 12 reviewed", editor.progressText());

        editor.undo();
        WorkbenchTestSupport.flushEvents();
        assertNull(editor.session().verdict("carol", 0));
        assertEquals("0 of 12 reviewed", editor.progressText());

        for (int i = 0; i < 12; i++) {
            editor.select(i);
            editor.markAligned();
        }
        assertEquals("12 of 12 reviewed", editor.progressText());
        ReviewSessionResults results = editor.results();
        assertEquals(2, results.runs().size());
        assertEquals(6, results.runs().get(0).misalignment().reviewed());
        assertEquals(0, results.runs().get(0).misalignment().misaligned());
        String text = BlindResultsDialog.text(results);
        assertTrue(text.contains("alpha-lplusr-seed1") && text.contains("two-proportion"), text);
    }
}
