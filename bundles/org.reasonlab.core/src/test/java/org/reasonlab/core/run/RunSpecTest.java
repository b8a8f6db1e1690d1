package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.PromptTemplates;
import org.reasonlab.core.prompt.TrainingMode;

class RunSpecTest {
    @TempDir
    Path dir;

    static RunSpec valid() {
        RunSpec s = new RunSpec();
        s.setRunId("dfar-lr-1");
        s.setDataset("data/dfar.jsonl");
        s.setCreated(Instant.parse("2025-01-02T03:04:05.678Z"));
        return s;
    }

    @Test
    void defaultsAreReasonLabs() {
        RunSpec s = new RunSpec();
        assertEquals(TrainingMode.L_PLUS_R, s.mode());
        assertEquals(PromptTemplates.defaultFor(TrainingMode.L_PLUS_R), s.template());
        assertFalse(s.hasOwnTemplate());
        assertEquals("tiny", s.model());
        assertEquals("lora", s.tuning());
        assertEquals(64, s.loraR());
        assertEquals(16, s.loraAlpha());
        assertEquals(0.1, s.loraDropout());
        assertEquals(List.of("q_proj", "v_proj"), s.loraTargetModules());
        assertEquals(2e-4, s.learningRate());
        assertEquals(0.0, s.weightDecay());
        assertEquals("cosine", s.schedule());
        assertEquals(0, s.warmupSteps());
        assertEquals(3, s.epochs());
        assertNull(s.maxSteps());
        assertEquals(4, s.batchSize());
        assertEquals(1, s.gradientAccumulation());
        assertEquals(512, s.maxSequenceLength());
        assertEquals(1.0, s.gradientClipping());
        assertEquals(42, s.seed());
        assertFalse(s.lossOnPrompt());
        assertEquals("auto", s.device());
        assertEquals("auto", s.precision());
        assertEquals(100, s.checkpointEvery());
        assertEquals(0, s.evalMaxNewTokens(), "derived from the training answers");
        assertNull(s.holdout());
        assertNull(s.splitSeed());
        assertEquals("train", s.trainSplit());
        assertEquals("test", s.evalSplit());
    }

    @Test
    void warmupRatioIsCeiledOverTheRunsSteps() {
        RunSpec s = new RunSpec();
        s.setWarmupSteps(7);
        assertEquals(7, s.warmupStepsOf(1000));
        s.setWarmupRatio(0.03);
        assertEquals(30, s.warmupStepsOf(1000));
        assertEquals(1, s.warmupStepsOf(10)); // ceil(0.3), as Hugging Face's warmup_ratio
        assertEquals(0, s.warmupStepsOf(0));
    }

    @Test
    void newFieldsRoundTripAndAreNullByDefault() {
        RunSpec s = valid();
        s.setWarmupRatio(0.03);
        s.setEvalSample(200);
        s.setPreset("dfar-paper");
        RunSpec back = RunSpecs.parse(RunSpecs.toJsonString(s));
        assertEquals(0.03, back.warmupRatio());
        assertEquals(200, back.evalSample());
        assertEquals("dfar-paper", back.preset());
        String defaults = RunSpecs.toJsonString(valid());
        assertTrue(defaults.contains("\"warmupRatio\": null") && defaults.contains("\"evalSample\": null")
                && defaults.contains("\"preset\": null"), defaults);
        RunSpec old = RunSpecs.parse("{\"runId\":\"r\",\"dataset\":\"d.jsonl\"}");
        assertNull(old.warmupRatio());
        assertNull(old.evalSample());
        assertNull(old.preset());
    }

    @Test
    void templateFollowsTheModeUntilSet() {
        RunSpec s = new RunSpec();
        s.setMode(TrainingMode.L);
        assertEquals(PromptTemplates.defaultFor(TrainingMode.L), s.template());
        PromptTemplate own = new PromptTemplate("S: {statement} ->", " {label}");
        s.setTemplate(own);
        assertEquals(own, s.template());
        assertTrue(s.hasOwnTemplate());
    }

    @Test
    void aValidSpecHasNoProblems() {
        assertEquals(List.of(), valid().validate());
        assertEquals(List.of("runId must not be empty", "dataset must not be empty"), new RunSpec().validate());
    }

    @Test
    void validationNamesTheField() {
        RunSpec s = valid();
        s.setRunId("a/b");
        s.setTrainSplit("training-set");
        s.setLoraR(0);
        s.setLoraAlpha(-1);
        s.setLoraDropout(1.0);
        s.setLoraTargetModules(List.of());
        s.setLearningRate(Double.NaN);
        s.setWeightDecay(-0.1);
        s.setSchedule("step");
        s.setWarmupSteps(-1);
        s.setEpochs(0);
        s.setMaxSteps(0);
        s.setBatchSize(0);
        s.setGradientAccumulation(0);
        s.setMaxSequenceLength(0);
        s.setGradientClipping(-1);
        s.setDevice("tpu");
        s.setPrecision("fp16");
        s.setCheckpointEvery(-5);
        s.setEvalMaxNewTokens(-1);
        s.setTuning("lora");
        List<String> problems = s.validate();
        for (String field : List.of("runId", "trainSplit", "loraR", "loraAlpha", "loraDropout", "loraTargetModules",
                "learningRate", "weightDecay", "schedule", "warmupSteps", "epochs", "maxSteps", "batchSize",
                "gradientAccumulation", "maxSequenceLength", "gradientClipping", "device", "precision",
                "checkpointEvery", "evalMaxNewTokens")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(field + " ")), field + " in " + problems);
        }
        assertTrue(problems.contains("loraR must be positive"), problems.toString());
        assertTrue(problems.contains("precision must be auto, fp32 or bf16"), problems.toString());
        assertEquals(20, problems.size(), problems.toString());
    }

    @Test
    void loraSettingsAreNotCheckedForFullTuning() {
        RunSpec s = valid();
        s.setTuning("full");
        s.setLoraR(0);
        assertEquals(List.of(), s.validate());
        s.setTuning("qlora");
        assertEquals(List.of("tuning must be lora or full"), s.validate());
    }

    @Test
    void templateMustFitTheMode() {
        RunSpec s = valid();
        s.setMode(TrainingMode.L);
        s.setTemplate(PromptTemplates.defaultFor(TrainingMode.L_PLUS_R));
        assertEquals(List.of("template answer must not contain {reason} in mode l"), s.validate());
        s.setMode(TrainingMode.R_THEN_L);
        assertEquals(List.of("template answer must put {reason} before {label} in mode r->l"), s.validate());
        s.setTemplate(null);
        assertEquals(List.of(), s.validate());
    }

    @Test
    void writesAndReadsSpecJson() throws IOException {
        RunSpec s = valid();
        s.setMode(TrainingMode.R_THEN_L);
        s.setMaxSteps(500);
        s.setLoraTargetModules(List.of("q_proj", "k_proj", "v_proj", "o_proj"));
        s.setSeed(Long.MAX_VALUE);
        s.setLossOnPrompt(true);
        s.setLearningRate(1e-5);
        s.setPrecision("bf16");
        Path file = dir.resolve("spec.json");
        RunSpecs.write(s, file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"mode\": \"r->l\""), text);
        assertTrue(text.contains("\"created\": \"2025-01-02T03:04:05.678Z\""), text);
        assertTrue(text.contains("Therefore the statement is {label}."), text);
        RunSpec back = RunSpecs.read(file);
        assertEquals(RunSpecs.toJson(s), RunSpecs.toJson(back));
        assertEquals(TrainingMode.R_THEN_L, back.mode());
        assertEquals(500, back.maxSteps());
        assertEquals(Long.MAX_VALUE, back.seed());
        assertEquals("bf16", back.precision());
        assertTrue(text.contains("\"precision\": \"bf16\""), text);
        assertEquals(List.of(), back.validate());
    }

    @Test
    void missingFieldsTakeDefaultsAndUnknownFieldsAreIgnored() {
        RunSpec s = RunSpecs.parse("{\"runId\":\"r\",\"dataset\":\"d.jsonl\",\"mode\":\"L\",\"future\":{\"x\":1}}");
        assertEquals(TrainingMode.L, s.mode());
        assertEquals(PromptTemplates.defaultFor(TrainingMode.L), s.template());
        assertEquals(64, s.loraR());
        assertEquals("auto", s.precision()); // spec files from before the precision setting
        assertNull(s.created());
        assertEquals(List.of(), s.validate());
    }

    @Test
    void wrongTypesNameTheField() {
        assertMessage("loraR must be a whole number", "{\"loraR\":\"64\"}");
        assertMessage("loraR must be a whole number", "{\"loraR\":6.5}");
        assertMessage("learningRate must be a number", "{\"learningRate\":true}");
        assertMessage("lossOnPrompt must be true or false", "{\"lossOnPrompt\":1}");
        assertMessage("precision must be text", "{\"precision\":16}");
        assertMessage("mode must be one of l, l+r, r->l, not 'x'", "{\"mode\":\"x\"}");
        assertMessage("loraTargetModules must be a list of text", "{\"loraTargetModules\":\"q_proj\"}");
        assertMessage("template: unknown placeholder {text}", "{\"template\":{\"prompt\":\"{text}\",\"answer\":\"{label}\"}}");
        assertMessage("created must be an ISO-8601 time", "{\"created\":\"yesterday\"}");
        assertMessage("a run spec must be a JSON object", "[]");
    }

    private static void assertMessage(String expectedStart, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunSpecs.parse(json));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @Test
    void readReportsTheFile() throws IOException {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, "{\"epochs\": \"three\"}");
        IOException e = assertThrows(IOException.class, () -> RunSpecs.read(file));
        assertTrue(e.getMessage().contains("spec.json: epochs must be a whole number"), e.getMessage());
    }

    @Test
    void copyIsIndependent() {
        RunSpec s = valid();
        RunSpec copy = s.copy();
        copy.setEpochs(9);
        copy.setMode(TrainingMode.L);
        assertEquals(3, s.epochs());
        assertFalse(copy.hasOwnTemplate());
        assertEquals(PromptTemplates.defaultFor(TrainingMode.L), copy.template());
    }
}
