package org.reasonlab.train.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.ErrorEvent;
import org.reasonlab.core.run.FinishedEvent;
import org.reasonlab.core.run.MessageEvent;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEnvironment;
import org.reasonlab.core.run.RunEvent;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.run.StepEvent;
import org.reasonlab.train.DjlEnvironment;
import org.reasonlab.train.generate.GenerationOptions;
import org.reasonlab.train.generate.Generator;
import org.reasonlab.train.model.LoadedModel;
import org.reasonlab.train.model.ModelLoader;
import org.reasonlab.train.model.Precision;

/** Divergence, SIGTERM in a child JVM, environment.json and the merged export. */
class TrainRobustnessTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void offline() {
        DjlEnvironment.prepare(true);
    }

    /** All fixture records in the train split (no test split: no evaluation after training). */
    private Path dataset() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < TrainFixtures.RECORDS.length; i++) {
            String[] r = TrainFixtures.RECORDS[i];
            sb.append("{\"id\":\"r").append(i).append("\",\"statement\":\"").append(r[0]).append("\",\"label\":\"")
                    .append(r[1]).append("\",\"reason\":\"").append(r[2]).append("\",\"split\":\"train\"}\n");
        }
        Path data = tmp.resolve("d.jsonl");
        Files.writeString(data, sb.toString());
        return data;
    }

    private record Outcome(int rc, String out, String err) {
    }

    private static Outcome train(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = TrainMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static <T extends RunEvent> List<T> events(RunDirectory run, Class<T> type) throws IOException {
        return run.readEvents().events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static long lastStep(RunDirectory run) throws IOException {
        List<StepEvent> steps = events(run, StepEvent.class);
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).step();
    }

    @Test
    void nonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint() throws Exception {
        Path runDir = tmp.resolve("run");
        // full tuning with an absurd learning rate: step 1 is finite and moves every weight by ~1e15
        // (Adam's first step is lr * sign(g)); the next forward pass overflows to a NaN loss. The command line
        // refuses a learning rate above 1, so the spec is written as a launcher would and the run started from it.
        RunSpec spec = new RunSpec();
        spec.setRunId("run");
        spec.setDataset(dataset().toString());
        spec.setModel(RunSpec.TINY_MODEL);
        spec.setTuning(RunSpec.TUNING_FULL);
        spec.setLearningRate(1e15);
        spec.setMaxSteps(20);
        spec.setBatchSize(4);
        spec.setDevice("cpu");
        spec.setCheckpointEvery(1);
        new RunDirectory(runDir).create(spec);
        Outcome o = train("--run-dir", runDir.toString(), "--resume");
        assertEquals(1, o.rc(), o.err());
        RunDirectory run = new RunDirectory(runDir);
        assertEquals(RunStatus.FAILED, run.status());
        long good = lastStep(run);
        assertTrue(good >= 1 && good < 20, "last good step " + good + "\n" + o.err());
        List<ErrorEvent> errors = events(run, ErrorEvent.class);
        assertEquals(1, errors.size(), errors.toString());
        String msg = errors.get(0).message();
        System.out.println("divergence after step " + good + ": " + msg);
        assertTrue(msg.contains("diverged at step " + (good + 1)), msg);
        assertTrue(msg.contains("loss is NaN") || msg.contains("loss is Infinity") || msg.contains("loss is -Infinity"),
                msg);
        assertTrue(msg.contains("checkpoints/step-" + good), msg);
        // a real divergence survives the one recomputation of the step
        assertTrue(events(run, MessageEvent.class).stream().anyMatch(
                m -> m.text().startsWith("step " + (good + 1) + ": loss is ") && m.text().endsWith("recomputing the step once")),
                o.out());
        List<FinishedEvent> finished = events(run, FinishedEvent.class);
        assertEquals(RunStatus.FAILED, finished.get(finished.size() - 1).status());
        assertTrue(o.err().contains("diverged at step " + (good + 1)), o.err());
        assertFalse(o.err().contains("\tat "), "stack trace: " + o.err());

        // the last good checkpoint is there, complete, finite and loadable
        Path cp = Checkpoints.latest(run);
        assertEquals(run.checkpointDir(good), cp);
        Checkpoints.State st = Checkpoints.readState(cp);
        assertEquals(good, st.step());
        assertEquals("full", st.tuning());
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> w = Checkpoints.readTensors(cp.resolve(Checkpoints.WEIGHTS), m);
            Map<String, NDArray> opt = Checkpoints.readTensors(cp.resolve(Checkpoints.OPTIMIZER), m);
            assertFalse(w.isEmpty());
            assertEquals(2 * w.size(), opt.size());
            for (Map.Entry<String, NDArray> e : w.entrySet()) {
                NDArray a = e.getValue();
                assertFalse(a.isNaN().any().getBoolean() || a.isInfinite().any().getBoolean(), e.getKey());
            }
        }
    }

    /** Class path for a child JVM: java.class.path plus the URLs of a launcher class loader (JUnit console's -cp). */
    private static String childClassPath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader cl = Thread.currentThread().getContextClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(Path.of(url.toURI()).toString());
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    @Test
    void sigtermCheckpointsCancelsAndTheRunResumesToTheEnd() throws Exception {
        Path runDir = tmp.resolve("run");
        long total = 200;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-D" + DjlEnvironment.OFFLINE_PROPERTY + "=true", "-D" + DjlEnvironment.TRACKING_PROPERTY + "=true",
                "-cp", childClassPath(), TrainMain.class.getName(),
                "--dataset", dataset().toString(), "--run-dir", runDir.toString(), "--model", "tiny", "--tuning", "lora",
                "--epochs", "1000", "--max-steps", Long.toString(total), "--batch-size", "1", "--device", "cpu",
                "--checkpoint-every", "0", "--seed", "3"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("child.out").toFile())
                .redirectError(tmp.resolve("child.err").toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        Process p = pb.start();
        RunDirectory run = new RunDirectory(runDir);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                if (!p.isAlive()) {
                    fail("child exited (" + p.exitValue() + ") before SIGTERM:\n" + Files.readString(tmp.resolve("child.err")));
                }
                if (Files.isRegularFile(run.eventsFile()) && lastStep(run) >= 3) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    fail("no step events after 60 s:\n" + Files.readString(tmp.resolve("child.err")));
                }
                Thread.sleep(25);
            }
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not exit after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        String childErr = Files.readString(tmp.resolve("child.err"));
        // the JVM ends with 143 (128 + SIGTERM) once the shutdown hook has seen training stop
        System.out.println("child exit code after SIGTERM: " + p.exitValue() + ", stopped after step " + lastStep(run));
        System.out.println("recomputed steps in the child: " + events(run, MessageEvent.class)
                .stream().filter(m -> m.text().endsWith("recomputing the step once")).toList());
        assertEquals(RunStatus.CANCELLED, run.status(), childErr);
        long last = lastStep(run);
        assertTrue(last >= 3 && last < total, "stopped after step " + last);
        assertEquals(run.checkpointDir(last), Checkpoints.latest(run), "checkpoint of the last completed step");
        assertEquals(last, Checkpoints.readState(run.checkpointDir(last)).step());

        Outcome o = train("--run-dir", runDir.toString(), "--resume");
        assertEquals(0, o.rc(), o.err());
        assertEquals(RunStatus.COMPLETED, run.status());
        List<StepEvent> steps = events(run, StepEvent.class);
        assertEquals(total, steps.size(), "each step once: " + steps.size());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i + 1, steps.get(i).step());
        }
        assertTrue(Files.isRegularFile(runDir.resolve("adapter/adapter_model.safetensors")));
        assertTrue(Files.isDirectory(run.checkpointDir(total)));
    }

    @Test
    void fullRunWritesEnvironmentAndMergedFolder() throws Exception {
        Path runDir = tmp.resolve("run");
        Outcome o = train("--dataset", dataset().toString(), "--run-dir", runDir.toString(), "--model", "tiny",
                "--tuning", "full", "--max-steps", "2", "--batch-size", "4", "--device", "cpu", "--seed", "11",
                "--merged");
        assertEquals(0, o.rc(), o.err());
        RunDirectory run = new RunDirectory(runDir);
        RunEnvironment env = run.readEnvironment();
        assertEquals(System.getProperty("java.version"), env.java());
        assertEquals(Engine.getDjlVersion(), env.djl());
        assertEquals("0.35.1", env.djl());
        assertEquals("PyTorch " + Engine.getInstance().getVersion(), env.engine());
        assertEquals(Device.cpu().toString(), env.device());
        assertEquals(11, env.seed());
        // auto on a CPU: bf16 for training where it multiplies bf16 natively, the evaluation in fp32
        Precision auto = Precision.resolve("auto", Device.cpu());
        assertEquals(auto.id(), env.precision());
        for (String f : new String[] {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"}) {
            assertTrue(Files.isRegularFile(run.mergedDir().resolve(f)), f);
        }
        assertTrue(o.out().contains("written to merged/"), o.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lora", "full"})
    void mergedExportGeneratesLikeTheTunedModelInMemory(String tuning) throws Exception {
        Path folder = TrainFixtures.tiny(tmp);
        RunSpec spec = TrainFixtures.spec(tuning, TrainingMode.L_PLUS_R, TrainFixtures.SHORT_LR);
        spec.setMaxSteps(4);
        spec.setLearningRate(tuning.equals("lora") ? 5e-2 : 1e-2);
        RunDirectory run = new RunDirectory(tmp.resolve("run"));
        GenerationOptions greedy = GenerationOptions.greedy(16).withStopAtEos(false);
        List<String> prompts = List.of(TrainFixtures.SHORT_LR.prompt(TrainFixtures.RECORDS[0][0]),
                TrainFixtures.SHORT_LR.prompt(TrainFixtures.RECORDS[1][0]), TrainFixtures.SHORT_LR.prompt("I sang a song."));
        List<List<Integer>> tuned = new ArrayList<>();
        List<float[]> tunedLogits = new ArrayList<>();
        List<float[]> baseLogits = new ArrayList<>();
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel model = ModelLoader.load(folder, root, Device.cpu())) {
            for (String p : prompts) {
                baseLogits.add(logits(model, p));
            }
            try (FineTuner t = new FineTuner(spec, model, TrainFixtures.examples(TrainFixtures.SHORT_LR, 8), run,
                    new EventSink.Collecting())) {
                TrainResult r = t.train(false);
                assertEquals(RunStatus.COMPLETED, r.status(), String.valueOf(r.error()));
                for (String p : prompts) {
                    tuned.add(Generator.generate(model, p, greedy).tokens());
                    tunedLogits.add(logits(model, p));
                }
                TrainingSession.writeMerged(run, model, t.lora(), new EventSink.Collecting());
            }
        }
        assertTrue(maxAbsDiff(baseLogits.get(0), tunedLogits.get(0)) > 1e-3, "training changed nothing");
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                LoadedModel merged = ModelLoader.load(run.mergedDir(), root, Device.cpu())) {
            assertTrue(merged.warnings().isEmpty(), merged.warnings().toString());
            for (int i = 0; i < prompts.size(); i++) {
                double d = maxAbsDiff(tunedLogits.get(i), logits(merged, prompts.get(i)));
                assertTrue(d < 1e-4, tuning + " prompt " + i + ": logits differ by " + d);
                assertEquals(tuned.get(i), Generator.generate(merged, prompts.get(i), greedy).tokens(),
                        tuning + " prompt " + i);
            }
        }
    }

    /** Inference logits (all positions) for a prompt. */
    private static float[] logits(LoadedModel m, String prompt) {
        try (NDManager sm = m.manager().newSubManager()) {
            long[] ids = m.tokenizer().encode(prompt);
            return m.model().forward(sm.create(ids, new Shape(1, ids.length)), null).head()
                    .toFloatArray();
        }
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
