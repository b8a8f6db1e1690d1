package org.reasonlab.train.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingExample;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.testing.SharedData;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.model.AnswerTokens;
import org.reasonlab.train.model.InferenceForward;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.training.EventSink;
import org.reasonlab.train.training.FineTuner;
import org.reasonlab.train.training.TokenizedExample;
import org.reasonlab.train.training.TrainFixtures;
import org.reasonlab.train.training.TrainingData;

/**
 * Likelihood scoring feeds a label with exactly the token ids training fed for that answer, with the
 * tiny preset's tokenizer and with a SentencePiece one (stories260K, whose tokenizer prepends a space
 * to every text it encodes: encoding prompt and answer apart taught a double space and a stray space
 * in generated answers).
 */
class ScoringMatchesTrainingTest {
    private static final String TINY = "tiny";
    private static final String STORIES = "stories260K";

    @TempDir
    static Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    private static Path model(String name) throws Exception {
        return TINY.equals(name) ? TrainFixtures.tiny(tmp) : SharedData.require("models/stories260K/hf");
    }

    @ParameterizedTest
    @ValueSource(strings = {TINY, STORIES})
    void scoringFeedsTheAnswerIdsTrainingFeeds(String name) throws Exception {
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(model(name), root, Device.cpu())) {
            Integer eos = model.config().eosTokenIds().get(0);
            // R->L scores its verdict right after the prompt, where training has the reason: no ids to compare
            for (TrainingMode mode : List.of(TrainingMode.L, TrainingMode.L_PLUS_R)) {
                PromptTemplate template = PromptTemplates.defaultFor(mode);
                String prompt = template.prompt("I fed a stray cat.");
                List<String> labels = LabelSchema.defaultSchema().names();
                List<String> continuations = labels.stream().map(l -> template.answer(l, "").strip()).toList();
                boolean whole = !template.usesReason();
                ModelAnswerSource source = new ModelAnswerSource(model, GenerationOptions.greedy(8));
                AnswerTokens.Example[] scored = source.scoredExamples(prompt, continuations, whole);
                for (int i = 0; i < labels.size(); i++) {
                    TokenizedExample trained = TrainingData.tokenize(
                            List.of(new TrainingExample(prompt, template.answer(labels.get(i), "because."))),
                            model.tokenizer(), eos, 512, false, 1, 0).examples().get(0);
                    long[] trainedPrompt = Arrays.copyOf(trained.ids(), trained.lossStart());
                    long[] trainedAnswer = Arrays.copyOfRange(trained.ids(), trained.lossStart(), trained.length());
                    String what = name + " " + mode.id() + " " + labels.get(i);
                    assertArrayEquals(trainedPrompt, scored[i].prompt(), what + ": context");
                    long[] answer = scored[i].answer();
                    // a whole answer (mode L) is scored to its EOS; otherwise the label is the answer's start
                    assertArrayEquals(whole ? trainedAnswer : Arrays.copyOf(trainedAnswer, answer.length), answer,
                            what + ": answer ids");
                }
            }
        }
    }

    /**
     * The context is run once and each continuation extends its cache: the log-likelihoods one full
     * block forward per continuation gives.
     */
    @ParameterizedTest
    @ValueSource(strings = {TINY, STORIES})
    void scoresFromTheSharedContextEqualOneForwardPerContinuation(String name) throws Exception {
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(model(name), root, Device.cpu())) {
            for (TrainingMode mode : TrainingMode.values()) {
                PromptTemplate template = PromptTemplates.defaultFor(mode);
                String prompt = template.prompt("I returned the wallet I found to its owner.");
                boolean whole = !template.usesReason();
                List<String> continuations = LabelSchema.defaultSchema().names().stream()
                        .map(l -> whole ? template.answer(l, "") : template.answer(l, "").strip()).toList();
                ModelAnswerSource source = new ModelAnswerSource(model, GenerationOptions.greedy(8));
                double[] shared = source.logLikelihoods(prompt, continuations, whole);
                AnswerTokens.Example[] scored = source.scoredExamples(prompt, continuations, whole);
                for (int i = 0; i < scored.length; i++) {
                    long[] ids = scored[i].ids();
                    double expected = 0;
                    try (NDManager m = root.newSubManager(); InferenceForward block = model.model().reference()) {
                        float[] logp = block.logits(m.create(ids).reshape(1, ids.length), null, null, false)
                                .logSoftmax(-1).toFloatArray();
                        int vocab = logp.length / ids.length;
                        for (int t = scored[i].prompt().length; t < ids.length; t++) {
                            expected += logp[(t - 1) * vocab + (int) ids[t]];
                        }
                    }
                    assertEquals(expected, shared[i], 1e-3, name + " " + mode.id() + " " + continuations.get(i));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TINY, STORIES})
    void afterMemorisingModeLTheLikelihoodLabelIsTheGeneratedLabelOnEveryRecord(String name) throws Exception {
        PromptTemplate template = TrainFixtures.SHORT_L;
        List<DatasetRecord> records = new ArrayList<>();
        for (String[] r : TrainFixtures.RECORDS) {
            records.add(new DatasetRecord("r" + records.size(), r[0], r[1], r[2], Split.TRAIN));
        }
        List<TrainingExample> examples = TrainFixtures.examples(template, records.size());
        RunSpec spec = TrainFixtures.memorising(TrainingMode.L, template, 16, 400);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(model(name), root, Device.cpu());
                FineTuner tuner = new FineTuner(spec, model, examples, new RunDirectory(tmp.resolve("run-" + name)),
                        new EventSink.Collecting())) {
            ModelAnswerSource source = new ModelAnswerSource(model,
                    GenerationOptions.greedy(16).withStopStrings(EvalMain.STOP_STRINGS));
            EvalResult result = null;
            for (long stop = 25; stop <= tuner.totalSteps(); stop += 25) {
                tuner.stopAfter(stop);
                tuner.train(stop > 25);
                result = new Evaluator(TrainingMode.L, template, name).evaluate(records, LabelSchema.defaultSchema(),
                        "train", source);
                if (result.predictions().stream().allMatch(p -> p.generated().equals(p.goldLabel()))) {
                    System.out.println(name + ": mode l memorised after " + stop + " steps");
                    break;
                }
            }
            for (Prediction p : result.predictions()) {
                // no stray space: the answer is exactly what training taught
                assertEquals(p.goldLabel(), p.generated(), p.statement());
                assertEquals(p.predictedLabel(), p.likelihoodLabel(), p.statement());
                assertFalse(p.truncated(), p.statement());
            }
        }
    }
}
