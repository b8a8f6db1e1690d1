package org.reasonlab.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class StatementKeyTest {

    @Test
    void variantsMatch() {
        String key = StatementKey.of("I don't pay my taxes.");
        assertEquals("i don't pay my taxes", key);
        assertEquals(key, StatementKey.of("I don’t pay my taxes"));
        assertEquals(key, StatementKey.of("  i DON'T   pay my\ttaxes . "));
        assertEquals(key, StatementKey.of("I\u00A0don't pay my taxes!"));
        assertEquals(key, StatementKey.of("\"I don't pay my taxes.\""));
        assertEquals(key, StatementKey.of("“I don’t pay my taxes…”"));
        assertEquals(key, StatementKey.of("Ｉ don't pay my taxes")); // full-width letter, NFKC
    }

    @Test
    void dashesAndCaseFolding() {
        assertEquals(StatementKey.of("A well-known fact"), StatementKey.of("a well–known FACT"));
        assertEquals(StatementKey.of("GROSSE Straße"), StatementKey.of("große strasse"));
    }

    @Test
    void differentStatementsDiffer() {
        assertNotEquals(StatementKey.of("I pay my taxes."), StatementKey.of("I don't pay my taxes."));
        assertNotEquals(StatementKey.of("I hit my dog"), StatementKey.of("I hit my dog's toy"));
        assertNotEquals(StatementKey.of("I hit my dog"), StatementKey.of("I hit my god"));
    }

    @Test
    void blankIsEmpty() {
        assertEquals("", StatementKey.of(null));
        assertEquals("", StatementKey.of("  . "));
    }

    @Test
    void wordCounter() {
        assertEquals(0, WordCounter.words(null));
        assertEquals(0, WordCounter.words("  "));
        assertEquals(0, WordCounter.words(" - ... "));
        assertEquals(5, WordCounter.words("It can't be non-ethical - really."));
        assertEquals(3, WordCounter.words("one\ntwo\u00A0three"));
    }
}
