package org.reasonlab.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class OverlapScoresTest {
    private static final double EPS = 1e-12;

    @Test
    void rougeLOfTheRougePaperExample() {
        // LCS "police the gunman" = 3 of 4 tokens each way
        PrecisionRecallF1 s = RougeL.score("police kill the gunman", "police killed the gunman");
        assertEquals(0.75, s.precision(), EPS);
        assertEquals(0.75, s.recall(), EPS);
        assertEquals(0.75, s.f1(), EPS);
    }

    @Test
    void rougeLWithUnequalLengths() {
        // candidate a b c d, reference a c e: LCS "a c" = 2; P = 2/4, R = 2/3, F = 2PR/(P+R) = 4/7
        PrecisionRecallF1 s = RougeL.score("a b c d", "a c e");
        assertEquals(0.5, s.precision(), EPS);
        assertEquals(2.0 / 3, s.recall(), EPS);
        assertEquals(4.0 / 7, s.f1(), EPS);
        // the order of arguments matters for precision and recall, not for F1
        assertEquals(2.0 / 3, RougeL.score("a c e", "a b c d").precision(), EPS);
        assertEquals(4.0 / 7, RougeL.f1("a c e", "a b c d"), EPS);
    }

    @Test
    void rougeLIgnoresCaseAndPunctuation() {
        assertEquals(1.0, RougeL.f1("Don't steal!", "don t STEAL"), EPS);
        assertEquals(List.of("it", "s", "wrong", "to", "steal", "2", "cars"),
                RougeL.tokens("It's wrong -- to steal 2 cars."));
        // the cat sat on the mat / the cat was on the mat: LCS 5 of 6
        assertEquals(5.0 / 6, RougeL.f1("The cat sat on the mat.", "the cat was on the mat"), EPS);
        // order matters for LCS: reversed words share only one in order
        assertEquals(1.0 / 3, RougeL.f1("c b a", "a b c"), EPS);
    }

    @Test
    void rougeLOfEmptyTextIsZero() {
        assertEquals(0, RougeL.f1("", "a"));
        assertEquals(0, RougeL.f1("a", null));
        assertEquals(0, RougeL.f1("...", "..."));
        assertEquals(0, RougeL.f1("cat", "dog"));
    }

    @Test
    void tokenF1AsTheSquadScript() {
        // articles and punctuation go: cat sat on mat / cat is on mat: 3 shared of 4 and 4
        assertEquals(0.75, TokenF1.f1("The cat sat on the mat.", "A cat is on a mat"), EPS);
        // a bag, counted: dog dog dog / dog cat: 1 shared; P = 1/3, R = 1/2, F = 0.4
        PrecisionRecallF1 s = TokenF1.score("dog dog dog", "dog cat");
        assertEquals(1.0 / 3, s.precision(), EPS);
        assertEquals(0.5, s.recall(), EPS);
        assertEquals(0.4, s.f1(), EPS);
        // order does not matter
        assertEquals(1.0, TokenF1.f1("c b a", "a b c"), EPS);
        // punctuation is removed, not split on
        assertEquals(List.of("dont", "steal", "wellknown", "cars"), TokenF1.tokens("Don't steal the well-known cars!"));
        assertEquals(0, TokenF1.f1("don't", "do not"));
    }

    @Test
    void tokenF1OfEmptyText() {
        assertEquals(1.0, TokenF1.f1("", "the"));
        assertEquals(1.0, TokenF1.f1(null, "?!"));
        assertEquals(0, TokenF1.f1("", "cat"));
        assertEquals(0, TokenF1.f1("cat", ""));
    }
}
