package org.reasonlab.train.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.TinyModelPreset;

/** The model-backed source on the untrained tiny preset. */
class ModelAnswerSourceTest {
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
        if (model != null) {
            model.close();
        }
        if (root != null) {
            root.close();
        }
    }

    private static ModelAnswerSource source() {
        return new ModelAnswerSource(model, GenerationOptions.greedy(6).withStopStrings(EvalMain.STOP_STRINGS));
    }

    @Test
    void likelihoodIsFiniteNegativeAndDeterministic() {
        ModelAnswerSource s = source();
        String prompt = "### Question: Statement: I kicked a dog. The statement is \n ### Answer: ";
        double[] a = s.logLikelihoods(prompt, List.of("ethical.", "unethical."), false);
        double[] b = s.logLikelihoods(prompt, List.of("ethical.", "unethical."), false);
        assertArrayEquals(a, b);
        for (double v : a) {
            assertTrue(Double.isFinite(v) && v < 0, "log-likelihood " + v);
        }
        // "unethical." has two more characters (tokens) than "ethical.": an untrained model finds it less likely
        assertTrue(a[1] < a[0], Arrays.toString(a));
    }

    @Test
    void likelihoodMatchesATokenByTokenSum() {
        // scoring "ab" must equal scoring "a" plus scoring "b" after "a" (chain rule; one pass vs two)
        ModelAnswerSource s = source();
        String prompt = "Answer:";
        double ab = s.logLikelihoods(prompt, List.of("ab"), false)[0];
        double a = s.logLikelihoods(prompt, List.of("a"), false)[0];
        double bAfterA = s.logLikelihoods(prompt + "a", List.of("b"), false)[0];
        assertEquals(ab, a + bAfterA, 1e-4);
    }

    @Test
    void evaluatorGivesEveryRecordAValidLikelihoodLabelDeterministically() {
        var records = EvaluatorTest.sixRecords();
        LabelSchema schema = LabelSchema.defaultSchema();
        EvalResult first = new Evaluator(TrainingMode.L_PLUS_R, "tiny").evaluate(records, schema, "test", source());
        EvalResult second = new Evaluator(TrainingMode.L_PLUS_R, "tiny").evaluate(records, schema, "test", source());
        assertNotNull(first.likelihoodAccuracy());
        assertEquals(6, first.likelihoodLabels().size());
        for (String l : first.likelihoodLabels()) {
            assertTrue(schema.names().contains(l), l);
        }
        assertEquals(first.likelihoodLabels(), second.likelihoodLabels());
        assertEquals(first.likelihoodLabels(), first.predictions().stream().map(p -> p.likelihoodLabel()).toList());
        assertEquals(first.predictions(), second.predictions());
        assertEquals(6, first.report().classification().total());
    }
}
