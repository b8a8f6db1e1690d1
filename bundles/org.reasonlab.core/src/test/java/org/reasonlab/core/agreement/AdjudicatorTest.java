package org.reasonlab.core.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reasonlab.core.agreement.TestData.a;
import static org.reasonlab.core.agreement.TestData.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.edit.EntryReplacement;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.DatasetSaver;
import org.reasonlab.core.model.Annotation;
import org.reasonlab.core.model.Dataset;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.RawLine;

class AdjudicatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T10:15:30.123Z"), ZoneOffset.UTC);
    private final Adjudicator maria = new Adjudicator("maria", CLOCK);

    @TempDir
    Path dir;

    private static Dataset disputed() {
        DatasetRecord record = record("s1", "ethical", a("ann1", "ethical"),
                new Annotation("ann2", "1", "Breaking a promise lets the friend down.", "2026-11-01T09:00:00Z"));
        JsonObject metadata = new JsonObject();
        metadata.addProperty("source", "reasonlab-sample");
        record.setMetadata(metadata);
        return TestData.dataset(LabelSchema.defaultSchema(), record);
    }

    @Test
    void adoptingAnAnnotationSetsLabelReasonAndStamp() {
        Dataset dataset = disputed();
        DatasetRecord before = dataset.records().get(0);
        EntryReplacement edit = maria.adopt(dataset, 0, "ann2");
        edit.apply(dataset);

        DatasetRecord after = dataset.records().get(0);
        assertNotSame(before, after);
        assertEquals("unethical", after.label());
        assertEquals("Breaking a promise lets the friend down.", after.reason());
        assertEquals(before.annotations(), after.annotations());
        assertEquals("reasonlab-sample", after.metadata().get("source").getAsString());
        assertEquals(Optional.of(new AdjudicationStamp("maria", "2026-11-02T10:15:30Z", "annotator", "ann2")),
                AdjudicationStamp.read(after.metadata()));
        // the snapshot the undo history holds is untouched
        assertEquals("ethical", before.label());
        assertEquals(Optional.empty(), AdjudicationStamp.read(before.metadata()));
    }

    @Test
    void revertingRestoresTheRecordAsItWas() {
        Dataset dataset = disputed();
        DatasetRecord before = dataset.records().get(0);
        DatasetRecord snapshot = before.copy();
        EntryReplacement edit = maria.write(dataset, 0, "unethical", "The curator's own reason.");
        edit.apply(dataset);
        edit.revert(dataset);

        assertSame(before, dataset.entries().get(0));
        assertEquals(snapshot, dataset.entries().get(0));
    }

    @Test
    void theCuratorsOwnDecisionIsStampedAsCurator() {
        Dataset dataset = disputed();
        maria.write(dataset, 0, " 1 ", "Promises matter.").apply(dataset);

        DatasetRecord after = dataset.records().get(0);
        assertEquals("unethical", after.label());
        assertEquals("Promises matter.", after.reason());
        AdjudicationStamp stamp = AdjudicationStamp.read(after.metadata()).orElseThrow();
        assertTrue(stamp.fromCurator());
        assertNull(stamp.annotator());
        assertEquals("{\"by\":\"maria\",\"time\":\"2026-11-02T10:15:30Z\",\"source\":\"curator\"}",
                after.metadata().get("adjudication").toString());
    }

    @Test
    void aRecordWithoutMetadataGetsSome() {
        Dataset dataset = TestData.dataset(LabelSchema.defaultSchema(),
                record("s1", null, a("ann1", "ethical"), a("ann2", "unethical")));
        dataset.records().get(0).setMetadata(null);
        maria.adopt(dataset, 0, "ann1").apply(dataset);

        assertEquals("ann1", AdjudicationStamp.read(dataset.records().get(0).metadata()).orElseThrow().annotator());
    }

    @Test
    void wrongRequestsAreRefused() {
        Dataset dataset = disputed();
        dataset.entries().add(new RawLine("{oops".getBytes(StandardCharsets.UTF_8), 2, "invalid JSON"));

        assertThrows(IllegalArgumentException.class, () -> maria.adopt(dataset, 0, "ann9"));
        assertThrows(IllegalArgumentException.class, () -> maria.write(dataset, 0, "maybe", "typo"));
        assertThrows(IllegalArgumentException.class, () -> maria.adopt(dataset, 1, "ann1"));
        assertThrows(IllegalArgumentException.class, () -> new Adjudicator(" "));
    }

    @Test
    void theStampSurvivesAJsonlRoundTripAndASecondDecisionReplacesIt() throws IOException {
        Path file = dir.resolve("data.jsonl");
        Dataset dataset = disputed();
        maria.adopt(dataset, 0, "ann2").apply(dataset);
        DatasetSaver.save(dataset, file);

        Dataset loaded = DatasetLoader.load(file).dataset();
        DatasetRecord reloaded = loaded.records().get(0);
        assertEquals("unethical", reloaded.label());
        assertEquals("Breaking a promise lets the friend down.", reloaded.reason());
        assertEquals(dataset.records().get(0).metadata(), reloaded.metadata());
        assertEquals(Optional.of(new AdjudicationStamp("maria", "2026-11-02T10:15:30Z", "annotator", "ann2")),
                AdjudicationStamp.read(loaded.records().get(0).metadata()));

        Clock later = Clock.offset(CLOCK, Duration.ofHours(1));
        new Adjudicator("li", later).write(loaded, 0, "ethical", "On reflection it was kind.").apply(loaded);
        DatasetSaver.save(loaded, file);
        String line = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(line.contains("\"metadata\":{\"source\":\"reasonlab-sample\",\"adjudication\":{\"by\":\"li\","
                + "\"time\":\"2026-11-02T11:15:30Z\",\"source\":\"curator\"}}"), line);
        assertEquals(1, line.split("adjudication", -1).length - 1);
    }
}
