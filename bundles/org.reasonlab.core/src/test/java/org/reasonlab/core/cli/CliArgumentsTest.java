package org.reasonlab.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CliArgumentsTest {
    private static final Set<String> FLAGS = Set.of("json", CliArguments.HELP);
    private static final Set<String> OPTIONS = Set.of("limit", "seed", "lr", "device", "stop", "mode");

    private static CliArguments parse(String... args) throws UsageException {
        return CliArguments.parse(List.of(args), FLAGS, OPTIONS);
    }

    private static String problem(String... args) {
        return assertThrows(UsageException.class, () -> {
            CliArguments a = parse(args);
            a.intOption("limit", 0);
            a.longOption("seed", 0);
            a.doubleOption("lr", 0);
            a.choiceOption("device", List.of("auto", "cpu", "gpu"));
        }).getMessage();
    }

    @Test
    void onlyDeclaredOptionsAreAccepted() {
        assertEquals("unknown option --limt", problem("--limt", "3"));
        assertEquals("--json takes no value", problem("--json=yes"));
        assertEquals("--limit needs a value", problem("--limit"));
    }

    @Test
    void valuesFlagsAndPositionals() throws UsageException {
        CliArguments a = parse("in.jsonl", "--json", "--limit=5", "--seed", "-3", "--", "--lr");
        assertTrue(a.flag("json"));
        assertEquals(5, a.intOption("limit", 0));
        assertEquals(-3L, a.longOption("seed", 0));
        assertEquals(0.5, a.doubleOption("lr", 0.5), "absent: the default");
        assertEquals(List.of("in.jsonl", "--lr"), a.positional());
        assertEquals(Optional.empty(), a.option("device"));
    }

    @Test
    void typedGettersNameTheOptionAndTheValue() throws UsageException {
        assertEquals("--limit must be a whole number, was 'x'", problem("--limit", "x"));
        assertEquals("--seed must be a whole number, was '1.5'", problem("--seed", "1.5"));
        assertEquals("--lr must be a number, was 'fast'", problem("--lr", "fast"));
        assertEquals("--device must be auto, cpu or gpu, was 'tpu'", problem("--device", "tpu"));
        assertEquals(1e15, parse("--lr", "1e15").doubleOption("lr", 0));
        assertEquals("cpu", parse("--device", "CPU").choiceOption("device", List.of("auto", "cpu", "gpu")));
        assertEquals("auto", parse().choiceOption("device", List.of("auto", "cpu", "gpu")));
        assertEquals("--mode must be l or l+r, was 'x'", assertThrows(UsageException.class,
                () -> parse("--mode", "x").option("mode", "l", v -> Optional.of(v).filter(Set.of("l", "l+r")::contains),
                        "l or l+r")).getMessage());
    }

    @Test
    void positiveOptionsRejectZeroOnlyWhenGiven() throws UsageException {
        assertEquals(0, parse().positiveIntOption("limit", 0));
        assertEquals(2, parse("--limit", "2").positiveIntOption("limit", 0));
        assertEquals("--limit must be positive, was 0",
                assertThrows(UsageException.class, () -> parse("--limit", "0").positiveIntOption("limit", 7)).getMessage());
    }

    @Test
    void repeatedOptionsKeepEveryValueAndTheLastWins() throws UsageException {
        CliArguments a = parse("--stop", "###", "--stop", "\n", "--limit", "1", "--limit", "2");
        assertEquals(List.of("###", "\n"), a.options("stop"));
        assertEquals(List.of(), a.options("device"));
        assertEquals(2, a.intOption("limit", 0));
    }

    @Test
    void helpIsAFlagWithAShortForm() throws UsageException {
        assertTrue(parse("-h").flag(CliArguments.HELP));
        assertTrue(parse("--help").flag(CliArguments.HELP));
        CliArguments withoutHelp = CliArguments.parse(List.of("-h"), Set.of(), Set.of());
        assertFalse(withoutHelp.flag(CliArguments.HELP));
        assertEquals(List.of("-h"), withoutHelp.positional());
    }
}
