package org.reasonlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reasonlab.core.prompt.PromptTemplate;
import org.reasonlab.core.prompt.TrainingMode;

/** The one check of run settings: the limits, both ways of saying a problem, and what depends on what. */
class RunSettingsTest {
    @TempDir
    Path tmp;

    private static RunSpec valid() {
        RunSpec s = new RunSpec();
        s.setRunId("r1");
        s.setDataset("d.jsonl");
        return s;
    }

    private static SettingProblem only(RunSetting setting, String text) {
        return RunSettings.of(Map.of(setting, text)).problemOf(setting);
    }

    @Test
    void theLimitsOfTheDialogHoldForSpecsToo() {
        RunSpec s = valid();
        s.setLearningRate(2);
        s.setLoraR(RunSettings.MAX_LORA_R + 1);
        s.setMaxSequenceLength(4);
        s.setEpochs(RunSettings.MAX_EPOCHS + 1);
        assertEquals(List.of("loraR must be at most 1024", "learningRate must be at most 1", "epochs must be at most 10000",
                "maxSequenceLength must be at least 8"), s.validate());
        List<SettingProblem> problems = s.problems();
        assertEquals(RunSetting.LORA_R, problems.get(0).setting());
        assertEquals("LoRA r must be a whole number from 1 to 1024, not 1025.", problems.get(0).message());
        assertEquals("Learning rate must be a number above 0 and at most 1, e.g. 2e-4.", problems.get(1).message());
        assertEquals("Max sequence length must be a whole number from 8 to 131072, not 4.", problems.get(3).message());
    }

    @Test
    void sentencesForPeopleNameTheLabelAndTheValue() {
        assertEquals("LoRA r must be a whole number from 1 to 1024, not 0.", only(RunSetting.LORA_R, "0").message());
        assertEquals("loraR must be positive", only(RunSetting.LORA_R, "0").fieldMessage());
        assertEquals("Epochs must be a whole number from 1 to 10000, not 'three'.", only(RunSetting.EPOCHS, "three").message());
        assertEquals("Batch size must be a whole number from 1 to 4096.", only(RunSetting.BATCH_SIZE, "").message());
        assertEquals("Max steps (or leave it empty) must be a whole number of at least 1, not -1.",
                only(RunSetting.MAX_STEPS, "-1").message());
        assertNull(only(RunSetting.MAX_STEPS, ""), "no limit");
        assertEquals("LoRA dropout must be a number from 0 up to (not including) 1, e.g. 0.1.",
                only(RunSetting.LORA_DROPOUT, "1.5").message());
        assertEquals("loraDropout must be below 1", only(RunSetting.LORA_DROPOUT, "1.5").fieldMessage());
        assertEquals("Heap must be a size such as 8g or 4096m, at least 256m.", only(RunSetting.HEAP, "128m").message());
        assertNull(only(RunSetting.HEAP, "2g"));
        assertEquals("Offline mode must be true or false.", only(RunSetting.OFFLINE, "maybe").message());
        assertEquals("Mode must be L, L+R or R->L.", only(RunSetting.MODE, "x").message());
        assertEquals("Choose the dataset file (.jsonl or .csv).", only(RunSetting.DATASET, " ").message());
        assertEquals("Seed must be a whole number, e.g. 42.", only(RunSetting.SEED, "4.2").message());
        assertEquals("DJL cache folder must be an absolute path (or empty for DJL's default, ~/.djl.ai).",
                only(RunSetting.DJL_CACHE, "relative/cache").message());
    }

    @Test
    void loraSettingsCountOnlyForLoraAndTrainingSettingsOnlyForTraining() {
        Map<RunSetting, String> texts = new EnumMap<>(RunSetting.class);
        texts.put(RunSetting.TUNING, "full");
        texts.put(RunSetting.LORA_R, "0");
        texts.put(RunSetting.EPOCHS, "0");
        texts.put(RunSetting.EVAL_MAX_NEW_TOKENS, "-1");
        assertEquals(Set.of(RunSetting.EPOCHS, RunSetting.EVAL_MAX_NEW_TOKENS),
                Set.copyOf(RunSettings.of(texts).check(true).stream().map(SettingProblem::setting).toList()));
        texts.put(RunSetting.TUNING, "lora");
        assertEquals(List.of(RunSetting.LORA_R, RunSetting.EPOCHS, RunSetting.EVAL_MAX_NEW_TOKENS),
                RunSettings.of(texts).check(true).stream().map(SettingProblem::setting).toList());
        assertEquals(List.of(RunSetting.EVAL_MAX_NEW_TOKENS),
                RunSettings.of(texts).check(false).stream().map(SettingProblem::setting).toList(),
                "an evaluation of the base model does not train");
    }

    @Test
    void templatesAreCheckedAgainstTheMode() {
        Map<RunSetting, String> texts = new EnumMap<>(RunSetting.class);
        texts.put(RunSetting.MODE, "l+r");
        texts.put(RunSetting.TEMPLATE_PROMPT, "Statement: {statement}");
        texts.put(RunSetting.TEMPLATE_ANSWER, "");
        assertTrue(RunSettings.of(texts).check(true).get(0).message().startsWith("Template: give both"));
        texts.put(RunSetting.TEMPLATE_ANSWER, "{label}");
        SettingProblem p = RunSettings.of(texts).check(true).get(0);
        assertEquals(RunSetting.TEMPLATE_ANSWER, p.setting());
        assertEquals("Template: answer must contain {reason} in mode l+r", p.message());
        assertEquals("template answer must contain {reason} in mode l+r", p.fieldMessage());
        texts.put(RunSetting.TEMPLATE_ANSWER, "{label} {oops}");
        assertTrue(RunSettings.of(texts).check(true).get(0).message().contains("unknown placeholder {oops}"));
        texts.put(RunSetting.MODE, "l");
        texts.put(RunSetting.TEMPLATE_ANSWER, "{label}");
        assertEquals(List.of(), RunSettings.of(texts).check(true));

        RunSpec spec = valid();
        spec.setMode(TrainingMode.R_THEN_L);
        spec.setTemplate(new PromptTemplate("S: {statement}", " {label} because {reason}"));
        assertEquals(List.of("template answer must put {reason} before {label} in mode r->l"), spec.validate());
    }

    @Test
    void filesNamedBySettingsAreLookedAtOnlyWhenAsked() throws IOException {
        Path model = Files.createDirectories(tmp.resolve("model"));
        Map<RunSetting, String> texts = new EnumMap<>(RunSetting.class);
        texts.put(RunSetting.DATASET, tmp.resolve("missing.jsonl").toString());
        texts.put(RunSetting.MODEL, model.toString());
        texts.put(RunSetting.JAVA_HOME, tmp.toString());
        texts.put(RunSetting.LIBTORCH_PATH, model.toString());
        RunSettings settings = RunSettings.of(texts);
        assertEquals(List.of(), settings.check(true));
        List<SettingProblem> onDisk = settings.checkOnDisk(true);
        assertEquals(List.of(RunSetting.DATASET, RunSetting.MODEL, RunSetting.JAVA_HOME, RunSetting.LIBTORCH_PATH),
                onDisk.stream().map(SettingProblem::setting).toList());
        assertTrue(onDisk.get(0).message().startsWith("Dataset file not found: "), onDisk.get(0).message());
        assertTrue(onDisk.get(1).message().contains("no config.json"), onDisk.get(1).message());
        assertTrue(onDisk.get(2).message().contains("bin/java is missing"), onDisk.get(2).message());
        assertTrue(onDisk.get(3).message().startsWith("No libtorch library in "), onDisk.get(3).message());

        Files.writeString(model.resolve("config.json"), "{}");
        Files.writeString(model.resolve("tokenizer.json"), "{}");
        texts.put(RunSetting.MODEL, model.toString());
        assertTrue(RunSettings.of(texts).checkOnDisk(true).get(1).message().contains("no weights"));
        Files.writeString(model.resolve("model.safetensors"), "");
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "x");
        texts.put(RunSetting.DATASET, notes.toString());
        List<SettingProblem> now = RunSettings.of(texts).checkOnDisk(true);
        assertEquals("notes.txt is not a dataset: choose a .jsonl or .csv file.", now.get(0).message());
        assertEquals(RunSetting.JAVA_HOME, now.get(1).setting(), "the model folder is complete now");
        texts.put(RunSetting.MODEL, RunSpec.TINY_MODEL);
        assertTrue(RunSettings.of(texts).checkOnDisk(true).stream().noneMatch(p -> p.setting() == RunSetting.MODEL));
    }

    @Test
    void warmupRatioEvalSampleAndPresetAreCheckedHereToo() {
        RunSpec s = valid();
        s.setWarmupRatio(1.0);
        s.setEvalSample(0);
        s.setPreset("paper");
        assertEquals(List.of("warmupRatio must be below 1", "evalSample must be positive",
                "preset must be one of dfar-paper"), s.validate());
        s.setWarmupRatio(0.03);
        s.setWarmupSteps(10);
        s.setEvalSample(5);
        s.setPreset("dfar-paper");
        assertEquals(List.of("warmupRatio must not be set beside warmupSteps 10"), s.validate());
        s.setWarmupSteps(0);
        assertEquals(List.of(), s.validate());
        assertEquals("Warm-up ratio (or leave it empty) must be a number from 0 up to (not including) 1, e.g. 0.03.",
                only(RunSetting.WARMUP_RATIO, "-0.1").message());
        assertNull(only(RunSetting.WARMUP_RATIO, ""));
        assertNull(only(RunSetting.EVAL_SAMPLE, ""));
    }

    @Test
    void heapSizesAndLoraTargets() {
        Map<RunSetting, String> texts = new EnumMap<>(RunSetting.class);
        texts.put(RunSetting.HEAP, "8g");
        texts.put(RunSetting.LORA_TARGET_MODULES, " q_proj,v_proj  o_proj ");
        RunSettings s = RunSettings.of(texts);
        assertEquals(8192, s.heapMegabytes());
        assertEquals(List.of("q_proj", "v_proj", "o_proj"), s.loraTargets());
        assertEquals(-1, RunSettings.of(Map.of(RunSetting.HEAP, "8 GB")).heapMegabytes());
    }
}
