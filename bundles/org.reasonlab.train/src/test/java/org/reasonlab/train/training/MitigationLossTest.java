package org.reasonlab.train.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.TrainingExample;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.StepEvent;
import org.reasonlab.core.training.TrainingItem;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.eval.ModelAnswerSource;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.Precision;
import org.reasonlab.train.model.TinyModelPreset;

/**
 * What each mitigation does to the loss computation, on the first optimizer step from the same weights: a loss
 * weight scales the loss, a mask takes the attribute words' tokens out of it, a tag changes the prompt only, and the
 * consistency term is the symmetric KL divergence of the label distributions the evaluator's likelihoods give, zero
 * when a variant equals its original.
 */
class MitigationLossTest {
    private static final PromptTemplate TEMPLATE = new PromptTemplate("Q: {statement}\nA: ", "{label}. {reason}");
    private static final List<String> GENDER = List.of("he", "she", "him", "her", "his");

    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    private static TrainingExample example(String statement, String label, String reason) {
        return new TrainingExample(TEMPLATE.prompt(statement), TEMPLATE.answer(label, reason));
    }

    private static List<TrainingItem> items(double weight, List<String> masked, boolean variants) {
        List<TrainingItem> items = new ArrayList<>();
        String[][] rows = {{"He kicked a dog.", "unethical", "He hurt him badly."},
            {"She fed a cat.", "ethical", "She helped her pet."}, {"He lied.", "unethical", "His lie hurt."},
            {"She gave blood.", "ethical", "She saved lives."}};
        for (String[] r : rows) {
            // far from the original, so that even the untrained model's label distributions differ measurably
            String variant = TEMPLATE.prompt("Zzz qqq " + r[2].toUpperCase(java.util.Locale.ROOT));
            items.add(new TrainingItem(example(r[0], r[1], r[2]), "augmented", false, weight, masked,
                    variants ? List.of(variant) : List.of()));
        }
        return items;
    }

    /** The loss of the first step, from the tiny preset's weights. */
    private double firstLoss(List<TrainingItem> items, double lambda, String name) throws Exception {
        RunSpec spec = TrainFixtures.spec(RunSpec.TUNING_FULL, TrainingMode.L_PLUS_R, TEMPLATE);
        spec.setBatchSize(4);
        spec.setMaxSteps(1);
        spec.setLoraDropout(0);
        spec.setConsistencyWeight(lambda);
        Path folder = TrainFixtures.tiny(tmp.resolve("model-" + name));
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu(), Precision.FP32, true)) {
            EventSink.Collecting events = new EventSink.Collecting();
            try (FineTuner tuner = new FineTuner(spec, model, items,
                    LabelContinuations.of(TEMPLATE, List.of("ethical", "unethical")),
                    new RunDirectory(tmp.resolve("run-" + name)), events)) {
                tuner.train(false);
            }
            return events.events().stream().filter(e -> e instanceof StepEvent).mapToDouble(e -> ((StepEvent) e).loss())
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void aLossWeightScalesTheLoss() throws Exception {
        double base = firstLoss(items(1.0, List.of(), false), 0, "w1");
        double half = firstLoss(items(0.5, List.of(), false), 0, "w05");
        assertEquals(base / 2, half, base * 1e-5);
        assertEquals(0.0, firstLoss(items(0.0, List.of(), false), 0, "w0"), 1e-9);
    }

    @Test
    void maskedAttributeWordsLeaveTheLossOnlyThroughTheOtherTokens() throws Exception {
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(TrainFixtures.tiny(tmp.resolve("tok")), root, Device.cpu(),
                        Precision.FP32, true)) {
            TrainingData plain = TrainingData.tokenize(items(1.0, List.of(), false), model.tokenizer(),
                    TinyModelPreset.EOS, 128, false, 4, 1, null);
            TrainingData masked = TrainingData.tokenize(items(1.0, GENDER, false), model.tokenizer(),
                    TinyModelPreset.EOS, 128, false, 4, 1, null);
            // "He hurt him badly.": the character tokenizer gives "He" and "him" five tokens in all
            TokenizedExample first = masked.examples().get(0);
            assertEquals(plain.examples().get(0).lossTokens() - 5, first.lossTokens());
            StringBuilder maskedText = new StringBuilder();
            for (int j = 0; j < first.length(); j++) {
                if (first.masked()[j]) {
                    maskedText.append(model.tokenizer().decode(new long[] {first.ids()[j]}));
                }
            }
            assertEquals("Hehim", maskedText.toString().replace(" ", ""));
            assertArrayEquals(plain.examples().get(0).ids(), first.ids(), "masking changes no input");
            // "his" in the statement only: no masked answer token in "His lie hurt."? "His" is in the answer
            assertEquals(plain.examples().get(2).lossTokens() - 3, masked.examples().get(2).lossTokens());
            assertNull(plain.examples().get(0).masked());
        }
        double base = firstLoss(items(1.0, List.of(), false), 0, "m0");
        double withMask = firstLoss(items(1.0, GENDER, false), 0, "m1");
        assertTrue(Math.abs(base - withMask) > 1e-6, base + " vs " + withMask);
    }

    @Test
    void theConsistencyTermIsTheSymmetricKlOfTheLabelDistributionsTheEvaluatorScores() throws Exception {
        RunSpec spec = TrainFixtures.spec(RunSpec.TUNING_FULL, TrainingMode.L_PLUS_R, TEMPLATE);
        spec.setLearningRate(3e-3);
        spec.setSchedule("constant");
        spec.setBatchSize(4);
        spec.setMaxSteps(60); // an untrained model's label distributions hardly depend on the prompt
        spec.setConsistencyWeight(1e-9); // builds the pairs, without pulling the distributions together
        List<TrainingItem> items = items(1.0, List.of(), true);
        LabelContinuations labels = LabelContinuations.of(TEMPLATE, List.of("ethical", "unethical"));
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(TrainFixtures.tiny(tmp.resolve("kl")), root, Device.cpu(),
                        Precision.FP32, true);
                FineTuner tuner = new FineTuner(spec, model, items, labels, new RunDirectory(tmp.resolve("run-kl")),
                        new EventSink.Collecting())) {
            assertEquals(4, tuner.data().pairs().size());
            tuner.train(false);
            ModelAnswerSource source = new ModelAnswerSource(model, GenerationOptions.greedy(4)
                    .withMaxSequenceLength(spec.maxSequenceLength()));
            for (int i = 0; i < items.size(); i++) {
                double[] p = softmax(source.logLikelihoods(items.get(i).example().prompt(), labels.texts(), false));
                double[] q = softmax(source.logLikelihoods(items.get(i).variantPrompts().get(0), labels.texts(), false));
                double expected = 0;
                for (int k = 0; k < p.length; k++) {
                    expected += (p[k] - q[k]) * (Math.log(p[k]) - Math.log(q[k]));
                }
                double got = tuner.consistencyOf(tuner.data().examples().get(i).pair());
                System.out.printf("pair %d: symmetric KL %.6f (by the evaluator's likelihoods %.6f)%n", i, got, expected);
                assertTrue(expected > 1e-5, "the trained model tells the prompts apart: " + expected);
                assertEquals(expected, got, expected * 0.02 + 1e-6);
            }
        }
        // a variant identical to its original diverges by nothing: the loss is the plain one
        double base = firstLoss(items(1.0, List.of(), false), 0, "c0");
        List<TrainingItem> same = new ArrayList<>();
        for (TrainingItem i : items(1.0, List.of(), false)) {
            same.add(new TrainingItem(i.example(), i.source(), false, 1.0, List.of(), List.of(i.example().prompt())));
        }
        assertEquals(base, firstLoss(same, 1.0, "c1"), base * 1e-6);
    }

    private static double[] softmax(double[] ll) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : ll) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] out = new double[ll.length];
        for (int i = 0; i < ll.length; i++) {
            out[i] = Math.exp(ll[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < ll.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
