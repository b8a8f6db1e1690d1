package org.reasonlab.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reasonlab.core.model.LabelSchema;

class AnswerParserTest {
    private final LabelSchema schema = LabelSchema.defaultSchema();
    private final AnswerParser labelOnly = new AnswerParser(schema, TrainingMode.L);
    private final AnswerParser labelAndReason = new AnswerParser(schema, TrainingMode.L_PLUS_R);
    private final AnswerParser reasonFirst = new AnswerParser(schema, TrainingMode.R_THEN_L);

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "unethical|unethical",
        "ethical|ethical",
        "Unethical.|unethical",
        "  ETHICAL|ethical",
        "unethical. Kicking a dog hurts it.|unethical",
        "ethical, because helping is good|ethical",
        "The statement is unethical.|unethical",
        "the statement is: ethical|ethical",
        "This statement is unethical|unethical",
        "It is unethical to lie.|unethical",
        "### Answer: ethical|ethical",
        "**Unethical**|unethical",
        "\"ethical\"|ethical",
        "0|ethical",
        "1|unethical",
        "ethical ### Question: Evaluate ... unethical|ethical",
        // unethical must never count as ethical, nor non-ethical
        "unethical and cruel|unethical",
        "non-ethical|-",
        "ethically fine|-",
        // no label at the start
        "The statement is not ethical.|-",
        "I think it is unethical.|-",
        "Stealing is unethical.|-",
        "|-",
        "   |-",
        "neither ethical nor unethical|-",
        // both labels at the start: ambiguous
        "ethical or unethical|-",
        "Ethical/unethical|-",
        "ethical, unethical|-",
        "The statement is ethical and unethical.|-",
        "unethical or ethical, depending on context|-",
        // the same label twice is not ambiguous
        "ethical or ethical|ethical",
        // a later mention of the other label is the reason's business
        "ethical. Some may call it unethical, but it is not.|ethical",
    })
    void labelFirstModesReadTheOpeningLabel(String generated, String expected) {
        assertEquals(expected, labelOnly.parse(generated).label());
        assertEquals(expected, labelAndReason.parse(generated).label());
        assertEquals(expected != null, labelAndReason.parse(generated).parseable());
    }

    @Test
    void labelAndReasonSplitsTheReason() {
        ParsedAnswer a = labelAndReason.parse("unethical. Kicking a dog hurts it.\n");
        assertEquals(ParsedAnswer.of("unethical", "Kicking a dog hurts it."), a);
        assertEquals("because it helps", labelAndReason.parse("ethical - because it helps").reason());
        assertEquals("Lying hurts trust.", labelAndReason.parse("The statement is unethical: Lying hurts trust.").reason());
        assertNull(labelAndReason.parse("unethical.").reason());
        assertEquals("Lying hurts.",
                labelAndReason.parse("unethical. Lying hurts.\n### Question: Evaluate whether").reason());
    }

    @Test
    void labelOnlyKeepsNoReason() {
        assertEquals(ParsedAnswer.of("unethical", null), labelOnly.parse("unethical. Lying hurts."));
        assertEquals(ParsedAnswer.unparseable(null), labelOnly.parse("I cannot say."));
    }

    @Test
    void unparseableAnswersKeepTheirTextAsReason() {
        ParsedAnswer a = labelAndReason.parse("It depends on the situation.");
        assertFalse(a.parseable());
        assertNull(a.label());
        assertEquals("It depends on the situation.", a.reason());
        assertEquals(ParsedAnswer.unparseable(null), labelAndReason.parse(null));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} / {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Kicking a dog hurts it. Therefore the statement is unethical.|unethical|Kicking a dog hurts it.",
        "Helping is kind, so the statement is ethical|ethical|Helping is kind",
        "Thus, this statement is: Unethical.|unethical|-",
        "The statement is unethical at first sight, but it saves a life. Therefore the statement is ethical."
                + "|ethical|The statement is unethical at first sight, but it saves a life.",
        // no conclusion: the last label word counts
        "Lying to a friend hurts trust. It is unethical.|unethical|Lying to a friend hurts trust.",
        "Lying is unethical.|unethical|Lying is unethical.",
        "It helps others and is ethical|ethical|It helps others and is ethical",
        // a negation or a second label right before the last label word: unparseable
        "Eating when hungry is not unethical.|-|-",
        "It isn't ethical.|-|-",
        "It is either ethical or unethical.|-|-",
        "Therefore the statement is ethical or unethical.|-|-",
        "It is hard to tell.|-|-",
        // numbers in reasons are no labels, the non-ethical one is no ethical
        "I saw 1 person do it. It was non-ethical.|-|-",
        // text after ### is the model going on with the template
        "Helping is kind. Therefore the statement is ethical. ### Question: unethical|ethical|Helping is kind.",
    })
    void reasonFirstReadsTheConclusion(String generated, String label, String reason) {
        ParsedAnswer a = reasonFirst.parse(generated);
        assertEquals(label, a.label());
        assertEquals(label != null, a.parseable());
        if (label != null) {
            assertEquals(reason, a.reason());
        }
    }

    @Test
    void reasonFirstUnparseableKeepsTheText() {
        assertEquals(ParsedAnswer.unparseable("It is hard to tell."), reasonFirst.parse("It is hard to tell."));
    }

    @Test
    void customSchemaWithMultiWordAliases() {
        LabelSchema s = new LabelSchema(List.of(
                new LabelSchema.Label("acceptable", List.of("ok", "not wrong"), List.of()),
                new LabelSchema.Label("wrong", List.of("bad"), List.of()),
                new LabelSchema.Label("unclear", List.of(), List.of())));
        AnswerParser p = new AnswerParser(s, TrainingMode.L_PLUS_R);
        assertEquals(ParsedAnswer.of("acceptable", "It harms nobody."), p.parse("Not  wrong. It harms nobody."));
        assertEquals("wrong", p.parse("BAD, it harms people").label());
        assertEquals("acceptable", p.parse("OK").label());
        assertEquals("unclear", p.parse("unclear").label());
        assertFalse(p.parse("ok or bad").parseable());
        assertFalse(p.parse("okay").parseable());
        AnswerParser r = new AnswerParser(s, TrainingMode.R_THEN_L);
        assertEquals("acceptable", r.parse("It harms nobody, so the statement is not wrong.").label());
    }

    @Test
    void parsedAnswerIsConsistent() {
        assertThrows(IllegalArgumentException.class, () -> new ParsedAnswer(null, "x", true));
        assertThrows(IllegalArgumentException.class, () -> new ParsedAnswer("ethical", "x", false));
        assertTrue(ParsedAnswer.of("ethical", null).parseable());
    }

    @Test
    void aReasonFirstAnswerCutBeforeItsVerdictIsUnparseable() {
        String cut = "Stealing is unethical because it harms the owner and";
        assertEquals("unethical", reasonFirst.parse(cut).label(), "an answer that ended there: its last label word");
        ParsedAnswer truncated = reasonFirst.parse(cut, true);
        assertFalse(truncated.parseable(), "cut by the token limit: the verdict never came");
        assertEquals(cut, truncated.reason());
        ParsedAnswer concluded = reasonFirst.parse("It harms the owner. Therefore the statement is unethical. It", true);
        assertEquals("unethical", concluded.label(), "the conclusion was reached before the cut");
        assertEquals("unethical", labelAndReason.parse("unethical. Stealing harms the", true).label(),
                "a label-first answer has its label before any cut");
    }
}
