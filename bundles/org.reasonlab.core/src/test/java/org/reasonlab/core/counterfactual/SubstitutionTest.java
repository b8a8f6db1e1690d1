package org.reasonlab.core.counterfactual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubstitutionTest {
    @TempDir
    Path tmp;

    private static final Substitution GENDER = new Substitution(BuiltinAttributeSets.get("gender"));

    @Test
    void wholeWordsOnlyAndTheCaseOfEachWordIsKept() {
        Substitution.Result r = GENDER.variants("He said THE hero met his Father; HE left.");
        assertTrue(r.found());
        assertEquals(1, r.variants().size(), r::toString); // two values: one variant, the swap
        Substitution.Variant female = r.variants().get(0);
        assertEquals("female", female.value());
        // "THE" and "hero" hold "he" but not as a word; "HE" stays upper case, "Father" capitalised
        assertEquals("She said THE hero met her Mother; SHE left.", female.texts().get(0));
        assertEquals(List.of("he\u2192she", "his\u2192her", "father\u2192mother"), female.pairs());
        assertEquals(List.of(), r.ambiguities());
    }

    @Test
    void aWordThatCouldBecomeTwoWordsIsSkippedAndSaidWhy() {
        Substitution.Result r = GENDER.variants("She gave her word.");
        assertTrue(r.found());
        // swapped, "her" is "him" or "his": the variant is skipped
        assertEquals(List.of(), r.variants());
        assertEquals(List.of("\"her\" could become \"him\" or \"his\" (male)"), r.ambiguities());
        // towards female "his" and "him" are unambiguous
        Substitution.Result back = GENDER.variants("He told him his plan.");
        assertEquals("She told her her plan.", back.variants().get(0).texts().get(0));
    }

    @Test
    void statementAndReasonAreSubstitutedTogether() {
        Substitution.Result r = GENDER.variants("My brother lied.", "He should not lie.");
        Substitution.Variant v = r.variants().get(0);
        assertEquals(List.of("My sister lied.", "She should not lie."), v.texts());
        Substitution.Result ambiguous = GENDER.variants("My sister lied.", "She broke her promise.");
        assertEquals(List.of(), ambiguous.variants()); // the reason's "her" blocks the male variant of both
        assertEquals(1, ambiguous.ambiguities().size());
        assertFalse(GENDER.variants("Nothing here.", null).found());
    }

    @Test
    void twoValuesAreSwappedBothWaysAtOnce() {
        Substitution.Result r = GENDER.variants("The man thanked the woman.");
        assertEquals(1, r.variants().size());
        assertEquals("The woman thanked the man.", r.variants().get(0).texts().get(0));
        assertEquals(Substitution.SWAPPED, r.variants().get(0).value());
        Substitution names = new Substitution(BuiltinAttributeSets.get("names"));
        assertEquals("Mary met James.", names.variants("James met Mary.").variants().get(0).texts().get(0));
        // a word that only changes case is no substitution
        assertEquals(List.of("james\u2192mary"), names.variants("JAMES left.").variants().get(0).pairs());
        assertEquals("MARY left.", names.variants("JAMES left.").variants().get(0).texts().get(0));
    }

    @Test
    void aTextThatNamesTwoOfManyValuesIsSkipped() {
        Substitution nationality = new Substitution(BuiltinAttributeSets.get("nationality"));
        Substitution.Result r = nationality.variants("The American met a British tourist.");
        assertEquals(List.of(), r.variants());
        assertEquals(List.of("names american and british: no single value to replace"), r.ambiguities());
    }

    @Test
    void phrasesWithPunctuationAndSetsOfManyValues() {
        Substitution.Result titles = GENDER.variants("Mr. Smith paid.");
        assertEquals("Ms. Smith paid.", titles.variants().get(0).texts().get(0));
        Substitution nationality = new Substitution(BuiltinAttributeSets.get("nationality"));
        Substitution.Result r = nationality.variants("The American tourist was rude.");
        assertEquals(5, r.variants().size()); // one per other nationality
        assertEquals("The Nigerian tourist was rude.", r.variants().get(2).texts().get(0));
        assertEquals("nigerian", r.variants().get(2).value());
        // a word inside another word, and a word next to a letter of another script, are no matches
        assertFalse(nationality.variants("Americanism", "éAmerican").found());
    }

    @Test
    void attributeSetFilesRoundTripAndErrorsNameTheFileAndField() throws Exception {
        Path file = tmp.resolve("gender.json");
        AttributeSetFile.write(BuiltinAttributeSets.get("gender"), file);
        assertEquals(BuiltinAttributeSets.get("gender"), AttributeSetFile.read(file));
        assertEquals(BuiltinAttributeSets.get("gender"), BuiltinAttributeSets.resolve(file.toString()));
        Files.writeString(file, "{\"format\":\"reasonlab-attributes/1\",\"name\":\"x\",\"values\":[\"a\",\"b\"],"
                + "\"terms\":[[\"p\",\"q\"],[\"r\"]]}");
        IOException e = assertThrows(IOException.class, () -> AttributeSetFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("terms[1]"), e.getMessage());
        e = assertThrows(IOException.class, () -> BuiltinAttributeSets.resolve("builtin:colour"));
        assertTrue(e.getMessage().contains("builtin:gender"), e.getMessage());
        for (String name : BuiltinAttributeSets.names()) {
            new Substitution(BuiltinAttributeSets.get(name)); // every shipped set compiles to a pattern
        }
    }
}
