package org.reasonlab.core.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuoteTest {

    @ParameterizedTest
    @ValueSource(strings = { "plain", "with space", "it's", "$(touch /tmp/reasonlab-pwned)", "`id`", "a; rm -rf x",
        "\"double\"", "back\\slash", "new\nline", "tab\there", "*", "~", "-rf", "", "'", "''", "$HOME", "!event",
        "résumé ü", "a|b&c>d<e" })
    void aQuotedArgumentReachesTheCommandUnchanged(String argument) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                ShellQuote.command("printf", "%s", argument)));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals(argument, out);
    }

    @ParameterizedTest
    @ValueSource(strings = { "plain", "/a/b-c_d.e", "x=y", "a:b,c+d@e%f" })
    void safeWordsStayUnquoted(String word) {
        assertEquals(word, ShellQuote.quote(word));
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\0b" })
    void nulCannotBePassed(String argument) {
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote(argument));
    }
}
