package org.reasonlab.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetEntry;
import org.reasonlab.core.model.DatasetFormat;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.FileLayout;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;
import org.reasonlab.core.model.Split;

class ValidatorTest {
    private static final String GOOD = "This is kind, helpful and clearly ethical.";

    /** Entries on lines 1, 2, 3, ... in the order given. */
    private static Dataset dataset(DatasetEntry... entries) {
        return new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.JSONL), List.of(entries));
    }

    private static DatasetRecord rec(int line, String id, String statement, String label, String reason, Split split) {
        DatasetRecord r = new DatasetRecord(id, statement, label, reason, split);
        r.setSourceLine(line);
        return r;
    }

    private static String describe(List<ValidationProblem> problems) {
        return problems.stream().map(p -> p.kind() + "@" + p.line() + ":" + p.field()).collect(Collectors.joining(", "));
    }

    @Test
    void everyProblemKind() {
        Dataset dataset = dataset(
                rec(1, "r1", "Helping a friend move house.", "ethical", GOOD, Split.TRAIN),
                new RawLine("{\"id\": \"r2\", ".getBytes(StandardCharsets.UTF_8), 2, "Unterminated object"),
                rec(3, null, "Kicking a dog.", "unethical", "Kicking a dog is cruel and unethical.", Split.TRAIN),
                rec(4, "r1", "Feeding the birds.", "ethical", GOOD, Split.TRAIN),
                rec(5, "r5", "  ", "ethical", GOOD, Split.TRAIN),
                rec(6, "r6", "Paying taxes on time.", null, GOOD, Split.TRAIN),
                rec(7, "r7", "Recycling bottles.", "0", GOOD, Split.TRAIN),
                rec(8, "r8", "Watering the plants.", "ethical", "", Split.TRAIN),
                rec(9, "r9", "Cleaning the kitchen.", "ethical", "It is ethical.", Split.TRAIN),
                rec(10, "r10", "Stealing a car.", "ethical", "Stealing a car is not ethical at all.", Split.TRAIN),
                rec(11, "r11", "helping a friend  move house", "ethical", GOOD, Split.TRAIN),
                rec(12, "r12", "Kicking a dog", "ethical", GOOD, Split.TEST),
                rec(13, "r13", "Donâ€™t lie to your mother.", "ethical", GOOD, Split.TRAIN),
                rec(14, "r14", "Sharing\u00A0food with others.", "ethical", GOOD, Split.TRAIN),
                rec(15, "r15", "Smiling at strangers. ", "ethical", GOOD, Split.TRAIN));

        List<ValidationProblem> problems = new Validator().validate(dataset);
        assertEquals("PARSE_ERROR@2:null, MISSING_ID@3:id, DUPLICATE_ID@4:id, EMPTY_STATEMENT@5:statement, "
                + "MISSING_LABEL@6:label, UNKNOWN_LABEL@7:label, EMPTY_REASON@8:reason, SHORT_REASON@9:reason, "
                + "REASON_CONTRADICTS_LABEL@10:reason, DUPLICATE_STATEMENT@11:statement, SPLIT_LEAKAGE@12:split, "
                + "MOJIBAKE@13:statement, NON_BREAKING_SPACE@14:statement, UNTRIMMED_WHITESPACE@15:statement",
                describe(problems));
        Set<ProblemKind> kinds = problems.stream().map(ValidationProblem::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProblemKind.class)));
        assertEquals(EnumSet.allOf(ProblemKind.class), kinds);
        for (int i = 0; i < problems.size(); i++) {
            ValidationProblem p = problems.get(i);
            assertEquals(p.kind().defaultSeverity(), p.severity());
            assertEquals(p.line() - 1, p.entryIndex(), "entry index of " + p);
        }

        ValidationProblem parse = problems.get(0);
        assertEquals(Severity.ERROR, parse.severity());
        assertNull(parse.recordId());
        assertEquals("Line 2: could not be parsed: Unterminated object", parse.message());

        assertEquals("Line 3: has no id, while other records have one", problems.get(1).message());
        assertEquals("Record r1 (line 4): id r1 is already used by record r1 (line 1)", problems.get(2).message());
        assertEquals(Severity.ERROR, problems.get(2).severity());
        assertEquals("Record r7 (line 7): label '0' is not one of ethical, unethical (did you mean 'ethical'?)",
                problems.get(5).message());
        assertEquals("Record r9 (line 9): reason has only 3 words (at least 5 expected)", problems.get(7).message());
        ValidationProblem contradiction = problems.get(8);
        assertEquals(Severity.WARNING, contradiction.severity());
        assertEquals("r10", contradiction.recordId());
        assertEquals("Record r10 (line 10): label is 'ethical' but the reason says it is unethical "
                + "(\"Stealing a car is not ethical at all.\")", contradiction.message());
        assertEquals("Record r11 (line 11): same statement as record r1 (line 1) in the same split 'train'",
                problems.get(9).message());
        ValidationProblem leak = problems.get(10);
        assertEquals(Severity.ERROR, leak.severity());
        assertEquals("Record r12 (line 12): statement in split 'test' also appears in split 'train' as the record "
                + "on line 3, labelled 'unethical' there and 'ethical' here", leak.message());
        assertTrue(problems.get(11).message().contains("\"Don’t lie to your mother.\""), problems.get(11).message());
        assertEquals(Severity.INFO, problems.get(12).severity());
        assertEquals(Severity.INFO, problems.get(13).severity());

        ValidationSummary summary = new Validator().summarize(problems);
        assertEquals(14, summary.total());
        assertEquals(5, summary.errors());
        assertEquals(7, summary.warnings());
        assertEquals(2, summary.infos());
        assertEquals(1, summary.count(ProblemKind.SPLIT_LEAKAGE));
        assertEquals(1, summary.count(ProblemKind.PARSE_ERROR));
        assertTrue(summary.hasErrors());
        assertEquals("5 errors, 7 warnings, 2 infos", summary.toString());
    }

    @Test
    void cleanDatasetHasNoProblems() {
        Dataset dataset = dataset(
                rec(1, "a", "Helping a friend move house.", "ethical", "Helping a friend is kind and ethical.",
                        Split.TRAIN),
                rec(2, "b", "Kicking a dog.", "unethical", "Kicking a dog is cruel and unethical.", Split.TRAIN),
                rec(3, "c", "Feeding the birds.", "ethical", "Feeding birds in winter is a kind thing to do.",
                        Split.VALIDATION),
                rec(4, "d", "Lying to a judge.", "unethical", "It is never acceptable to lie under oath.", Split.TEST),
                rec(5, "e", "Going to the cafeteria for lunch.", "ethical",
                        "Going to the cafeteria for lunch is not non-ethical.", Split.TEST));
        List<ValidationProblem> problems = new Validator().validate(dataset);
        assertEquals(List.of(), problems);
        ValidationSummary summary = ValidationSummary.of(problems);
        assertEquals(0, summary.total());
        assertFalse(summary.hasErrors());
    }

    @Test
    void leakageAcrossSplitsAndDuplicatesWithin() {
        Dataset dataset = dataset(
                rec(1, "a", "Stealing a bike.", "unethical", "Stealing is wrong and unethical.", Split.TRAIN),
                rec(2, "b", "stealing a bike", "unethical", "Stealing is wrong and unethical.", Split.TEST),
                rec(3, "c", "Stealing a bike!", "unethical", "Stealing is wrong and unethical.", Split.VALIDATION),
                rec(4, "d", "Stealing  a bike.", "unethical", "Stealing is wrong and unethical.", Split.TEST),
                rec(5, "e", "Stealing a bike.", "unethical", "Stealing is wrong and unethical.", null));
        List<ValidationProblem> problems = new Validator().validate(dataset);
        assertEquals("SPLIT_LEAKAGE@2:split, SPLIT_LEAKAGE@3:split, SPLIT_LEAKAGE@4:split, "
                + "DUPLICATE_STATEMENT@4:statement, DUPLICATE_STATEMENT@5:statement", describe(problems));
        assertTrue(problems.get(0).message().endsWith("also appears in split 'train' as record a (line 1)"));
        assertTrue(problems.get(1).message().contains("split 'validation' also appears in split 'train'"));
        assertTrue(problems.get(3).message().endsWith("same statement as record b (line 2) in the same split 'test'"),
                problems.get(3).message());
        assertTrue(problems.get(4).message().endsWith("same statement as record a (line 1)"), problems.get(4).message());
    }

    @Test
    void dfarStyleFileWithoutIdsGetsNoMissingIdWarnings() {
        List<DatasetEntry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(rec(i + 2, null, "Statement number " + i + ".", i % 2 == 0 ? "ethical" : "unethical",
                    i % 2 == 0 ? "It can't be unethical to do this." : "This is not ethical at all.", null));
        }
        List<ValidationProblem> problems = new Validator().validate(
                new Dataset(LabelSchema.defaultSchema(), FileLayout.defaultFor(DatasetFormat.DFAR_CSV), entries));
        assertEquals(List.of(), problems);
    }

    @Test
    void optionsTurnChecksOff() {
        Dataset dataset = dataset(
                rec(1, "a", " cafÃ© ", "ethical", "It is unethical.", Split.TRAIN));
        assertEquals("SHORT_REASON@1:reason, REASON_CONTRADICTS_LABEL@1:reason, MOJIBAKE@1:statement, "
                + "UNTRIMMED_WHITESPACE@1:statement", describe(new Validator().validate(dataset)));
        ValidationOptions options = new ValidationOptions().withMinReasonWords(0).withCheckContradictions(false)
                .withCheckHygiene(false);
        assertEquals(0, options.minReasonWords());
        assertFalse(options.checkContradictions());
        assertFalse(options.checkHygiene());
        assertEquals(List.of(), new Validator(options).validate(dataset));
        assertEquals("SHORT_REASON@1:reason",
                describe(new Validator(ValidationOptions.defaults().withCheckContradictions(false)
                        .withCheckHygiene(false)).validate(dataset)));
    }

    @Test
    void entryWithoutLineIsNamedByPosition() {
        DatasetRecord r = new DatasetRecord(null, "", "ethical", GOOD, null);
        List<ValidationProblem> problems = new Validator().validate(dataset(r));
        assertEquals(1, problems.size());
        assertEquals(0, problems.get(0).line());
        assertEquals("Entry 1: statement is empty", problems.get(0).message());
    }

    @Test
    void problemKindsHaveTheSpecifiedSeverities() {
        assertEquals(EnumSet.of(ProblemKind.PARSE_ERROR, ProblemKind.DUPLICATE_ID, ProblemKind.EMPTY_STATEMENT,
                ProblemKind.UNKNOWN_LABEL, ProblemKind.SPLIT_LEAKAGE), kindsOf(Severity.ERROR));
        assertEquals(EnumSet.of(ProblemKind.MISSING_LABEL, ProblemKind.EMPTY_REASON, ProblemKind.SHORT_REASON,
                ProblemKind.REASON_CONTRADICTS_LABEL, ProblemKind.DUPLICATE_STATEMENT, ProblemKind.MOJIBAKE,
                ProblemKind.MISSING_ID), kindsOf(Severity.WARNING));
        assertEquals(EnumSet.of(ProblemKind.NON_BREAKING_SPACE, ProblemKind.UNTRIMMED_WHITESPACE),
                kindsOf(Severity.INFO));
        assertEquals("Duplicate id", ProblemKind.DUPLICATE_ID.title());
    }

    private static Set<ProblemKind> kindsOf(Severity severity) {
        EnumSet<ProblemKind> set = EnumSet.noneOf(ProblemKind.class);
        for (ProblemKind k : ProblemKind.values()) {
            if (k.defaultSeverity() == severity) {
                set.add(k);
            }
        }
        return set;
    }
}
