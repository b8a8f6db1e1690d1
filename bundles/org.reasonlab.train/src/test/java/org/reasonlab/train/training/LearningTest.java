package org.reasonlab.train.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingExample;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.StepEvent;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.generate.Generator;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.Precision;

/** The tiny model learns 16 records by heart: greedy generation reproduces label (and reason). */
class LearningTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"l+r", "l", "l+r dfar", "l+r bf16"})
    void tinyModelMemorisesTheTrainingSet(String variant) throws Exception {
        String modeId = variant.split(" ")[0];
        TrainingMode mode = TrainingMode.parse(modeId).orElseThrow();
        boolean dfar = variant.endsWith("dfar");
        // "bf16": products in bf16 (what precision auto trains with on a CPU with native bf16), generation too
        Precision precision = variant.endsWith("bf16") ? Precision.BF16 : Precision.FP32;
        // "dfar": the DFAR paper's own (long) Llama prompt, the default of a new run
        PromptTemplate t = dfar ? PromptTemplates.defaultFor(mode)
                : mode == TrainingMode.L ? TrainFixtures.SHORT_L : TrainFixtures.SHORT_LR;
        List<TrainingExample> examples = TrainFixtures.examples(t, 16);
        RunSpec spec = TrainFixtures.spec(RunSpec.TUNING_FULL, mode, t);
        spec.setLearningRate(3e-3);
        spec.setSchedule("constant");
        spec.setWarmupSteps(5);
        spec.setBatchSize(16);
        spec.setEpochs(mode == TrainingMode.L ? 80 : dfar ? 400 : 250);
        if (dfar) {
            spec.setMaxSequenceLength(256); // the whole prompt fits, as it does at generation time
        }
        Path folder = TrainFixtures.tiny(tmp);
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu(), precision, true)) {
            EventSink.Collecting events = new EventSink.Collecting();
            long t0 = System.nanoTime();
            int chunk = 50;
            List<String> wrong = List.of("not run");
            long steps = 0;
            double tps = 0;
            try (FineTuner tuner = new FineTuner(spec, model, examples, new RunDirectory(tmp.resolve("run")), events)) {
                for (long stop = chunk; stop <= tuner.totalSteps() && !wrong.isEmpty(); stop += chunk) {
                    tuner.stopAfter(stop);
                    TrainResult r = tuner.train(stop > chunk);
                    steps = r.step();
                    tps = r.tokensPerSecond();
                    wrong = mistakes(model, examples);
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double lastLoss = events.events().stream().filter(e -> e instanceof StepEvent).map(e -> ((StepEvent) e).loss())
                    .reduce((a, b) -> b).orElse(Double.NaN);
            System.out.printf("%s: memorised after %d steps, %.1f s, last loss %.4f, %.0f train tokens/s%n", variant,
                    steps, secs, lastLoss, tps);
            assertEquals(List.of(), wrong, "after " + steps + " steps");
        }
    }

    private static List<String> mistakes(LoadedModel model, List<TrainingExample> examples) {
        List<String> wrong = new ArrayList<>();
        for (TrainingExample e : examples) {
            String got = Generator.generate(model, e.prompt(), GenerationOptions.greedy(e.answer().length() + 2)).text();
            if (!got.equals(e.answer())) {
                wrong.add(e.answer() + " -> " + got);
                break; // one mistake is enough to keep training; saves generation time
            }
        }
        return wrong;
    }
}
