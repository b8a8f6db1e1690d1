package org.reasonlab.train.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.CheckpointEvent;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.Precision;

class ResumeTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    private TrainResult run(Path folder, RunSpec spec, Path runDir, boolean resume, long stopAfter,
            EventSink.Collecting events) throws Exception {
        Precision precision = Precision.resolve(spec.precision(), Device.cpu());
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu(), precision,
                        RunSpec.TUNING_FULL.equals(spec.tuning()));
                FineTuner t = new FineTuner(spec, model, TrainFixtures.examples(TrainFixtures.SHORT_LR, 10),
                        new RunDirectory(runDir), events)) {
            if (stopAfter > 0) {
                t.stopAfter(stopAfter);
            }
            return t.train(resume);
        }
    }

    @ParameterizedTest
    @CsvSource({"lora, fp32", "full, fp32", "lora, bf16"})
    void interruptedAndResumedRunHasTheSameLossCurve(String tuning, String precision) throws Exception {
        Path folder = TrainFixtures.tiny(tmp);
        RunSpec spec = TrainFixtures.spec(tuning, TrainingMode.L_PLUS_R, TrainFixtures.SHORT_LR);
        spec.setPrecision(precision);
        spec.setMaxSteps(6);
        spec.setBatchSize(2);
        spec.setGradientAccumulation(2); // 10 examples: 5 micro-batches, 3 steps per epoch: crosses an epoch
        spec.setWeightDecay(0.01);
        spec.setCheckpointEvery(2);
        TrainResult full = run(folder, spec, tmp.resolve("a"), false, 0, new EventSink.Collecting());
        assertEquals(RunStatus.COMPLETED, full.status(), String.valueOf(full.error()));
        assertEquals(6, full.losses().size());

        EventSink.Collecting ev = new EventSink.Collecting();
        TrainResult first = run(folder, spec, tmp.resolve("b"), false, 3, ev);
        assertEquals(RunStatus.CANCELLED, first.status());
        assertEquals(3, first.step());
        assertTrue(Files.isDirectory(tmp.resolve("b/checkpoints/step-3")));
        assertTrue(ev.events().stream().anyMatch(e -> e instanceof CheckpointEvent c && c.step() == 3));
        TrainResult second = run(folder, spec, tmp.resolve("b"), true, 0, new EventSink.Collecting());
        assertEquals(RunStatus.COMPLETED, second.status(), String.valueOf(second.error()));
        assertEquals(4, second.firstStep());
        List<Double> joined = new ArrayList<>(first.losses());
        joined.addAll(second.losses());
        String what = tuning + " " + precision;
        System.out.println(what + " losses uninterrupted " + full.losses() + "\n" + what + " losses resumed       "
                + joined);
        assertEquals(6, joined.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(full.losses().get(i), joined.get(i), 1e-6, "step " + (i + 1));
        }
    }
}
