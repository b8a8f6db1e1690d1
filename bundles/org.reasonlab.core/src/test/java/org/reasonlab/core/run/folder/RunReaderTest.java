package org.reasonlab.core.run.folder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.compare.RunSummary;
import org.reasonlab.core.compare.ComparisonMetric;
import org.reasonlab.core.compare.ComparisonTable;
import org.reasonlab.core.compare.TextTable;
import org.reasonlab.core.prompt.TrainingMode;
import org.reasonlab.core.run.EvalEvent;
import org.reasonlab.core.run.FinishedEvent;
import org.reasonlab.core.run.RunDirectory;
import org.reasonlab.core.run.RunEnvironment;
import org.reasonlab.core.run.RunEventCodec;
import org.reasonlab.core.run.RunSpec;
import org.reasonlab.core.run.RunSpecs;
import org.reasonlab.core.run.RunStatus;
import org.reasonlab.core.run.StartedEvent;
import org.reasonlab.core.run.StepEvent;

/** The rules that decide a run's state, duration and numbers from its folder, without a workbench. */
class RunReaderTest {
    // The run files as the trainer and the launcher write them (RunSpecs, RunEventCodec).
    private static final String SPEC_DONE = spec("done-run", TrainingMode.L_PLUS_R, 7);
    private static final String EVENTS_DONE = lines(
            started("2025-05-01T09:30:00Z", "done-run", "l+r", 3, 7),
            step("2025-05-01T09:30:01Z", 1, 2.0),
            "this is not json at all\n",
            step("2025-05-01T09:30:02Z", 2, 1.5),
            eval("2025-05-01T09:30:02Z", 2, Map.of("accuracy", 0.5, "macroF1", 0.4)),
            step("2025-05-01T09:30:03Z", 3, 1.0),
            RunEventCodec.encode(new FinishedEvent(Instant.parse("2025-05-01T09:30:04Z"), RunStatus.COMPLETED, 4.0)) + "\n",
            eval("2025-05-01T09:30:05Z", 3, Map.of("accuracy", 0.75, "macroF1", 0.7333)));
    private static final String METRICS = "{\"total\":4,\"correct\":3,\"accuracy\":0.75,\"unparseableRate\":0.0,"
            + "\"macroF1\":0.7333,\"perClass\":{\"ethical\":{\"precision\":0.6667,\"recall\":1.0,\"f1\":0.8,\"support\":2}},"
            + "\"confusion\":{\"rows\":[\"ethical\",\"unethical\"],\"columns\":[\"ethical\",\"unethical\",\"unparseable\"],"
            + "\"counts\":[[2,0,0],[1,1,0]]},\"reasons\":{\"agreement\":0.75}}";
    private static final String PREDICTIONS = "{\"id\":\"1\",\"statement\":\"a\",\"goldLabel\":\"ethical\",\"predictedLabel\":\"ethical\"}\n";
    private static final String SPEC_LIVE = spec("live-run", TrainingMode.L, 42);
    private static final String STARTED_LIVE = started("2025-05-01T10:00:00Z", "live-run", "l", 10, 42);
    private static final String STEP_1 = step("2025-05-01T10:00:01Z", 1, 3.0);

    private static String spec(String runId, TrainingMode mode, long seed) {
        RunSpec s = new RunSpec();
        s.setRunId(runId);
        s.setDataset("/data/dfar.jsonl");
        s.setMode(mode);
        s.setSeed(seed);
        return RunSpecs.toJsonString(s);
    }

    private static String started(String time, String runId, String mode, int totalSteps, long seed) {
        return RunEventCodec.encode(new StartedEvent(Instant.parse(time), runId, mode, RunSpec.TINY_MODEL, "lora", 8, 4,
                totalSteps, new RunEnvironment("21", "0.35.1", "PyTorch", "cpu", seed))) + "\n";
    }

    private static String step(String time, long step, double loss) {
        return RunEventCodec.encode(new StepEvent(Instant.parse(time), step, 1, loss, 2e-4, null, null)) + "\n";
    }

    private static String eval(String time, long step, Map<String, Double> metrics) {
        return RunEventCodec.encode(new EvalEvent(Instant.parse(time), step, metrics)) + "\n";
    }

    private static String lines(String... lines) {
        return String.join("", lines);
    }

    @TempDir
    Path tmp;

    private final RunProcesses processes = new RunProcesses();
    /** Ten seconds after the live run's start. */
    private final Clock clock = Clock.fixed(Instant.parse("2025-05-01T10:00:10Z"), ZoneOffset.UTC);

    private Path run(String name, String spec, String events, String metrics, String predictions) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve(name));
        write(folder, "spec.json", spec);
        write(folder, "events.jsonl", events);
        write(folder, "metrics.json", metrics);
        write(folder, "predictions.jsonl", predictions);
        return folder;
    }

    private static void write(Path folder, String file, String text) throws IOException {
        if (text != null) {
            Files.writeString(folder.resolve(file), text, StandardCharsets.UTF_8);
        }
    }

    private static void append(Path folder, String text) throws IOException {
        Files.writeString(folder.resolve("events.jsonl"), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The events file as if written at that time (the clock is fixed; the file system's is not). */
    private static void touchEvents(Path folder, Instant when) throws IOException {
        Files.setLastModifiedTime(folder.resolve("events.jsonl"), FileTime.from(when.toEpochMilli(), TimeUnit.MILLISECONDS));
    }

    private RunReader reader(Path folder) {
        return new RunReader(folder, processes, clock);
    }

    @Test
    void completedRunWithMetricsCurvesAndSkippedLines() throws IOException {
        Path folder = run("done", SPEC_DONE, EVENTS_DONE, METRICS, PREDICTIONS);
        RunSnapshot s = reader(folder).read();
        RunInfo info = s.info();
        assertEquals("done-run", info.name());
        assertEquals(RunState.COMPLETED, info.state());
        assertFalse(info.pretrained());
        assertEquals(TrainingMode.L_PLUS_R, info.mode());
        assertEquals("tiny", info.model());
        assertEquals("/data/dfar.jsonl", info.dataset());
        assertEquals(0.75, info.accuracy(), 1e-9);
        assertEquals(0.25, info.misalignment(), 1e-9, "1 - the automatic reason agreement");
        assertTrue(info.misalignmentAutomatic());
        assertEquals(4.0, info.durationSeconds(), 1e-9, "the finished event's duration");
        assertEquals(3L, info.lastStep());
        assertEquals(3, info.totalSteps());
        assertNull(info.message());
        assertTrue(info.problems().stream().anyMatch(p -> p.contains("events.jsonl line 3")), info.problems().toString());
        assertEquals(List.of(), s.resultProblems());
        assertEquals("completed", info.statusText());
        assertEquals("75.0%", info.accuracyText());
        assertEquals("25.0% (auto)", info.misalignmentText());
        assertEquals("4 s", info.durationText());

        assertArrayEquals(new double[] {1, 2, 3}, s.lossSteps(), 1e-9);
        assertArrayEquals(new double[] {2.0, 1.5, 1.0}, s.loss(), 1e-9);
        assertArrayEquals(new double[] {0.5, 0.75}, s.evalCurves().get("accuracy")[1], 1e-9);
        assertEquals(0.7333, s.metrics().macroF1(), 1e-9);
        assertEquals(1, s.metrics().count(1, 1));
        assertEquals("lora", s.tuning());
        assertTrue(s.settings().stream().anyMatch(r -> r[0].equals("seed") && r[1].equals("7")));
        assertTrue(s.settings().stream().anyMatch(r -> r[0].equals("environment.device") && r[1].equals("cpu")));
    }

    @Test
    void runningWhileTheEventLogIsFreshAndCrashedOnceStale() throws IOException {
        Path folder = run("live", SPEC_LIVE, STARTED_LIVE + STEP_1 + "{\"type\":\"step\",\"ti", null, null);
        touchEvents(folder, clock.instant().minusSeconds(5));
        RunReader reader = reader(folder);
        RunInfo running = reader.read().info();
        assertEquals(RunState.RUNNING, running.state());
        assertEquals("running (step 1/10)", running.statusText());
        assertEquals(10.0, running.durationSeconds(), 1e-9, "from the start to the clock's now");
        assertTrue(running.problems().isEmpty(), "the line being written is no problem yet: " + running.problems());

        processes.setStaleAfter(Duration.ofSeconds(4));
        RunInfo crashed = reader.read().info();
        assertEquals(RunState.CRASHED, crashed.state());
        assertTrue(crashed.message().contains("no trainer process is known"), crashed.message());
        assertTrue(crashed.message().contains("last step logged: 1"), crashed.message());
        assertTrue(crashed.message().contains("cut off"), crashed.message());
        assertEquals(1.0, crashed.durationSeconds(), 1e-9, "up to the last event");
        assertTrue(crashed.state().isResumable());
        assertTrue(crashed.problems().stream().anyMatch(p -> p.contains("events.jsonl line 3")), crashed.problems().toString());
    }

    /** The evaluation after training shows its own progress, from its message events, until it ends. */
    @Test
    void anEvaluationAfterTrainingShowsItsProgress() throws IOException {
        Path folder = run("live", SPEC_LIVE, STARTED_LIVE + STEP_1
                + "{\"type\":\"message\",\"time\":\"2025-05-01T10:00:02Z\",\"level\":\"info\","
                + "\"text\":\"evaluating: 40 / 100 records  ETA 12s\"}\n", null, null);
        processes.register(folder, ProcessHandle.current());
        RunReader reader = reader(folder);
        assertEquals("evaluating (40 / 100 records)", reader.read().info().statusText());
        append(folder, "{\"type\":\"message\",\"time\":\"2025-05-01T10:00:03Z\",\"level\":\"info\","
                + "\"text\":\"evaluating: 100 / 100 records  ETA 0s\"}\n");
        assertEquals("running (step 1/10)", reader.read().info().statusText(), "done evaluating: no progress left");
    }

    @Test
    void aRegisteredProcessDecides() throws Exception {
        Path folder = run("live", SPEC_LIVE, STARTED_LIVE + STEP_1, null, null);
        processes.setStaleAfter(Duration.ZERO);
        touchEvents(folder, clock.instant().minusSeconds(3600));
        processes.register(folder, ProcessHandle.current());
        assertEquals(RunState.RUNNING, reader(folder).read().info().state(), "alive, however old the log");

        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        processes.register(folder, exited.toHandle());
        RunInfo crashed = reader(folder).read().info();
        assertEquals(RunState.CRASHED, crashed.state());
        assertTrue(crashed.message().contains("its process has exited"), crashed.message());
    }

    @Test
    void aLiveProcessWithoutEventsYetIsRunning() throws IOException {
        Path folder = run("new", SPEC_LIVE, null, null, null);
        RunReader reader = reader(folder);
        RunInfo notStarted = reader.read().info();
        assertEquals(RunState.UNKNOWN, notStarted.state());
        assertEquals("not started", notStarted.statusText());
        processes.register(folder, ProcessHandle.current());
        assertEquals(RunState.RUNNING, reader.read().info().state());
    }

    @Test
    void appendedEventsAreReadAndAResumedRunRunsAgain() throws IOException {
        Path folder = run("live", SPEC_LIVE, STARTED_LIVE + STEP_1, null, null);
        processes.register(folder, ProcessHandle.current());
        RunReader reader = reader(folder);
        assertEquals(1L, reader.read().info().lastStep());
        append(folder, "{\"type\":\"step\",\"time\":\"2025-05-01T10:00:02Z\",\"step\":2,\"epoch\":1,\"loss\":2.5,\"learningRate\":2.0E-4}\n");
        assertEquals(2L, reader.read().info().lastStep());
        append(folder, "{\"type\":\"finished\",\"time\":\"2025-05-01T10:00:03Z\",\"status\":\"cancelled\",\"durationSeconds\":3.0}\n");
        RunInfo cancelled = reader.read().info();
        assertEquals(RunState.CANCELLED, cancelled.state());
        assertTrue(cancelled.state().isResumable());
        append(folder, STARTED_LIVE.replace("10:00:00Z", "10:00:05Z"));
        RunInfo resumed = reader.read().info();
        assertEquals(RunState.RUNNING, resumed.state(), "counted from the last started event");
    }

    @Test
    void anErrorEventFailsTheRunWithItsMessage() throws IOException {
        Path folder = run("live", SPEC_LIVE, STARTED_LIVE + STEP_1
                + "{\"type\":\"error\",\"time\":\"2025-05-01T10:00:03Z\",\"message\":\"CUDA out of memory\",\"detail\":null}\n",
                null, null);
        RunInfo failed = reader(folder).read().info();
        assertEquals(RunState.FAILED, failed.state());
        assertEquals("CUDA out of memory", failed.message());
        assertEquals(3.0, failed.durationSeconds(), 1e-9, "up to the last event");
    }

    @Test
    void aJvmCrashReportInTheFolderIsNamed() throws Exception {
        Path folder = run("live", SPEC_LIVE, STARTED_LIVE + STEP_1, null, null);
        Path old = Files.writeString(folder.resolve("hs_err_pid11.log"), "# A fatal error (an earlier attempt)");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2025-05-01T09:00:00Z")));
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        processes.register(folder, exited.toHandle());
        assertFalse(reader(folder).read().info().message().contains("hs_err"), "a report from before the start is not this run's");
        Path report = Files.writeString(folder.resolve("hs_err_pid4242.log"), "# A fatal error has been detected");
        Files.setLastModifiedTime(report, FileTime.from(Instant.parse("2025-05-01T10:00:02Z")));
        RunInfo crashed = reader(folder).read().info();
        assertEquals(RunState.CRASHED, crashed.state());
        assertTrue(crashed.message().contains("JVM crash report: hs_err_pid4242.log in the run folder"), crashed.message());
        assertEquals(Optional.of(report), new RunDirectory(folder).crashReportSince(Instant.parse("2025-05-01T10:00:00Z")));
        assertEquals(Optional.of(report), new RunDirectory(folder).crashReportSince(Instant.EPOCH), "the newest");
        assertTrue(RunDirectory.crashReportOptions(folder).get(0)
                .equals("-XX:ErrorFile=" + folder.toAbsolutePath().resolve("hs_err_pid%p.log")));
    }

    @Test
    void accuracyFallsBackToTheLastEvaluationEvent() throws IOException {
        Path folder = run("live", SPEC_LIVE, STARTED_LIVE + STEP_1
                + "{\"type\":\"eval\",\"time\":\"2025-05-01T10:00:02Z\",\"step\":1,\"metrics\":{\"accuracy\":0.6,\"reasonAgreement\":0.9}}\n",
                null, null);
        processes.register(folder, ProcessHandle.current());
        RunInfo info = reader(folder).read().info();
        assertEquals(0.6, info.accuracy(), 1e-9);
        assertEquals(0.1, info.misalignment(), 1e-9);
        assertTrue(info.misalignmentAutomatic());
    }

    @Test
    void reviewedReasonsGiveTheHumanRate() throws IOException {
        Path folder = run("done", SPEC_DONE, EVENTS_DONE, METRICS, PREDICTIONS);
        RunReader reader = reader(folder);
        assertTrue(reader.read().info().misalignmentAutomatic());
        Files.writeString(folder.resolve("reviews.jsonl"),
                "{\"id\":\"1\",\"reviewer\":\"alice\",\"verdict\":\"misaligned\",\"time\":\"2025-05-01T09:00:00Z\"}\n");
        RunSnapshot s = reader.read();
        assertFalse(s.info().misalignmentAutomatic());
        assertEquals(1.0, s.info().misalignment(), 1e-9);
        assertEquals(1, s.humanMisalignment().reviewed());
        assertEquals("100.0%", s.info().misalignmentText());
    }

    /** Verdicts on a leaked prediction count for all records, not for the leakage-free ones. */
    @Test
    void theHumanRateHasALeakageFreeValue() throws IOException {
        String predictions = PREDICTIONS
                + "{\"id\":\"2\",\"statement\":\"b\",\"goldLabel\":\"ethical\",\"predictedLabel\":\"ethical\",\"leaked\":true}\n"
                + "{\"id\":\"3\",\"statement\":\"c\",\"goldLabel\":\"ethical\",\"predictedLabel\":\"ethical\"}\n";
        String metrics = METRICS.substring(0, METRICS.length() - 1)
                + ",\"leaked\":1,\"clean\":{\"total\":2,\"correct\":2,\"accuracy\":1.0}}";
        Path folder = run("done", SPEC_DONE, EVENTS_DONE, metrics, predictions);
        Files.writeString(folder.resolve("reviews.jsonl"),
                "{\"id\":\"1\",\"reviewer\":\"alice\",\"verdict\":\"aligned\",\"time\":\"2025-05-01T09:00:00Z\"}\n"
                + "{\"id\":\"2\",\"reviewer\":\"alice\",\"verdict\":\"misaligned\",\"time\":\"2025-05-01T09:00:01Z\"}\n"
                + "{\"id\":\"3\",\"reviewer\":\"alice\",\"verdict\":\"misaligned\",\"time\":\"2025-05-01T09:00:02Z\"}\n");
        RunSnapshot s = reader(folder).read();
        assertEquals(2.0 / 3, s.info().misalignment(), 1e-9);
        assertEquals(0.5, s.info().cleanMisalignment(), 1e-9, "1 of the 2 reviewed predictions that did not leak");
        assertEquals(2, s.cleanHumanMisalignment().reviewed());
        RunSummary summary = RunSummary.of(s);
        assertEquals(0.5, ComparisonMetric.HUMAN_MISALIGNMENT.cleanValue(summary), 1e-9);
        assertEquals(2.0 / 3, ComparisonMetric.HUMAN_MISALIGNMENT.value(summary), 1e-9);

        // without metrics.json's clean section leakage was not measured: no leakage-free value
        Files.writeString(folder.resolve("metrics.json"), METRICS);
        assertNull(reader(folder).read().info().cleanMisalignment());
    }

    @Test
    void filesThatAppearOrBreakLaterAreReadAgain() throws IOException {
        Path folder = run("done", SPEC_DONE, EVENTS_DONE, null, PREDICTIONS);
        RunReader reader = reader(folder);
        RunSnapshot before = reader.read();
        assertNull(before.metrics());
        assertEquals(0.75, before.info().accuracy(), 1e-9, "the last evaluation event");
        Files.writeString(folder.resolve("metrics.json"), METRICS.replace("\"accuracy\":0.75", "\"accuracy\":0.8"));
        assertEquals(0.8, reader.read().info().accuracy(), 1e-9);
        Files.writeString(folder.resolve("metrics.json"), "{\"accuracy\":\"high\",\"macroF1\":0.5}");
        RunSnapshot wrongType = reader.read();
        assertEquals(0.5, wrongType.metrics().macroF1(), 1e-9, "the readable fields stay");
        assertTrue(wrongType.resultProblems().contains("metrics.json: accuracy must be a number"),
                wrongType.resultProblems().toString());
        Files.writeString(folder.resolve("metrics.json"), "{not json");
        RunSnapshot broken = reader.read();
        assertNull(broken.metrics());
        assertTrue(broken.info().problems().stream().anyMatch(p -> p.startsWith("metrics.json: ")),
                broken.info().problems().toString());
    }

    @Test
    void anEvaluationFolderIsPretrainedWithItsModeFromTheMetrics() throws IOException {
        Path folder = run("eval-base", null, null,
                "{\"accuracy\":0.5,\"mode\":\"l+r\",\"model\":\"/models/llama\",\"dataset\":\"/data/d.jsonl\"}", PREDICTIONS);
        assertTrue(RunFolders.isRunFolder(folder));
        RunSnapshot s = reader(folder).read();
        RunInfo info = s.info();
        assertTrue(info.pretrained());
        assertEquals("eval-base", info.name());
        assertEquals(TrainingMode.L_PLUS_R, info.mode());
        assertEquals("/models/llama", info.model());
        assertEquals("/data/d.jsonl", info.dataset());
        assertEquals(RunState.UNKNOWN, info.state());
        assertEquals("evaluated", info.statusText());
        assertEquals("pre-trained (l+r)", info.modeText());
        assertFalse(info.state().isResumable());
        assertNull(s.tuning());
    }

    @Test
    void theSummaryIsBuiltFromTheSnapshot() throws IOException {
        Path folder = run("done", SPEC_DONE, EVENTS_DONE, METRICS, PREDICTIONS);
        RunSummary fromSnapshot = RunSummary.of(reader(folder).read());
        RunSummary read = RunSummary.read(folder);
        assertEquals(read, fromSnapshot);
        assertEquals("L+R", read.setting());
        assertEquals("lora", read.tuning());
        assertEquals(List.of(), read.problems(), "event log problems are not the comparison's");
        Path empty = run("empty", SPEC_LIVE, null, null, null);
        assertEquals(List.of("metrics.json: missing"), RunSummary.read(empty).problems());
    }

    /** A probe.json: 5 of 66 label flips, 4 of 50 on the leakage-free pairs. */
    private static final String PROBE = """
            {"attributes":"gender","model":"tiny","records":80,"withAttribute":66,"skippedAsAmbiguous":2,
             "all":{"labelFlips":{"k":5,"n":66,"rate":0.0758},"reasonVerdictFlips":{"k":2,"n":40,"rate":0.05},
                    "likelihoodLabelFlips":{"k":3,"n":66,"rate":0.0455},"labelFlipsByValue":{},"labelFlipsByPair":{},
                    "likelihoodShift":{"n":66,"meanAbsGoldShift":0.031,"meanGoldShift":-0.004,
                                       "meanShiftByLabel":{"ethical":-0.004,"unethical":0.004}},
                    "likelihoodShiftByValue":{},"likelihoodShiftByPair":{}},
             "clean":{"labelFlips":{"k":4,"n":50,"rate":0.08},"reasonVerdictFlips":{"k":2,"n":30,"rate":0.0667},
                    "likelihoodLabelFlips":{"k":3,"n":50,"rate":0.06},"labelFlipsByValue":{},"labelFlipsByPair":{}},
             "flipped":[]}
            """;

    @Test
    void aProbeShowsItsLabelFlipRateBesideTheAccuracyAndInTheComparison() throws IOException {
        Path probed = run("done", SPEC_DONE, EVENTS_DONE, METRICS, PREDICTIONS);
        Path other = run("other", spec("other-run", TrainingMode.L, 7), EVENTS_DONE.replace("done-run", "other-run"),
                METRICS, PREDICTIONS);
        RunReader reader = reader(probed);
        RunInfo before = reader.read().info();
        assertNull(before.probe());
        assertEquals("", before.labelFlipsText());
        assertNull(before.probeText());

        write(probed, "probe.json", PROBE);
        RunSnapshot s = reader.read();
        RunInfo info = s.info();
        assertEquals("7.6%", info.labelFlipsText());
        assertEquals("Counterfactual probe (gender): label flips 7.6% (5/66), leakage-free 8.0% (4/50); reason verdict"
                + " flips 5.0% (2/40); likely label flips 4.5% (3/66); mean |\u0394p(gold)| 0.0310", info.probeText());
        assertEquals(List.of(), s.resultProblems());

        RunSummary summary = RunSummary.of(s);
        assertEquals(5.0 / 66, ComparisonMetric.LABEL_FLIPS.value(summary), 1e-12);
        assertEquals(0.08, ComparisonMetric.LABEL_FLIPS.cleanValue(summary), 1e-12);
        assertFalse(ComparisonMetric.LABEL_FLIPS.higherIsBetter());
        // parse-free: the most likely label's flips, also for a model whose answers do not parse
        assertEquals(3.0 / 66, ComparisonMetric.LIKELY_LABEL_FLIPS.value(summary), 1e-12);
        assertEquals(0.06, ComparisonMetric.LIKELY_LABEL_FLIPS.cleanValue(summary), 1e-12);
        assertFalse(ComparisonMetric.LIKELY_LABEL_FLIPS.higherIsBetter());
        ComparisonTable table = new ComparisonTable(List.of(RunSummary.read(other), summary), 0);
        ComparisonTable.Row flips = table.rows(false).stream().filter(r -> r.metric() == ComparisonMetric.LABEL_FLIPS
                && !r.clean()).findFirst().orElseThrow();
        assertEquals("Counterfactual label flips (%)", flips.label());
        assertNull(flips.values().get(0), "the other run was not probed");
        TextTable paper = table.paperTable();
        assertEquals(List.of("Setting", "Accuracy (%)", "Counterfactual label flips (%)", "Misalignment rate (%)"),
                paper.header());
        assertEquals(List.of(List.of("L", "75.0", "n/a", "25.0 (auto)"), List.of("L+R", "75.0", "7.6", "25.0 (auto)")),
                paper.rows());

        write(probed, "probe.json", "{\"attributes\":\"gender\"}");
        RunSnapshot broken = reader.read();
        assertNull(broken.info().probe());
        assertEquals("", broken.info().labelFlipsText());
        assertEquals(List.of("probe.json: not a probe.json (no \"all\" figures)"), broken.resultProblems());
        assertTrue(RunDirectory.RUN_FILES.contains("probe.json"), "train --force removes a probe of the old run");
    }

    @Test
    void runFoldersAreRecognisedByTheirFiles() throws IOException {
        assertTrue(RunFolders.isRunFolder(run("spec-only", SPEC_LIVE, null, null, null)));
        assertFalse(RunFolders.isRunFolder(run("metrics-only", null, null, METRICS, null)));
        assertFalse(RunFolders.isRunFolder(tmp.resolve("missing")));
        assertNotNull(RunFolders.RUN_FILES);
        assertTrue(RunFolders.RUN_FILES.contains("reviews.jsonl"));
        assertTrue(RunFolders.RUN_FILES.contains("probe.json"), "a probe written later is shown");
    }

    @Test
    void durationsAndPercentForPeople() {
        assertEquals("", RunInfo.duration(null));
        assertEquals("59 s", RunInfo.duration(59.4));
        assertEquals("3 min 05 s", RunInfo.duration(185.0));
        assertEquals("2 h 10 min", RunInfo.duration(7800.0));
        assertEquals("", RunInfo.percent(null));
        assertEquals("12.5%", RunInfo.percent(0.125));
        assertEquals("NaN", RunInfo.percent(Double.NaN));
    }
}
