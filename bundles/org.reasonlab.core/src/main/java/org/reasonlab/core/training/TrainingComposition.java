package org.reasonlab.core.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.reasonlab.core.counterfactual.AttributeSet;
import org.reasonlab.core.counterfactual.BuiltinAttributeSets;
import org.reasonlab.core.counterfactual.Substitution;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.model.SplitRecords;
import org.reasonlab.core.prompt.ExampleBuilder;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.TrainingExample;
import org.reasonlab.core.run.RunSpec;

/**
 * Composes what a run trains on from its spec: the train records of its dataset or, with a {@link RunSpec#mixture()
 * mixture}, examples drawn from each source at its share (a seeded draw without repetition until a source runs out,
 * then another pass), with the source's mitigations; then, with {@link RunSpec#counterfactualAttributes()}, the
 * counterfactual variants of every example that holds an attribute word: added as examples of their own (same label,
 * statement and reason substituted together) with {@link RunSpec#counterfactualAugment()}, and given to their
 * original for the consistency term when {@link RunSpec#consistencyWeight()} is above 0. Every label is read with
 * the run's own schema, so a source's records whose label the run does not know are skipped.
 *
 * @param items the examples, in source order (a source's draw, each original before its variants)
 * @param trainedOn every record the examples come from, variants included: the evaluation's leakage check
 * @param perSource examples per source name, variants included
 * @param variantsAdded counterfactual variants added as examples
 * @param messages what a user should know (repeated draws, skipped records, records without a variant)
 */
public record TrainingComposition(List<TrainingItem> items, List<DatasetRecord> trainedOn,
        Map<String, Integer> perSource, int variantsAdded, List<String> messages) {

    /** Opens a mixture source's dataset file. */
    @FunctionalInterface
    public interface DatasetOpener {
        LoadResult open(Path file) throws IOException;
    }

    public TrainingComposition {
        items = List.copyOf(items);
        trainedOn = List.copyOf(trainedOn);
        perSource = Collections.unmodifiableMap(new LinkedHashMap<>(perSource));
        messages = List.copyOf(messages);
    }

    /**
     * @param spec the run
     * @param schema the run's dataset's label schema
     * @param train the run's train records ({@link org.reasonlab.core.run.RunRecords#train()})
     * @param opener opens the other sources' datasets
     * @throws IOException when a source cannot be read or gives no example
     */
    public static TrainingComposition of(RunSpec spec, LabelSchema schema, List<DatasetRecord> train,
            DatasetOpener opener) throws IOException {
        PromptTemplate template = spec.template();
        ExampleBuilder builder = new ExampleBuilder(template, schema);
        List<String> messages = new ArrayList<>();
        List<Drawn> drawn = new ArrayList<>();
        List<MixtureSource> sources = spec.mixture();
        if (sources.isEmpty()) {
            usable(train, builder).forEach(r -> drawn.add(new Drawn(r, MixtureSource.plain(MixtureSource.SELF, 1))));
        } else {
            List<DatasetRecord> own = usable(train, builder);
            int total = spec.mixtureSize() != null ? spec.mixtureSize() : own.size();
            int[] counts = MixtureCounts.of(sources, total);
            for (int i = 0; i < sources.size(); i++) {
                MixtureSource source = sources.get(i);
                List<DatasetRecord> pool = source.isSelf() ? own : usable(records(source, spec, opener), builder);
                if (pool.isEmpty() && counts[i] > 0) {
                    throw new IOException("mixture source " + source.name() + " (" + source.dataset()
                            + ") has no usable training record (split " + spec.trainSplit() + ", labels of the run's"
                            + " dataset)");
                }
                List<DatasetRecord> picked = draw(pool, counts[i], spec.seed() * 31 + i);
                if (counts[i] > pool.size()) {
                    messages.add("mixture source " + source.name() + ": " + counts[i] + " example(s) from "
                            + pool.size() + " record(s), so records repeat");
                }
                picked.forEach(r -> drawn.add(new Drawn(r, source)));
            }
        }
        Substitution substitution = spec.counterfactualAttributes() == null ? null
                : new Substitution(attributes(spec.counterfactualAttributes()));
        Map<String, List<String>> maskWords = new HashMap<>();
        List<TrainingItem> items = new ArrayList<>();
        List<DatasetRecord> trainedOn = new ArrayList<>();
        Map<String, Integer> perSource = new LinkedHashMap<>();
        sources.forEach(s -> perSource.put(s.name(), 0));
        int variantsAdded = 0;
        int ambiguous = 0;
        for (Drawn d : drawn) {
            MixtureSource source = d.source();
            List<String> masked = source.maskAttributes() == null ? List.of()
                    : maskWords.computeIfAbsent(source.maskAttributes(), TrainingComposition::words);
            TrainingExample example = tagged(builder.build(d.record()).orElseThrow(), source);
            List<TrainingItem> variants = new ArrayList<>();
            List<String> variantPrompts = new ArrayList<>();
            if (substitution != null) {
                Substitution.Result result = substitution.variants(d.record().statement(), d.record().reason());
                ambiguous += result.ambiguities().isEmpty() ? 0 : 1;
                for (Substitution.Variant v : result.variants()) {
                    DatasetRecord copy = d.record().copy();
                    copy.setStatement(v.texts().get(0));
                    copy.setReason(v.texts().get(1));
                    Optional<TrainingExample> built = builder.build(copy);
                    if (built.isEmpty()) {
                        continue;
                    }
                    TrainingExample ve = tagged(built.get(), source);
                    variantPrompts.add(ve.prompt());
                    if (spec.counterfactualAugment()) {
                        variants.add(new TrainingItem(ve, source.name(), true, source.lossWeight(), masked, List.of()));
                        trainedOn.add(copy);
                    }
                }
            }
            items.add(new TrainingItem(example, source.name(), false, source.lossWeight(), masked,
                    spec.consistencyWeight() > 0 ? variantPrompts : List.of()));
            trainedOn.add(d.record());
            items.addAll(variants);
            variantsAdded += variants.size();
            perSource.merge(source.name(), 1 + variants.size(), Integer::sum);
        }
        if (ambiguous > 0) {
            messages.add(ambiguous + " training record(s) have a counterfactual value left out as ambiguous");
        }
        return new TrainingComposition(items, trainedOn, perSource, variantsAdded, messages);
    }

    private record Drawn(DatasetRecord record, MixtureSource source) {
    }

    /** The records that give an example. */
    private static List<DatasetRecord> usable(List<DatasetRecord> records, ExampleBuilder builder) {
        return records.stream().filter(r -> builder.skipReason(r).isEmpty()).toList();
    }

    private static List<DatasetRecord> records(MixtureSource source, RunSpec spec, DatasetOpener opener)
            throws IOException {
        LoadResult loaded = opener.open(Path.of(source.dataset()));
        Split split = Split.parse(spec.trainSplit()).orElse(Split.TRAIN);
        return SplitRecords.of(loaded.dataset(), split).records();
    }

    /** {@code count} records of the pool in a seeded order; passes over the pool repeat when it is smaller. */
    static List<DatasetRecord> draw(List<DatasetRecord> pool, int count, long seed) {
        List<DatasetRecord> out = new ArrayList<>(count);
        Random rng = new Random(seed);
        while (out.size() < count) {
            List<DatasetRecord> pass = new ArrayList<>(pool);
            Collections.shuffle(pass, rng);
            out.addAll(pass.subList(0, Math.min(pass.size(), count - out.size())));
        }
        return out;
    }

    private static TrainingExample tagged(TrainingExample e, MixtureSource source) {
        return source.tag() ? new TrainingExample(source.tagText() + e.prompt(), e.answer()) : e;
    }

    private static AttributeSet attributes(String spec) throws IOException {
        return BuiltinAttributeSets.resolve(spec);
    }

    private static List<String> words(String attributes) {
        try {
            List<String> out = new ArrayList<>();
            attributes(attributes).terms().forEach(out::addAll);
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("mask attributes " + attributes + ": " + e.getMessage(), e);
        }
    }
}
