package org.reasonlab.core.review.blind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.review.Review;
import org.reasonlab.core.review.ReviewSet;
import org.reasonlab.core.review.ReviewVerdict;
import org.reasonlab.core.review.ReviewerAgreement;
import org.reasonlab.core.review.ReviewsFile;
import org.reasonlab.core.review.WilsonInterval;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.PredictionsFile;
import org.reasonlab.core.run.RunDirectory;

class ReviewSessionTest {
    @TempDir
    Path tmp;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private static final ReviewVerdict A = ReviewVerdict.ALIGNED;
    private static final ReviewVerdict M = ReviewVerdict.MISALIGNED;

    private static Prediction p(String id, String reason, boolean leaked) {
        return new Prediction(id, "statement " + id, "ethical", "gold reason " + id,
                "ethical. " + (reason == null ? "" : reason), "ethical", reason, true, "ethical", true, 0.5, 0.5,
                null, false, leaked);
    }

    /** A run folder under tmp/runs with these predictions. */
    private Path run(String name, List<Prediction> predictions) throws IOException {
        Path folder = tmp.resolve("runs").resolve(name);
        Files.createDirectories(folder);
        PredictionsFile.write(new RunDirectory(folder).predictionsFile(), predictions);
        return folder;
    }

    /** n predictions k1..kn with reasons; every third leaked; {@code without} has no reason. */
    private Path run(String name, int n, String prefix, Set<String> without) throws IOException {
        List<Prediction> ps = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = "k" + i;
            ps.add(p(id, without.contains(id) ? null : prefix + " reason for " + id, i % 3 == 0));
        }
        return run(name, ps);
    }

    private Path sessionFile(String name) {
        return tmp.resolve(name + ReviewSessionFile.SUFFIX);
    }

    @Test
    void theSameSeedGivesTheSameOrderAndTheRunsAreInterleaved() throws Exception {
        Path alpha = run("run-alpha", 12, "alpha", Set.of("k2"));
        Path beta = run("run-beta", 12, "beta", Set.of());
        ReviewSession s1 = ReviewSession.create(sessionFile("one"), List.of(alpha, beta), 7, false, null, CLOCK);
        ReviewSession s2 = ReviewSession.create(sessionFile("two"), List.of(alpha, beta), 7, false, null, CLOCK);
        ReviewSession s3 = ReviewSession.create(sessionFile("three"), List.of(alpha, beta), 8, false, null, CLOCK);
        List<ReviewSessionFile.Item> items1 = ReviewSessionFile.read(s1.file()).items();
        assertEquals(23, s1.size()); // 11 reasons of alpha (k2 has none) + 12 of beta
        assertEquals(items1, ReviewSessionFile.read(s2.file()).items());
        assertNotEquals(items1, ReviewSessionFile.read(s3.file()).items());
        assertEquals(new HashSet<>(items1), new HashSet<>(ReviewSessionFile.read(s3.file()).items()));
        assertFalse(items1.contains(new ReviewSessionFile.Item(0, "k2")));
        assertNotEquals(s1.id(), s2.id());

        // interleaved: neither all of one run first, nor alternating strictly
        List<Integer> runs = items1.stream().map(ReviewSessionFile.Item::run).toList();
        assertNotEquals(runs.stream().sorted().toList(), runs);
        assertNotEquals(runs.stream().sorted((a, b) -> b - a).toList(), runs);
        long switches = 0;
        for (int i = 1; i < runs.size(); i++) {
            switches += runs.get(i).equals(runs.get(i - 1)) ? 0 : 1;
        }
        assertTrue(switches >= 4, "switches between runs: " + switches);

        // the file records what was chosen, with the folders relative to the session file
        ReviewSessionFile.Content c = ReviewSessionFile.read(s1.file());
        assertEquals(7, c.seed());
        assertNull(c.perRunLimit());
        assertEquals(List.of("runs/run-alpha", "runs/run-beta"), c.runs().stream().map(ReviewSessionFile.Run::folder)
                .toList());
        assertEquals(64, c.runs().get(0).predictionsSha256().length());
        assertEquals(List.of(alpha.toAbsolutePath().normalize(), beta.toAbsolutePath().normalize()),
                ReviewSession.open(s1.file()).runFolders());
    }

    @Test
    void aPerRunSampleTakesTheSameStatementsFromEveryRun() throws Exception {
        Path alpha = run("run-alpha", 10, "alpha", Set.of("k1", "k2"));
        Path beta = run("run-beta", 10, "beta", Set.of("k3"));
        // keys with a reason in both: k4..k10 (7); 5 of them for both runs
        ReviewSession s = ReviewSession.create(sessionFile("five"), List.of(alpha, beta), 3, false, 5, CLOCK);
        List<ReviewSessionFile.Item> items = ReviewSessionFile.read(s.file()).items();
        assertEquals(10, items.size());
        Set<String> keysAlpha = keysOf(items, 0);
        assertEquals(keysAlpha, keysOf(items, 1));
        assertEquals(5, keysAlpha.size());
        assertTrue(Set.of("k4", "k5", "k6", "k7", "k8", "k9", "k10").containsAll(keysAlpha), keysAlpha.toString());
        assertEquals(Integer.valueOf(5), ReviewSessionFile.read(s.file()).perRunLimit());

        // 9 per run but only 7 shared: the 7 shared ones plus 1 (alpha has no other) or 2 of each run's others
        ReviewSession nine = ReviewSession.create(sessionFile("nine"), List.of(alpha, beta), 3, false, 9, CLOCK);
        List<ReviewSessionFile.Item> more = ReviewSessionFile.read(nine.file()).items();
        Set<String> a = keysOf(more, 0);
        Set<String> b = keysOf(more, 1);
        assertEquals(8, a.size()); // alpha has 8 reasons in all
        assertEquals(9, b.size());
        assertTrue(a.containsAll(Set.of("k4", "k5", "k6", "k7", "k8", "k9", "k10")));
        assertTrue(b.containsAll(Set.of("k4", "k5", "k6", "k7", "k8", "k9", "k10")));
        assertFalse(b.contains("k3"));
    }

    private static Set<String> keysOf(List<ReviewSessionFile.Item> items, int run) {
        Set<String> keys = new HashSet<>();
        items.stream().filter(i -> i.run() == run).forEach(i -> keys.add(i.key()));
        return keys;
    }

    @Test
    void aBlindItemTellsNothingAboutItsRun() throws Exception {
        Path alpha = run("run-alpha", 6, "first", Set.of());
        Path beta = run("run-beta", 6, "second", Set.of());
        ReviewSession s = ReviewSession.create(sessionFile("blind"), List.of(alpha, beta), 11, true, null, CLOCK);
        assertEquals(List.of("index", "statement", "goldLabel", "goldReason", "generatedReason", "predictedLabel"),
                Stream.of(BlindItem.class.getRecordComponents()).map(RecordComponent::getName).toList());
        Set<String> forbidden = new HashSet<>(List.of(alpha.toString(), beta.toString(), alpha.toAbsolutePath().toString(),
                beta.toAbsolutePath().toString(), "run-alpha", "run-beta", "runs/run-alpha", "runs/run-beta", "0",
                "1"));
        for (BlindItem item : s.items()) {
            for (RecordComponent c : BlindItem.class.getRecordComponents()) {
                Object value = c.getAccessor().invoke(item);
                if (value instanceof String text) {
                    for (String f : forbidden) {
                        assertFalse(text.equals(f) || (f.length() > 1 && text.contains(f)),
                                c.getName() + " of item " + item.index() + " gives away the run: " + text);
                    }
                }
            }
            assertNull(item.predictedLabel()); // hidden in this session
            assertNotNull(item.generatedReason());
            assertFalse(item.toString().contains("run-"));
        }
        assertEquals(3, s.items().get(3).index());
        ReviewSession shown = ReviewSession.create(sessionFile("shown"), List.of(alpha), 11, false, null, CLOCK);
        assertEquals("ethical", shown.item(0).predictedLabel());
    }

    @Test
    void verdictsLandInTheItemsRunWithTheSessionIdAndCanBeUndone() throws Exception {
        Path alpha = run("run-alpha", 4, "alpha", Set.of());
        Path beta = run("run-beta", 4, "beta", Set.of());
        ReviewSession s = ReviewSession.create(sessionFile("marks"), List.of(alpha, beta), 5, false, null, CLOCK);
        List<ReviewSessionFile.Item> items = ReviewSessionFile.read(s.file()).items();
        int first = 0;
        ReviewSessionFile.Item item = items.get(first);
        Path own = (item.run() == 0 ? alpha : beta).resolve(ReviewsFile.NAME);
        Path other = (item.run() == 0 ? beta : alpha).resolve(ReviewsFile.NAME);

        assertEquals("0 of 8 reviewed", s.progress("alice"));
        assertNull(s.mark("alice", first, M, "argues the other way"));
        List<Review> lines = ReviewsFile.read(own).reviews();
        assertEquals(1, lines.size());
        assertEquals(new Review(item.key(), "alice", M, CLOCK.instant(), "argues the other way", s.id()),
                lines.get(0));
        assertTrue(Files.readString(own).contains("\"session\":\"" + s.id() + "\""));
        assertFalse(Files.exists(other));
        assertEquals(M, s.verdict("alice", first));
        assertEquals(1, s.reviewed("alice"));
        assertEquals(0, s.reviewed("bob"));
        assertEquals("1 of 8 reviewed", s.progress("alice"));
        assertEquals(1, s.nextUnreviewed("alice", -1));
        assertEquals(0, s.nextUnreviewed("bob", -1));
        assertEquals(Set.of("alice"), s.reviewers());

        // undo of a second mark, then undo of the first
        Review before = s.mark("alice", first, A, null);
        assertEquals(M, before.verdict());
        assertEquals(A, s.restore("alice", first, before).verdict());
        assertEquals(M, s.verdict("alice", first));
        assertEquals("argues the other way", s.review("alice", first).note());
        assertEquals(M, s.restore("alice", first, null).verdict());
        assertNull(s.verdict("alice", first));
        assertNull(s.unmark("alice", first)); // nothing to withdraw: nothing written
        assertEquals(4, ReviewsFile.read(own).reviews().size());
        assertEquals(0, s.reviewed("alice"));

        // every item reviewed: no next one; another session instance sees the same after reading again
        for (int i = 0; i < s.size(); i++) {
            s.mark("alice", i, A, null);
        }
        assertEquals(-1, s.nextUnreviewed("alice", 3));
        ReviewSession again = ReviewSession.open(s.file(), CLOCK);
        assertEquals(8, again.reviewed("alice"));
        // the ordinary review sees the session's verdicts as the reviewer's current ones
        assertEquals(A, ReviewSet.load(new RunDirectory(alpha)).verdict("alice", "k1"));
        assertEquals(Set.of(s.id()), ReviewSet.load(new RunDirectory(alpha)).sessions());
    }

    /**
     * Two runs with the same four keys a..d, three reviewers; * marks a leaked prediction:
     *
     * <pre>
     *            alice bob carol   majority
     * alpha a      M    M    M       M
     * alpha b      M    A    M       M
     * alpha c      A    A    A       A
     * alpha d*     M    M    A       M
     * beta  a      A    A    A       A
     * beta  b      A    M    A       A
     * beta  c*     M    M    M       M
     * beta  d      A    M    -       tie
     * </pre>
     *
     * Rates: alpha 3/4 (clean a,b,c: 2/3); beta 1 of 3 with 1 tie (clean a,b,d: 0/2, 1 tie).
     * Wilson 95% (z = 1.959964): 3/4 -> [0.30064, 0.95441]; 1/3 -> [0.06149, 0.79234]; 2/3 -> [0.20766, 0.93851];
     * 0/2 -> [0, 0.65762].
     * Two-proportion, all: p^ = 4/7, diff = 3/4 - 1/3 = 0.41667, SE = sqrt(4/7 * 3/7 * (1/4 + 1/3)) = sqrt(1/7),
     * z = 1.10240, p = 2 Phi(-1.10240) = 0.27029. Clean: p^ = 2/5, diff = 2/3, SE = sqrt(0.4 * 0.6 * 5/6) = sqrt(0.2),
     * z = 1.49071, p = 0.13604.
     * Cohen, all items: alice-bob n = 8, table AA 2, AM 2, MA 1, MM 3: p_o = 5/8, p_e = (4*3 + 4*5)/64 = 1/2,
     * kappa = 0.25. alice-carol n = 7 (AA 3, AM 0, MA 1, MM 3): (7*6 - (3*4 + 4*3)) / (49 - 24) = 18/25 = 0.72.
     * bob-carol n = 7 (AA 2, AM 1, MA 2, MM 2): (7*4 - 24) / (49 - 24) = 4/25 = 0.16.
     * Fleiss over the 7 items all three rated (not beta d), counts [aligned, misaligned]: [0,3] [1,2] [3,0] [1,2] [3,0]
     * [2,1] [0,3]; P_i = 1, 1/3, 1, 1/3, 1, 1/3, 1, P-bar = 5/7; p_aligned = 10/21, p_misaligned = 11/21,
     * P_e = 221/441; kappa = (315 - 221) / (441 - 221) = 94/220 = 0.42727.
     * Clean items (alpha a, b, c, beta a, b, d): alice-bob AA 2, AM 2, MA 1, MM 1: n = 6, t = 3,
     * chance = 4*3 + 2*3 = 18, kappa = (18 - 18) / (36 - 18) = 0. Fleiss over alpha a, b, c, beta a, b:
     * P-bar = (1 + 1/3 + 1 + 1 + 1/3) / 5 = 11/15, p = 9/15, 6/15, P_e = 117/225, kappa = (165 - 117) / (225 - 117) = 4/9.
     */
    @Test
    void resultsMatchAHandComputedExample() throws Exception {
        Path alpha = run("alpha", List.of(p("a", "ra", false), p("b", "rb", false), p("c", "rc", false),
                p("d", "rd", true)));
        Path beta = run("beta", List.of(p("a", "sa", false), p("b", "sb", false), p("c", "sc", true),
                p("d", "sd", false)));
        ReviewSession s = ReviewSession.create(sessionFile("hand"), List.of(alpha, beta), 1, false, null, CLOCK);
        List<ReviewSessionFile.Item> items = ReviewSessionFile.read(s.file()).items();
        String[][] table = {
                {"0", "a", "M", "M", "M"}, {"0", "b", "M", "A", "M"}, {"0", "c", "A", "A", "A"},
                {"0", "d", "M", "M", "A"}, {"1", "a", "A", "A", "A"}, {"1", "b", "A", "M", "A"},
                {"1", "c", "M", "M", "M"}, {"1", "d", "A", "M", "-"}};
        String[] reviewers = {"alice", "bob", "carol"};
        for (String[] row : table) {
            int index = items.indexOf(new ReviewSessionFile.Item(Integer.parseInt(row[0]), row[1]));
            for (int r = 0; r < 3; r++) {
                if (!row[2 + r].equals("-")) {
                    s.mark(reviewers[r], index, row[2 + r].equals("M") ? M : A, null);
                }
            }
        }
        ReviewSessionResults res = ReviewSession.open(s.file(), CLOCK).results();
        assertResults(res);

        // a later unblinded verdict and a compaction of the log change nothing
        ReviewSet alphaReviews = ReviewSet.load(new RunDirectory(alpha));
        alphaReviews.mark("alice", "a", A, "changed my mind after seeing the run");
        alphaReviews.mark("dave", "a", A, null);
        alphaReviews.unmark("bob", "b");
        alphaReviews.save();
        ReviewSet reread = ReviewSet.load(new RunDirectory(alpha));
        assertEquals(A, reread.verdict("alice", "a"));
        assertNull(reread.verdict("bob", "b"));
        assertEquals(M, reread.sessionVerdict(s.id(), "alice", "a"));
        assertEquals(A, reread.sessionVerdict(s.id(), "bob", "b"));
        assertResults(s.results());
    }

    private static void assertResults(ReviewSessionResults res) {
        assertEquals(8, res.items());
        assertEquals(List.of("alice", "bob", "carol"), res.reviewers());
        ReviewSessionResults.RunResult alpha = res.runs().get(0);
        ReviewSessionResults.RunResult beta = res.runs().get(1);
        assertEquals("alpha", alpha.name());
        assertEquals(4, alpha.items());
        assertEquals(3, alpha.cleanItems());
        assertEquals(3, alpha.misalignment().misaligned());
        assertEquals(4, alpha.misalignment().reviewed());
        assertEquals(0.30064, alpha.misalignment().interval().low(), 5e-6);
        assertEquals(0.95441, alpha.misalignment().interval().high(), 5e-6);
        assertEquals(2, alpha.cleanMisalignment().misaligned());
        assertEquals(3, alpha.cleanMisalignment().reviewed());
        assertEquals(WilsonInterval.of95(2, 3), alpha.cleanMisalignment().interval());
        assertEquals(0.20766, alpha.cleanMisalignment().interval().low(), 5e-6);
        assertEquals(1, beta.misalignment().misaligned());
        assertEquals(3, beta.misalignment().reviewed());
        assertEquals(1, beta.misalignment().ties());
        assertEquals(0.06149, beta.misalignment().interval().low(), 5e-6);
        assertEquals(0.79234, beta.misalignment().interval().high(), 5e-6);
        assertEquals(0, beta.cleanMisalignment().misaligned());
        assertEquals(2, beta.cleanMisalignment().reviewed());
        assertEquals(1, beta.cleanMisalignment().ties());
        assertEquals(0.65762, beta.cleanMisalignment().interval().high(), 5e-6);

        assertEquals(1, res.comparisons().size());
        ReviewSessionResults.RunComparison cmp = res.comparisons().get(0);
        assertEquals(0, cmp.first());
        assertEquals(1, cmp.second());
        assertEquals(0.41667, cmp.test().difference(), 5e-6);
        assertEquals(1.10240, cmp.test().z(), 5e-6);
        assertEquals(0.27029, cmp.test().p(), 5e-6);
        assertEquals(1.49071, cmp.cleanTest().z(), 5e-6);
        assertEquals(0.13604, cmp.cleanTest().p(), 5e-6);

        List<ReviewerAgreement> pairs = res.agreement().pairs();
        assertEquals(List.of("alice/bob", "alice/carol", "bob/carol"),
                pairs.stream().map(p -> p.first() + "/" + p.second()).toList());
        assertEquals(new ReviewerAgreement("alice", "bob", 2, 2, 1, 3), pairs.get(0));
        assertEquals(0.25, pairs.get(0).kappa(), 1e-12);
        assertEquals(0.72, pairs.get(1).kappa(), 1e-12);
        assertEquals(0.16, pairs.get(2).kappa(), 1e-12);
        assertEquals(7, res.agreement().fleissItems());
        assertEquals(94.0 / 220, res.agreement().fleissKappa(), 1e-12);
        assertEquals(new ReviewerAgreement("alice", "bob", 2, 2, 1, 1), res.cleanAgreement().pairs().get(0));
        assertEquals(0.0, res.cleanAgreement().pairs().get(0).kappa(), 1e-12);
        assertEquals(5, res.cleanAgreement().fleissItems());
        assertEquals(4.0 / 9, res.cleanAgreement().fleissKappa(), 1e-12);
    }

    @Test
    void withNoVerdictsTheFiguresAreEmptyNotWrong() throws Exception {
        Path alpha = run("run-alpha", 3, "alpha", Set.of());
        Path beta = run("run-beta", 3, "beta", Set.of());
        ReviewSession s = ReviewSession.create(sessionFile("empty"), List.of(alpha, beta), 1, false, null, CLOCK);
        ReviewSet.load(new RunDirectory(alpha)).mark("alice", "k1", M, null); // unblinded: not the session's
        ReviewSessionResults res = s.results();
        assertEquals(List.of(), res.reviewers());
        assertEquals(0, res.runs().get(0).misalignment().reviewed());
        assertNull(res.runs().get(0).misalignment().interval());
        assertNull(res.comparisons().get(0).test());
        assertEquals(List.of(), res.agreement().pairs());
        assertNull(res.agreement().fleissKappa());
        s.mark("alice", 0, M, null);
        res = s.results();
        assertEquals(List.of("alice"), res.reviewers());
        assertNull(res.agreement().fleissKappa());
        assertEquals(0, res.agreement().fleissItems());
    }

    @Test
    void theSessionFileIsWrittenAtomicallyAndNotOverwritten() throws Exception {
        Path alpha = run("run-alpha", 3, "alpha", Set.of());
        Path file = sessionFile("atomic");
        ReviewSession s = ReviewSession.create(file, List.of(alpha), 1, false, null, CLOCK);
        try (Stream<Path> names = Files.list(tmp)) {
            assertEquals(Set.of("runs", "atomic" + ReviewSessionFile.SUFFIX),
                    new HashSet<>(names.map(p -> p.getFileName().toString()).toList()));
        }
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\n  \"format\": \"reasonlab-review-session/1\",\n  \"id\": \"" + s.id() + "\",\n"
                + "  \"created\": \"2026-12-06T10:00:00Z\",\n  \"seed\": 1,\n  \"hidePredictedLabel\": false,\n"
                + "  \"runs\": [\n    {\"folder\":\"runs/run-alpha\",\"predictionsSha256\":\""), text);
        assertEquals(ReviewSessionFile.read(file), ReviewSessionFile.parse(ReviewSessionFile.format(
                ReviewSessionFile.read(file))));
        assertThrows(FileAlreadyExistsException.class,
                () -> ReviewSession.create(file, List.of(alpha), 2, false, null, CLOCK));
        assertEquals(text, Files.readString(file));
        assertEquals(List.of(file), ReviewSessionFile.list(tmp));
    }

    @Test
    void badSessionFilesAreReportedWithTheFileAndTheField() throws Exception {
        Path alpha = run("run-alpha", 3, "alpha", Set.of());
        Path good = sessionFile("good");
        ReviewSession.create(good, List.of(alpha), 1, false, null, CLOCK);
        String text = Files.readString(good);

        assertMessage(text.replaceFirst("\"run\":0", "\"run\":\"first\""), "bad1", "items[0].run must be a whole number");
        assertMessage(text.replaceFirst("\"run\":0", "\"run\":4"), "bad2", "items[0].run: 4 is not a run (runs has 1)");
        assertMessage(text.replaceFirst(",\"key\":\"k\\d\"", ""), "bad3", "items[0].key is missing");
        assertMessage(text.replace("\"seed\": 1", "\"seed\": 1.5"), "bad4", "seed must be a whole number");
        assertMessage(text.replace("reasonlab-review-session/1", "reasonlab-review-session/9"), "bad5", "format must be");
        assertMessage(text.replace("\"seed\": 1,", "\"seed\": 1"), "bad6", "line 6");
        assertMessage(text.replace("runs/run-alpha", ""), "bad7", "runs[0].folder must not be blank");

        // readable but not matching the run: an item whose prediction is not there, a changed predictions.jsonl
        Path missing = tmp.resolve("missing" + ReviewSessionFile.SUFFIX);
        Files.writeString(missing, text.replaceFirst("\"key\":\"k\\d\"", "\"key\":\"nope\""), StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ReviewSession.open(missing));
        assertTrue(e.getMessage().startsWith(missing + ": items[0]: runs/run-alpha/predictions.jsonl has no prediction"
                + " under the key 'nope'"), e.getMessage());
        PredictionsFile.write(new RunDirectory(alpha).predictionsFile(), List.of(p("k1", "other", false)));
        e = assertThrows(IOException.class, () -> ReviewSession.open(good));
        assertTrue(e.getMessage().startsWith(good + ": runs[0]: "), e.getMessage());
        assertTrue(e.getMessage().contains("has changed since the session was created"), e.getMessage());
    }

    private void assertMessage(String content, String name, String expected) throws IOException {
        Path f = tmp.resolve(name + ReviewSessionFile.SUFFIX);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ReviewSession.open(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("Gson") || e.getMessage().contains("lenient"), e.getMessage());
    }

    @Test
    void badRunsAreRefusedWithTheFileAndTheProblem() throws Exception {
        Path noReasons = run("mode-l", List.of(p("a", null, false), p("b", null, false)));
        IOException e = assertThrows(IOException.class, () -> ReviewSession.create(sessionFile("l"),
                List.of(noReasons), 1, false, null, CLOCK));
        assertTrue(e.getMessage().contains(noReasons.resolve(RunDirectory.PREDICTIONS).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no prediction has a generated reason"), e.getMessage());

        Path empty = tmp.resolve("runs/not-evaluated");
        Files.createDirectories(empty);
        e = assertThrows(IOException.class, () -> ReviewSession.create(sessionFile("e"), List.of(empty), 1, false,
                null, CLOCK));
        assertTrue(e.getMessage().contains("no predictions.jsonl"), e.getMessage());

        Path twice = run("twice", List.of(p("a", "x", false), p("a", "y", false)));
        e = assertThrows(IOException.class, () -> ReviewSession.create(sessionFile("t"), List.of(twice), 1, false,
                null, CLOCK));
        assertTrue(e.getMessage().contains("the id 'a' is used by an earlier prediction"), e.getMessage());

        Path broken = tmp.resolve("runs/broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve(RunDirectory.PREDICTIONS), PredictionsFile.encode(p("a", "x", false))
                + "\n{oops\n");
        e = assertThrows(IOException.class, () -> ReviewSession.create(sessionFile("b"), List.of(broken), 1, false,
                null, CLOCK));
        assertTrue(e.getMessage().startsWith(broken.resolve(RunDirectory.PREDICTIONS) + ":2: "), e.getMessage());

        Path ok = run("ok", 2, "ok", Set.of());
        assertThrows(IllegalArgumentException.class, () -> ReviewSession.create(sessionFile("d"), List.of(ok, ok), 1,
                false, null, CLOCK));
        assertThrows(IllegalArgumentException.class, () -> ReviewSession.create(sessionFile("z"), List.of(ok), 1,
                false, 0, CLOCK));
        assertThrows(IOException.class, () -> ReviewSession.create(tmp.resolve("wrong-name.json"), List.of(ok), 1,
                false, null, CLOCK));
        try (Stream<Path> names = Files.list(tmp)) {
            assertTrue(names.noneMatch(ReviewSessionFile::isSessionFile)); // nothing written on failure
        }
    }
}
