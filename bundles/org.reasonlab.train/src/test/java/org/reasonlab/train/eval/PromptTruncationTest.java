package org.reasonlab.train.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.TrainingExample;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.generate.GenerationResult;
import org.reasonlab.train.generate.Generator;
import org.reasonlab.train.model.AnswerTokens;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.TinyModelPreset;
import org.reasonlab.train.training.TrainingData;

/**
 * A statement too long for maxSequenceLength: training, generation and likelihood scoring keep the
 * same prompt tokens (the tiny preset's tokenizer is character level: one token per character).
 */
class PromptTruncationTest {
    static final int MAX_LEN = 48;
    static final PromptTemplate TEMPLATE = new PromptTemplate("Q: {statement}\nA: ", "{label}");
    static final String LONG = TEMPLATE.prompt("I " + "very ".repeat(30) + "kindly fed a stray cat.");

    @TempDir
    static Path tmp;
    static NDManager root;
    static LoadedModel model;

    @BeforeAll
    static void load() throws Exception {
        DjlEnvironment.prepare(true);
        root = NDManager.newBaseManager(Device.cpu());
        model = ModelLoader.load(TinyModelPreset.write(tmp.resolve("tiny")), root, Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
        root.close();
    }

    /** The prompt tokens training keeps for {@code prompt} with {@code answer} (+ EOS) within MAX_LEN. */
    static long[] trainingPrompt(String prompt, String answer) {
        TrainingData d = TrainingData.tokenize(List.of(new TrainingExample(prompt, answer)), model.tokenizer(),
                TinyModelPreset.EOS, MAX_LEN, false, 1, 0);
        assertEquals(1, d.truncatedPrompts());
        var e = d.examples().get(0);
        return Arrays.copyOf(e.ids(), e.lossStart());
    }

    @Test
    void generationKeepsThePromptTokensTrainingKept() {
        long[] full = new AnswerTokens(model.tokenizer()).context(LONG);
        long[] kept = trainingPrompt(LONG, "unethical");
        // the answer is " unethical" (the prompt's trailing space belongs to it) + EOS
        assertEquals(MAX_LEN - " unethical".length() - 1, kept.length);
        assertEquals(TinyModelPreset.BOS, kept[0]);
        assertArrayEquals(Arrays.copyOfRange(full, full.length - kept.length + 1, full.length),
                Arrays.copyOfRange(kept, 1, kept.length), "the prompt's end (the answer cue) is kept");

        // room for the answer: " unethical" + EOS = 11 new tokens, as training left it
        GenerationOptions options = GenerationOptions.greedy(11).withStopAtEos(false).withMaxSequenceLength(MAX_LEN);
        assertEquals(kept.length, Generator.promptBudget(model.model(), options));
        GenerationResult fromText = Generator.generate(model, LONG, options);
        assertEquals(full.length - kept.length, fromText.promptTokensDropped());
        GenerationResult fromKept = Generator.generate(model.model(), model.tokenizer(), model.manager(), kept, options,
                false);
        assertEquals(0, fromKept.promptTokensDropped());
        assertEquals(fromKept.tokens(), fromText.tokens());
        assertEquals(11, fromText.tokens().size());
    }

    @Test
    void likelihoodScoringSeesTheContextTrainingKeptForTheLongestLabel() {
        ModelAnswerSource source = new ModelAnswerSource(model,
                GenerationOptions.greedy(11).withMaxSequenceLength(MAX_LEN));
        List<String> labels = List.of("ethical", "unethical");
        double[] ll = source.logLikelihoods(LONG, labels, false);
        assertEquals(1, source.truncatedPrompts());
        long[] kept = trainingPrompt(LONG, "unethical");
        for (int i = 0; i < labels.size(); i++) {
            long[] answer = new AnswerTokens(model.tokenizer()).split(LONG, labels.get(i)).answer();
            assertEquals(manualLogLikelihood(kept, answer), ll[i], 1e-4,
                    labels.get(i));
        }
        // what lies left of the kept tokens does not matter
        String otherStart = TEMPLATE.prompt("You " + "very ".repeat(30) + "kindly fed a stray cat.");
        assertArrayEquals(ll, source.logLikelihoods(otherStart, labels, false));
    }

    @Test
    void aPromptLongerThanTheContextIsCutInsteadOfFailing() {
        int context = model.config().maxPositions();
        String huge = TEMPLATE.prompt("I " + "really ".repeat(context / 7 + 10) + "helped.");
        long[] ids = new AnswerTokens(model.tokenizer()).context(huge);
        assertTrue(ids.length > context);
        GenerationResult r = Generator.generate(model, huge, GenerationOptions.greedy(5).withStopAtEos(false));
        assertEquals(ids.length - (context - 5), r.promptTokensDropped());
        assertEquals(5, r.tokens().size());
        double[] ll = new ModelAnswerSource(model, GenerationOptions.greedy(5)).logLikelihoods(huge, List.of("ethical"), true);
        assertTrue(Double.isFinite(ll[0]) && ll[0] < 0, Arrays.toString(ll));
    }

    /** Sum of log p(answer tokens | context) in one forward pass over context + answer. */
    private static double manualLogLikelihood(long[] context, long[] answer) {
        long[] ids = Arrays.copyOf(context, context.length + answer.length);
        System.arraycopy(answer, 0, ids, context.length, answer.length);
        try (NDManager m = model.manager().newSubManager()) {
            NDArray logp = model.model().forward(m.create(ids).reshape(1, ids.length), null).head().get(0).logSoftmax(-1);
            float[] lp = logp.toFloatArray();
            int vocab = model.config().vocabSize();
            double sum = 0;
            for (int t = context.length; t < ids.length; t++) {
                sum += lp[(t - 1) * vocab + (int) ids[t]];
            }
            return sum;
        }
    }
}
