package org.reasonlab.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MixtureTextTest {

    @Test
    void readsSourcesWithTheirMitigationsAndWritesThemBackTheSame() {
        String text = "self=0.7; /data/augmented.jsonl=0.3,tag,weight=0.5,mask=builtin:gender";
        List<MixtureSource> sources = MixtureText.parse(text);
        assertEquals(List.of(MixtureSource.plain("self", 0.7),
                new MixtureSource("/data/augmented.jsonl", 0.3, true, 0.5, "builtin:gender")), sources);
        assertEquals("self", sources.get(0).name());
        assertEquals("augmented", sources.get(1).name());
        assertEquals("[augmented] ", sources.get(1).tagText());
        assertEquals(text, MixtureText.format(sources));
        assertEquals(sources, MixtureText.parse(MixtureText.format(sources)));
        assertEquals(List.of(), MixtureText.parse("  "));
        // the launch dialog's field: one source per line
        assertEquals(sources, MixtureText.parse("self=0.7\r\n/data/augmented.jsonl=0.3, tag, weight=0.5,"
                + " mask=builtin:gender\n"));
    }

    @Test
    void badSourcesAreRefusedNamingTheSource() {
        for (String[] bad : List.of(new String[] {"self", "a source is DATASET=RATIO"},
                new String[] {"self=x", "the ratio must be a number, not 'x'"},
                new String[] {"self=0", "the ratio must be above 0"},
                new String[] {"self=1,weight=-2", "the weight must be 0 or more"},
                new String[] {"self=1,mask=", "mask needs an attribute set"},
                new String[] {"self=1,colour", "unknown 'colour'"},
                new String[] {"a/x.jsonl=1; b/x.csv=1", "two sources are called 'x'"})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MixtureText.parse(bad[0]));
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
    }

    @Test
    void countsFollowTheNormalisedSharesAndSumToTheTotal() {
        List<MixtureSource> sources = List.of(MixtureSource.plain("self", 0.7), MixtureSource.plain("b.jsonl", 0.3));
        assertArrayEquals(new int[] {70, 30}, MixtureCounts.of(sources, 100));
        // 7 * 0.7 = 4.9, 7 * 0.3 = 2.1: floors 4 + 2, the larger remainder (0.9) takes the last one
        assertArrayEquals(new int[] {5, 2}, MixtureCounts.of(sources, 7));
        // shares need not sum to 1: 1:1:1 of 10 is 4, 3, 3 (ties go to the earlier source)
        List<MixtureSource> three = List.of(MixtureSource.plain("self", 1), MixtureSource.plain("b.jsonl", 1),
                MixtureSource.plain("c.jsonl", 1));
        assertArrayEquals(new int[] {4, 3, 3}, MixtureCounts.of(three, 10));
        assertArrayEquals(new int[] {0, 0}, MixtureCounts.of(sources, 0));
    }

    @Test
    void maskedSpansAreWholeWordsInAnyCase() {
        List<MaskedSpans.Span> spans = MaskedSpans.of("He said she shed HER hat; theirs. Mr. Smith",
                List.of("he", "she", "her", "Mr."));
        assertEquals(List.of(new MaskedSpans.Span(0, 2), new MaskedSpans.Span(8, 11), new MaskedSpans.Span(17, 20),
                new MaskedSpans.Span(34, 37)), spans);
        assertTrue(new MaskedSpans.Span(0, 2).overlaps(1, 3));
        assertTrue(!new MaskedSpans.Span(0, 2).overlaps(2, 3));
    }
}
