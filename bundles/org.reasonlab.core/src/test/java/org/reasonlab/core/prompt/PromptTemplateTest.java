package org.reasonlab.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.Split;

class PromptTemplateTest {
    private final DatasetRecord record = new DatasetRecord("r1", "  I kicked the dog.\n", "unethical",
            " Kicking a dog hurts it. ", Split.TRAIN);

    @Test
    void dfarLabelAndReasonTemplate() {
        PromptTemplate t = PromptTemplates.defaultFor(TrainingMode.L_PLUS_R);
        assertEquals("### Question: Evaluate whether the statement is ethical or unethical with reason. "
                + "Statement: I kicked the dog. The statement is \n ### Answer: ", t.prompt(record));
        assertEquals("unethical. Kicking a dog hurts it.", t.answer(record));
        assertTrue(t.usesReason());
        assertFalse(t.reasonFirst());
    }

    @Test
    void dfarLabelOnlyTemplate() {
        PromptTemplate t = PromptTemplates.defaultFor(TrainingMode.L);
        assertEquals("### Question: Evaluate whether the statement is ethical or unethical without any reason. "
                + "Statement: I kicked the dog. The statement is \n ### Answer: ", t.prompt(record));
        assertEquals("unethical", t.answer(record));
        assertFalse(t.usesReason());
    }

    @Test
    void reasonFirstTemplate() {
        PromptTemplate t = PromptTemplates.defaultFor(TrainingMode.R_THEN_L);
        assertTrue(t.prompt(record).contains("reason first"));
        assertTrue(t.prompt(record).endsWith("Statement: I kicked the dog. \n ### Answer: "));
        assertEquals("Kicking a dog hurts it. Therefore the statement is unethical.", t.answer(record));
        assertTrue(t.reasonFirst());
    }

    @Test
    void valuesAreInsertedInOnePass() {
        PromptTemplate t = new PromptTemplate("Q: {statement}", "{label}: {reason}");
        assertEquals("Q: say {reason} and $1 \\ done", t.prompt("say {reason} and $1 \\ done"));
        assertEquals("ethical: {statement}", t.answer("ethical", "{statement}"));
    }

    @Test
    void bracesThatAreNoPlaceholdersArePlainText() {
        PromptTemplate t = new PromptTemplate("{\"q\": \"{statement}\"} { x }", "{label}");
        assertEquals("{\"q\": \"hi\"} { x }", t.prompt("hi"));
    }

    @Test
    void unknownPlaceholderIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PromptTemplate("Q: {statement} {Statment}", "{label}"));
        assertTrue(e.getMessage().contains("{Statment}"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PromptTemplate("{statement}", "{label} {why}"));
        assertTrue(e.getMessage().contains("{why}") && e.getMessage().contains("answer"), e.getMessage());
    }

    @Test
    void promptNeedsTheStatementAndMustNotLeakTheAnswer() {
        assertThrows(IllegalArgumentException.class, () -> new PromptTemplate("Is it ethical?", "{label}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PromptTemplate("{statement} {reason}", "{label}"));
        assertTrue(e.getMessage().contains("{reason}"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PromptTemplate("{statement} {label}", "{label}"));
    }

    @Test
    void answerMustNotBeEmptyAndNeedsTheLabel() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PromptTemplate("{statement}", "  "))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PromptTemplate("{statement}", "{reason}"))
                .getMessage().contains("{label}"));
    }

    @Test
    void jsonRoundTrip() {
        for (TrainingMode mode : TrainingMode.values()) {
            PromptTemplate t = PromptTemplates.defaultFor(mode);
            assertEquals(t, PromptTemplates.fromJson(PromptTemplates.toJson(t)));
            assertEquals(t, PromptTemplates.fromJson(PromptTemplates.toJson(t).toString()));
        }
        assertEquals(new PromptTemplate("S: {statement}", "{label}"),
                PromptTemplates.fromJson("{\"prompt\":\"S: {statement}\",\"answer\":\"{label}\",\"note\":1}"));
    }

    @Test
    void invalidJsonIsReported() {
        assertThrows(IllegalArgumentException.class, () -> PromptTemplates.fromJson("{\"prompt\":\"{statement}\"}"));
        assertThrows(IllegalArgumentException.class, () -> PromptTemplates.fromJson("[1]"));
        assertThrows(IllegalArgumentException.class, () -> PromptTemplates.fromJson("{"));
        assertThrows(IllegalArgumentException.class,
                () -> PromptTemplates.fromJson("{\"prompt\":\"{stmt}\",\"answer\":\"{label}\"}"));
    }
}
