package org.reasonlab.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunSpec;

class TrainingCompositionTest {
    private static final LabelSchema SCHEMA = LabelSchema.defaultSchema();

    @TempDir
    Path tmp;

    private static List<DatasetRecord> records(String prefix, int n) {
        List<DatasetRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new DatasetRecord(prefix + i, "Statement " + prefix + i + ".", i % 2 == 0 ? "ethical" : "unethical",
                    "Reason " + i + ".", Split.TRAIN));
        }
        return out;
    }

    private static RunSpec spec() {
        RunSpec spec = new RunSpec();
        spec.setMode(TrainingMode.L_PLUS_R);
        spec.setSeed(3);
        return spec;
    }

    private Path dataset(String name, List<DatasetRecord> records) throws IOException {
        StringBuilder b = new StringBuilder();
        for (DatasetRecord r : records) {
            b.append(String.format("{\"id\":\"%s\",\"statement\":\"%s\",\"label\":\"%s\",\"reason\":\"%s\",\"split\":\"train\"}%n",
                    r.id(), r.statement(), r.label(), r.reason()));
        }
        return Files.writeString(tmp.resolve(name), b.toString());
    }

    @Test
    void withoutMixtureOrCounterfactualsEveryTrainRecordIsOnePlainItem() throws IOException {
        TrainingComposition c = TrainingComposition.of(spec(), SCHEMA, records("a", 5), f -> {
            throw new AssertionError("no other dataset is opened");
        });
        assertEquals(5, c.items().size());
        assertTrue(c.items().stream().allMatch(i -> i.source().equals("self") && i.lossWeight() == 1.0
                && i.maskedWords().isEmpty() && i.variantPrompts().isEmpty() && !i.counterfactual()));
        assertEquals(0, c.variantsAdded());
        assertEquals(5, c.trainedOn().size());
    }

    @Test
    void aMixtureDrawsEachSourceAtItsShareWithItsMitigations() throws IOException {
        Path augmented = dataset("augmented.jsonl", records("b", 4));
        RunSpec spec = spec();
        spec.setMixture(MixtureText.parse("self=0.75; " + augmented + "=0.25,tag,weight=0.5,mask=builtin:gender"));
        spec.setMixtureSize(20);
        TrainingComposition c = TrainingComposition.of(spec, SCHEMA, records("a", 30), DatasetLoader::load);
        assertEquals(Map.of("self", 15, "augmented", 5), c.perSource());
        List<TrainingItem> aug = c.items().stream().filter(i -> i.source().equals("augmented")).toList();
        assertEquals(5, aug.size());
        // 5 drawn from 4 records: one repeats, and the user is told
        assertEquals(4, aug.stream().map(i -> i.example().prompt()).distinct().count());
        assertTrue(c.messages().get(0).contains("augmented: 5 example(s) from 4 record(s)"), c.messages().toString());
        for (TrainingItem i : aug) {
            assertTrue(i.example().prompt().startsWith("[augmented] "), i.example().prompt());
            assertEquals(0.5, i.lossWeight());
            assertTrue(i.maskedWords().containsAll(List.of("he", "she", "him", "her")), i.maskedWords().toString());
        }
        List<TrainingItem> own = c.items().stream().filter(i -> i.source().equals("self")).toList();
        assertEquals(15, own.stream().map(i -> i.example().prompt()).distinct().count(), "no repeats within a pass");
        assertTrue(own.stream().noneMatch(i -> i.example().prompt().startsWith("[")));
        // the same seed draws the same examples
        assertEquals(c.items(), TrainingComposition.of(spec, SCHEMA, records("a", 30), DatasetLoader::load).items());
        spec.setSeed(4);
        assertFalse(c.items().equals(TrainingComposition.of(spec, SCHEMA, records("a", 30), DatasetLoader::load).items()));
    }

    @Test
    void theMixtureSizeDefaultsToTheRunsOwnUsableRecords() throws IOException {
        Path other = dataset("other.jsonl", records("b", 50));
        RunSpec spec = spec();
        spec.setMixture(MixtureText.parse("self=1; " + other + "=1"));
        TrainingComposition c = TrainingComposition.of(spec, SCHEMA, records("a", 10), DatasetLoader::load);
        assertEquals(Map.of("self", 5, "other", 5), c.perSource());
        assertEquals(10, c.trainedOn().size());
    }

    @Test
    void aSourceWithoutUsableRecordsIsAnErrorNamingIt() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.jsonl"),
                "{\"id\":\"x\",\"statement\":\"S.\",\"label\":\"ethical\",\"reason\":\"R.\",\"split\":\"test\"}\n");
        RunSpec spec = spec();
        spec.setMixture(MixtureText.parse("self=1; " + empty + "=1"));
        IOException e = assertThrows(IOException.class,
                () -> TrainingComposition.of(spec, SCHEMA, records("a", 4), DatasetLoader::load));
        assertTrue(e.getMessage().contains("mixture source empty"), e.getMessage());
    }

    @Test
    void counterfactualAugmentationAddsEachVariantAfterItsOriginalWithTheSameLabel() throws IOException {
        List<DatasetRecord> train = List.of(
                new DatasetRecord("1", "He hit his brother.", "unethical", "He hurt him.", Split.TRAIN),
                new DatasetRecord("2", "I fed the cat.", "ethical", "Kind.", Split.TRAIN),
                new DatasetRecord("3", "She thanked her mother.", "ethical", "Gratitude is good.", Split.TRAIN));
        RunSpec spec = spec();
        spec.setCounterfactualAttributes("builtin:gender");
        spec.setCounterfactualAugment(true);
        TrainingComposition c = TrainingComposition.of(spec, SCHEMA, train, f -> null);
        // "her" in record 3 stands for him or his: its variant is left out, and the user told
        assertEquals(1, c.variantsAdded(), c.items().toString());
        assertEquals(4, c.items().size());
        assertTrue(c.messages().get(0).contains("1 training record(s) have a counterfactual value left out as ambiguous"),
                c.messages().toString());
        List<String> prompts = c.items().stream().map(i -> i.example().prompt()).toList();
        assertTrue(prompts.get(1).contains("She hit her sister."), prompts.get(1));
        assertTrue(c.items().get(1).counterfactual());
        assertTrue(c.items().get(1).example().answer().startsWith("unethical"), c.items().get(1).example().answer());
        assertTrue(c.items().get(1).example().answer().contains("She hurt her."), c.items().get(1).example().answer());
        assertEquals(List.of(), c.items().get(0).variantPrompts(), "no consistency term asked for");
        assertEquals(c.items().size(), c.trainedOn().size(), "variants count as trained-on statements");
        assertTrue(c.trainedOn().stream().anyMatch(r -> r.statement().equals("She hit her sister.")));
    }

    @Test
    void theConsistencyTermGivesEachOriginalItsVariantsPromptsWithoutAddingThem() throws IOException {
        List<DatasetRecord> train = List.of(
                new DatasetRecord("1", "He hit his brother.", "unethical", "He hurt him.", Split.TRAIN),
                new DatasetRecord("2", "I fed the cat.", "ethical", "Kind.", Split.TRAIN));
        RunSpec spec = spec();
        spec.setCounterfactualAttributes("builtin:gender");
        spec.setConsistencyWeight(1.0);
        TrainingComposition c = TrainingComposition.of(spec, SCHEMA, train, f -> null);
        assertEquals(2, c.items().size());
        assertEquals(0, c.variantsAdded());
        assertEquals(1, c.items().get(0).variantPrompts().size());
        assertTrue(c.items().get(0).variantPrompts().get(0).contains("She hit her sister."));
        assertEquals(List.of(), c.items().get(1).variantPrompts());
        assertEquals(2, c.trainedOn().size(), "the variants' statements were not trained on");
    }
}
