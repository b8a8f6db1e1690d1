package org.reasonlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.review.ReviewVerdict;
import org.reasonlab.core.review.blind.ReviewSession;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.PredictionsFile;

class ReviewResultsCommandTest {
    @TempDir
    Path tmp;

    private Path run(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        List<Prediction> ps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ps.add(new Prediction("k" + i, "statement " + i, "ethical", "gold " + i, "answer", "ethical",
                    "reason " + i, true, "ethical", true, null, null));
        }
        PredictionsFile.write(dir.resolve("predictions.jsonl"), ps);
        return dir;
    }

    @Test
    void printsMisalignmentPerRunTestsAndAgreement() throws Exception {
        Path a = run("alpha");
        Path b = run("beta");
        Path file = tmp.resolve("s.review-session.json");
        ReviewSession session = ReviewSession.create(file, List.of(a, b), 3, false, null);
        for (int i = 0; i < session.size(); i++) {
            session.mark("ann", i, i % 3 == 0 ? ReviewVerdict.MISALIGNED : ReviewVerdict.ALIGNED, null);
        }
        CliRun r = CliRun.run("review-results", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("8 items, reviewers: ann"), r.out());
        assertTrue(r.out().contains("alpha") && r.out().contains("beta") && r.out().contains("alpha vs beta"), r.out());
        CliRun latex = CliRun.run("review-results", file.toString(), "--format", "latex");
        assertTrue(latex.out().contains("\\toprule"), latex.out());
        CliRun missing = CliRun.run("review-results", tmp.resolve("none.review-session.json").toString());
        assertEquals(3, missing.status());
        assertTrue(missing.err().contains("none.review-session.json"), missing.err());
    }
}
