package org.reasonlab.train.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reasonlab.core.model.LabelSchema;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.testing.SharedData;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.eval.EvalMain;
import org.reasonlab.train.eval.EvalResult;
import org.reasonlab.train.eval.Evaluator;
import org.reasonlab.train.eval.EvaluatorTest;
import org.reasonlab.train.eval.ModelAnswerSource;
import org.reasonlab.train.lora.Gpt2LoraTest;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.Precision;
import org.reasonlab.train.model.TestCheckpoints;
import org.reasonlab.train.model.TinyModelPreset;

/** A batch of prompts of different lengths generates what each prompt generates alone. */
class BatchGeneratorTest {
    static final List<String> PROMPTS = List.of("Q: I fed a stray cat.\nA: ", "Label:",
            "Q: I broke a friend's phone on purpose and then lied about it.\nA: ", "Once", "Q: I planted a tree.\nA: ");

    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    private static void assertSameAsOneByOne(LoadedModel model, List<String> prompts, GenerationOptions options) {
        List<GenerationResult> batch = BatchGenerator.generate(model, prompts, options);
        assertEquals(prompts.size(), batch.size());
        for (int i = 0; i < prompts.size(); i++) {
            GenerationResult alone = Generator.generate(model, prompts.get(i), options);
            assertEquals(alone, batch.get(i), "prompt " + i + ": " + prompts.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fp32", "bf16"})
    void tinyLlamaBatchGeneratesLikeOneByOne(String precision) throws Exception {
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(TinyModelPreset.write(tmp.resolve("tiny")), root, Device.cpu(),
                        Precision.resolve(precision, Device.cpu()), false)) {
            assertSameAsOneByOne(model, PROMPTS, GenerationOptions.greedy(16).withStopAtEos(false));
            if (precision.equals("fp32")) {
                // sampling with a seed, stop strings, EOS and prompts cut to fit: all per row
                assertSameAsOneByOne(model, PROMPTS, GenerationOptions.greedy(12).withSampling(0.9, 20, 0.95, 7)
                        .withStopStrings(List.of("e")).withMaxSequenceLength(30));
            }
        }
    }

    @Test
    void gpt2WithLearnedPositionsBatchGeneratesLikeOneByOne() throws Exception {
        Path folder = TestCheckpoints.write(tmp.resolve("gpt2"), Gpt2LoraTest.CONFIG,
                TestCheckpoints.gpt2(5, "transformer.", Gpt2LoraTest.VOCAB, Gpt2LoraTest.D, 2, 128));
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu())) {
            assertSameAsOneByOne(model, PROMPTS, GenerationOptions.greedy(20).withStopAtEos(false));
        }
    }

    @Test
    void stories260kBatchGeneratesLikeOneByOne() throws Exception {
        Path folder = SharedData.require("models/stories260K/hf");
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu())) {
            assertSameAsOneByOne(model, List.of("Once upon a time", "Lily and Tom went to the park. They"),
                    GenerationOptions.greedy(24));
        }
    }

    @Test
    void evaluationInBatchesGivesTheSamePredictions() throws Exception {
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(TinyModelPreset.write(tmp.resolve("tiny")), root, Device.cpu())) {
            GenerationOptions options = GenerationOptions.greedy(12).withStopStrings(EvalMain.STOP_STRINGS);
            var records = EvaluatorTest.sixRecords();
            EvalResult one = new Evaluator(TrainingMode.L_PLUS_R, "tiny").evaluate(records, LabelSchema.defaultSchema(),
                    "test", new ModelAnswerSource(model, options));
            EvalResult four = new Evaluator(TrainingMode.L_PLUS_R, "tiny").batchSize(4).evaluate(records,
                    LabelSchema.defaultSchema(), "test", new ModelAnswerSource(model, options));
            assertEquals(one.predictions(), four.predictions());
        }
    }
}
