package org.reasonlab.train.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.testing.SharedData;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;

/**
 * Smoke test on a real pretrained (TinyStories) Llama: the "pre-trained" row of the paper, in
 * miniature. It knows nothing about ethics; the test checks the pipeline, not the scores.
 * Skipped when {@code shared/models/stories260K/hf} is absent.
 */
class Stories260KEvalTest {
    @BeforeAll
    static void prepare() {
        DjlEnvironment.prepare(true);
    }

    @Test
    void evaluatesSixRecordsWithTheRealModel() throws Exception {
        Path folder = SharedData.require("models/stories260K/hf");
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu())) {
            ModelAnswerSource source = new ModelAnswerSource(model,
                    GenerationOptions.greedy(12).withStopStrings(EvalMain.STOP_STRINGS));
            double[] ll = source.logLikelihoods("Once upon a time, there was a little", List.of(" girl", " zebra"),
                    false);
            assertTrue(ll[0] > ll[1], Arrays.toString(ll));
            EvalResult r = new Evaluator(TrainingMode.L_PLUS_R, "stories260K").evaluate(EvaluatorTest.sixRecords(),
                    LabelSchema.defaultSchema(), "test", source);
            assertEquals(6, r.records());
            assertNotNull(r.likelihoodAccuracy());
            r.likelihoodLabels().forEach(l -> assertTrue(LabelSchema.defaultSchema().contains(l)));
            assertEquals(6, r.predictions().stream().filter(p -> p.generated() != null).count());
        }
    }
}
