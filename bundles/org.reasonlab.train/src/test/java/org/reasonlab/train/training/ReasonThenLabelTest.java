package org.reasonlab.train.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.model.Split;
import org.reasonlab.core.prompt.ExampleBuilder;
import org.reasonlab.core.prompt.ExampleSet;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingExample;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.Prediction;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.eval.EvalMain;
import org.reasonlab.train.eval.EvalResult;
import org.reasonlab.train.eval.Evaluator;
import org.reasonlab.train.eval.ModelAnswerSource;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.model.AnswerTokens;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.TinyModelPreset;

/** Mode R-&gt;L: the reason first, then the label; trained on and read back by the evaluator. */
class ReasonThenLabelTest {
    /** The default R-&gt;L answer with a short prompt (shorter sequences, faster memorising). */
    static final PromptTemplate SHORT_RL = new PromptTemplate("Q: {statement}\nA: ",
            PromptTemplates.REASON_THEN_LABEL.answerText());

    /** Reasons that name the other label on the way: only the conclusion after them counts. */
    static final List<DatasetRecord> RECORDS = List.of(
            new DatasetRecord("a", "I kicked a dog.", "1", "It is not ethical to hurt pets.", Split.TRAIN),
            new DatasetRecord("b", "I fed a stray cat.", "ethical", "Helping animals is kind.", Split.TRAIN),
            new DatasetRecord("c", "I stole from a shop.", "unethical", "Theft harms owners.", Split.TRAIN),
            new DatasetRecord("d", "I gave blood today.", "0", "Nothing unethical in saving lives.", Split.TRAIN),
            new DatasetRecord("e", "I lied to my boss.", "unethical", "Lying breaks trust.", Split.TRAIN),
            new DatasetRecord("f", "I planted a tree.", "ethical", "Trees help everyone.", Split.TRAIN));

    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @Test
    void examplesPutTheReasonFirstAndTheLossCoversReasonThenLabel() throws Exception {
        ExampleSet set = new ExampleBuilder(PromptTemplates.REASON_THEN_LABEL, LabelSchema.defaultSchema())
                .buildAll(RECORDS, Split.TRAIN);
        assertEquals(6, set.examples().size());
        TrainingExample kick = set.examples().get(0);
        assertTrue(kick.prompt().contains("Statement: I kicked a dog."), kick.prompt());
        assertFalse(kick.prompt().contains("It is not ethical"), "the reason must not be in the prompt");
        // alias 1 resolved; the label closes the answer
        assertEquals("It is not ethical to hurt pets. Therefore the statement is unethical.", kick.answer());
        assertEquals("Nothing unethical in saving lives. Therefore the statement is ethical.",
                set.examples().get(3).answer());

        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(TrainFixtures.tiny(tmp), root, Device.cpu())) {
            TrainingData data = TrainingData.tokenize(set.examples(), model.tokenizer(), TinyModelPreset.EOS, 512, false,
                    2, 1);
            TokenizedExample e = data.examples().get(0);
            long[] prompt = new AnswerTokens(model.tokenizer()).context(kick.prompt());
            assertArrayEquals(prompt, Arrays.copyOf(e.ids(), e.lossStart()), "the loss starts after the prompt");
            long[] answer = Arrays.copyOfRange(e.ids(), e.lossStart(), e.length());
            // the prompt's trailing space belongs to the answer
            assertEquals(" " + kick.answer(), model.tokenizer().decode(answer));
            assertEquals(TinyModelPreset.EOS, answer[answer.length - 1]);
            long[] label = model.tokenizer().encodePlain("unethical.");
            assertArrayEquals(label, Arrays.copyOfRange(answer, answer.length - 1 - label.length, answer.length - 1),
                    "the label tokens come last, right before EOS");
        }
    }

    @Test
    void tinyModelLearnsReasonThenLabelAndTheEvaluatorReadsTheLabelAfterTheReason() throws Exception {
        List<TrainingExample> examples = new ExampleBuilder(SHORT_RL, LabelSchema.defaultSchema())
                .buildAll(RECORDS, Split.TRAIN).examples();
        RunSpec spec = TrainFixtures.memorising(TrainingMode.R_THEN_L, SHORT_RL, 6, 400);
        GenerationOptions options = GenerationOptions.greedy(100).withStopStrings(EvalMain.STOP_STRINGS)
                .withMaxSequenceLength(spec.maxSequenceLength());
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(TrainFixtures.tiny(tmp), root, Device.cpu());
                FineTuner tuner = new FineTuner(spec, model, examples, new RunDirectory(tmp.resolve("run")),
                        new EventSink.Collecting())) {
            EvalResult result = null;
            for (long stop = 50; stop <= tuner.totalSteps(); stop += 50) {
                tuner.stopAfter(stop);
                tuner.train(stop > 50);
                result = new Evaluator(TrainingMode.R_THEN_L, SHORT_RL, "tiny").likelihood(false)
                        .evaluate(RECORDS, LabelSchema.defaultSchema(), "train", new ModelAnswerSource(model, options));
                if (result.report().classification().accuracy() == 1.0
                        && result.predictions().stream().allMatch(p -> p.goldReason().equals(p.generatedReason()))) {
                    System.out.println("r->l memorised after " + stop + " steps");
                    break;
                }
            }
            for (Prediction p : result.predictions()) {
                assertTrue(p.parseable(), p.generated());
                assertEquals(p.goldLabel(), p.predictedLabel(), p.generated());
                assertEquals(p.goldReason(), p.generatedReason(), p.generated());
                assertTrue(p.generated().endsWith("Therefore the statement is " + p.goldLabel() + "."), p.generated());
            }
            assertEquals(1.0, result.report().classification().accuracy());
        }
    }
}
