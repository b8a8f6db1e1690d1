package org.reasonlab.train.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.counterfactual.BuiltinAttributeSets;
import org.reasonlab.core.counterfactual.SpuriousCorrelationDataset;
import org.reasonlab.core.counterfactual.Substitution;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.training.TrainingComposition;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.eval.ModelAnswerSource;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.Precision;

/**
 * The measured effect of counterfactual training: on {@link SpuriousCorrelationDataset} (in training, "he" goes with
 * unethical and "she" with ethical), the tiny model trained on the records alone takes the pronoun as a cue, so
 * swapping it flips many of its (likelihood) labels on the uncorrelated test split; trained with the counterfactual
 * variants, or with the consistency term, it flips fewer. Same data, seed, initial weights and steps for all three.
 */
class CounterfactualTrainingTest {
    private static final PromptTemplate TEMPLATE = new PromptTemplate("Q: {statement}\nA: ", "{label}");

    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    /** Flip rate and likelihood accuracy on the test split. */
    private record Outcome(double flipRate, double accuracy, int pairs) {
    }

    @Test
    void augmentationAndTheConsistencyTermLowerTheFlipRateOfASpuriousCue() throws Exception {
        List<DatasetRecord> records = SpuriousCorrelationDataset.generate(128, 96, 1.0, 11);
        List<DatasetRecord> train = records.stream().filter(r -> r.split() == Split.TRAIN).toList();
        List<DatasetRecord> test = records.stream().filter(r -> r.split() == Split.TEST).toList();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("records only", train(train, test, false, 0));
        outcomes.put("augmented", train(train, test, true, 0));
        outcomes.put("consistency 1.0", train(train, test, false, 1.0));
        outcomes.forEach((name, o) -> System.out.printf(Locale.ROOT,
                "counterfactual training, %-16s likelihood-label flip rate %5.1f%% of %d pairs, test accuracy %5.1f%%%n",
                name, 100 * o.flipRate(), o.pairs(), 100 * o.accuracy()));
        double base = outcomes.get("records only").flipRate();
        assertTrue(base >= 0.2, "the shortcut must be learnt for the comparison to mean anything: " + outcomes);
        assertTrue(outcomes.get("augmented").flipRate() < base / 2, outcomes.toString());
        assertTrue(outcomes.get("consistency 1.0").flipRate() < base / 2, outcomes.toString());
    }

    private Outcome train(List<DatasetRecord> train, List<DatasetRecord> test, boolean augment, double lambda)
            throws Exception {
        RunSpec spec = TrainFixtures.spec(RunSpec.TUNING_FULL, TrainingMode.L, TEMPLATE);
        spec.setLearningRate(3e-3);
        spec.setSchedule("constant");
        spec.setWarmupSteps(5);
        spec.setBatchSize(16);
        spec.setEpochs(15);
        spec.setSeed(5);
        if (augment || lambda > 0) {
            spec.setCounterfactualAttributes("builtin:gender");
            spec.setCounterfactualAugment(augment);
            spec.setConsistencyWeight(lambda);
        }
        // as many optimizer steps whether or not the variants double the examples
        spec.setMaxSteps(120);
        LabelSchema schema = LabelSchema.defaultSchema();
        TrainingComposition composition = TrainingComposition.of(spec, schema, train, f -> null);
        Path folder = TrainFixtures.tiny(tmp.resolve("model-" + augment + "-" + lambda));
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu(), Precision.FP32, true)) {
            LabelContinuations labels = LabelContinuations.of(TEMPLATE, schema.names());
            try (FineTuner tuner = new FineTuner(spec, model, composition.items(), labels,
                    new RunDirectory(tmp.resolve("run-" + augment + "-" + lambda)), new EventSink.Collecting())) {
                TrainResult result = tuner.train(false);
                assertTrue(result.status() == org.reasonlab.core.run.RunStatus.COMPLETED, result.error());
            }
            return probe(model, test, labels, schema);
        }
    }

    private static Outcome probe(LoadedModel model, List<DatasetRecord> test, LabelContinuations labels,
            LabelSchema schema) throws Exception {
        ModelAnswerSource source = new ModelAnswerSource(model, GenerationOptions.greedy(4).withMaxSequenceLength(128));
        Substitution swap = new Substitution(BuiltinAttributeSets.resolve("builtin:gender"));
        int flips = 0;
        int pairs = 0;
        int correct = 0;
        for (DatasetRecord r : test) {
            String original = label(source, TEMPLATE.prompt(r.statement()), labels, schema);
            correct += original.equals(r.label()) ? 1 : 0;
            for (Substitution.Variant v : swap.variants(r.statement()).variants()) {
                pairs++;
                flips += label(source, TEMPLATE.prompt(v.texts().get(0)), labels, schema).equals(original) ? 0 : 1;
            }
        }
        return new Outcome((double) flips / pairs, (double) correct / test.size(), pairs);
    }

    private static String label(ModelAnswerSource source, String prompt, LabelContinuations labels, LabelSchema schema) {
        double[] ll = source.logLikelihoods(prompt, labels.texts(), labels.wholeAnswers());
        int best = 0;
        for (int i = 1; i < ll.length; i++) {
            best = ll[i] > ll[best] ? i : best;
        }
        return schema.names().get(best);
    }
}
