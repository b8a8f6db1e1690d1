package org.reasonlab.train.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.TrainingExample;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.train.model.TinyModelPreset;

/** Small DFAR-like data and specs for the trainer tests. */
public final class TrainFixtures {
    /** statement, label, short reason. */
    public static final String[][] RECORDS = {
        {"I fed a stray cat.", "ethical", "Helping animals is kind."},
        {"I kicked a dog.", "unethical", "Hurting pets is cruel."},
        {"I returned a lost wallet.", "ethical", "Honesty helps others."},
        {"I stole from a shop.", "unethical", "Theft harms owners."},
        {"I lied to my boss.", "unethical", "Lying breaks trust."},
        {"I helped my old neighbour.", "ethical", "Caring for elders matters."},
        {"I cheated on a test.", "unethical", "Cheating is dishonest."},
        {"I gave blood today.", "ethical", "Donating saves lives."},
        {"I mocked a sick child.", "unethical", "Mockery causes pain."},
        {"I recycled my bottles.", "ethical", "Recycling protects nature."},
        {"I broke a friend's phone on purpose.", "unethical", "Damage hurts friends."},
        {"I thanked the bus driver.", "ethical", "Gratitude is polite."},
        {"I spread a false rumour.", "unethical", "Rumours harm reputations."},
        {"I shared my lunch.", "ethical", "Sharing shows care."},
        {"I ignored a crying baby.", "unethical", "Neglect endangers babies."},
        {"I planted a tree.", "ethical", "Trees help everyone."},
    };

    public static final PromptTemplate SHORT_LR = new PromptTemplate("Q: {statement}\nA: ", "{label}. {reason}");
    public static final PromptTemplate SHORT_L = new PromptTemplate("Q: {statement}\nA: ", "{label}");

    private TrainFixtures() {
    }

    public static List<TrainingExample> examples(PromptTemplate t, int n) {
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] r = RECORDS[i % RECORDS.length];
            out.add(new TrainingExample(t.prompt(r[0]), t.answer(r[1], r[2])));
        }
        return out;
    }

    public static RunSpec spec(String tuning, TrainingMode mode, PromptTemplate t) {
        RunSpec s = new RunSpec();
        s.setRunId("test-run");
        s.setDataset("in-memory");
        s.setMode(mode);
        s.setTemplate(t);
        s.setModel("tiny");
        s.setTuning(tuning);
        s.setLoraR(4);
        s.setLoraAlpha(8);
        s.setLoraDropout(0.1);
        s.setLoraTargetModules(List.of("q_proj", "v_proj"));
        s.setLearningRate(1e-2);
        s.setSchedule("cosine");
        s.setWarmupSteps(1);
        s.setEpochs(10);
        s.setBatchSize(4);
        s.setGradientAccumulation(1);
        s.setMaxSequenceLength(128);
        s.setSeed(7);
        s.setDevice("cpu");
        s.setCheckpointEvery(0);
        return s;
    }

    /** A full-tuning spec that learns the records by heart: constant learning rate 3e-3 after 5 warm-up steps. */
    public static RunSpec memorising(TrainingMode mode, PromptTemplate t, int batchSize, int epochs) {
        RunSpec s = spec(RunSpec.TUNING_FULL, mode, t);
        s.setLearningRate(3e-3);
        s.setSchedule("constant");
        s.setWarmupSteps(5);
        s.setBatchSize(batchSize);
        s.setEpochs(epochs);
        return s;
    }

    /** Writes the tiny preset once per folder. */
    public static Path tiny(Path dir) throws IOException {
        return TinyModelPreset.write(dir.resolve("tiny"));
    }
}
