package org.reasonlab.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.reasonlab.core.agreement.TestData.a;
import static org.reasonlab.core.agreement.TestData.record;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;

class RatingsMatrixTest {

    @Test
    void itemsAreAnnotatedRecordsWithTheirEntryIndex() {
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", "ethical", a("ann1", "ethical")),
                new RawLine("{broken".getBytes(StandardCharsets.UTF_8), 2, "invalid JSON"),
                record("r2", "ethical"),
                record("r3", "unethical", a("ann2", "unethical"), a("ann1", "ethical")));
        RatingsMatrix m = RatingsMatrix.of(dataset);

        assertEquals(List.of("r1", "r3"), m.items().stream().map(RatingsMatrix.Item::recordId).toList());
        assertEquals(List.of(0, 3), m.items().stream().map(RatingsMatrix.Item::entryIndex).toList());
        assertEquals(List.of("ann1", "ann2"), m.annotators());
        assertEquals("ethical", m.label(1, 0));
        assertEquals("unethical", m.label(1, 1));
        assertEquals(1, m.items().get(1).finalLabel());
    }

    @Test
    void annotatorsAreSortedAndMissingValuesAreMissing() {
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", null, a("zoe", "ethical"), a("adam", "ethical")),
                record("r2", null, a("mia", "unethical")));
        RatingsMatrix m = RatingsMatrix.of(dataset);

        assertEquals(List.of("adam", "mia", "zoe"), m.annotators());
        assertEquals(RatingsMatrix.MISSING, m.value(0, 1));
        assertNull(m.label(0, 1));
        assertEquals("ethical", m.label(0, 2));
        assertEquals(RatingsMatrix.MISSING, m.value(1, 0));
        assertEquals("unethical", m.label(1, 1));
        assertEquals(-1, m.items().get(0).finalLabel());
    }

    @Test
    void labelsAreComparedThroughTheSchemasAliases() {
        // The default schema: ethical (alias 0) and unethical (alias 1), case-insensitive, trimmed.
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", "0", a("ann1", "0"), a("ann2", " Ethical "), a("ann3", "ethical")),
                record("r2", "1", a("ann1", "1"), a("ann2", "UNETHICAL")));
        RatingsMatrix m = RatingsMatrix.of(dataset);

        assertEquals(List.of("ethical", "unethical"), m.labels());
        assertEquals("ethical", m.label(0, 0));
        assertEquals("ethical", m.label(0, 1));
        assertEquals("ethical", m.label(0, 2));
        assertEquals("unethical", m.label(1, 1));
        AgreementReport report = AgreementAnalyzer.analyze(dataset);
        assertEquals(1.0, report.percentAgreement().value(), 1e-12);
        assertEquals(List.of(), report.disagreements());
    }

    @Test
    void unknownLabelsFollowTheSchemasLabelsInOrderOfAppearance() {
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", "unclear", a("ann1", "depends"), a("ann2", "ethical")),
                record("r2", null, a("ann1", " unclear ")));
        RatingsMatrix m = RatingsMatrix.of(dataset);

        // r1's rating comes before r1's final label
        assertEquals(List.of("ethical", "unethical", "depends", "unclear"), m.labels());
        assertEquals("depends", m.label(0, 0));
        assertEquals("unclear", m.label(1, 0));
        assertEquals(3, m.items().get(0).finalLabel());
    }

    @Test
    void theLastLabelledAnnotationOfAnAnnotatorWins() {
        Annotation first = a("ann1", "ethical");
        Annotation revised = a("ann1", "unethical");
        Annotation unlabelled = new Annotation("ann1", null, "only a comment", null);
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", null, first, a("ann2", "ethical"), revised, unlabelled));
        RatingsMatrix m = RatingsMatrix.of(dataset);

        RatingsMatrix.Item item = m.items().get(0);
        assertEquals(2, item.ratingCount());
        assertEquals("unethical", m.label(0, 0));
        assertEquals(revised, item.annotation(0));
    }

    @Test
    void annotationsWithoutALabelAreNoRatings() {
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("r1", "ethical", new Annotation("ann1", null, "no idea", null), new Annotation("ann2", " ", null, null)));
        RatingsMatrix m = RatingsMatrix.of(dataset);

        assertEquals(List.of(), m.items());
        assertEquals(List.of(), m.annotators());
    }
}
