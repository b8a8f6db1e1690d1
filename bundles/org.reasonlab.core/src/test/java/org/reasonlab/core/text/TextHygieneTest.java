package org.reasonlab.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextHygieneTest {

    /** What a UTF-8 file read as Windows-1252 looks like (undefined bytes as ISO-8859-1 would show them). */
    private static String misdecode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        Charset cp1252 = Charset.forName("windows-1252");
        for (byte b : bytes) {
            String c = new String(new byte[] {b}, cp1252);
            sb.append(c.equals("\uFFFD") ? (char) (b & 0xFF) : c);
        }
        return sb.toString();
    }

    @Test
    void detectsAndFixesCommonMojibake() {
        assertTrue(TextHygiene.hasMojibake("donâ€™t"));
        assertEquals("don’t", TextHygiene.fixMojibake("donâ€™t"));
        assertTrue(TextHygiene.hasMojibake("cafÃ©"));
        assertEquals("café", TextHygiene.fixMojibake("cafÃ©"));
        assertEquals("“quoted”", TextHygiene.fixMojibake("â€œquotedâ€\u009d"));
        assertEquals("a\u00A0b", TextHygiene.fixMojibake("aÂ\u00A0b"));
        assertEquals("crème brûlée", TextHygiene.fixMojibake("crÃ¨me brÃ»lÃ©e"));
    }

    @Test
    void fixesIso88591Decoding() {
        // ’ read as ISO-8859-1 gives C1 control characters instead of € and ™
        assertTrue(TextHygiene.hasMojibake("don\u00E2\u0080\u0099t"));
        assertEquals("don’t", TextHygiene.fixMojibake("don\u00E2\u0080\u0099t"));
    }

    @Test
    void fixesDoubleEncoding() {
        String twice = misdecode(misdecode("It’s a café – “really”"));
        assertEquals("Itâ€™s", misdecode("It’s"));
        assertTrue(TextHygiene.hasMojibake(twice));
        assertEquals("It’s a café – “really”", TextHygiene.fixMojibake(twice));
    }

    @Test
    void fixesEmojiAndLeavesGoodPartsAlone() {
        assertEquals("naïve 😀 café", TextHygiene.fixMojibake("naïve " + misdecode("😀") + " cafÃ©"));
        // Polish ą as mojibake is "Ä…": ambiguous alone, repaired beside certain mojibake
        assertEquals("są się", TextHygiene.fixMojibake(misdecode("są się")));
        assertEquals("œuvre café", TextHygiene.fixMojibake(misdecode("œuvre café")));
        // alone, an ambiguous sequence is not taken as mojibake
        assertFalse(TextHygiene.hasMojibake("Å“uvre"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"café", "naïve", "Ça va", "São Paulo", "Größe", "El niño está aquí", "Ærøskøbing",
        "„CAFÉ“ und „NAÏVE“", "plain ASCII, nothing here.", "¿Qué?", "über-naïve façade", "ÉTÉ…", "Zürich", "10 °C"})
    void noFalsePositiveOnRealText(String text) {
        assertFalse(TextHygiene.hasMojibake(text), text);
        assertSame(text, TextHygiene.fixMojibake(text));
    }

    @Test
    void nullIsSafe() {
        assertFalse(TextHygiene.hasMojibake(null));
        assertNull(TextHygiene.fixMojibake(null));
        assertFalse(TextHygiene.hasNonBreakingSpace(null));
        assertNull(TextHygiene.trim(null));
        assertFalse(TextHygiene.isUntrimmed(null));
    }

    @Test
    void nonBreakingSpaces() {
        assertTrue(TextHygiene.hasNonBreakingSpace("a\u00A0b"));
        assertTrue(TextHygiene.hasNonBreakingSpace("10\u202F%"));
        assertTrue(TextHygiene.hasNonBreakingSpace("1\u2007000"));
        assertFalse(TextHygiene.hasNonBreakingSpace("a b"));
        assertEquals("a b 10 % 1 000", TextHygiene.replaceNonBreakingSpaces("a\u00A0b 10\u202F% 1\u2007000"));
        String plain = "a b";
        assertSame(plain, TextHygiene.replaceNonBreakingSpaces(plain));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"' a'|true", "'a '|true", "'a'|false", "'a b'|false", "''|false"})
    void untrimmed(String text, boolean expected) {
        assertEquals(expected, TextHygiene.isUntrimmed(text));
    }

    @Test
    void trimsUnicodeWhitespace() {
        assertTrue(TextHygiene.isUntrimmed("\u00A0text"));
        assertTrue(TextHygiene.isUntrimmed("text\u2003"));
        assertTrue(TextHygiene.isUntrimmed("\uFEFFtext"));
        assertEquals("a b", TextHygiene.trim("\u00A0\t a b\r\n\u3000"));
        assertEquals("", TextHygiene.trim(" \u00A0 "));
        assertTrue(TextHygiene.isBlank(" \u00A0\u2003"));
        assertFalse(TextHygiene.isBlank(" x "));
    }
}
