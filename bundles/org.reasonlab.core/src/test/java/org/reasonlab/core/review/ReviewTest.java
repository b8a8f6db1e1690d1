package org.reasonlab.core.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.run.Prediction;

class ReviewTest {
    @TempDir
    Path tmp;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void wilsonIntervalMatchesHandComputedValues() {
        WilsonInterval w = WilsonInterval.of95(9, 100);
        assertEquals(0.0481, w.low(), 5e-5);
        assertEquals(0.1623, w.high(), 5e-5);
        WilsonInterval none = WilsonInterval.of95(0, 10);
        assertEquals(0.0, none.low());
        assertEquals(0.2775, none.high(), 5e-5);
        WilsonInterval all = WilsonInterval.of95(10, 10);
        assertEquals(0.7225, all.low(), 5e-5);
        assertEquals(1.0, all.high());
    }

    @Test
    void lastVerdictWinsAndBadLinesAreKeptWithLineNumbers() throws Exception {
        Path f = tmp.resolve("reviews.jsonl");
        Files.writeString(f, """
                {"id":"a","reviewer":"alice","verdict":"aligned","time":"2025-05-01T09:00:00Z"}
                not json
                {"id":"a","reviewer":"alice","verdict":"misaligned","time":"2025-05-01T09:01:00+02:00","note":"says ethical"}
                {"id":"b","reviewer":"alice","verdict":"maybe","time":"2025-05-01T09:02:00Z"}
                {"id":"b","reviewer":"bob","verdict":"aligned","time":"2025-05-01T09:03:00Z"}
                {"id":"b","reviewer":"bob","verdict":null,"time":"2025-05-01T09:04:00Z"}
                {"id":"c","reviewer":"bo""", StandardCharsets.UTF_8);
        ReviewSet set = ReviewSet.load(f, CLOCK);
        assertEquals(ReviewVerdict.MISALIGNED, set.verdict("alice", "a"));
        assertEquals("says ethical", set.review("alice", "a").note());
        assertNull(set.verdict("bob", "b"));
        assertEquals(Set.of("alice"), set.reviewers());
        assertEquals(List.of(2, 4, 7), set.problems().stream().map(ReviewLineProblem::line).toList());
        assertTrue(set.problems().get(1).message().contains("verdict"), set.problems().get(1).message());
        assertTrue(set.problems().get(2).message().startsWith("cut off"), set.problems().get(2).message());

        // appending after a cut-off line starts a new line; the bad lines stay
        Review previous = set.mark("bob", "c", ReviewVerdict.ALIGNED, null);
        assertNull(previous);
        List<String> lines = Files.readAllLines(f);
        assertEquals("{\"id\":\"c\",\"reviewer\":\"bo", lines.get(6));
        assertEquals("{\"id\":\"c\",\"reviewer\":\"bob\",\"verdict\":\"aligned\",\"time\":\"2025-05-01T10:00:00Z\"}",
                lines.get(7));
        ReviewSet again = ReviewSet.load(f, CLOCK);
        assertEquals(ReviewVerdict.ALIGNED, again.verdict("bob", "c"));
        assertEquals(3, again.problems().size());

        // save compacts: current reviews, then the bad lines verbatim
        again.save();
        assertEquals(List.of(
                "{\"id\":\"a\",\"reviewer\":\"alice\",\"verdict\":\"misaligned\",\"time\":\"2025-05-01T07:01:00Z\",\"note\":\"says ethical\"}",
                "{\"id\":\"c\",\"reviewer\":\"bob\",\"verdict\":\"aligned\",\"time\":\"2025-05-01T10:00:00Z\"}",
                "not json",
                "{\"id\":\"b\",\"reviewer\":\"alice\",\"verdict\":\"maybe\",\"time\":\"2025-05-01T09:02:00Z\"}",
                "{\"id\":\"c\",\"reviewer\":\"bo"), Files.readAllLines(f));
        assertEquals(List.of(3, 4, 5), again.problems().stream().map(ReviewLineProblem::line).toList());
    }

    @Test
    void problemsSayWhatIsWrongAndWhereWithoutGsonsAdvice() throws Exception {
        Path f = tmp.resolve("reviews.jsonl");
        Files.writeString(f, """
                {"id":"a","reviewer":"alice" "verdict":null}
                {"id":"a",,}
                {"id":"a","reviewer":"alice","verdict":null,"time":"2025-05-01T09:00:00Z"} x
                """, StandardCharsets.UTF_8);
        assertEquals(List.of("not JSON: unterminated object at column 31", "not JSON: expected name at column 11",
                "not JSON: malformed JSON at column 77"),
                ReviewSet.load(f, CLOCK).problems().stream().map(ReviewLineProblem::message).toList());
    }

    @Test
    void aLineThatIsNotUtf8IsReportedAndKeptByteForByte() throws Exception {
        Path f = tmp.resolve("reviews.jsonl");
        String good = "{\"id\":\"a\",\"reviewer\":\"alice\",\"verdict\":\"aligned\",\"time\":\"2025-05-01T09:00:00Z\"}";
        byte[] bad = concat("{\"id\":\"b\",\"reviewer\":\"alice\",\"verdict\":\"aligned\",\"note\":\"caf".getBytes(
                StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28}, "\"}\r".getBytes(StandardCharsets.UTF_8));
        Files.write(f, concat((good + "\n").getBytes(StandardCharsets.UTF_8), bad, new byte[] {'\n'}));
        ReviewSet set = ReviewSet.load(f, CLOCK);
        assertEquals(ReviewVerdict.ALIGNED, set.verdict("alice", "a"));
        assertEquals(List.of("line 2: invalid UTF-8 at byte 61"), set.problems().stream().map(Object::toString).toList());

        set.save(); // compaction writes the bad line back as it was, carriage return included
        assertArrayEquals(concat((good + "\n").getBytes(StandardCharsets.UTF_8), bad, new byte[] {'\n'}),
                Files.readAllBytes(f));
    }

    @Test
    void aLoneSurrogateInANoteSurvivesCompaction() throws Exception {
        Path f = tmp.resolve("reviews.jsonl");
        String line = "{\"id\":\"a\",\"reviewer\":\"alice\",\"verdict\":\"misaligned\",\"time\":\"2025-05-01T09:00:00Z\","
                + "\"note\":\"bad \\ud800 x\"}";
        Files.writeString(f, line + "\n", StandardCharsets.UTF_8);
        ReviewSet set = ReviewSet.load(f, CLOCK);
        assertEquals("bad \ud800 x", set.review("alice", "a").note());
        set.save();
        assertEquals(line + "\n", Files.readString(f, StandardCharsets.UTF_8));
        set.mark("alice", "b", ReviewVerdict.ALIGNED, "\udc00");
        assertEquals("\udc00", ReviewSet.load(f, CLOCK).review("alice", "b").note());
    }

    @Test
    void blankLinesAreSkippedLikeInDatasetsAndOtherWhitespaceIsReported() throws Exception {
        Path f = tmp.resolve("reviews.jsonl");
        String good = "{\"id\":\"a\",\"reviewer\":\"alice\",\"verdict\":\"aligned\",\"time\":\"2025-05-01T09:00:00Z\"}";
        Files.writeString(f, good + "\n   \n\t\r\n\n\u000b\u2003\n", StandardCharsets.UTF_8);
        ReviewSet set = ReviewSet.load(f, CLOCK);
        assertEquals(List.of("line 5: not a JSON object"), set.problems().stream().map(Object::toString).toList());
        set.save();
        assertEquals(good + "\n\u000b\u2003\n", Files.readString(f, StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void markUnmarkAndRestoreAreUndoable() throws Exception {
        Path f = tmp.resolve("reviews.jsonl");
        ReviewSet set = ReviewSet.load(f, CLOCK);
        assertNull(set.mark("alice", "x", ReviewVerdict.ALIGNED, "ok"));
        Review before = set.mark("alice", "x", ReviewVerdict.MISALIGNED, null);
        assertEquals(ReviewVerdict.ALIGNED, before.verdict());
        set.restore("alice", "x", before); // undo the second mark
        assertEquals(ReviewVerdict.ALIGNED, set.verdict("alice", "x"));
        assertEquals("ok", set.review("alice", "x").note());
        Review removed = set.unmark("alice", "x");
        assertEquals(ReviewVerdict.ALIGNED, removed.verdict());
        assertNull(set.unmark("alice", "x"));
        assertEquals(4, Files.readAllLines(f).size());
        set.restore("alice", "x", removed); // undo the unmark
        assertEquals(ReviewVerdict.ALIGNED, ReviewSet.load(f, CLOCK).verdict("alice", "x"));
        set.restore("alice", "x", null); // undo the very first mark
        assertNull(ReviewSet.load(f, CLOCK).verdict("alice", "x"));
    }

    private static Prediction p(String id, String gold, String predicted, String reason, Boolean agrees) {
        return new Prediction(id, "s " + id, gold, "gold reason", predicted + ". " + reason, predicted, reason,
                predicted != null, null, agrees, null, null);
    }

    @Test
    void filtersRatesAndKappa() throws Exception {
        List<Prediction> ps = List.of(
                p("a", "ethical", "ethical", "fine", true),
                p("b", "ethical", "unethical", "bad", true),
                p(null, "unethical", null, "garbage", null),
                p("d", "unethical", "unethical", "it is ethical", false));
        ReviewSet set = ReviewSet.load(tmp.resolve("reviews.jsonl"), CLOCK);
        assertEquals("#3", ReviewSet.keyOf(ps.get(2), 2));
        set.mark("alice", "a", ReviewVerdict.ALIGNED, null);
        set.mark("alice", "d", ReviewVerdict.MISALIGNED, null);
        set.mark("bob", "d", ReviewVerdict.MISALIGNED, null);
        set.mark("bob", "b", ReviewVerdict.ALIGNED, null);
        set.mark("carol", "b", ReviewVerdict.MISALIGNED, null);

        assertEquals(List.of(1), PredictionFilter.select(ps, List.of(PredictionFilter.WRONG_LABEL), set, "alice"));
        assertEquals(List.of(2), PredictionFilter.select(ps, List.of(PredictionFilter.UNPARSEABLE), set, "alice"));
        assertEquals(List.of(3),
                PredictionFilter.select(ps, List.of(PredictionFilter.REASON_CONTRADICTS_LABEL), set, "alice"));
        assertEquals(List.of(1, 2), PredictionFilter.select(ps, List.of(PredictionFilter.NOT_REVIEWED), set, "alice"));
        assertEquals(List.of(1), PredictionFilter.select(ps,
                List.of(PredictionFilter.NOT_REVIEWED, PredictionFilter.WRONG_LABEL), set, "alice"));
        assertEquals(List.of(0, 1, 2, 3), PredictionFilter.select(ps, List.of(), set, "alice"));
        assertEquals(1, PredictionFilter.nextUnreviewed(ps, set, "alice", 0));
        assertEquals(2, PredictionFilter.nextUnreviewed(ps, set, "alice", 1));

        List<String> keys = List.of("a", "b", "#3", "d");
        MisalignmentRate alice = MisalignmentRate.of(set, "alice", keys);
        assertEquals(1, alice.misaligned());
        assertEquals(2, alice.reviewed());
        assertEquals(0.5, alice.rate());
        // pooled: a aligned (1-0), b tie (bob vs carol), d misaligned (2-0)
        MisalignmentRate pooled = MisalignmentRate.pooled(set, keys);
        assertEquals(1, pooled.misaligned());
        assertEquals(2, pooled.reviewed());
        assertEquals(1, pooled.ties());
        assertTrue(Double.isNaN(MisalignmentRate.of(set, "nobody", keys).rate()));
        assertNull(MisalignmentRate.of(set, "nobody", keys).interval());

        ReviewerAgreement ab = ReviewerAgreement.of(set, "alice", "bob", keys);
        assertEquals(1, ab.n()); // only d
        assertNull(ab.kappa()); // one verdict throughout: kappa undefined
        assertEquals(3, ReviewerAgreement.allPairs(set, keys).size());
    }

    @Test
    void kappaMatchesHandComputedValue() {
        // 10 shared: 4 both aligned, 1 aligned/misaligned, 2 misaligned/aligned, 3 both misaligned
        // p_o = 0.7, p_e = (5*6 + 5*4) / 100 = 0.5, kappa = 0.4
        ReviewerAgreement r = new ReviewerAgreement("a", "b", 4, 1, 2, 3);
        assertEquals(10, r.n());
        assertEquals(0.7, r.observedAgreement(), 1e-12);
        assertEquals(0.4, r.kappa(), 1e-12);
        assertEquals(1.0, new ReviewerAgreement("a", "b", 3, 0, 0, 2).kappa(), 1e-12);
        assertNull(new ReviewerAgreement("a", "b", 0, 0, 0, 0).kappa());
    }

    @Test
    void aSessionIdIsWrittenOnlyWhenThereIsOne() {
        Instant t = Instant.parse("2025-05-01T09:00:00Z");
        Review plain = new Review("a", "alice", ReviewVerdict.ALIGNED, t, null);
        assertNull(plain.session());
        assertEquals("{\"id\":\"a\",\"reviewer\":\"alice\",\"verdict\":\"aligned\",\"time\":\"2025-05-01T09:00:00Z\"}",
                ReviewsFile.encode(plain));
        Review blind = new Review("a", "alice", null, t, "n", "s-1");
        String line = ReviewsFile.encode(blind);
        assertEquals("{\"id\":\"a\",\"reviewer\":\"alice\",\"verdict\":null,\"time\":\"2025-05-01T09:00:00Z\","
                + "\"note\":\"n\",\"session\":\"s-1\"}", line);
        assertEquals(blind, ReviewsFile.decode(line));
        assertEquals(plain, ReviewsFile.decode(ReviewsFile.encode(plain)));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ReviewsFile.decode("{\"id\":\"a\",\"reviewer\":\"x\",\"verdict\":null,\"time\":"
                        + "\"2025-05-01T09:00:00Z\",\"session\":3}"));
        assertEquals("session must be text", e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Review("a", "alice", null, t, null, " "));
    }

    @Test
    void sessionVerdictsOutliveLaterUnblindedOnesAndCompaction() throws Exception {
        Path f = tmp.resolve("reviews.jsonl");
        ReviewSet set = ReviewSet.load(f, CLOCK);
        set.mark("alice", "a", ReviewVerdict.ALIGNED, "before the session");
        assertNull(set.markInSession("s1", "alice", "a", ReviewVerdict.MISALIGNED, null));
        assertNull(set.markInSession("s1", "bob", "b", ReviewVerdict.ALIGNED, null));
        assertNull(set.markInSession("s2", "bob", "b", ReviewVerdict.MISALIGNED, null));
        assertEquals(ReviewVerdict.MISALIGNED, set.verdict("alice", "a")); // the last line wins run-wide
        set.mark("alice", "a", ReviewVerdict.ALIGNED, "after unblinding");
        set.unmark("bob", "b"); // unblinded withdrawal: both sessions keep bob's verdicts
        set.markInSession("s1", "carol", "c", ReviewVerdict.ALIGNED, null);
        set.mark("carol", "c", ReviewVerdict.MISALIGNED, null);
        set.unmarkInSession("s1", "carol", "c"); // withdraws in s1 only: carol's later unblinded verdict stays

        for (ReviewSet s : List.of(set, ReviewSet.load(f, CLOCK))) {
            assertEquals(ReviewVerdict.ALIGNED, s.verdict("alice", "a"));
            assertEquals("after unblinding", s.review("alice", "a").note());
            assertEquals(ReviewVerdict.MISALIGNED, s.sessionVerdict("s1", "alice", "a"));
            assertNull(s.verdict("bob", "b"));
            assertEquals(ReviewVerdict.ALIGNED, s.sessionVerdict("s1", "bob", "b"));
            assertEquals(ReviewVerdict.MISALIGNED, s.sessionVerdict("s2", "bob", "b"));
            assertEquals(ReviewVerdict.MISALIGNED, s.verdict("carol", "c"));
            assertNull(s.sessionVerdict("s1", "carol", "c"));
            assertNull(s.sessionVerdict("s2", "alice", "a"));
            assertEquals(Set.of("alice", "bob"), s.sessionReviewers("s1"));
            assertEquals(Set.of("s1", "s2"), s.sessions());
        }

        set.save();
        List<String> lines = Files.readAllLines(f);
        assertEquals(6, lines.size(), lines.toString()); // alice: s1 + current; bob: s1, s2 + withdrawal; carol: current
        ReviewSet compacted = ReviewSet.load(f, CLOCK);
        assertEquals(ReviewVerdict.ALIGNED, compacted.verdict("alice", "a"));
        assertEquals(ReviewVerdict.MISALIGNED, compacted.sessionVerdict("s1", "alice", "a"));
        assertNull(compacted.verdict("bob", "b"));
        assertEquals(ReviewVerdict.ALIGNED, compacted.sessionVerdict("s1", "bob", "b"));
        assertEquals(ReviewVerdict.MISALIGNED, compacted.sessionVerdict("s2", "bob", "b"));
        assertEquals(ReviewVerdict.MISALIGNED, compacted.verdict("carol", "c"));
        assertNull(compacted.sessionVerdict("s1", "carol", "c"));

        // undo in a session: restore returns and puts back the session's own state
        Review previous = compacted.markInSession("s1", "alice", "a", ReviewVerdict.ALIGNED, null);
        assertEquals(ReviewVerdict.MISALIGNED, previous.verdict());
        compacted.restoreInSession("s1", "alice", "a", previous);
        assertEquals(ReviewVerdict.MISALIGNED, compacted.sessionVerdict("s1", "alice", "a"));
    }

    @Test
    void compactionKeepsTheOrderOfOneReviewersLinesWhenAClockWentBack() throws Exception {
        Path f = tmp.resolve("reviews.jsonl");
        Files.writeString(f, """
                {"id":"a","reviewer":"alice","verdict":"misaligned","time":"2025-05-01T12:00:00Z","session":"s1"}
                {"id":"a","reviewer":"alice","verdict":"aligned","time":"2025-05-01T09:00:00Z"}
                {"id":"b","reviewer":"bob","verdict":"aligned","time":"2025-05-01T10:00:00Z"}
                """, StandardCharsets.UTF_8);
        ReviewSet set = ReviewSet.load(f, CLOCK);
        set.save();
        ReviewSet again = ReviewSet.load(f, CLOCK);
        assertEquals(ReviewVerdict.ALIGNED, again.verdict("alice", "a"));
        assertEquals(ReviewVerdict.MISALIGNED, again.sessionVerdict("s1", "alice", "a"));
        assertEquals(List.of("b", "a", "a"), Files.readAllLines(f).stream()
                .map(l -> ReviewsFile.decode(l).predictionId()).toList());
    }
}
